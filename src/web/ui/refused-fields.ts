/**
 * A server refusal with its field errors moved to the fields of the page's form, where the page holds a
 * field in another shape than the contract (the time picked from the day's list as `slot`, the server's
 * `startsAt`; the photo as the file chosen, the server's `photo.contentBase64`): the message then stands at
 * the field the person can correct, and the summary links to it.
 */
import { ApiError } from '../api/client.ts';

export function refusedAtFormFields(error: unknown, paths: Record<string, string>): unknown {
  if (!(error instanceof ApiError)) return error;
  const fieldErrors = error.fieldErrors.map((f) => (paths[f.path] ? { ...f, path: paths[f.path] as string } : f));
  return new ApiError(
    error.code,
    error.status,
    error.message,
    fieldErrors,
    error.rule ? { id: error.rule, values: error.ruleValues } : undefined,
  );
}
