/**
 * Words that depend on the case type: "accepted" is "corrected" for a correction and "included in the
 * register" for an inclusion. A case type names the statuses and outcomes it words its own way; the rest
 * use the engine's common words.
 */
const OWN_WORDING: Record<string, ReadonlySet<string>> = {
  'register-inclusion': new Set([
    'outcome.accept',
    'outcome.reject',
    'status.accepted',
    'status.rejected',
    'step.accepted',
    'step.rejected',
  ]),
  'document-application': new Set([
    'outcome.accept',
    'outcome.reject',
    'status.accepted',
    'status.rejected',
    'step.accepted',
    'step.rejected',
    // Its first action prepares the application (status "prepared"); it is received later, at the desk.
    'event.submit',
  ]),
  'visa-c': new Set([
    'outcome.accept',
    'outcome.reject',
    'status.issued',
    'status.rejected',
    'step.issued',
    'step.rejected',
  ]),
  'visa-d': new Set([
    'outcome.accept',
    'outcome.reject',
    'status.issued',
    'status.rejected',
    'step.issued',
    'step.rejected',
  ]),
  'visa-appeal': new Set([
    'outcome.accept',
    'outcome.reject',
    'status.issued',
    'status.rejected',
    'step.issued',
    'step.rejected',
  ]),
  'visa-invitation': new Set([
    'outcome.accept',
    'outcome.reject',
    'status.accepted',
    'status.rejected',
    'step.accepted',
    'step.rejected',
  ]),
  'residence-permit': new Set([
    'outcome.accept',
    'outcome.reject',
    'status.accepted',
    'status.rejected',
    'step.accepted',
    'step.rejected',
  ]),
  'eu-residence': new Set([
    'outcome.accept',
    'outcome.reject',
    'status.accepted',
    'status.rejected',
    'step.accepted',
    'step.rejected',
  ]),
};

/** The catalogue key for a status, its plain-words step, a decision's outcome, or a timeline event, in a case type. */
export function caseWordingKey(kind: 'status' | 'step' | 'outcome' | 'event', caseType: string, value: string): string {
  return OWN_WORDING[caseType]?.has(`${kind}.${value}`)
    ? `cases.${kind}.${caseType}.${value}`
    : `cases.${kind}.${value}`;
}

/** Rule-trace checks the system records itself (their names and details are in the catalogue); an officer's own checks are shown as written. */
export const SYSTEM_RULES: ReadonlySet<string> = new Set([
  // A grant over failed checks: the officer's reason for it (its detail is their own words).
  'failed-checks-overridden',
  // The version of the procedure's rules the decision applies (always passed: it names, it does not test).
  'rules-version',
  'evidence-attached',
  'value-differs',
  'requests-answered',
  'no-likely-duplicate',
  'not-yet-registered',
  'fee-paid',
  'identity-checked',
  'photo-taken',
  'status-allows-document',
  'travel-document-valid',
  'stay-length',
  'insurance-covers-stay',
  'means-sufficient',
  'consultations-clear',
  'invitation-approved',
  'inviter-may-invite',
  'undertakings-given',
  'documents-enclosed',
  'income-sufficient',
  'travel-document-current',
  'blue-card-salary',
  'five-years-continuous',
  'national-ground-fits',
]);
