/**
 * The fee of Delegated Reg. (EU) 2024/1415, for applications lodged from 11 June 2024: EUR 90, children 6 to
 * under 12 EUR 45 (+12.5 %). Nothing else changed. Source: DOMAIN-PROCEDURES §1.4. This is the worked example
 * of a law change in docs/architecture.md.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { VisaRuleVersion } from './version.ts';
import { VISA_C_2020 } from './c-2020-02-02.ts';

export const VISA_C_2024: VisaRuleVersion = {
  ...VISA_C_2020,
  validFrom: '2024-06-11' as PlainDate,
  legalAct: 'Deleģētā regula (ES) 2024/1415',
  fee: { adultCents: 9000, childCents: 4500 },
};
