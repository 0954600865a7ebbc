/** Turns an ApiError into translated messages for the error summary (by error code; fields by their label and, when the server gives one, the reason). */
import { ApiError } from '../api/client.ts';
import type { FormError } from './forms.tsx';

export function formErrorsFrom(error: unknown, t: (id: string, values?: Record<string, string>) => string, fieldLabels: Record<string, string> = {}): FormError[] {
  if (!(error instanceof ApiError)) return [{ message: t('error.INTERNAL') }];
  const fields = error.fieldErrors
    .filter((f) => fieldLabels[f.path])
    .map((f) => ({ field: f.path, message: t(f.reason ? `fieldReason.${f.reason}` : 'errors.invalidField', { field: fieldLabels[f.path] as string }) }));
  return fields.length ? fields : [{ message: t(`error.${error.code}`) }];
}
