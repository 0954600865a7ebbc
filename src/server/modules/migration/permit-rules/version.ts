/** What one version of the residence procedures' rules holds: the engine's fields and the fees and documents. */
import type { RuleVersion } from '../../cases/index.ts';
import type { PermitGround } from '../../../../shared/kernel/migration-grounds.ts';
import type { PermitDocument, PermitTier } from '../../../../shared/contracts/permit-subjects.ts';

/** A state fee row: euro cents by examination tier (a tier absent is not offered), and the act that sets it. */
export interface PermitFeeRow {
  cents: Partial<Record<PermitTier, number>>;
  legalAct: string;
}

export interface PermitRuleVersion extends RuleVersion {
  /** The PMLP fee table's rows (§4.6): which row applies follows from the kind and the ground. */
  fees: {
    general: PermitFeeRow;
    /** A family member of a citizen, non-citizen or permanent resident; a pupil or full-time student. */
    reduced: PermitFeeRow;
    permanent: PermitFeeRow;
    longTerm: PermitFeeRow;
    euCitizen: PermitFeeRow;
    blueCard: PermitFeeRow;
    repatriant: PermitFeeRow;
  };
  /** The documents each ground asks for beyond the common ones (§4.4, §4.7, §4.9). */
  documentsForGround: Readonly<Record<PermitGround, readonly PermitDocument[]>>;
  /** Nationalities that fill in the additional form (§4.4). */
  additionalFormFor: readonly string[];
}
