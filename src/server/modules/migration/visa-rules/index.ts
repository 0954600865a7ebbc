/**
 * The visas' rules by version (issue 25). A law change is a new file beside these, added at the end of its list:
 * the engine stamps every case lodged from its day with it, and cases lodged earlier keep theirs until a
 * transitional move (`civitas procedures migrate`). docs/architecture.md walks through the 2024 fee as the example.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import { oneVersionBook, versionOn, type RuleBook, type RuleMoveEffect } from '../../cases/index.ts';
import { visaFeeUnder, type Fee, type VisaType } from '../visa.rules.ts';
import { VISA_C_2010 } from './c-2010-04-05.ts';
import { VISA_C_2020 } from './c-2020-02-02.ts';
import { VISA_C_2024 } from './c-2024-06-11.ts';
import { VISA_D_2017 } from './d-2017-09-12.ts';
import type { VisaRuleVersion } from './version.ts';

export type { VisaRuleVersion } from './version.ts';

/**
 * A move changes the fee owed (the same exemption, the applicant's age on the day of lodging), and the fee's
 * record names the new version even where the amount stays; no visa version lists documents.
 */
function visaMove(type: VisaType) {
  return (
    subject: Record<string, unknown>,
    _from: VisaRuleVersion,
    to: VisaRuleVersion,
    lodgedOn: PlainDate,
  ): RuleMoveEffect => {
    const before = subject['fee'] as Fee;
    const after = visaFeeUnder(to, type, subject['birthDate'] as PlainDate, lodgedOn, before.exemption);
    return {
      subject: { ...subject, fee: after },
      fee: { beforeCents: before.amountCents, afterCents: after.amountCents },
      newDocuments: [],
    };
  };
}

export const VISA_C_RULES: RuleBook<VisaRuleVersion> = {
  versions: [VISA_C_2010, VISA_C_2020, VISA_C_2024],
  moveEffect: visaMove('C'),
};

export const VISA_D_RULES: RuleBook<VisaRuleVersion> = {
  versions: [VISA_D_2017],
  moveEffect: visaMove('D'),
};

/**
 * A contested refusal is decided under the Administrative Procedure Law (Art. 76–81) and the Visa Code's right of
 * appeal (Art. 32(3)), from the day the Visa Code applied; its only version so far.
 */
export const VISA_APPEAL_RULES: RuleBook = oneVersionBook(
  '2010-04-05' as PlainDate,
  'Administratīvā procesa likums; Regula (EK) Nr. 810/2009 (Vīzu kodekss)',
);

export const visaRulesOf = (type: VisaType): RuleBook<VisaRuleVersion> => (type === 'C' ? VISA_C_RULES : VISA_D_RULES);

/** The fee for an application lodged on a day, under the version in force then (the public quote). */
export function visaFeeOn(type: VisaType, birthDate: PlainDate, lodgedOn: PlainDate, exemption: string | null): Fee {
  const book = visaRulesOf(type);
  const rules = versionOn(book, lodgedOn) ?? (book.versions[0] as VisaRuleVersion);
  return visaFeeUnder(rules, type, birthDate, lodgedOn, exemption);
}
