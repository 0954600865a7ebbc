/**
 * A procedure's rules as versions (issue 25, decision 0029). A law or regulation changes on a day: cases lodged
 * before it are decided under the old rules, cases lodged from it under the new ones. Each version is data in
 * the procedure's own module (a file per version, reviewed like code) with the day it applies from and the act
 * that brought it; the engine stamps each case at lodging with the version in force that day, and the deadline,
 * the fee and the documents follow the stamped version until a transitional move (rule-moves.ts) restamps it.
 * Pure: no I/O.
 */
import { compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { DeadlineRule } from './case-deadline.ts';

/** One version of a procedure's rules: the engine reads these fields; a procedure adds its own (fees, documents …). */
export interface RuleVersion {
  /** The first day of lodging the version governs; it names the version within its procedure. */
  validFrom: PlainDate;
  /** The act that brought the version, as the office cites it (Latvian; pages render it in the reader's language). */
  legalAct: string;
  /** The decision period of cases under this version, where the version sets it (else the case type's). */
  deadline?: DeadlineRule;
}

/** What moving one case to another version changes: its subject as the new version reads it, the fee, new documents. */
export interface RuleMoveEffect {
  /** The subject under the new version (the fee it quotes, the documents it lists); the same object when nothing changes. */
  subject: Record<string, unknown>;
  /** The fee owed before and after the move, in euro cents; null where the procedure charges no fee. */
  fee: { beforeCents: number; afterCents: number } | null;
  /** Documents the new version asks for that the old one did not (the procedure's document codes). */
  newDocuments: string[];
}

/** A procedure's versions, oldest first, and what a move between two of them changes for a case. */
export interface RuleBook<V extends RuleVersion = RuleVersion> {
  versions: readonly V[];
  /** The change for one case's subject (lodged on `lodgedOn`); without it a move changes the deadline only. */
  moveEffect?(subject: Record<string, unknown>, from: V, to: V, lodgedOn: PlainDate): RuleMoveEffect;
  /** Where the versions list documents: the catalogue namespace whose `<namespace>.<code>` names each document code. */
  documentWording?: string;
}

/** The version in force for an application lodged on `day`; undefined before the first version. */
export function versionOn<V extends RuleVersion>(book: RuleBook<V>, day: PlainDate): V | undefined {
  let found: V | undefined;
  for (const v of book.versions) if (compareDates(v.validFrom, day) <= 0) found = v;
  return found;
}

export const versionById = <V extends RuleVersion>(book: RuleBook<V>, id: string): V | undefined =>
  book.versions.find((v) => v.validFrom === id);

/** Refuses a rule book the engine could not read unambiguously: no versions, or two versions not in order. */
export function checkRuleBook(caseType: string, book: RuleBook): void {
  if (book.versions.length === 0) throw new Error(`The rules of ${caseType} have no version`);
  book.versions.forEach((v, i) => {
    const before = book.versions[i - 1];
    if (before && compareDates(before.validFrom, v.validFrom) >= 0)
      throw new Error(`The rules of ${caseType}: version ${v.validFrom} must come after ${before.validFrom}, once`);
    if (!v.legalAct.trim()) throw new Error(`The rules of ${caseType}: version ${v.validFrom} names no act`);
  });
}

/**
 * The book of a procedure whose rules have one version so far (no fee, no list of documents that could change):
 * its cases are still stamped, so the next law change is one more version beside this one.
 */
export const oneVersionBook = (validFrom: PlainDate, legalAct: string): RuleBook => ({
  versions: [{ validFrom, legalAct }],
});
