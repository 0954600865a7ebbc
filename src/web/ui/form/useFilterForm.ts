/**
 * A filter over a list (the day shown, a status, a branch): a contract form over the endpoint's own query
 * schema that applies as it is changed, with no button to press. Whatever the schema accepts becomes the
 * query; a value it refuses is named at its field (and in the form's summary, which does not take focus
 * while the person types) and the list stays as the last accepted query showed it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { useContractForm, type ContractForm } from './useContractForm.ts';

interface FilterOptions<S extends z.ZodType> {
  defaultValues: Partial<z.input<S>>;
  labels: Record<string, string>;
  idPrefix?: string;
  /** Told each query the person's change made (a page that keeps the filter in its address, say). */
  onApply?: (query: z.output<S>) => void;
}

export function useFilterForm<S extends z.ZodType>(
  schema: S,
  options: FilterOptions<S>,
): { form: ContractForm<S>; query: z.output<S> | undefined; apply: (query: z.output<S>) => void } {
  const form = useContractForm(schema, options);
  const [query, setQuery] = useState<z.output<S> | undefined>(() => schema.safeParse(options.defaultValues).data);
  const onApply = useRef(options.onApply);
  useEffect(() => {
    onApply.current = options.onApply;
  });
  // Also the form's submit (Enter in a field), which shows the summary if something is wrong.
  const apply = useCallback((next: z.output<S>) => {
    setQuery(next);
    onApply.current?.(next);
  }, []);
  useEffect(() => {
    const watching = form.watch((_, { type }) => {
      // Only what the person changed: values the page sets (a reset) are the page's to apply.
      if (type !== 'change') return;
      void form.trigger().then((valid) => {
        const parsed = valid ? schema.safeParse(form.getValues()) : undefined;
        if (parsed?.success) apply(parsed.data);
      });
    });
    return () => watching.unsubscribe();
  }, [form, schema, apply]);
  return { form, query, apply };
}
