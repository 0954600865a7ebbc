/**
 * react-hook-form over a contract's zod schema (decision 0022): the schema the server parses the request
 * with is the one the browser checks the form with, and every refusal becomes a catalogue message with its
 * values (shared/validation/messages.ts). No screen writes a check of its own.
 */
import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { contractResolver } from './contract-resolver.ts';
import { useFormErrors, type FormError } from '../errors.ts';

/**
 * The schema of a form without fields: a button that asks the server for one thing (call the next number,
 * create a batch). The form is there so that a refusal shows in its summary as every other form's does.
 */
export const NoFields = z.strictObject({});

export type ContractForm<S extends z.ZodType> = UseFormReturn<
  z.input<S> & FieldValues,
  unknown,
  z.output<S> & FieldValues
> & {
  schema: S;
  /** The page's label of each field path: the summary and the messages name fields by them. */
  labels: Record<string, string>;
  /** For a mutation's `onError`: the server's refusal shown like the browser's own (see showServerError). */
  showServerError: (error: unknown) => void;
  /** Prefix of the fields' element ids (several forms on one page). */
  idPrefix: string;
  /** How many times the server has refused this form: each refusal moves focus to the summary again. */
  refusals: number;
};

/**
 * A form checked by `schema` on submit (then again as the person corrects it). Focus goes to the error
 * summary, not to the first field (GOV.UK pattern), so `shouldFocusError` is off. Fields that are not on
 * the page (the other kind of address, a section not opened) are not sent (`shouldUnregister`).
 */
export function useContractForm<S extends z.ZodType>(
  schema: S,
  options: { defaultValues: Partial<z.input<S>>; labels: Record<string, string>; idPrefix?: string },
): ContractForm<S> {
  const formErrors = useFormErrors();
  const form = useForm<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>({
    resolver: contractResolver(schema) as never,
    defaultValues: options.defaultValues as never,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
    shouldUnregister: true,
  });
  const [refusals, setRefusals] = useState(0);
  const { labels } = options;
  // The server's last refusal, kept to word it again when the person switches language (the browser's own
  // messages are worded at render; the server's are put on the form as text).
  const refused = useRef<unknown>(undefined);
  const latestLabels = useRef(labels);
  latestLabels.current = labels;
  useEffect(() => {
    const last = refused.current;
    if (last)
      showServerError(form as unknown as UseFormReturn<FieldValues>, last, formErrors, latestLabels.current, true);
  }, [form, formErrors]);
  return Object.assign(form, {
    schema,
    labels,
    idPrefix: options.idPrefix ?? '',
    refusals,
    showServerError: (error: unknown) => {
      refused.current = error;
      showServerError(form as unknown as UseFormReturn<FieldValues>, error, formErrors, labels);
      setRefusals((n) => n + 1);
    },
  });
}

/**
 * Puts a server refusal on the form, worded by `formErrors` (ui/errors.ts: the rule that refused it, the
 * fields the server refused): each message at its field when the form has that field, the rest (a rule,
 * a rate limit) as the form's own error at the top of the summary.
 */
export function showServerError(
  form: UseFormReturn<FieldValues, unknown, FieldValues>,
  error: unknown,
  formErrors: (error: unknown, labels: Record<string, string>) => FormError[],
  labels: Record<string, string>,
  // Worded again (another language): only the messages still on the form, as a corrected field keeps no error.
  reword = false,
): void {
  const shown = (name: string) => !reword || form.getFieldState(name, form.formState).error?.type === 'server';
  const general: string[] = [];
  for (const e of formErrors(error, labels)) {
    if (!(e.field && labels[e.field])) general.push(e.message);
    else if (shown(e.field)) form.setError(e.field, { type: 'server', message: e.message });
  }
  if (general.length && shown('root.server'))
    form.setError('root.server', { type: 'server', message: general.join(' ') });
}
