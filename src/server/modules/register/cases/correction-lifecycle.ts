/**
 * The first case type: correction of register data. A resident or an officer asks to correct one fact
 * (a misspelt original name form, a wrong birth place …) with evidence; a registrar reviews it, may ask
 * for more, and proposes; a decision-maker approves. Deadline: the general administrative limit (APL
 * Art. 64: one month from receipt, extendable to four). Pure.
 */
import type { CaseStatus, DeadlineRule, LifecycleTable } from '../../cases/index.ts';

export type CorrectionStatus = CaseStatus;

const OPEN: readonly CorrectionStatus[] = ['submitted', 'in-review', 'awaiting-applicant', 'proposed'];
const STAFF_OPEN: readonly CorrectionStatus[] = ['submitted', 'in-review', 'awaiting-applicant'];

export const CORRECTION_LIFECYCLE: LifecycleTable<CorrectionStatus> = {
  initial: 'submitted',
  final: ['accepted', 'rejected', 'withdrawn'],
  decided: { accept: 'accepted', reject: 'rejected' },
  transitions: {
    submit: { from: ['submitted'], to: 'submitted', by: ['applicant', 'officer'] },
    // Taking a case (or handing it on) starts the review; reassigning keeps where it stands.
    assign: { from: OPEN, to: { submitted: 'in-review' }, by: ['officer', 'supervisor'] },
    'request-information': { from: ['in-review'], to: 'awaiting-applicant', by: ['officer'] },
    'answer-information': { from: ['awaiting-applicant'], to: 'in-review', by: ['applicant', 'officer'] },
    'close-request': { from: ['awaiting-applicant'], to: 'in-review', by: ['officer'] },
    'propose-decision': { from: ['in-review'], to: 'proposed', by: ['officer'] },
    'return-proposal': { from: ['proposed'], to: 'in-review', by: ['decision-maker'] },
    'approve-decision': { from: ['proposed'], to: 'stay', by: ['decision-maker'] },
    'extend-deadline': { from: STAFF_OPEN, to: 'stay', by: ['officer', 'supervisor'] },
    withdraw: { from: OPEN, to: 'withdrawn', by: ['applicant'] },
    'add-document': { from: OPEN, to: 'stay', by: ['applicant', 'officer'] },
    // A lawyer or an employer presents an authorization at the desk; the officer records it.
    'add-representative': { from: OPEN, to: 'stay', by: ['officer', 'supervisor'] },
  },
};

/**
 * Inclusion in the register of a person not yet in it: the correction's steps, plus linking the applicant
 * to a person the officer finds already registered (the case then ends in a refusal that says so). The
 * applicant cannot sign in before they are registered, so an officer records a withdrawal they hand in.
 */
export const INCLUSION_LIFECYCLE: LifecycleTable<CorrectionStatus> = {
  ...CORRECTION_LIFECYCLE,
  transitions: {
    ...CORRECTION_LIFECYCLE.transitions,
    withdraw: { from: OPEN, to: 'withdrawn', by: ['applicant', 'officer'] },
    'link-applicant': { from: STAFF_OPEN, to: 'stay', by: ['officer'] },
  },
};

/** APL Art. 64: one month from receipt; with notice to the applicant, up to four months from receipt. */
export const CORRECTION_DEADLINE: DeadlineRule = { unit: 'months', limit: 1, maxExtendedTo: 4 };
