/** What one version of the document application's rules holds: the engine's fields (day, act) and the fees by document type. */
import type { RuleVersion } from '../../cases/index.ts';
import type { DocumentType } from '../../../../shared/contracts/documents.contract.ts';

export interface DocumentRuleVersion extends RuleVersion {
  /** The state fee of each document type the office takes applications for online and at the desk. */
  fees: Partial<Record<DocumentType, FeeRow>>;
}

/** Fees in euro cents per tier; `reduced` is the reduced standard fee (the reduced urgent fee is unconfirmed: the full urgent one applies). */
export interface FeeRow {
  standard: number;
  urgent: number;
  reduced: number;
}
