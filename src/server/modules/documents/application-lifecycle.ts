/**
 * The document application as a case type (DOMAIN.md §3.3). Made online it waits in `prepared` for the
 * applicant's visit; at the desk an officer checks their identity and takes the photo, and the
 * application is received: its deadline is the ready day (10 or 2 working days by tier, not counting the
 * submission day). An officer proposes issuing, a second one approves (four-eyes, unless configured
 * off); the document is then ordered from the personalization centre in a batch, confirmed made, and
 * handed over at the desk. Pure.
 */
import type { CaseStatus, CaseTypeDefinition, LifecycleTable } from '../cases/index.ts';
import type { Tier } from './application-rules.ts';

const BEFORE_DECISION: readonly CaseStatus[] = ['prepared', 'submitted', 'in-review', 'awaiting-applicant', 'proposed'];
const IN_REVIEW: readonly CaseStatus[] = ['submitted', 'in-review', 'awaiting-applicant'];

export function documentApplicationLifecycle(fourEyes: boolean): LifecycleTable<CaseStatus> {
  return {
    initial: 'prepared',
    final: ['issued', 'rejected', 'withdrawn'],
    clockStops: ['prepared', 'ready'],
    fourEyes,
    decided: { accept: 'accepted', reject: 'rejected' },
    transitions: {
      submit: { from: ['prepared'], to: 'prepared', by: ['applicant', 'officer'] },
      'record-payment': { from: ['prepared', ...IN_REVIEW], to: 'stay', by: ['applicant', 'officer'] },
      'accept-in-person': { from: ['prepared'], to: 'submitted', by: ['officer'] },
      assign: { from: IN_REVIEW, to: { submitted: 'in-review' }, by: ['officer', 'supervisor'] },
      'request-information': { from: ['in-review'], to: 'awaiting-applicant', by: ['officer'] },
      'answer-information': { from: ['awaiting-applicant'], to: 'in-review', by: ['applicant', 'officer'] },
      'close-request': { from: ['awaiting-applicant'], to: 'in-review', by: ['officer'] },
      // The officer at the desk proposes as they take the application: the approval is the second pair of eyes.
      'propose-decision': { from: ['submitted', 'in-review'], to: 'proposed', by: ['officer'] },
      'return-proposal': { from: ['proposed'], to: 'in-review', by: ['decision-maker'] },
      'approve-decision': { from: ['proposed'], to: 'stay', by: ['decision-maker'] },
      withdraw: { from: BEFORE_DECISION, to: 'withdrawn', by: ['applicant', 'officer'] },
      'add-document': { from: BEFORE_DECISION, to: 'stay', by: ['applicant', 'officer'] },
      'order-production': { from: ['accepted'], to: 'in-production', by: ['system'] },
      'confirm-production': { from: ['in-production'], to: 'ready', by: ['system'] },
      'fail-production': { from: ['in-production'], to: 'accepted', by: ['system'] },
      'hand-over': { from: ['ready'], to: 'issued', by: ['officer'] },
    },
  };
}

export function documentApplicationDefinition(fourEyes: boolean): CaseTypeDefinition {
  return {
    type: 'document-application',
    prefix: 'DP',
    lifecycle: documentApplicationLifecycle(fourEyes) as LifecycleTable<string>,
    // The standard tier; each case's own tier gives its limit (the handler's deadline).
    deadline: { unit: 'working-days', limit: 10 },
    deadlineBasis:
      'Ministru kabineta 2012. gada 21. februāra noteikumi Nr. 133 (10 vai 2 darbdienas, neieskaitot iesniegšanas dienu)',
    decisionBasis: 'Personu apliecinošu dokumentu likums; Ministru kabineta 2012. gada 21. februāra noteikumi Nr. 134',
    staffRoles: {
      officer: ['document-officer'],
      'decision-maker': ['document-officer', 'supervisor'],
      supervisor: ['supervisor'],
    },
  };
}

export const tierDays = (tier: Tier): number => (tier === 'urgent' ? 2 : 10);
