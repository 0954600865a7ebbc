/**
 * A procedure on the case engine. The engine runs any case by the same generic steps (queue, assignment,
 * deadline with suspension and extension, requests for information, a decision with its legal basis under
 * the four-eyes rule, an appeal, messages, audit); what a case is *about* lives in the procedure, in the
 * module that owns it: its lifecycle table, its deadline and legal bases, the roles that work on it, the
 * subject each reader sees, the system's checks before a proposal, the rows of its decision PDF and what
 * its decisions do outside the case. A module registers its procedures with the engine in one line of the
 * composition root (`cases.registerProcedure(...)`); the engine names none of them.
 */
import type { DbExecutor } from '../../db/database.ts';
import type { AuditActor } from '../audit/index.ts';
import type { CaseView, LaterEvent } from '../../../shared/contracts/cases.contract.ts';
import type { Role } from '../../../shared/kernel/permissions.ts';
import type { ActionPayload, CaseRole, CaseState, LifecycleTable, Outcome, RuleCheck } from './case-lifecycle.ts';
import type { DeadlineRule } from './case-deadline.ts';
import { checkRuleBook, type RuleBook, type RuleVersion } from './rule-versions.ts';

/** The case types the contract knows (the engine itself treats a type as an opaque name). */
export type CaseType = CaseView['caseType'];

export interface CaseTypeDefinition {
  type: CaseType;
  /** Reference numbers read `<prefix>-<year>-<number>`, e.g. DL-2026-000123. */
  prefix: string;
  lifecycle: LifecycleTable<string>;
  deadline: DeadlineRule;
  /** The law that sets the deadline, for the screens and the decision. */
  deadlineBasis: string;
  /** The law a decision of this type rests on. */
  decisionBasis: string;
  staffRoles: Partial<Record<Exclude<CaseRole, 'applicant' | 'system'>, readonly Role[]>>;
}

/** The stored case as a procedure sees it. */
export interface HandledCase {
  id: string;
  reference: string;
  caseType: string;
  applicantPersonId: string | null;
  applicantName: string;
  language: 'lv' | 'en';
  subject: Record<string, unknown>;
}

/** Who acts, for the reads and writes a procedure makes through other modules' audit gates. */
export interface HandlerAccess {
  actor: AuditActor;
  caseReference: string;
  requestId?: string | undefined;
}

/** Translates a catalogue key; the decision PDF's reader's language. */
export type RowText = (key: string, values?: Record<string, string | number>) => string;

/** How a decision of this procedure is contested in the portal: as a linked case of another type. */
export interface AppealRoute {
  caseType: CaseType;
  /** The appeal's subject, from the contested case as it is now (read in the appeal's transaction) and the applicant's reasons. */
  subject(
    trx: DbExecutor,
    access: HandlerAccess,
    contested: HandledCase,
    reason: string,
  ): Promise<{ subject: object; touched: string }>;
}

export interface CaseTypeHandler {
  definition: CaseTypeDefinition;
  /** The kind of its subject, also the `kind` its messages are worded by. */
  subjectKind: CaseView['subject']['kind'];
  /**
   * The subject as a reader sees it (staff may see more than the applicant). It may read what the procedure's
   * module keeps beside the case (a document it issued), in the reading transaction; the case read is the audited one.
   */
  subjectView(
    stored: Record<string, unknown>,
    state: CaseState,
    readerIsStaff: boolean,
    trx: DbExecutor,
    row: HandledCase,
  ): CaseView['subject'] | Promise<CaseView['subject']>;
  /**
   * The rows of the decision PDF that say what was asked and, where the procedure decides more than yes or no,
   * what was decided (`decision.terms`: a permission's validity, a refusal's grounds), in the reader's language.
   */
  decisionRows(
    subject: CaseView['subject'],
    t: RowText,
    date: (value: string) => string,
    decision?: { outcome: 'accept' | 'reject'; terms?: Record<string, unknown> | undefined },
  ): Array<[string, string]>;
  /** The system's own checks, first in a proposal's rule trace (may read, audited, in the transaction). */
  systemChecks(trx: DbExecutor, access: HandlerAccess, row: HandledCase, state: CaseState): Promise<RuleCheck[]>;
  /** Throws a field error when the type cannot take this outcome now. */
  checkProposal?(row: HandledCase, state: CaseState, outcome: Outcome): void;
  /**
   * What the procedure decides beyond the outcome (a permission's validity and scope, a refusal's grounds): the
   * officer's `terms` checked and normalized, or a field error. A procedure without it accepts no terms.
   */
  decisionTerms?(row: HandledCase, state: CaseState, outcome: Outcome, terms: unknown): Record<string, unknown>;
  /**
   * What an approved decision does outside the case, in the decision's transaction. It may name an action
   * the system then appends to the case (a person registered by the decision is linked as the applicant).
   */
  onApproved?(
    trx: DbExecutor,
    access: HandlerAccess,
    row: HandledCase,
    state: CaseState & { decision: NonNullable<CaseState['decision']> },
  ): Promise<ActionPayload | undefined>;
  /** A refusal may be contested in the portal as a linked case of this route. */
  appeal?: AppealRoute;
  /** What became of the decision's result after the case closed, read from the subject as its reader sees it. */
  laterEvents?(subject: CaseView['subject']): LaterEvent[];
  /** The person the case is about when that is not its applicant (named in the resident's list of cases). */
  concerns?(subject: CaseView['subject']): string | undefined;
  /**
   * The procedure's rules as versions by the day of lodging (fees, deadlines, documents, conditions): each case
   * is stamped with the version in force when it was lodged, and decided under it (rule-versions.ts).
   */
  rules: RuleBook;
  /**
   * The case's own limit when it depends on the application (a document's tier: 10 or 2 working days) or on
   * its rules' version; else the version's, else the type's.
   */
  deadline?(stored: Record<string, unknown>, rules: RuleVersion | null): DeadlineRule;
  /** The law this case's decision rests on when it depends on what was applied for; else the type's. */
  legalBasis?(stored: Record<string, unknown>): string;
  /**
   * The fee the case owes in all, in euro cents, where the procedure charges one by its rules. With it the engine
   * takes a further payment while some is still owed, of exactly what is owed (a fee a move of rules raised).
   */
  feeDue?(stored: Record<string, unknown>): number;
  /** Throws a field error when this action does not fit the case (a payment of the wrong amount, a photo that cannot be printed). */
  checkAction?(row: HandledCase, state: CaseState, payload: ActionPayload): void;
  /** What an action other than an approval does outside the case, in its transaction (a document handed over is issued). */
  onAction?(
    trx: DbExecutor,
    access: HandlerAccess,
    row: HandledCase,
    state: CaseState,
    payload: ActionPayload,
  ): Promise<void>;
}

/** A procedure is its case type's handler: one name for the plug-in a module registers. */
export type CaseProcedure = CaseTypeHandler;

/** The case roles a staff member's roles give in a case type. */
export function staffCaseRoles(def: CaseTypeDefinition, roles: readonly Role[]): CaseRole[] {
  return (Object.entries(def.staffRoles) as Array<[CaseRole, readonly Role[]]>)
    .filter(([, rs]) => rs.some((r) => roles.includes(r)))
    .map(([c]) => c);
}

/** The procedures the engine runs, by case type; filled by the composition root. */
export function createProcedureRegistry() {
  const byType = new Map<string, CaseProcedure>();
  return {
    register(procedure: CaseProcedure): void {
      if (byType.has(procedure.definition.type))
        throw new Error(`The case type ${procedure.definition.type} is registered twice`);
      checkRuleBook(procedure.definition.type, procedure.rules);
      byType.set(procedure.definition.type, procedure);
    },
    get: (caseType: string): CaseProcedure | undefined => byType.get(caseType),
    all: (): CaseProcedure[] => [...byType.values()],
  };
}
export type ProcedureRegistry = ReturnType<typeof createProcedureRegistry>;
