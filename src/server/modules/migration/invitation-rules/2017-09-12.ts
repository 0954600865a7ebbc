/**
 * The invitation (ielūgums) as it stands: approved under Cabinet Regulation No. 552 of 21 June 2010, decided in 2
 * working days (5 for employment, extendable), with the state fee of the PMLP table under Cabinet Regulation No. 557
 * of 12 September 2017. UNSOURCED: the ielūgums fee itself is not in the stored sources; it is modelled on the
 * online izsaukums row, EUR 5.00 per request plus 4.00 for a person over 6 (2.00 under 6), DOMAIN-PROCEDURES §3.5.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { RuleVersion } from '../../cases/index.ts';

export interface InvitationRuleVersion extends RuleVersion {
  fee: { perRequestCents: number; perPersonCents: number; perChildUnder6Cents: number };
}

export const INVITATION_2017: InvitationRuleVersion = {
  validFrom: '2017-09-12' as PlainDate,
  legalAct: 'Ministru kabineta 2017. gada 12. septembra noteikumi Nr. 557',
  fee: { perRequestCents: 500, perPersonCents: 400, perChildUnder6Cents: 200 },
};
