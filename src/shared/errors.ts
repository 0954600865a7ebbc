/**
 * The closed set of error codes every API answer uses. The server maps each to one HTTP status;
 * the browser translates by code (`error.<CODE>` in the i18n catalogues).
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION_FAILED', 'UNAUTHENTICATED', 'SESSION_EXPIRED', 'MFA_REQUIRED', 'FORBIDDEN', 'CSRF_REJECTED',
  'PURPOSE_REQUIRED', 'FOUR_EYES_REQUIRED', 'NOT_FOUND', 'CONFLICT', 'INVALID_STATE', 'DUPLICATE', 'ACCOUNT_LOCKED', 'RATE_LIMITED',
  'SERVICE_UNAVAILABLE', 'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  MFA_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  PURPOSE_REQUIRED: 403,
  FOUR_EYES_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  DUPLICATE: 409,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

/**
 * Why a field was refused, for the browser to say in the person's language (`fieldReason.<reason>`); the
 * English `message` stays for API clients and logs. Absent where the field's label says enough.
 */
export const FIELD_REASONS = [
  'future-date', 'before-birth', 'unknown-country', 'before-current-address', 'before-parent-birth', 'choose-candidate',
  'same-person', 'under-18', 'citizen-needs-lva', 'only-citizen-lva', 'no-citizenship', 'new-code-before-2017',
  'guardian-minor', 'ends-before-start', 'personal-code-format', 'search-criteria',
  'file-empty', 'file-too-large', 'file-type', 'same-as-current', 'not-an-officer', 'out-of-order', 'not-after-today',
  'extension-beyond-cap', 'extension-not-later', 'extension-not-allowed', 'not-your-subject', 'unknown-person', 'already-registered', 'not-for-status', 'before-issue', 'closes-before-opens', 'listed-twice',
  'fee-not-paid', 'wrong-amount', 'identity-not-checked', 'photo-missing', 'photo-format', 'photo-too-small', 'photo-proportions', 'no-fee',
  'application-open', 'identity-document-invalid', 'unknown-number',
] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

export const FieldError = z.object({ path: z.string(), message: z.string(), reason: z.enum(FIELD_REASONS).optional() });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with our `code`, `requestId` and field `errors` as extension members. */
export const ProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.enum(ERROR_CODES),
  requestId: z.string().optional(),
  errors: z.array(FieldError).optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

export function problemType(code: ErrorCode): string {
  return `urn:civitas:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
