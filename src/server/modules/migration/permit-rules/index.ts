/**
 * The residence procedures' rules by version (issue 25). A change of fees or documents is a new file beside these,
 * added at the end of its list: applications lodged from its day are stamped with it, earlier ones keep theirs
 * until a transitional move (`civitas procedures migrate`), which re-quotes the fee of the same tier and names
 * the documents the new version asks for that the old one did not.
 */
import { versionOn, type RuleBook, type RuleMoveEffect } from '../../cases/index.ts';
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { PermitKind } from '../../../../shared/kernel/migration-grounds.ts';
import { EU_DOCUMENT_KINDS } from '../../../../shared/kernel/permit-grounds.ts';
import { permitFee, requiredDocuments } from '../permit.rules.ts';
import type { PermitDocument, PermitGround, PermitTier } from '../../../../shared/contracts/permit-subjects.ts';
import { EU_RESIDENCE_2011 } from './eu-2011-08-30.ts';
import { RESIDENCE_2017 } from './residence-2017-09-12.ts';
import type { PermitRuleVersion } from './version.ts';

export type { PermitRuleVersion } from './version.ts';

function permitMove(stored: Record<string, unknown>, _from: PermitRuleVersion, to: PermitRuleVersion): RuleMoveEffect {
  // What a residence case stores about its application (permit-procedure.ts's PermitData), as far as a move reads it.
  const d = stored as unknown as {
    permitKind: PermitKind;
    ground: PermitGround;
    application: 'first' | 'renewal';
    tier: PermitTier;
    nationality: string;
    required: PermitDocument[];
    fee: { amountCents: number; legalAct: string };
  };
  // A tier the new version no longer offers keeps the fee quoted: the applicant paid for it and it binds the first decision.
  const fee = permitFee(to, d.permitKind, d.ground, d.tier) ?? d.fee;
  const required = requiredDocuments(to, d.permitKind, d.ground, d.application, d.nationality);
  const newDocuments = required.filter((code) => !d.required.includes(code));
  return {
    subject: { ...stored, fee, required },
    fee: { beforeCents: d.fee.amountCents, afterCents: fee.amountCents },
    newDocuments,
  };
}

export const RESIDENCE_RULES: RuleBook<PermitRuleVersion> = {
  versions: [RESIDENCE_2017],
  moveEffect: permitMove,
  documentWording: 'permits.document',
};
export const EU_RESIDENCE_RULES: RuleBook<PermitRuleVersion> = {
  versions: [EU_RESIDENCE_2011],
  moveEffect: permitMove,
  documentWording: 'permits.document',
};

/** The book of a kind's procedure: the EU citizens' and their families' documents are a procedure of their own. */
export const permitRulesOf = (kind: PermitKind): RuleBook<PermitRuleVersion> =>
  EU_DOCUMENT_KINDS.includes(kind) ? EU_RESIDENCE_RULES : RESIDENCE_RULES;

/** The version in force on a day for a kind (the quote, the checks before a case is opened); none is a setup error. */
export function permitRulesOn(kind: PermitKind, day: PlainDate): PermitRuleVersion {
  const rules = versionOn(permitRulesOf(kind), day);
  if (!rules) throw new Error(`No version of the residence rules for ${kind} is in force on ${day}`);
  return rules;
}
