/**
 * An EU citizen's registration certificate and their family's residence cards under Cabinet Regulation No. 675 of
 * 30 August 2011 (Dir. 2004/38): free of charge in 10 working days. The fee rows and documents are the residence
 * procedures' (the EU row is this regulation's); a change is a new file beside this one (issue 25).
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { PermitRuleVersion } from './version.ts';
import { PERMIT_RULES_2017 } from './residence-2017-09-12.ts';

/** An EU citizen's registration certificate and their family's residence cards (Dir. 2004/38; MK 675). */
export const EU_RESIDENCE_2011: PermitRuleVersion = {
  ...PERMIT_RULES_2017,
  validFrom: '2011-08-30' as PlainDate,
  legalAct: 'Ministru kabineta 2011. gada 30. augusta noteikumi Nr. 675',
};
