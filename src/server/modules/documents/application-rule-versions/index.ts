/**
 * The document application's rules by version (issue 25): the state fees of Cabinet Reg. No. 133 as amended. A fee
 * change is a new file beside these, added at the end of the list; an application is stamped with the version in
 * force on its day and pays that version's fee until a transitional move (`civitas procedures migrate`).
 * An office may set the fees by configuration (DOCUMENT_FEE_TABLE): each period of its table is then a version.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { RuleBook, RuleMoveEffect } from '../../cases/index.ts';
import { feeUnder, type Fee, type FeePeriod, type Tier } from '../application-rules.ts';
import type { DocumentType } from '../../../../shared/contracts/documents.contract.ts';
import type { DocumentRuleVersion } from './version.ts';

export type { DocumentRuleVersion } from './version.ts';

/** Where a configured period names no act: the regulation the fees stand in. */
const CONFIGURED_ACT =
  'Ministru kabineta 2012. gada 21. februāra noteikumi Nr. 133 (iestādes konfigurētā maksu tabula)';

/**
 * A move re-quotes the fee under the new version for the same document, tier and reduction (judged on the day of
 * application); a version that has no fee for the document keeps the one quoted (its `tableFrom` still names the
 * version that quoted it). No version lists documents.
 */
function documentMove(
  subject: Record<string, unknown>,
  _from: DocumentRuleVersion,
  to: DocumentRuleVersion,
): RuleMoveEffect {
  const before = subject['fee'] as Fee;
  const after = feeUnder(to, subject['documentType'] as DocumentType, subject['tier'] as Tier, before.reducedFor);
  if (!after)
    return { subject, fee: { beforeCents: before.amountCents, afterCents: before.amountCents }, newDocuments: [] };
  return {
    subject: { ...subject, fee: after },
    fee: { beforeCents: before.amountCents, afterCents: after.amountCents },
    newDocuments: [],
  };
}

/** The rule book of a fee table: each period a version (the shipped table is the versions above). */
export function documentRuleBook(table: readonly FeePeriod[]): RuleBook<DocumentRuleVersion> {
  const versions = [...table]
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
    .map((p) => ({ validFrom: p.from as PlainDate, legalAct: p.legalAct ?? CONFIGURED_ACT, fees: p.fees }));
  return { versions, moveEffect: documentMove };
}
