/**
 * What makes a case type more than its lifecycle table: what it is about (the subject each reader sees),
 * what the system checks before a proposal, what a proposal of it may not say, and what its approved
 * decision does outside the case. The engine asks the type's handler and knows none of them itself, so a
 * procedure of another module (documents, migration …) is a handler that module registers.
 */
import type { DbExecutor } from '../../db/database.ts';
import type { AuditActor } from '../audit/index.ts';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import type { ActionPayload, CaseState, Outcome, RuleCheck } from './case-lifecycle.ts';
import type { DeadlineRule } from './case-deadline.ts';
import type { CaseType, CaseTypeDefinition } from './case-types.ts';

/** The stored case as a handler sees it. */
export interface HandledCase {
  id: string;
  reference: string;
  caseType: string;
  applicantPersonId: string | null;
  subject: Record<string, unknown>;
}

/** Who acts, for the reads and writes a handler makes through other modules' audit gates. */
export interface HandlerAccess {
  actor: AuditActor;
  caseReference: string;
  requestId?: string | undefined;
}

export interface CaseTypeHandler {
  definition: CaseTypeDefinition;
  /** The kind of its subject, also the `kind` its messages are worded by. */
  subjectKind: CaseView['subject']['kind'];
  /** The subject as a reader sees it (staff may see more than the applicant). */
  subjectView(stored: Record<string, unknown>, state: CaseState, readerIsStaff: boolean): CaseView['subject'];
  /** The system's own checks, first in a proposal's rule trace (may read, audited, in the transaction). */
  systemChecks(trx: DbExecutor, access: HandlerAccess, row: HandledCase, state: CaseState): Promise<RuleCheck[]>;
  /** Throws a field error when the type cannot take this outcome now. */
  checkProposal?(row: HandledCase, state: CaseState, outcome: Outcome): void;
  /**
   * What an approved decision does outside the case, in the decision's transaction. It may name an action
   * the system then appends to the case (an inclusion links the person it registered).
   */
  onApproved?(trx: DbExecutor, access: HandlerAccess, row: HandledCase, state: CaseState & { decision: NonNullable<CaseState['decision']> }): Promise<ActionPayload | undefined>;
  /** A refusal may be contested in the portal as a linked appeal case. */
  appealable?: boolean;
  /** The case's own limit when it depends on the application (a document's tier: 10 or 2 working days); else the type's. */
  deadline?(stored: Record<string, unknown>): DeadlineRule;
  /** Throws a field error when this action does not fit the case (a payment of the wrong amount, a photo that cannot be printed). */
  checkAction?(row: HandledCase, state: CaseState, payload: ActionPayload): void;
  /** What an action other than an approval does outside the case, in its transaction (a document handed over is issued). */
  onAction?(trx: DbExecutor, access: HandlerAccess, row: HandledCase, state: CaseState, payload: ActionPayload): Promise<void>;
}

export type CaseTypeHandlers = Partial<Record<CaseType, CaseTypeHandler>>;
