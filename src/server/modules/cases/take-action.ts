/**
 * A case changes only by appending an action, inside one transaction that locks the case row, checks the
 * version the caller saw (stale: 409), checks the action against the procedure's lifecycle (where the
 * four-eyes rule lives), writes the action, the projection for the queues, the audit entry, the outbox
 * messages and the action's effect through the procedure (an approved decision changes the register …).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../http/app-error.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { StaffMember } from '../identity/index.ts';
import type { CaseActionInput, CaseView, UploadInput } from '../../../shared/contracts/cases.contract.ts';
import { compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { NoticeMethod } from '../../../shared/kernel/appeal-term.ts';
import {
  refusalOf,
  type ActionActor,
  type ActionPayload,
  type CaseAction,
  type CaseRole,
  type IdentityMethod,
  type PaymentMethod,
  type RuleCheck,
} from './case-lifecycle.ts';
import { extensionProblem } from './case-deadline.ts';
import { invalid, refusalError } from './case-refusals.ts';
import { buildView, decisionAppealTerm } from './case-view.ts';
import { idempotent } from './idempotency.ts';
import { storeUploads } from './uploads.ts';
import { staffCaseRoles, type HandlerAccess } from './procedure.ts';
import type { AuditActor } from '../audit/index.ts';
import type { RuleVersion } from './rule-versions.ts';
import type { CaseActorContext, CaseSnapshot, Engine, FoundPerson } from './engine.ts';

/** A payment to a procedure that states its fee: only while some is owed, and exactly what is owed. */
function checkPayment(snap: CaseSnapshot, payload: ActionPayload): void {
  if (payload.kind !== 'record-payment') return;
  const due = snap.procedure.feeDue?.(snap.row.subject);
  // A procedure that does not state its fee takes one payment; one that does takes what is still owed.
  if (due === undefined) {
    if (snap.state.payment) throw refusalError({ code: 'already-paid' }, snap.row.caseType);
    return;
  }
  const owed = due - (snap.state.payment?.amountCents ?? 0);
  if (owed <= 0) throw refusalError({ code: 'already-paid' }, snap.row.caseType);
  if (payload.amountCents !== owed)
    invalid('amountCents', `The amount owed for this application is ${(owed / 100).toFixed(2)} EUR`, 'wrong-amount');
}

/** The rule trace's first line: the version of the procedure's rules the decision applies, and the act that brought it. */
const rulesApplied = (v: RuleVersion | null): RuleCheck[] =>
  v
    ? [
        {
          rule: 'rules-version',
          passed: true,
          detail: `${v.validFrom}: ${v.legalAct}`,
          params: { from: v.validFrom, act: v.legalAct },
        },
      ]
    : [];

/**
 * Actions another module takes through its own services (never from the generic action route): a fee paid
 * through the payment provider, the applicant received in person with a photo, a document handed over.
 */
export type ModuleActionInput =
  | { kind: 'record-payment'; amountCents: number; method: PaymentMethod; reference: string }
  /** `photo` is taken now; or `photoDocumentId` names one already with the case (uploaded online). */
  | {
      kind: 'accept-in-person';
      identityMethod: IdentityMethod;
      identityDocumentNumber: string | null;
      photo: UploadInput | null;
      photoDocumentId?: string | undefined;
    }
  | {
      kind: 'propose-decision';
      outcome: 'accept' | 'reject';
      reasoning: string;
      ruleTrace?: RuleCheck[] | undefined;
      /** The module's officer saw the failed checks (as a person confirms on a screen), and why the grant stands. */
      acknowledgeFailedChecks?: boolean | undefined;
      overrideReason?: string | undefined;
      /**
       * Propose only where every check passes: otherwise no proposal is made, and an officer proposes from the
       * case with their reason (a desk intake that proposes what it took in person).
       */
      onlyIfChecksPass?: boolean | undefined;
    }
  | {
      kind: 'hand-over';
      documentId: string;
      documentNumber: string;
      identityMethod: IdentityMethod;
      identityDocumentNumber: string | null;
      receivedBy: string;
    };

export type AnyActionInput = CaseActionInput | ModuleActionInput;

/** What a command knows before its transaction: the branch's staff (for an assignment), a person found by personal code. */
interface Prefetched {
  branchStaff: readonly StaffMember[];
  person?: FoundPerson | undefined;
}

/** An assignment: to an officer of the branch who handles the type; cases are taken in deadline order unless a reason is given. */
async function assignPayload(
  engine: Engine,
  trx: DbExecutor,
  ctx: CaseActorContext,
  snap: CaseSnapshot,
  input: Extract<CaseActionInput, { kind: 'assign' }>,
  branchStaff: readonly StaffMember[],
): Promise<ActionPayload> {
  if (ctx.kind !== 'staff') throw new AppError('FORBIDDEN', 'Only staff assign cases');
  const { row, procedure } = snap;
  const assigneeId = input.assigneeId ?? ctx.id;
  const assignee = branchStaff.find((s) => s.id === assigneeId);
  if (!assignee || !staffCaseRoles(procedure.definition, assignee.roles).includes('officer'))
    invalid(
      'assigneeId',
      'The case can only go to an officer of its branch who handles this case type',
      'not-an-officer',
    );
  if (assigneeId !== ctx.id && !staffCaseRoles(procedure.definition, ctx.roles).includes('supervisor'))
    throw new AppError('FORBIDDEN', 'Only a supervisor assigns a case to someone else', {
      rule: { id: 'case.assign-needs-supervisor' },
    });
  // Cases are taken in deadline order: skipping an earlier unassigned one needs a recorded reason.
  if (!row.assigneeId && !input.outOfOrderReason) {
    const earlier = await engine.deps.repository.queue(trx, {
      branchId: row.branchId,
      caseTypes: [row.caseType],
      assigneeId: null,
      limit: 1,
      ...(row.dueOn ? { dueBy: row.dueOn } : {}),
    });
    const first = earlier.rows[0];
    if (first && first.id !== row.id && compareDates(first.dueOn as PlainDate, row.dueOn as PlainDate) < 0) {
      invalid(
        'outOfOrderReason',
        `Case ${first.reference} is due earlier (${first.dueOn}); say why this one goes first`,
        'out-of-order',
      );
    }
  }
  return {
    kind: 'assign',
    assigneeId,
    assigneeName: assignee.displayName,
    outOfOrderReason: input.outOfOrderReason ?? null,
  };
}

/** The person an action names by personal code, who must be in the register (and not the applicant, for a representative). */
function personPayload(
  snap: CaseSnapshot,
  input: Extract<CaseActionInput, { personalCode: string }>,
  person: FoundPerson | undefined,
): ActionPayload {
  if (!person) invalid('personalCode', 'No person with this personal code in the register', 'unknown-person');
  if (input.kind === 'link-applicant')
    return {
      kind: 'link-applicant',
      personId: person.id,
      personalCode: person.personalCode,
      name: person.name,
      reason: input.reason,
    };
  if (person.id === snap.row.applicantPersonId)
    invalid('personalCode', 'The applicant cannot represent themselves', 'same-person');
  return {
    kind: 'add-representative',
    personId: person.id,
    name: person.name,
    representativeKind: input.representativeKind,
    may: [...new Set(input.may)],
    authorization: input.authorization,
  };
}

/** The procedure's own decision terms, checked by it; a procedure that decides nothing more takes none. */
function termsOf(
  snap: CaseSnapshot,
  outcome: 'accept' | 'reject',
  terms: unknown,
): Record<string, unknown> | undefined {
  if (snap.procedure.decisionTerms) return snap.procedure.decisionTerms(snap.row, snap.state, outcome, terms ?? {});
  if (terms !== undefined && Object.keys(terms as object).length > 0)
    invalid('terms', 'This case type decides nothing beyond the outcome', 'no-terms');
  return undefined;
}

/**
 * How the decision reaches the applicant: electronically where they chose to be reached so (they applied in
 * the portal, or gave an e-mail address), else by registered post; being in the register is not such a choice.
 * Fixed when it is made: when it takes effect follows from it.
 */
function noticeMethodFor(row: CaseSnapshot['row']): NoticeMethod {
  return row.channel === 'portal' || row.contactEmail ? 'electronic' : 'post';
}

/** Turns the caller's input into the action's payload, checking what only the service can check. */
async function payloadFor(
  engine: Engine,
  trx: DbExecutor,
  ctx: CaseActorContext,
  snap: CaseSnapshot,
  input: AnyActionInput,
  pre: Prefetched,
): Promise<ActionPayload> {
  const on = engine.today();
  const { state, procedure } = snap;
  switch (input.kind) {
    case 'assign':
      return assignPayload(engine, trx, ctx, snap, input, pre.branchStaff);
    case 'request-information':
      if (compareDates(input.dueOn as PlainDate, on) <= 0)
        invalid('dueOn', 'The answer must be due after today', 'not-after-today');
      return {
        kind: 'request-information',
        requestId: randomUUID(),
        question: input.question,
        dueOn: input.dueOn as PlainDate,
      };
    case 'answer-information':
      return { kind: 'answer-information', requestId: input.requestId, text: input.text, documentIds: [] };
    case 'propose-decision': {
      procedure.checkProposal?.(snap.row, state, input.outcome);
      const terms = termsOf(snap, input.outcome, 'terms' in input ? input.terms : undefined);
      const checks = await procedure.systemChecks(trx, engine.accessFor(ctx, snap.row), snap.row, state);
      return {
        kind: 'propose-decision',
        outcome: input.outcome,
        legalBasis: procedure.legalBasis?.(snap.row.subject) ?? procedure.definition.decisionBasis,
        reasoning: input.reasoning,
        ruleTrace: [...rulesApplied(engine.rulesOf(procedure, state, snap.row)), ...checks, ...(input.ruleTrace ?? [])],
        ...(terms ? { terms } : {}),
      };
    }
    case 'request-consultation':
      if (compareDates(input.dueOn as PlainDate, on) <= 0)
        invalid('dueOn', 'The answer must be due after today', 'not-after-today');
      return {
        kind: 'request-consultation',
        consultationId: randomUUID(),
        authority: input.authority,
        question: input.question,
        dueOn: input.dueOn as PlainDate,
      };
    case 'answer-consultation':
      // An objection says what it objects to: a decision over it must be able to answer it.
      if (input.outcome === 'objection' && !input.remarks?.trim())
        invalid('remarks', 'An objection needs its remarks', 'objection-needs-remarks');
      return {
        kind: 'answer-consultation',
        consultationId: input.consultationId,
        outcome: input.outcome,
        remarks: input.remarks ?? '',
      };
    case 'return-proposal':
      return { kind: 'return-proposal', reason: input.reason };
    case 'close-request':
      return { kind: 'close-request', requestId: state.openRequest?.requestId ?? '', reason: input.reason };
    case 'approve-decision':
      return { kind: 'approve-decision', decisionId: randomUUID(), notice: noticeMethodFor(snap.row) };
    case 'decide-term-renewal':
      return { kind: 'decide-term-renewal', granted: input.granted, reasoning: input.reasoning };
    case 'extend-deadline': {
      const deadline = engine.deadlineOf(procedure, state, snap.row, on);
      const problem = deadline ? extensionProblem(deadline, input.to as PlainDate) : 'not-extendable';
      if (problem === 'beyond-cap')
        invalid('to', `The law allows an extension up to ${deadline?.extensionCap}`, 'extension-beyond-cap');
      if (problem === 'not-later')
        invalid('to', `The new deadline must be after ${deadline?.dueOn}`, 'extension-not-later');
      if (problem) invalid('to', 'This case type’s deadline cannot be extended', 'extension-not-allowed');
      return { kind: 'extend-deadline', to: input.to as PlainDate, reason: input.reason };
    }
    case 'withdraw':
      return { kind: 'withdraw', reason: input.reason };
    case 'add-document':
      return {
        kind: 'add-document',
        documentId: '',
        documentKind: input.document.kind ?? 'evidence',
        fileName: input.document.fileName,
      };
    case 'add-representative':
    case 'link-applicant':
      return personPayload(snap, input, pre.person);
    case 'record-payment':
      return {
        kind: 'record-payment',
        amountCents: input.amountCents,
        method: input.method,
        reference: input.reference,
      };
    // The photo is stored when the action is recorded (its id goes into the payload).
    case 'accept-in-person':
      return {
        kind: 'accept-in-person',
        identityMethod: input.identityMethod,
        identityDocumentNumber: input.identityDocumentNumber,
        photoDocumentId: input.photoDocumentId ?? null,
      };
    case 'hand-over':
      return {
        kind: 'hand-over',
        documentId: input.documentId,
        documentNumber: input.documentNumber,
        identityMethod: input.identityMethod,
        identityDocumentNumber: input.identityDocumentNumber,
        receivedBy: input.receivedBy,
      };
  }
}

/** The files an action brings are stored with it; their ids go into its payload. */
async function withFiles(
  engine: Engine,
  trx: DbExecutor,
  ctx: CaseActorContext,
  caseId: string,
  input: AnyActionInput,
  payload: ActionPayload,
): Promise<ActionPayload> {
  if (input.kind === 'answer-information' && payload.kind === 'answer-information')
    return {
      ...payload,
      documentIds: await storeUploads(engine, trx, ctx, caseId, input.documents ?? [], 'documents'),
    };
  if (input.kind === 'add-document' && payload.kind === 'add-document')
    return {
      ...payload,
      documentId: (await storeUploads(engine, trx, ctx, caseId, [input.document], 'document'))[0] as string,
    };
  if (input.kind === 'accept-in-person' && payload.kind === 'accept-in-person' && input.photo) {
    return {
      ...payload,
      photoDocumentId: (
        await storeUploads(engine, trx, ctx, caseId, [{ ...input.photo, kind: 'photo' }], 'photo')
      )[0] as string,
    };
  }
  return payload;
}

/** A representative may do what the representation allows: see, answer (and add documents), withdraw. */
async function requireRepresentationAllows(
  engine: Engine,
  trx: DbExecutor,
  caseId: string,
  personId: string,
  kind: ActionPayload['kind'],
): Promise<void> {
  const needs = kind === 'withdraw' ? 'withdraw' : 'answer';
  if (!(await engine.deps.repository.representation(trx, caseId, personId)).includes(needs)) {
    throw new AppError(
      'FORBIDDEN',
      `Your representation does not include the right to ${needs === 'withdraw' ? 'withdraw the application' : 'answer for the applicant'}`,
      {
        rule: { id: 'case.representation-right', values: { right: needs } },
      },
    );
  }
}

/** Nobody who proposed or approved the contested decision prepares or decides the appeal against it, nor whether its missed term is renewed. */
async function requireImpartial(
  engine: Engine,
  trx: DbExecutor,
  contestedId: string,
  actor: ActionActor,
): Promise<void> {
  const contested = await engine.snapshot(trx, contestedId);
  const decision = contested?.state.decision;
  if (decision && [decision.proposedBy, decision.approvedBy].some((p) => p.kind === actor.kind && p.id === actor.id)) {
    throw new AppError('FORBIDDEN', 'You took part in the contested decision: the appeal goes to someone who did not', {
      rule: { id: 'case.appeal-needs-other-officer' },
    });
  }
}

/** The rule-trace line that records a grant proposed over failed checks, with the officer's reason. */
export const OVERRIDE_RULE = 'failed-checks-overridden';

/**
 * A grant over a failed check of the rule trace (the system's own, or one the officer added) is an explicit
 * override: the officer proposing it confirms they saw the failed checks and says why the grant stands all
 * the same, and that reason becomes a line of the rule trace (shown on the case, in the decision and its PDF);
 * the decision-maker approving it confirms again. The count and the checks are part of the refusal, so the
 * screen can name them.
 */
function requireFailedChecksAcknowledged(
  snap: CaseSnapshot,
  input: AnyActionInput,
  payload: ActionPayload,
): ActionPayload {
  const proposing = payload.kind === 'propose-decision' && payload.outcome === 'accept';
  const grant = proposing
    ? payload.ruleTrace
    : payload.kind === 'approve-decision' && snap.state.proposal?.outcome === 'accept'
      ? snap.state.proposal.ruleTrace
      : undefined;
  const failed = grant?.filter((c) => !c.passed) ?? [];
  if (failed.length === 0) return payload;
  const rules = failed.map((c) => c.rule);
  const seen = 'acknowledgeFailedChecks' in input && input.acknowledgeFailedChecks === true;
  const reason = proposing && 'overrideReason' in input ? input.overrideReason?.trim() : undefined;
  const problems = [
    ...(seen
      ? []
      : [
          {
            path: 'acknowledgeFailedChecks',
            message: `${failed.length} check(s) of the rule trace failed: confirm that you saw them to grant all the same`,
            reason: 'failed-checks-unacknowledged' as const,
            // Which checks failed, so a screen that has not shown the trace yet (a proposal's) can name them.
            values: { count: failed.length, rules: rules.join(',') },
          },
        ]),
    ...(proposing && !reason
      ? [
          {
            path: 'overrideReason',
            message: 'Say why the grant stands although checks failed',
            reason: 'override-reason-needed' as const,
          },
        ]
      : []),
  ];
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', (problems[0] as { message: string }).message, problems);
  // Confirmed: the action keeps which checks its officer saw fail, for the four-eyes record.
  if (payload.kind === 'propose-decision') {
    // The failed checks stand as failed lines above it; this line is the officer's reason, in their words.
    // Staff only when it overrides a check the applicant may not read (another authority's objection).
    const override: RuleCheck = {
      rule: OVERRIDE_RULE,
      passed: true,
      detail: reason as string,
      ...(failed.some((c) => c.staffOnly) ? { staffOnly: true } : {}),
    };
    return { ...payload, ruleTrace: [...payload.ruleTrace, override], acknowledgedFailedChecks: rules };
  }
  return { ...payload, acknowledgedFailedChecks: rules } as ActionPayload;
}

/** A module's proposal to grant that only stands where every check passes, with a check failed: not made now. */
function proposalWaitsForOfficer(input: AnyActionInput, payload: ActionPayload): boolean {
  return (
    'onlyIfChecksPass' in input &&
    input.onlyIfChecksPass === true &&
    payload.kind === 'propose-decision' &&
    payload.outcome === 'accept' &&
    payload.ruleTrace.some((c) => !c.passed)
  );
}

/** Checks one action against the case as it stands, records it with its audit entry and effects; returns the case after it. */
export async function appendAction(
  engine: Engine,
  trx: DbExecutor,
  ctx: CaseActorContext,
  snap: CaseSnapshot,
  roles: readonly CaseRole[],
  input: AnyActionInput,
  pre: Prefetched = { branchStaff: [] },
): Promise<CaseSnapshot> {
  const { row, state, procedure } = snap;
  const actor = engine.actorOf(ctx);
  let payload = await payloadFor(engine, trx, ctx, snap, input, pre);
  if (ctx.kind === 'resident' && row.applicantPersonId !== ctx.personId)
    await requireRepresentationAllows(engine, trx, row.id, ctx.personId, payload.kind);
  const refusal = refusalOf(procedure.definition.lifecycle, state, actor, roles, payload);
  if (refusal) throw refusalError(refusal, row.caseType);
  checkPayment(snap, payload);
  procedure.checkAction?.(row, state, payload);
  if (proposalWaitsForOfficer(input, payload)) return snap;
  payload = requireFailedChecksAcknowledged(snap, input, payload);
  const decidesAppeal = ['propose-decision', 'approve-decision', 'decide-term-renewal'].includes(payload.kind);
  if (row.appealOf && decidesAppeal) await requireImpartial(engine, trx, row.appealOf, actor);
  // Nor is the appeal given to them to prepare: it would wait with someone who may not decide it.
  if (row.appealOf && payload.kind === 'assign')
    await requireImpartial(engine, trx, row.appealOf, { kind: 'staff', id: payload.assigneeId, name: null });
  payload = await withFiles(engine, trx, ctx, row.id, input, payload);
  if (payload.kind === 'add-representative') {
    await engine.deps.repository.upsertRepresentative(trx, {
      caseId: row.id,
      personId: payload.personId,
      name: payload.name,
      kind: payload.representativeKind,
      may: payload.may,
    });
  }
  const action: CaseAction = { seq: state.version + 1, actor, on: engine.today(), at: engine.now(), payload };
  await engine.insertAction(trx, row.id, action);
  await engine.auditCase(trx, ctx, row, payload.kind === 'approve-decision' ? 'decide' : 'update', [
    'case',
    payload.kind,
  ]);
  return effects(engine, trx, engine.accessFor(ctx, row), engine.advanced(snap, [...snap.actions, action]), payload);
}

/**
 * What an action causes outside the case: messages, and what the procedure does (on an approval, or on any
 * other action it handles). Returns the case after any action the system appended.
 */
export async function effects(
  engine: Engine,
  trx: DbExecutor,
  access: HandlerAccess,
  snap: CaseSnapshot,
  payload: ActionPayload,
): Promise<CaseSnapshot> {
  const { row, state, procedure } = snap;
  const enqueue = (...args: Parameters<Engine['applicantMessage']>) =>
    engine.deps.notifications.enqueue(trx, engine.applicantMessage(...args));
  if (payload.kind === 'request-information')
    await enqueue(row, 'information-requested', `case:${row.id}:request:${payload.requestId}`, {
      question: payload.question,
      dueOn: payload.dueOn,
    });
  // A late appeal: whether its missed term is renewed decides whether it is examined at all.
  if (payload.kind === 'decide-term-renewal')
    await enqueue(row, 'term-renewal-decided', `case:${row.id}:term-renewal`, {
      granted: payload.granted ? 'yes' : 'no',
      reasoning: payload.reasoning,
    });
  if (payload.kind === 'confirm-production')
    await enqueue(row, 'document-ready', `case:${row.id}:ready:${payload.documentNumber}`, {});
  if (payload.kind !== 'approve-decision') {
    await procedure.onAction?.(trx, access, row, state, payload);
    return snap;
  }
  if (!state.decision) return snap;
  let after = snap;
  // The procedure's effect (a fact corrected in the register, a new person …) may name an action the system appends.
  const follow = await procedure.onApproved?.(trx, access, row, { ...state, decision: state.decision });
  if (follow) {
    const action: CaseAction = {
      seq: state.version + 1,
      actor: { kind: 'system', id: row.caseType, name: null },
      on: engine.today(),
      at: engine.now(),
      payload: follow,
    };
    await engine.insertAction(trx, row.id, action);
    after = engine.advanced(snap, [...snap.actions, action]);
  }
  await enqueue(row, 'decision-made', `case:${row.id}:decision:${payload.decisionId}`, {
    outcome: state.decision.outcome,
    appealUntil: decisionAppealTerm(state.decision).lastDay,
  });
  return after;
}

/** A person by personal code (already checked by the contract), for a representation or a link; undefined when the register has none. */
async function findPerson(
  engine: Engine,
  ctx: CaseActorContext,
  code: string,
  caseId: string,
): Promise<FoundPerson | undefined> {
  const reference = (await engine.deps.repository.referenceOf(engine.deps.db, caseId))?.reference ?? '';
  return engine.deps.personByCode({ actor: ctx.audit, caseReference: reference, requestId: ctx.requestId }, code);
}

/**
 * Takes actions on a case in one transaction: locks it, checks the version the caller saw, and appends each
 * action in turn (each checked against the state the previous left), then projects the case once.
 */
export async function act(
  engine: Engine,
  ctx: CaseActorContext,
  caseId: string,
  expectedVersion: number,
  inputs: readonly AnyActionInput[],
  key?: string,
  // What a repeat under the key is recognized by: the inputs, unless the caller's request differs from them (a
  // payment's inputs carry the provider's reference, which a repeat would not have).
  request: unknown = { caseId, inputs },
): Promise<CaseView> {
  // Read before the transaction: the embedded engine has one connection, which the transaction holds.
  // Staff act only on cases of their own branch, so their branch's staff is the case's.
  const branchStaff =
    inputs.some((i) => i.kind === 'assign') && ctx.kind === 'staff' ? await engine.deps.branchStaff(ctx.branchId) : [];
  // A representative or the registered applicant is found by personal code before the transaction too (an audited register read).
  const byCode = inputs.find(
    (i): i is Extract<CaseActionInput, { personalCode: string }> =>
      i.kind === 'add-representative' || i.kind === 'link-applicant',
  );
  const person = byCode ? await findPerson(engine, ctx, byCode.personalCode, caseId) : undefined;
  return idempotent(engine, ctx, key, request, async (trx, claim) => {
    const { snap, roles } = await engine.requireCase(trx, ctx, caseId, true);
    await claim(caseId);
    if (snap.row.version !== expectedVersion) {
      throw new AppError(
        'CONFLICT',
        `The case changed since you opened it (version ${expectedVersion}, now ${snap.row.version}); reload and try again`,
        {
          details: [{ path: 'expectedVersion', message: 'stale version' }],
          rule: { id: 'case.stale-version' },
        },
      );
    }
    let current = snap;
    for (const input of inputs)
      current = await appendAction(engine, trx, ctx, current, roles, input, { branchStaff, person });
    const resetAlert = inputs.some(
      (i) => i.kind === 'extend-deadline' || i.kind === 'answer-information' || i.kind === 'accept-in-person',
    );
    const updated = await engine.project(trx, current, resetAlert);
    return { caseId: snap.row.id, view: await buildView(engine, trx, updated, roles, engine.actorOf(ctx)) };
  });
}

/**
 * An action the system takes in the caller's transaction (a production order, the centre's confirmation):
 * locked, checked against the lifecycle (role `system`), recorded, audited and projected like any other.
 */
export async function appendSystemAction(
  engine: Engine,
  trx: DbExecutor,
  system: { id: string; audit: AuditActor; requestId?: string | undefined },
  caseId: string,
  payload: ActionPayload,
) {
  const snap = await engine.snapshot(trx, caseId, true);
  if (!snap) throw new AppError('NOT_FOUND', `No case ${caseId}`);
  const actor: ActionActor = { kind: 'system', id: system.id, name: null };
  const refusal = refusalOf(snap.procedure.definition.lifecycle, snap.state, actor, ['system'], payload);
  if (refusal) throw refusalError(refusal, snap.row.caseType);
  checkPayment(snap, payload);
  const action: CaseAction = { seq: snap.state.version + 1, actor, on: engine.today(), at: engine.now(), payload };
  await engine.insertAction(trx, snap.row.id, action);
  await engine.auditSystem(trx, system, snap.row, payload.kind);
  const after = await effects(
    engine,
    trx,
    { actor: system.audit, caseReference: snap.row.reference, requestId: system.requestId },
    engine.advanced(snap, [...snap.actions, action]),
    payload,
  );
  await engine.project(trx, after, false);
  return after.state;
}
