/**
 * Turns an API failure into translated messages for the error summary: the business rule that refused the
 * request (`rule.<id>`, with its values), the fields the server refused (by label, with the rule's catalogue
 * message), and only failing both, the error code (`error.<CODE>`). A form shows them through its
 * `showServerError` (useContractForm), other text through `useProblemText()`; every API failure shown as
 * text goes through here, so a person always reads which rule stopped them (STYLE §5).
 */
import { useCallback } from 'react';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { caseWordingKey } from '../../shared/i18n/case-wording.ts';
import type { FieldError } from '../../shared/errors.ts';
import { useFormat, type Format } from './format.ts';

/** One message of a refusal: at a field (by the form's field path) or, without one, the form's own (a rule, a rate limit). */
export interface FormError {
  field?: string;
  message: string;
}

/** The catalogue lookup of the apps (`useT()`): a key the catalogue lacks comes back as itself. */
export type Translate = (id: string, values?: Record<string, string | number>) => string;
/** How a page shows dates (`useFormat()`); without it, dates stay ISO. */
export type ValueFormat = Pick<Format, 'date' | 'dateTime' | 'dateExample'>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A catalogue message, or undefined when the catalogue lacks the key (so the caller can fall back). */
function known(t: Translate, key: string, values?: Record<string, string | number>): string | undefined {
  const text = t(key, values);
  return text === key ? undefined : text;
}

/**
 * One value of a rule's message as the page says it: a date or instant (sent as ISO) in the page's
 * convention, a status (sent as its code) in the page's words; anything else as it came.
 */
function displayValue(
  name: string,
  value: string | number,
  all: Record<string, string | number>,
  t: Translate,
  format?: ValueFormat,
): string | number {
  if (typeof value !== 'string') return value;
  if (name === 'bookingStatus') return known(t, `appointments.status.${value}`) ?? value;
  if (name === 'registerFact') return known(t, `register.laterFact.${value}`) ?? value;
  if (name === 'caseStatus') return known(t, caseWordingKey('status', String(all['caseType'] ?? ''), value)) ?? value;
  if (format && ISO_DATE.test(value)) return format.date(value);
  if (format && ISO_INSTANT.test(value)) return format.dateTime(value);
  return value;
}

/** The translated message of the rule that refused the request; undefined without a rule or for a rule this build's catalogue lacks. */
export function ruleMessage(error: ApiError, t: Translate, format?: ValueFormat): string | undefined {
  if (!error.rule) return undefined;
  const values = Object.fromEntries(
    Object.entries(error.ruleValues).map(([name, v]) => [name, displayValue(name, v, error.ruleValues, t, format)]),
  );
  return known(t, `rule.${error.rule}`, values);
}

/** A refused field's message by its label: the catalogue message the server named, its reason, or "check this field". */
function fieldMessage(f: FieldError, label: string, t: Translate, format?: ValueFormat): string {
  // A range's ends (`min`, `max`, a first or last day) come as ISO: the message names them in the page's format.
  const own = f.values ?? {};
  const shown = Object.fromEntries(Object.entries(own).map(([n, v]) => [n, displayValue(n, v, own, t, format)]));
  const values = { example: format?.dateExample ?? '1980-05-17', ...shown, field: label };
  return (
    (f.key && known(t, f.key, values)) ||
    (f.reason && known(t, `fieldReason.${f.reason}`, values)) ||
    t('validation.invalid', { field: label })
  );
}

/**
 * The error summary's messages for a failed call. A refused rule comes first and marks the field it names
 * (if the page labels it); fields refused with a message of their own follow. `fieldLabels` maps the API's
 * field paths to the page's labels; a list item (`citizenships.1`) is shown at its list's field.
 */
export function formErrorsFrom(
  error: unknown,
  t: Translate,
  fieldLabels: Record<string, string> = {},
  format?: ValueFormat,
): FormError[] {
  if (!(error instanceof ApiError)) return [{ message: t('error.INTERNAL') }];
  const fieldOf = (path: string): string => (fieldLabels[path] ? path : path.replace(/\.\d+$/, ''));
  const labelled = error.fieldErrors
    .map((f) => ({ f, field: fieldOf(f.path) }))
    .filter(({ field }) => fieldLabels[field]);
  const specific = (f: FieldError) => Boolean(f.key || f.reason);
  const rule = ruleMessage(error, t, format);
  if (rule) {
    const ruleField = labelled.find(({ f }) => !specific(f))?.field;
    const fields = labelled
      .filter(({ f }) => specific(f))
      .map(({ f, field }) => ({ field, message: fieldMessage(f, fieldLabels[field] as string, t, format) }));
    return [{ ...(ruleField ? { field: ruleField } : {}), message: rule }, ...fields];
  }
  const fields = labelled.map(({ f, field }) => ({
    field,
    message: fieldMessage(f, fieldLabels[field] as string, t, format),
  }));
  return fields.length ? fields : [{ message: t(`error.${error.code}`) }];
}

/** The text of an API failure outside a form (a list that failed to load): the rule's message, else the code's. */
export function problemText(error: unknown, t: Translate, format?: ValueFormat): string {
  return (formErrorsFrom(error, t, {}, format)[0] as FormError).message;
}

/** `const problemText = useProblemText(); … problemText(query.error)`: the one line a failed call shows outside a form (or as a form's own error). */
export function useProblemText(): (error: unknown) => string {
  const t = useT();
  const format = useFormat();
  return useCallback((error: unknown) => problemText(error, t, format), [t, format]);
}

/** formErrorsFrom in the page's language and date convention (the contract form's `showServerError` puts its result on the form). */
export function useFormErrors(): (error: unknown, fieldLabels?: Record<string, string>) => FormError[] {
  const t = useT();
  const format = useFormat();
  return useCallback(
    (error: unknown, fieldLabels: Record<string, string> = {}) => formErrorsFrom(error, t, fieldLabels, format),
    [t, format],
  );
}
