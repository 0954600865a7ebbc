/**
 * The closed set of error codes every API answer uses. The server maps each to one HTTP status;
 * the browser translates by code (`error.<CODE>` in the i18n catalogues).
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'MFA_REQUIRED',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'PURPOSE_REQUIRED',
  'FOUR_EYES_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'DUPLICATE',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
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
  'future-date',
  'before-birth',
  'unknown-country',
  'before-current-address',
  'before-parent-birth',
  'choose-candidate',
  'same-person',
  'under-18',
  'under-16',
  'minor-needs-consent',
  'minor-marries-adult-only',
  'citizen-needs-lva',
  'only-citizen-lva',
  'no-citizenship',
  'new-code-before-2017',
  'guardian-minor',
  'ends-before-start',
  'personal-code-format',
  'search-criteria',
  'file-empty',
  'file-too-large',
  'file-type',
  'same-as-current',
  'not-an-officer',
  'out-of-order',
  'not-after-today',
  'extension-beyond-cap',
  'extension-not-later',
  'extension-not-allowed',
  'not-your-subject',
  'unknown-person',
  'already-registered',
  'not-for-status',
  // A transitional move of open cases to another version of a procedure's rules (issue 25).
  'unknown-procedure',
  'unknown-rules-version',
  'basis-required',
  'rules-not-in-force',
  'before-issue',
  'closes-before-opens',
  'listed-twice',
  'fee-not-paid',
  'wrong-amount',
  'identity-not-checked',
  'photo-missing',
  'photo-format',
  'photo-too-small',
  'photo-proportions',
  'no-fee',
  'application-open',
  'identity-document-invalid',
  'unknown-number',
  'time-passed',
  'beyond-booking-horizon',
  'branch-closed-holiday',
  'branch-closed-weekend',
  'branch-closed-weekday',
  'no-terms',
  'unknown-invitation',
  'invitation-not-approved',
  'invitation-other-person',
  'invitation-outside-period',
  'exit-before-entry',
  'stay-too-long',
  'lodged-too-early',
  'document-expires-too-soon',
  'insurance-missing',
  'insurance-too-low',
  'insurance-not-covering',
  'beyond-travel-document',
  'wrong-territory',
  'duration-too-long',
  'ground-not-for-refusal',
  'undertakings-required',
  'objection-needs-remarks',
  'ground-not-for-kind',
  'tier-not-offered',
  'renewal-not-offered',
  'eu-nationality-needed',
  'eu-citizen-registers',
  'document-expired',
  'term-has-no-end',
  'term-too-long',
  'term-needs-end',
  'no-residence-right',
  'mother-not-female',
  'father-not-male',
  'moved-day-not-working-day',
  'moved-to-not-saturday',
  'moved-outside-month',
  'moved-day-repeated',
  'calendar-year-past',
  'calendar-year-shipped',
  'before-today',
  'after-permit-end',
  'first-permit-suspended',
  'term-fixed',
  'only-for-short-stay',
  'only-for-long-stay',
  'stay-beyond-ground',
  'in-country-too-late',
  'failed-checks-unacknowledged',
  'override-reason-needed',
  'registered-person-needed',
  'employer-needed',
  'school-needed',
  'family-member-needed',
  'eu-citizen-needed',
] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

/**
 * One refused field. `message` is English, for API clients and logs; `key` and `values` are the catalogue
 * message the browser shows in the person's language (shared/validation/messages.ts), so a rule refused by
 * the server reads the same as when the browser's form refused it.
 */
export const FieldError = z.object({
  path: z.string(),
  message: z.string(),
  reason: z.enum(FIELD_REASONS).optional(),
  key: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldError = z.infer<typeof FieldError>;

/**
 * The business rules a refusal can name (STYLE §5): a stable id per rule, so the browser says in the
 * person's language which rule stopped them and what they can do now (`rule.<id>` in the catalogues).
 * Closed: a refusal names one of these, and a test fails when one lacks a message in either language.
 */
export const RULE_IDS = [
  'appointment.one-per-service',
  'appointment.slot-taken',
  'appointment.move-same-visit',
  'appointment.not-booked',
  'appointment.cancel-after-start',
  'appointment.already-marked',
  'appointment.mark-on-the-day',
  'appointment.no-show-after-start',
  'appointment.own-branch-settings',
  'appointment.undo-not-cancelled',
  'appointment.undo-too-late',
  'appointment.undo-after-start',
  'appointment.undo-booked-again',
  'appointment.undo-slot-taken',
  'appointment.undo-no-longer-offered',
  'identity.no-second-factor-pending',
  'identity.no-second-factor-set-up',
  'identity.not-in-register',
  'identity.no-staff-account',
  'identity.username-taken',
  'case.stale-version',
  'case.not-allowed-now',
  'case.role-needed',
  'case.four-eyes',
  'case.no-open-request',
  'case.wrong-request',
  'case.no-proposal',
  'case.applicant-already-linked',
  'case.fee-already-paid',
  // The open cases a transitional move would touch are no longer those its dry run listed.
  'case.rules-move-changed',
  'case.not-this-production',
  'case.no-such-consultation',
  'case.consultation-answered',
  'case.idempotency-key-reused',
  'visa.already-ended',
  'case.command-in-progress',
  'case.assign-needs-supervisor',
  'case.representation-right',
  'case.appeal-needs-other-officer',
  'case.already-appealed',
  'case.appeal-not-possible',
  'case.appeal-term-passed',
  'case.no-term-renewal',
  'case.term-renewal-undecided',
  'case.term-not-renewed',
  'case.registrar-opens',
  'register.stale-version',
  'register.person-dead',
  'register.not-your-subject',
  'register.registration-decided',
  'register.second-officer',
  'register.no-fact-to-correct',
  'register.already-married',
  'register.marriage-between-relatives',
  'register.not-spouses',
  'register.code-already-new',
  'register.pair-decided',
  'register.parent-is-self',
  'register.parent-listed-twice',
  'register.more-than-two-parents',
  'register.parents-same-sex',
  'register.parent-too-young',
  'register.mother-dead-before-birth',
  'register.father-dead-before-conception',
  'register.death-before-birth',
  'register.spouses-same-sex',
  'register.spouse-under-age',
  'register.spouse-not-mutual',
  'register.two-spouses-at-once',
  'register.spouse-listed-twice',
  'register.married-after-death',
  'register.death-before-later-fact',
  'register.births-too-close',
  'register.divorce-before-marriage',
  'notification.retry-only-failed',
  'application.already-received',
  'application.not-ready-for-pickup',
  'application.none-awaiting-production',
  'application.production-already-confirmed',
  'application.not-produced',
  'document.already-invalid',
  'permit.already-cancelled',
  'calendar.order-recorded',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * What a refusal's message needs, by name. Dates are sent as ISO (`YYYY-MM-DD`, ISO instants) and formatted
 * by the reader; a term (a status) is sent as its code and said by the catalogue.
 */
export const RuleValues = z.record(z.string(), z.union([z.string(), z.number()]));
export type RuleValues = z.infer<typeof RuleValues>;

/**
 * RFC 9457 problem details, with our `code`, `requestId` and field `errors` as extension members; a refused
 * business rule adds `rule` and `ruleValues`, and its `type` names the rule.
 */
export const ProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.enum(ERROR_CODES),
  requestId: z.string().optional(),
  errors: z.array(FieldError).optional(),
  rule: z.enum(RULE_IDS).optional(),
  ruleValues: RuleValues.optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/** The problem's `type`: one URI per refused rule, else one per error code. */
export function problemType(code: ErrorCode, rule?: RuleId): string {
  return rule ? `urn:civitas:problem:rule:${rule}` : `urn:civitas:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
