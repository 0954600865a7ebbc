/**
 * The state fees of Cabinet Reg. No. 133 (21.02.2012) as they stood until the end of 2024: a passport EUR 34 in
 * 10 working days, 60 in 2; an identity card 15 / 30; reduced (under 20, pensioners, disability groups I–II)
 * 15 and 5. Source: DOMAIN.md §3.3.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { DocumentRuleVersion } from './version.ts';

export const DOCUMENTS_2012: DocumentRuleVersion = {
  validFrom: '2012-01-01' as PlainDate,
  legalAct: 'Ministru kabineta 2012. gada 21. februāra noteikumi Nr. 133',
  fees: {
    passport: { standard: 3400, urgent: 6000, reduced: 1500 },
    'identity-card': { standard: 1500, urgent: 3000, reduced: 500 },
  },
};
