/**
 * The case engine's public face. Procedures plug in with `registerProcedure` (the composition root does it
 * once per procedure); every use case lives in its own file and passes one case snapshot along:
 * open-case.ts (opening, appeals), take-action.ts (actions), case-view.ts (reading), case-queues.ts
 * (lists) and deadline-watch.ts (the deadline job). Commands may carry an idempotency key: a repeat gets
 * the first answer (idempotency.ts).
 */
import { AppError } from '../../http/app-error.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { CaseActionInput, CaseView, UploadInput } from '../../../shared/contracts/cases.contract.ts';
import type { ActionPayload } from './case-lifecycle.ts';
import type { AuditActor } from '../audit/index.ts';
import { createEngine, type CaseActorContext, type CasesDeps } from './engine.ts';
import { createProcedureRegistry, staffCaseRoles, type CaseProcedure } from './procedure.ts';
import { readCase, readOwnCase } from './case-view.ts';
import { storedAnswer } from './idempotency.ts';
import { appeal, openApplication, type ApplicationSpec, type SpecBuilder } from './open-case.ts';
import { act, appendSystemAction, type ModuleActionInput } from './take-action.ts';
import { dashboard, myCases, queue, type QueueRequest } from './case-queues.ts';
import { watchDeadlines } from './deadline-watch.ts';
import { moveRules, procedureRules, unknownRuleStamps, type RuleMover } from './rule-moves.ts';
import type { RuleMoveRequest } from '../../../shared/contracts/procedure-rules.contract.ts';

export function createCasesService(deps: CasesDeps) {
  const procedures = createProcedureRegistry();
  const engine = createEngine(deps, procedures);
  const { db, repository } = deps;

  return {
    today: engine.today,

    /** Plugs a procedure into the engine (once, at start). */
    registerProcedure: (procedure: CaseProcedure): void => procedures.register(procedure),
    /** The procedure of a case type (its decision rows, its roles). */
    procedureOf: engine.procedureOf,
    /** Whether a staff member acts in a case type in this role (e.g. an officer who may open its cases at the desk). */
    staffMay: (ctx: CaseActorContext, caseType: string, role: 'officer' | 'decision-maker' | 'supervisor'): boolean =>
      ctx.kind === 'staff' && staffCaseRoles(engine.procedureOf(caseType).definition, ctx.roles).includes(role),
    /** The branch that takes applications made online. */
    portalBranchId: () => deps.portalBranchId(),

    readCase: (ctx: CaseActorContext, caseId: string): Promise<CaseView> => readCase(engine, ctx, caseId),
    /** A resident's own case as its applicant only, for a paper its procedure issued them (`touched` names it in the audit). */
    readOwnCase: (ctx: CaseActorContext, caseId: string, touched: string): Promise<CaseView> =>
      readOwnCase(engine, ctx, caseId, touched),
    takeAction: (ctx: CaseActorContext, caseId: string, input: CaseActionInput, key?: string): Promise<CaseView> => {
      // A payment over the case endpoint is one taken at the desk: only the office records it.
      if (input.kind === 'record-payment' && ctx.kind !== 'staff')
        throw new AppError('FORBIDDEN', 'A payment at the desk is recorded by the office', {
          rule: { id: 'case.role-needed' },
        });
      return act(engine, ctx, caseId, input.expectedVersion, [input], key);
    },
    /** Actions another module takes for its procedure (a payment, the applicant received in person, a hand-over), in one transaction. */
    takeModuleActions: (
      ctx: CaseActorContext,
      caseId: string,
      expectedVersion: number,
      inputs: ModuleActionInput[],
      key?: string,
      request?: unknown,
    ): Promise<CaseView> => act(engine, ctx, caseId, expectedVersion, inputs, key, request),
    appeal: (
      ctx: CaseActorContext,
      caseId: string,
      input: { reason: string; lateReason?: string | undefined; documents: UploadInput[] },
      key?: string,
    ) => appeal(engine, ctx, caseId, input, key),

    /**
     * Opens a case of a registered procedure; `build` gives its spec in the case's transaction (audited reads
     * under the new case's reference). `request` is what the caller sent, to recognize a repeat under the same key.
     */
    openCase: (
      ctx: CaseActorContext,
      caseType: string,
      key: string | undefined,
      request: unknown,
      build: SpecBuilder,
    ): Promise<CaseView> => openApplication(engine, ctx, caseType, key, request, build),
    /** Opens a case whose spec the module already has. */
    openApplication: (
      ctx: CaseActorContext,
      spec: ApplicationSpec,
      key: string | undefined,
      request: unknown,
    ): Promise<CaseView> => {
      const { caseType, ...rest } = spec;
      return openApplication(engine, ctx, caseType, key, request, async () => rest);
    },

    /** A module's command already answered under this Idempotency-Key (before the module checks it again). */
    storedAnswer: (ctx: CaseActorContext, key: string | undefined, request: unknown) =>
      storedAnswer(engine, ctx, key, request),

    /** An action the system takes in the caller's transaction (a production order, the centre's confirmation). */
    appendSystemAction: (
      trx: DbExecutor,
      system: Parameters<typeof appendSystemAction>[2],
      caseId: string,
      payload: ActionPayload,
    ) => appendSystemAction(engine, trx, system, caseId, payload),

    /** Open cases of a type in a status, oldest first (the next production batch): ids, references and subjects. */
    casesInStatus: (executor: DbExecutor, caseType: string, status: string, limit: number) =>
      repository.inStatus(executor, caseType, status, limit),
    /** A person's open cases of a type (newest first), for another module's checks and desk screens; not audited: ids and statuses only. */
    openCasesOf: (personId: string, caseType: string) => repository.openOfApplicant(db, personId, caseType),
    /** A file of a case in the caller's transaction (a production order carries the photo). */
    documentIn: (executor: DbExecutor, caseId: string, documentId: string) =>
      repository.document(executor, caseId, documentId),
    /** Consultations an authority has not answered yet, oldest first, with each case's subject as stored (the procedure's module words it for the partner). */
    async openConsultations(authority: string, limit = 100) {
      const rows = await repository.openConsultations(db, authority, limit);
      return rows.map((r) => {
        const p = r.payload as { consultationId: string; authority: string; question: string; dueOn: string };
        return {
          caseId: r.caseId,
          reference: r.reference,
          caseType: r.caseType,
          subject: r.subject,
          applicantPersonId: r.applicantPersonId,
          consultationId: p.consultationId,
          authority: p.authority,
          question: p.question,
          askedOn: r.onDate,
          dueOn: p.dueOn,
        };
      });
    },

    /**
     * A consulted authority's own system answers (a system action on the case, audited as the partner's). Only
     * the authority asked may answer; a consultation nobody asked of it is not found.
     */
    async answerConsultation(
      system: { id: string; audit: AuditActor; requestId?: string | undefined },
      authority: string,
      consultationId: string,
      answer: { outcome: 'no-objection' | 'objection'; remarks: string },
    ) {
      const found = await repository.caseOfConsultation(db, consultationId);
      if (!found || found.authority !== authority)
        throw new AppError('NOT_FOUND', `No consultation ${consultationId} asked of ${authority}`);
      return db.transaction().execute(async (trx) => {
        const snap = await engine.snapshot(trx, found.caseId, true);
        const given = snap?.state.consultations.find((c) => c.consultationId === consultationId)?.answer;
        // A partner's system that retries the very answer it gave gets the same reply, not a conflict.
        const repeat = given && given.outcome === answer.outcome && given.remarks === answer.remarks;
        if (!repeat)
          await appendSystemAction(engine, trx, system, found.caseId, {
            kind: 'answer-consultation',
            consultationId,
            outcome: answer.outcome,
            remarks: answer.remarks,
          });
        return { caseReference: snap?.row.reference ?? '' };
      });
    },

    /** A case by its reference, for another module's check (an application citing an earlier case); not audited: the caller audits its own read. */
    async byReference(executor: DbExecutor, reference: string) {
      const row = await repository.caseByReference(executor, reference);
      if (!row) return undefined;
      const snap = await engine.snapshotOf(executor, row);
      return {
        id: row.id,
        reference: row.reference,
        caseType: row.caseType,
        branchId: row.branchId,
        contactEmail: row.contactEmail,
        language: row.language,
        status: snap.state.status,
        applicantPersonId: row.applicantPersonId,
        applicantName: row.applicantName,
        subject: row.subject,
        decision: snap.state.decision,
      };
    },
    /** Whether any case of a type exists (a demo seed runs once). */
    anyOfType: (caseType: string) => repository.anyOfType(db, caseType),
    /** How many open cases of a type are in a status (case_type_status_idx). */
    countInStatus: (caseType: string, status: string) => repository.countInStatus(db, caseType, status),

    /** The state of a case (its folded actions), for another module's use case in its own transaction. */
    async stateOf(executor: DbExecutor, caseId: string) {
      const snap = await engine.snapshot(executor, caseId);
      return snap ? { row: snap.row, state: snap.state } : undefined;
    },

    async document(ctx: CaseActorContext, caseId: string, documentId: string) {
      return db.transaction().execute(async (trx) => {
        const { snap } = await engine.requireCase(trx, ctx, caseId);
        const doc = await repository.document(trx, caseId, documentId);
        if (!doc) throw new AppError('NOT_FOUND', `No document ${documentId} in this case`);
        await engine.auditCase(trx, ctx, snap.row, 'read', ['document']);
        return doc;
      });
    },

    /** The case and its decision, for the decision PDF. */
    async decision(
      ctx: CaseActorContext,
      caseId: string,
    ): Promise<CaseView & { decision: NonNullable<CaseView['decision']> }> {
      const view = await readCase(engine, ctx, caseId);
      if (!view.decision) throw new AppError('NOT_FOUND', 'This case has no decision yet');
      return view as CaseView & { decision: NonNullable<CaseView['decision']> };
    },

    queue: (ctx: CaseActorContext, q: QueueRequest) => queue(engine, ctx, q),
    dashboard: (ctx: CaseActorContext) => dashboard(engine, ctx),
    myCases: (ctx: CaseActorContext) => myCases(engine, ctx),
    watchDeadlines: (limit?: number) => watchDeadlines(engine, limit),
    /** The procedures' rule versions with the open cases under each. */
    procedureRules: () => procedureRules(engine),
    /** A transitional move of open cases to a version of their procedure's rules (a dry run changes nothing). */
    moveRules: (mover: RuleMover, request: RuleMoveRequest) => moveRules(engine, mover, request),
    /** Open cases' rule stamps that no registered rule book defines (`case-type version`). */
    unknownRuleStamps: () => unknownRuleStamps(engine),
  };
}
export type CasesService = ReturnType<typeof createCasesService>;
