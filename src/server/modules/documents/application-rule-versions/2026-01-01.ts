/**
 * The fees from 2026 (Cabinet Reg. No. 133 as amended from 1 January 2026): a passport EUR 50 / 75, an identity
 * card 30 / 45; reduced 25 and 15. The reduced 2-working-day rates are unconfirmed, so the full urgent fee applies.
 * Source: DOMAIN.md §3.3.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { DocumentRuleVersion } from './version.ts';
import { RESIDENCE_PERMIT_CARD } from './2025-01-01.ts';

export const DOCUMENTS_2026: DocumentRuleVersion = {
  validFrom: '2026-01-01' as PlainDate,
  legalAct: 'Ministru kabineta 2012. gada 21. februāra noteikumi Nr. 133 (grozījumi, spēkā no 2026. gada 1. janvāra)',
  fees: {
    passport: { standard: 5000, urgent: 7500, reduced: 2500 },
    'identity-card': { standard: 3000, urgent: 4500, reduced: 1500 },
    'residence-permit-card': RESIDENCE_PERMIT_CARD,
  },
};
