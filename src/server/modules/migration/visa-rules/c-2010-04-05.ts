/**
 * The Schengen visa as the Visa Code first applied (Reg. (EC) No 810/2009, from 5 April 2010): a fee of EUR 60
 * (children 6 to under 12: 35), a decision within 15 calendar days extendable to 30 (Art. 23 before 2020), an
 * application no earlier than three months before the trip (Art. 9(1) before 2020). Sources: DOMAIN-PROCEDURES §1.3–1.4.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { VisaRuleVersion } from './version.ts';

export const VISA_C_2010: VisaRuleVersion = {
  validFrom: '2010-04-05' as PlainDate,
  legalAct: 'Regula (EK) Nr. 810/2009',
  deadline: { unit: 'calendar-days', limit: 15, maxExtendedTo: 30 },
  fee: { adultCents: 6000, childCents: 3500 },
  lodgingWindowMonths: 3,
};
