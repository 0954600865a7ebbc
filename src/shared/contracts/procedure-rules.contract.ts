/**
 * Versions of the procedures' rules (issue 25): each procedure's versions with the day each applies from and the
 * act that brought it, and transitional moves of open cases from one version to another (a dry run lists them
 * first). Administrators only; the same as `civitas procedures list` and `civitas procedures migrate`.
 */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { CASE_STATUSES, CaseTypeSchema } from './cases.contract.ts';
import { PlainDateSchema } from '../kernel/plain-date.ts';

export const ProcedureRulesView = z.object({
  today: z.string(),
  procedures: z.array(
    z.object({
      procedure: CaseTypeSchema,
      /** The catalogue namespace naming the documents its versions list (`<namespace>.<code>`); null: none listed. */
      documentWording: z.string().nullable(),
      /** Oldest first; a version's `validFrom` names it. */
      versions: z.array(
        z.object({
          validFrom: z.string(),
          legalAct: z.string(),
          /** Applies from today or earlier (a version may be added before its day). */
          inForce: z.boolean(),
          /** Open cases decided under this version now. */
          openCases: z.number().int(),
        }),
      ),
    }),
  ),
});
export type ProcedureRulesView = z.infer<typeof ProcedureRulesView>;

export const RuleMoveRequest = z.strictObject({
  procedure: CaseTypeSchema,
  /** The version to move to, by the day it applies from. */
  to: PlainDateSchema,
  /** Only cases lodged before this day (the transitional provision's cut-off); absent: every open case. */
  lodgedBefore: PlainDateSchema.optional(),
  /** The transitional provision that orders the move; absent, the act that brought the version. */
  legalBasis: z.string().trim().max(300).optional(),
  /** List what would change, change nothing. */
  dryRun: z.boolean(),
  /**
   * Applying what a dry run listed: the cases and the versions (number of actions) it showed. If the open cases
   * the move would touch are no longer exactly these, nothing moves (409): the administrator looks again.
   */
  expected: z
    .array(z.object({ caseId: z.uuid(), version: z.number().int() }))
    .max(100_000)
    .optional(),
});
export type RuleMoveRequest = z.output<typeof RuleMoveRequest>;

/**
 * A move lists cases by reference, without the applicant's name: the administrator carrying out a transitional
 * provision for the whole office needs no more (the office's officers open the cases; the reads are audited).
 */
export const RuleMovePlan = z.object({
  procedure: CaseTypeSchema,
  to: z.object({ validFrom: z.string(), legalAct: z.string() }),
  lodgedBefore: z.string().nullable(),
  legalBasis: z.string(),
  /** False for a dry run: nothing was changed. */
  applied: z.boolean(),
  cases: z.array(
    z.object({
      caseId: z.uuid(),
      reference: z.string(),
      /** The case's version (its number of actions) when listed: an apply sends it back as `expected`. */
      version: z.number().int(),
      status: z.enum(CASE_STATUSES),
      receivedOn: z.string(),
      /** The version the case was under (null: lodged before the first version). */
      from: z.string().nullable(),
      dueBefore: z.string().nullable(),
      dueAfter: z.string().nullable(),
      /**
       * The fee owed before and after, in euro cents, and what is paid (a rise is then owed, and taken at the
       * desk); null: the procedure charges none.
       */
      fee: z
        .object({ beforeCents: z.number().int(), afterCents: z.number().int(), paidCents: z.number().int() })
        .nullable(),
      /** Documents the new version asks for that the old one did not. */
      newDocuments: z.array(z.string()),
    }),
  ),
});
export type RuleMovePlan = z.infer<typeof RuleMovePlan>;

export const readProcedureRules = defineEndpoint({
  method: 'GET',
  path: '/api/procedure-rules',
  summary: 'The procedures’ rule versions, each with its act and the open cases decided under it (administrators)',
  tags: ['procedure-rules'],
  response: ProcedureRulesView,
});

export const moveProcedureRules = defineEndpoint({
  method: 'POST',
  path: '/api/procedure-rules/moves',
  summary:
    'Move open cases of a procedure to a version of its rules (a transitional provision): a dry run lists each case and what changes; applied, in one audited transaction, each case’s history shows the move and its legal basis',
  tags: ['procedure-rules'],
  body: RuleMoveRequest,
  response: RuleMovePlan,
});
