/** What one version of a visa's rules holds: the engine's fields (day, act, decision period) and the visa's own. */
import type { DeadlineRule, RuleVersion } from '../../cases/index.ts';
import type { VisaFeeRates } from '../visa.rules.ts';

export interface VisaRuleVersion extends RuleVersion {
  /** The decision period from lodging and how far an extension may reach. */
  deadline: DeadlineRule;
  /** The state fee: adults; children 6 to under 12 (a C visa; under 6 pay nothing). */
  fee: VisaFeeRates;
  /** How many months before the trip an application may be lodged at the earliest (Visa Code Art. 9(1)). */
  lodgingWindowMonths: number;
}
