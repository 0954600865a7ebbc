/**
 * The visa application as a case (DOMAIN-PROCEDURES §1.9, the office's side): lodged with the fee paid (at
 * the desk) or paying online, examined by a migration officer who may ask the applicant for more and consult
 * other authorities (the security services, the border guard, another Schengen state) in parallel, proposed,
 * and decided by a second person: the visa is issued, or refused on the standard form's grounds. Pure.
 */
import type { CaseStatus, DeadlineRule, LifecycleTable } from '../cases/index.ts';

const OPEN: readonly CaseStatus[] = ['submitted', 'in-review', 'awaiting-applicant', 'proposed'];
const STAFF_OPEN: readonly CaseStatus[] = ['submitted', 'in-review', 'awaiting-applicant'];

export const VISA_LIFECYCLE: LifecycleTable<CaseStatus> = {
  initial: 'submitted',
  final: ['issued', 'rejected', 'withdrawn'],
  decided: { accept: 'issued', reject: 'rejected' },
  transitions: {
    submit: { from: ['submitted'], to: 'submitted', by: ['applicant', 'officer'] },
    'record-payment': { from: STAFF_OPEN, to: 'stay', by: ['applicant', 'officer'] },
    assign: { from: OPEN, to: { submitted: 'in-review' }, by: ['officer', 'supervisor'] },
    'request-information': { from: ['in-review'], to: 'awaiting-applicant', by: ['officer'] },
    'answer-information': { from: ['awaiting-applicant'], to: 'in-review', by: ['applicant', 'officer'] },
    'close-request': { from: ['awaiting-applicant'], to: 'in-review', by: ['officer'] },
    // Consultations run beside the examination: asked while it is open, answered whenever the authority answers.
    'request-consultation': { from: ['in-review', 'awaiting-applicant'], to: 'stay', by: ['officer'] },
    'answer-consultation': { from: OPEN, to: 'stay', by: ['officer', 'system'] },
    'propose-decision': { from: ['in-review'], to: 'proposed', by: ['officer'] },
    'return-proposal': { from: ['proposed'], to: 'in-review', by: ['decision-maker'] },
    'approve-decision': { from: ['proposed'], to: 'stay', by: ['decision-maker'] },
    'extend-deadline': { from: STAFF_OPEN, to: 'stay', by: ['officer', 'supervisor'] },
    withdraw: { from: OPEN, to: 'withdrawn', by: ['applicant', 'officer'] },
    'add-document': { from: OPEN, to: 'stay', by: ['applicant', 'officer'] },
  },
};

/**
 * Visa Code Art. 23 (applications lodged from 2.2.2020): 15 calendar days from lodging, extendable in
 * individual cases to 45. An end on a rest day moves to the next working day (Reg. 1182/71 Art. 3(4)).
 */
export const C_VISA_DEADLINE: DeadlineRule = { unit: 'calendar-days', limit: 15, maxExtendedTo: 45 };
/** The long-stay visa: the general administrative limit (APL Art. 64: one month, extendable to four). */
export const D_VISA_DEADLINE: DeadlineRule = { unit: 'months', limit: 1, maxExtendedTo: 4 };

/**
 * The invitation (ielūgums) a person in Latvia submits for a foreigner's visa (MK 552): examined by a migration
 * officer (who may consult the security services), decided by a second person; approved, it is registered
 * under its reference, which the visa application cites. Pure.
 */
export const INVITATION_LIFECYCLE: LifecycleTable<CaseStatus> = {
  initial: 'submitted',
  final: ['accepted', 'rejected', 'withdrawn'],
  decided: { accept: 'accepted', reject: 'rejected' },
  transitions: {
    ...VISA_LIFECYCLE.transitions,
    withdraw: { from: OPEN, to: 'withdrawn', by: ['applicant'] },
  },
};

/**
 * latvija.lv p614: decided in 2 working days, 5 when the visit is for employment; extendable when more is
 * needed (UNSOURCED cap: 20 working days).
 */
export const invitationDeadline = (employment: boolean): DeadlineRule => ({
  unit: 'working-days',
  limit: employment ? 5 : 2,
  maxExtendedTo: 20,
});
