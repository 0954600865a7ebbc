/**
 * The Visa Code as amended by Reg. (EU) 2019/1155, for applications lodged from 2 February 2020: the fee rose to
 * EUR 80 (children 40), an extended decision period reaches 45 days instead of 30 (Art. 23(2)), and an
 * application may be lodged six months before the trip (Art. 9(1)). Sources: DOMAIN-PROCEDURES §1.3–1.4.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { VisaRuleVersion } from './version.ts';

export const VISA_C_2020: VisaRuleVersion = {
  validFrom: '2020-02-02' as PlainDate,
  legalAct: 'Regula (ES) 2019/1155',
  deadline: { unit: 'calendar-days', limit: 15, maxExtendedTo: 45 },
  fee: { adultCents: 8000, childCents: 4000 },
  lodgingWindowMonths: 6,
};
