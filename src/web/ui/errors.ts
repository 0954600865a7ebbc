/** Turns an ApiError into translated messages for the error summary (by error code; fields by their label and, when the server gives one, the reason). */
import { ApiError } from '../api/client.ts';
import type { FormError } from './forms.tsx';

export function formErrorsFrom(error: unknown, t: (id: string, values?: Record<string, string>) => string, fieldLabels: Record<string, string> = {}): FormError[] {
  if (!(error instanceof ApiError)) return [{ message: t('error.INTERNAL') }];
  // A list item ("citizenships.1") is shown at its list's field, with its list's label.
  const fieldOf = (path: string): string => (fieldLabels[path] ? path : path.replace(/\.\d+$/, ''));
  const fields = error.fieldErrors.flatMap((f) => {
    const field = fieldOf(f.path);
    const label = fieldLabels[field];
    return label ? [{ field, message: t(f.reason ? `fieldReason.${f.reason}` : 'errors.invalidField', { field: label }) }] : [];
  });
  return fields.length ? fields : [{ message: t(`error.${error.code}`) }];
}
