/**
 * react-hook-form over a contract's zod schema (decision 0022): the schema the server parses the request
 * with is the one the browser checks the form with, and every refusal becomes a catalogue message with its
 * values (shared/validation/messages.ts). No screen writes a check of its own.
 */
import { useForm, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { describeIssue, encodeMessage, type IssueLike } from '../../../shared/validation/messages.ts';
import type { FormError } from '../forms.tsx';
import { useFormErrors } from '../errors.ts';

/** Every issue's message becomes an encoded catalogue reference; schemas that name a format keep their key. */
const toMessage = (issue: unknown): string => encodeMessage(describeIssue(issue as IssueLike));

/**
 * The zod resolver, plus what only the browser knows: a date field whose text is not a real date (31.02.)
 * has an empty value and `validity.badInput`; it is refused as a date, not as an empty field. An error on a
 * part of a field (`citizenships.1` of a field that takes a list as text) is shown at the field itself.
 */
function contractResolver<S extends z.ZodType>(schema: S): Resolver<FieldValues> {
  const base = zodResolver(schema as never, { error: toMessage, reportInput: true } as never) as unknown as Resolver<FieldValues>;
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const fields = fieldList(options.fields);
    const bad = [...fields.values()].filter((ref) => (ref as HTMLInputElement | undefined)?.validity?.badInput);
    const leaves = flatten(result.errors);
    if (!bad.length && leaves.every(([path]) => fields.has(path))) return result;
    const errors: Record<string, unknown> = {};
    for (const [path, error] of leaves) {
      const field = fieldOf(path, fields);
      if (getIn(errors, field) === undefined) setIn(errors, field, error);
    }
    for (const ref of bad) {
      const input = ref as HTMLInputElement;
      setIn(errors, input.name, { type: 'badInput', message: input.type === 'date' ? 'validation.date' : 'validation.invalid', ref });
    }
    return { values: {}, errors: errors as never };
  };
}

/** react-hook-form hands the resolver its fields nested by path; each leaf (`_f`) has the field's name and element. */
function fieldList(tree: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const leaf = node as { name?: unknown; ref?: unknown };
    if (typeof leaf.name === 'string' && 'ref' in leaf) {
      out.set(leaf.name, leaf.ref);
      return;
    }
    for (const child of Object.values(node)) walk(child);
  };
  walk(tree);
  return out;
}

/** The registered field a path belongs to: itself, or the nearest enclosing path that is a field. */
function fieldOf(path: string, fields: Map<string, unknown>): string {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') if (fields.has(p)) return p;
  return path;
}

/** The leaf errors (objects with a message) of react-hook-form's nested error object, by dotted path. */
function flatten(errors: unknown, prefix = ''): [string, unknown][] {
  if (!errors || typeof errors !== 'object') return [];
  if (typeof (errors as { message?: unknown }).message === 'string') return [[prefix, errors]];
  return Object.entries(errors).filter(([k]) => k !== 'ref').flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

function getIn(target: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), target);
}

function setIn(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}

export type ContractForm<S extends z.ZodType> = UseFormReturn<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues> & {
  schema: S;
  /** The page's label of each field path: the summary and the messages name fields by them. */
  labels: Record<string, string>;
  /** For a mutation's `onError`: the server's refusal shown like the browser's own (see showServerError). */
  showServerError: (error: unknown) => void;
  /** Prefix of the fields' element ids (several forms on one page). */
  idPrefix: string;
};

/**
 * A form checked by `schema` on submit (then again as the person corrects it). Focus goes to the error
 * summary, not to the first field (GOV.UK pattern), so `shouldFocusError` is off. Fields that are not on
 * the page (the other kind of address, a section not opened) are not sent (`shouldUnregister`).
 */
export function useContractForm<S extends z.ZodType>(schema: S, options: { defaultValues: Partial<z.input<S>>; labels: Record<string, string>; idPrefix?: string }): ContractForm<S> {
  const formErrors = useFormErrors();
  const form = useForm<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>({
    resolver: contractResolver(schema) as never,
    defaultValues: options.defaultValues as never,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
    shouldUnregister: true,
  });
  const { labels } = options;
  return Object.assign(form, {
    schema,
    labels,
    idPrefix: options.idPrefix ?? '',
    showServerError: (error: unknown) => showServerError(form as unknown as UseFormReturn<FieldValues>, error, formErrors, labels),
  });
}

/**
 * Puts a server refusal on the form, worded by `formErrors` (ui/errors.ts: the rule that refused it, the
 * fields the server refused): each message at its field when the form has that field, the rest (a rule,
 * a rate limit) as the form's own error at the top of the summary.
 */
export function showServerError(form: UseFormReturn<FieldValues, unknown, FieldValues>, error: unknown, formErrors: (error: unknown, labels: Record<string, string>) => FormError[], labels: Record<string, string>): void {
  const general: string[] = [];
  for (const e of formErrors(error, labels)) {
    if (e.field && labels[e.field]) form.setError(e.field, { type: 'server', message: e.message });
    else general.push(e.message);
  }
  if (general.length) form.setError('root.server', { type: 'server', message: general.join(' ') });
}
