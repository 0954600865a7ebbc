/** The case as its reader sees it: facts, documents, timeline, deadline clock and what they may do now. */
import type { DbExecutor } from '../../db/database.ts';
import type { RuleVersion } from './rule-versions.ts';
import { AppError } from '../../http/app-error.ts';
import { laterEventEntries, type CaseView } from '../../../shared/contracts/cases.contract.ts';
import { appealTerm, type AppealTerm } from '../../../shared/kernel/appeal-term.ts';
import { compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { availableActions, type ActionActor, type CaseRole, type Decision, type RuleCheck } from './case-lifecycle.ts';
import type { CaseActorContext, CaseSnapshot, Engine } from './engine.ts';

/**
 * A decision's appeal term (APL; shared/kernel/appeal-term.ts): to the head of the office within one month of
 * the decision taking effect, which is the day its notice counts as received; then to court.
 */
export function decisionAppealTerm(decision: Pick<Decision, 'decidedOn' | 'notice'>): AppealTerm {
  return appealTerm(decision.decidedOn, decision.notice);
}

/**
 * Whether the reader may contest the decision now (the applicant), or record an appeal lodged on paper (an
 * officer of the case), and how: a refusal, not contested yet, where the procedure has an appeal route; within
 * the term, or after it with a request to renew the missed term (APL).
 */
function appealRight(
  snap: CaseSnapshot,
  roles: readonly CaseRole[],
  appealed: boolean,
  on: PlainDate,
): 'in-term' | 'late' | null {
  const decision = snap.state.decision;
  // The applicant lodges it online; an officer of the case records one lodged on paper or at the branch.
  const contestable =
    (roles.includes('applicant') || roles.includes('officer')) &&
    snap.procedure.appeal &&
    !snap.row.appealOf &&
    !appealed &&
    decision?.outcome === 'reject';
  if (!contestable) return null;
  return compareDates(on, decisionAppealTerm(decision).lastDay) <= 0 ? 'in-term' : 'late';
}

/** Actions an applicant is not shown: the office's consultations with other authorities. */
const STAFF_ONLY_ACTIONS: ReadonlySet<string> = new Set(['request-consultation', 'answer-consultation']);

/**
 * What an action's record shows a reader outside the office: its rule trace without the checks kept for staff,
 * and not which checks the office saw fail (a proposal's own record, already in the decision as they may read it).
 */
function publicDetails(details: Record<string, unknown>): Record<string, unknown> {
  const { ruleTrace, acknowledgedFailedChecks: _seen, ...rest } = details;
  return Array.isArray(ruleTrace)
    ? { ...rest, ruleTrace: (ruleTrace as RuleCheck[]).filter((c) => !c.staffOnly) }
    : rest;
}

/** What a reader outside the office sees of the work: no consultation, and no check marked for staff only. */
function forApplicant<T extends { ruleTrace: RuleCheck[] }>(item: T | null): T | null {
  return item && { ...item, ruleTrace: item.ruleTrace.filter((c) => !c.staffOnly) };
}

/** What a reader sees of the term: how the decision was sent, when it took effect, the last day to contest it. */
function appealTermView(term: AppealTerm) {
  return {
    notice: term.method,
    notifiedOn: term.notifiedOn,
    inForceOn: term.inForceOn,
    appealUntil: term.lastDay,
  };
}

export async function buildView(
  engine: Engine,
  trx: DbExecutor,
  snap: CaseSnapshot,
  roles: readonly CaseRole[],
  reader: ActionActor,
): Promise<CaseView> {
  const { repository } = engine.deps;
  const { row, state, procedure } = snap;
  const staff = reader.kind === 'staff';
  const on = engine.today();
  const deadline = engine.deadlineOf(procedure, state, row, on);
  const documents = await repository.documentsOf(trx, row.id);
  const ownProposal = Boolean(
    state.proposal && state.proposal.proposedBy.kind === reader.kind && state.proposal.proposedBy.id === reader.id,
  );
  const appealedBy = (await repository.appealOf(trx, row.id)) ?? null;
  const right = appealRight(snap, roles, appealedBy !== null, on);
  const appealOf = row.appealOf ? ((await repository.referenceOf(trx, row.appealOf)) ?? null) : null;
  // A representative is offered only what the representation allows.
  const rights =
    reader.kind === 'resident' && row.applicantPersonId !== reader.id
      ? await repository.representation(trx, row.id, reader.id)
      : undefined;
  const allowed = (k: string) =>
    !rights || (k === 'withdraw' ? rights.includes('withdraw') : rights.includes('answer'));
  const subject = await procedure.subjectView(row.subject, state, reader.kind === 'staff', trx, row);
  return {
    id: row.id,
    reference: row.reference,
    caseType: row.caseType as CaseView['caseType'],
    status: state.status as CaseView['status'],
    applicantName: row.applicantName,
    assigneeName: state.assignee?.name ?? null,
    receivedOn: row.receivedOn,
    dueOn: deadline?.dueOn ?? null,
    suspended: deadline?.suspended ?? false,
    deadlineAlert: row.deadlineAlert,
    version: state.version,
    channel: row.channel,
    language: row.language,
    workingDaysLeft: deadline?.workingDaysLeft ?? null,
    closedAt: row.closedAt,
    subject,
    deadline: {
      receivedOn: row.receivedOn,
      dueOn: deadline?.dueOn ?? null,
      rule: procedure.definition.deadlineBasis,
      suspended: deadline?.suspended ?? false,
      suspendedDays: deadline?.suspendedDays ?? 0,
      suspendedSince: deadline?.suspended ? (state.suspensions.find((s) => s.to === null)?.from ?? null) : null,
      workingDaysLeft: deadline?.workingDaysLeft ?? null,
      breached: deadline?.breached ?? false,
      extendedTo: state.extendedTo,
      extensionCap: deadline?.extensionCap ?? null,
    },
    rules: rulesView(engine.rulesOf(procedure, state, row)),
    fee: procedure.feeDue
      ? { dueCents: procedure.feeDue(row.subject), paidCents: state.payment?.amountCents ?? 0 }
      : null,
    openRequest: state.openRequest,
    proposal: staff ? state.proposal : forApplicant(state.proposal),
    // Who else the office asked, and what they said, is the office's business: staff only.
    consultations: staff ? (state.consultations as CaseView['consultations']) : [],
    decision: state.decision
      ? {
          ...(staff ? state.decision : (forApplicant(state.decision) as NonNullable<typeof state.decision>)),
          ...appealTermView(decisionAppealTerm(state.decision)),
        }
      : null,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      fileName: d.fileName,
      mediaType: d.mediaType,
      size: d.size,
      sha256: d.sha256,
      uploadedAt: d.uploadedAt,
      uploadedByType: d.uploadedByType,
    })),
    timeline: [
      ...snap.actions
        .filter((a) => staff || !STAFF_ONLY_ACTIONS.has(a.payload.kind))
        .map((a) => {
          const { kind, ...details } = a.payload;
          return {
            seq: a.seq,
            kind,
            actor: a.actor,
            on: a.on,
            at: a.at,
            details: staff ? details : publicDetails(details),
          };
        }),
      // What became of the decision's result after the case closed, as the procedure keeps it beside the case.
      ...laterEventEntries(procedure.laterEvents?.(subject) ?? [], state.version),
    ],
    // Whoever proposed the decision is not offered its approval (the service would refuse it anyway).
    availableActions: availableActions(procedure.definition.lifecycle, state, roles).filter(
      (k) =>
        k !== 'submit' &&
        !(k === 'approve-decision' && ownProposal) &&
        !(k === 'link-applicant' && state.linkedApplicant) &&
        allowed(k),
    ),
    ownProposal,
    appealOf,
    appealedBy,
    canAppeal: right === 'in-term',
    canAppealLate: right === 'late',
    termRenewal: state.termRenewal,
    representatives: (await repository.representativesOf(trx, row.id)).map((r) => ({
      personId: r.personId,
      name: r.name,
      kind: r.kind,
      may: r.may as Array<'see' | 'answer' | 'withdraw'>,
    })),
  };
}

const rulesView = (v: RuleVersion | null): CaseView['rules'] =>
  v ? { validFrom: v.validFrom, legalAct: v.legalAct } : null;

/**
 * A resident's own case, as its applicant (not a representative), for a paper the procedure issued to the
 * applicant beside the case; audited as the applicant's read of what `touched` names.
 */
export async function readOwnCase(
  engine: Engine,
  ctx: CaseActorContext,
  caseId: string,
  touched: string,
): Promise<CaseView> {
  if (ctx.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
  return engine.deps.db.transaction().execute(async (trx) => {
    const { snap, roles } = await engine.requireCase(trx, ctx, caseId);
    if (snap.row.applicantPersonId !== ctx.personId)
      throw new AppError('NOT_FOUND', `No case ${caseId} of which you are the applicant`);
    await engine.auditCase(trx, ctx, snap.row, 'read', ['case', touched]);
    return buildView(engine, trx, snap, roles, engine.actorOf(ctx));
  });
}

/** Reads a case for someone who may see it (audited). */
export async function readCase(engine: Engine, ctx: CaseActorContext, caseId: string): Promise<CaseView> {
  return engine.deps.db.transaction().execute(async (trx) => {
    const { snap, roles } = await engine.requireCase(trx, ctx, caseId);
    await engine.auditCase(trx, ctx, snap.row, 'read', ['case']);
    return buildView(engine, trx, snap, roles, engine.actorOf(ctx));
  });
}
