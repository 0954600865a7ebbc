/**
 * The fees of 2025 (Cabinet Reg. No. 133 as amended from 1 January 2025): a passport EUR 44 / 70, an identity card
 * 25 / 40. The reduced categories are unchanged and their 2025 amounts are not in the sources, so the earlier ones
 * stay. The residence permit card's EUR 45 in 10 working days is from 2025 (DOMAIN.md); its 2-working-day fee and
 * any reduction are not in the sources, so urgent is twice the standard and nothing is reduced. Source: DOMAIN.md §3.3.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { DocumentRuleVersion } from './version.ts';

export const RESIDENCE_PERMIT_CARD = { standard: 4500, urgent: 9000, reduced: 4500 };

export const DOCUMENTS_2025: DocumentRuleVersion = {
  validFrom: '2025-01-01' as PlainDate,
  legalAct: 'Ministru kabineta 2012. gada 21. februāra noteikumi Nr. 133 (grozījumi, spēkā no 2025. gada 1. janvāra)',
  fees: {
    passport: { standard: 4400, urgent: 7000, reduced: 1500 },
    'identity-card': { standard: 2500, urgent: 4000, reduced: 500 },
    'residence-permit-card': RESIDENCE_PERMIT_CARD,
  },
};
