/**
 * The Latvian long-stay visa under MK Regulation No. 557 (12.09.2017), 2.1: a state fee of EUR 60 whatever the
 * age; decided within the general administrative limit of one month, extendable to four (APL s.64). The lodging
 * window is the Visa Code's six months, which the office applies to D visas too. Source: DOMAIN-PROCEDURES §1.4.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { VisaRuleVersion } from './version.ts';

export const VISA_D_2017: VisaRuleVersion = {
  validFrom: '2017-09-12' as PlainDate,
  legalAct: 'Ministru kabineta 2017. gada 12. septembra noteikumi Nr. 557',
  deadline: { unit: 'months', limit: 1, maxExtendedTo: 4 },
  fee: { adultCents: 6000, childCents: 6000 },
  lodgingWindowMonths: 6,
};
