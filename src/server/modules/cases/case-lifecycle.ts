/**
 * The case engine's pure core. A case is its append-only list of actions; its state is the fold of
 * those actions. The engine knows what each kind of action means (a request for information stops the
 * clock, an answer restarts it, a proposal waits for a second person …); a case type's lifecycle table
 * says in which statuses each action may be taken, which status follows, and who may take it.
 * No I/O and no clock reads: the service passes the day in.
 */
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { NoticeMethod } from '../../../shared/kernel/appeal-term.ts';
import type { Suspension } from './case-deadline.ts';
import type { ACTION_KINDS, CASE_STATUSES } from '../../../shared/contracts/cases.contract.ts';

/** Every status a case can be in; each procedure's lifecycle table uses some of them. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What a person is to a case: the law gives each different rights. */
export type CaseRole = 'applicant' | 'officer' | 'decision-maker' | 'supervisor' | 'system';

export type ActionKind = (typeof ACTION_KINDS)[number];

export interface RuleCheck {
  /** A stable code for the rule, e.g. `evidence-attached`. */
  rule: string;
  passed: boolean;
  /** What was found, in the officer's words or the system's. */
  detail: string;
  /** The system's checks: the values behind `detail`, for a translated text. */
  params?: Record<string, string | number>;
  /** Shown to staff only (what other authorities said is the office's business, not the applicant's). */
  staffOnly?: boolean;
}

export type Outcome = 'accept' | 'reject';

export type ActionPayload =
  /** `lateAppeal`: an appeal lodged after its term, with the appellant's request to renew the missed term. */
  /** `rules`: the version of the procedure's rules in force on the day of lodging (its `validFrom`), when it has versions. */
  | { kind: 'submit'; documentIds: string[]; lateAppeal?: LateAppeal | undefined; rules?: string | undefined }
  /**
   * A transitional move to another version of the procedure's rules (rule-moves.ts), with the provision that
   * orders it and what it changed for this case, as the case's history keeps it.
   */
  | {
      kind: 'move-rules';
      from: string | null;
      to: string;
      legalBasis: string;
      dueBefore: PlainDate | null;
      dueAfter: PlainDate | null;
      fee: { beforeCents: number; afterCents: number } | null;
      newDocuments: string[];
    }
  | { kind: 'assign'; assigneeId: string; assigneeName: string; outOfOrderReason?: string | null }
  | { kind: 'request-information'; requestId: string; question: string; dueOn: PlainDate }
  | { kind: 'answer-information'; requestId: string; text: string; documentIds: string[] }
  /** The office stops waiting without an answer (overdue, or answered another way): the clock runs again. */
  | { kind: 'close-request'; requestId: string; reason: string }
  /**
   * A proposed decision. `terms` are what the procedure decides beyond yes or no (a permission's validity and
   * entries; the grounds of a refusal ticked on the standard form), checked by the procedure.
   */
  | {
      kind: 'propose-decision';
      outcome: Outcome;
      legalBasis: string;
      reasoning: string;
      ruleTrace: RuleCheck[];
      terms?: Record<string, unknown> | undefined;
      /** The failed checks the officer confirmed they saw when proposing to grant. */
      acknowledgedFailedChecks?: string[] | undefined;
    }
  | { kind: 'return-proposal'; reason: string }
  | {
      kind: 'approve-decision';
      decisionId: string;
      /** The failed checks the decision-maker confirmed they saw when approving a grant. */
      acknowledgedFailedChecks?: string[] | undefined;
      /** How the decision is sent, which sets when it takes effect (absent on decisions recorded before it was kept: electronic). */
      notice?: NoticeMethod | undefined;
    }
  /** Whether the missed term of a late appeal is renewed (APL): only then is the appeal examined on its merits. */
  | { kind: 'decide-term-renewal'; granted: boolean; reasoning: string }
  | { kind: 'extend-deadline'; to: PlainDate; reason: string }
  | { kind: 'withdraw'; reason: string }
  | { kind: 'add-document'; documentId: string; documentKind: string; fileName: string }
  | {
      kind: 'add-representative';
      personId: string;
      name: string;
      representativeKind: 'parent' | 'guardian' | 'employer' | 'lawyer';
      may: Array<'see' | 'answer' | 'withdraw'>;
      authorization: string;
    }
  /** The applicant, not in the register when they applied, is now a registered person: found there by an officer, or registered by the case's own decision (a system action). */
  | { kind: 'link-applicant'; personId: string; personalCode: string; name: string; reason: string }
  /** A fee paid: online through the payment provider (its reference) or at the desk (card, cash). */
  | { kind: 'record-payment'; amountCents: number; method: PaymentMethod; reference: string }
  /**
   * The applicant appeared in person: their identity checked (how, and against which document) and, where the
   * procedure takes one, their photo taken. An application prepared online is received now: its clock starts.
   */
  | {
      kind: 'accept-in-person';
      identityMethod: IdentityMethod;
      identityDocumentNumber: string | null;
      photoDocumentId: string | null;
    }
  /**
   * Another authority is consulted (a security service, the border guard, another Schengen state): a task of
   * its own that runs beside the case, with its own answer; the case's clock keeps running.
   */
  | { kind: 'request-consultation'; consultationId: string; authority: string; question: string; dueOn: PlainDate }
  /** The consulted authority's answer: through its own system, or recorded by the officer who received it. */
  | { kind: 'answer-consultation'; consultationId: string; outcome: ConsultationOutcome; remarks: string }
  /** After an approval: the document ordered from the personalization centre in a batch, with the number it will carry. */
  | { kind: 'order-production'; batchId: string; documentNumber: string }
  /** The centre confirmed the document made: it is ready for pickup. */
  | { kind: 'confirm-production'; batchId: string; documentNumber: string }
  /** The centre could not make it (a spoiled blank): the number is never used again; the application goes into the next batch. */
  | { kind: 'fail-production'; batchId: string; documentNumber: string; reason: string }
  /** The document handed over at the desk to the holder (or their parent or guardian), identity confirmed. */
  | {
      kind: 'hand-over';
      documentId: string;
      documentNumber: string;
      identityMethod: IdentityMethod;
      identityDocumentNumber: string | null;
      receivedBy: string;
    };

/** What a consulted authority answers. */
export type ConsultationOutcome = 'no-objection' | 'objection';

export interface Consultation {
  consultationId: string;
  authority: string;
  question: string;
  askedOn: PlainDate;
  dueOn: PlainDate;
  answer: { outcome: ConsultationOutcome; remarks: string; on: PlainDate; by: string | null } | null;
}

/** How a fee was paid. */
export type PaymentMethod = 'online' | 'card' | 'cash';
/** How an officer established who stands at the desk. */
export type IdentityMethod = 'identity-document' | 'biometric-match' | 'parent-present';

export interface ActionActor {
  kind: 'staff' | 'resident' | 'system';
  id: string;
  name: string | null;
}

export interface CaseAction {
  seq: number;
  actor: ActionActor;
  /** The day it was taken (Riga time), for the deadline clock. */
  on: PlainDate;
  /** The instant it was recorded. */
  at: string;
  payload: ActionPayload;
}

export interface Proposal {
  outcome: Outcome;
  /** What the procedure decides beyond the outcome (absent when it decides nothing more). */
  terms?: Record<string, unknown> | undefined;
  legalBasis: string;
  reasoning: string;
  ruleTrace: RuleCheck[];
  proposedBy: ActionActor;
  proposedOn: PlainDate;
}

export interface Decision extends Proposal {
  decisionId: string;
  approvedBy: ActionActor;
  decidedOn: PlainDate;
  /** How it was sent to the applicant: when it takes effect, and so its appeal term, follow from it. */
  notice: NoticeMethod;
}

/** An appeal lodged after its term: why the appellant missed it, and the last day the term had. */
export interface LateAppeal {
  reason: string;
  termEnded: PlainDate;
}

/** A late appeal's request to renew the missed term, and the office's answer once given. */
export interface TermRenewal extends LateAppeal {
  decision: { granted: boolean; reasoning: string; on: PlainDate; by: ActionActor } | null;
}

export interface OpenRequest {
  requestId: string;
  question: string;
  askedOn: PlainDate;
  dueOn: PlainDate;
}

export interface CaseState<S extends string = string> {
  status: S;
  /** Actions so far: the case's version for optimistic concurrency. */
  version: number;
  receivedOn: PlainDate | null;
  assignee: { id: string; name: string } | null;
  openRequest: OpenRequest | null;
  requests: Array<OpenRequest & { answeredOn: PlainDate | null; answer: string | null }>;
  suspensions: Suspension[];
  extendedTo: PlainDate | null;
  proposal: Proposal | null;
  decision: Decision | null;
  documentIds: string[];
  /** The registered person the applicant turned out to be, once linked (cases opened for someone not yet in the register). */
  linkedApplicant: { personId: string; personalCode: string; name: string } | null;
  /** The fee paid, when the procedure has one. */
  payment: { amountCents: number; method: PaymentMethod; reference: string; paidOn: PlainDate } | null;
  /** The applicant's identity checked in person. */
  identityCheck: { method: IdentityMethod; documentNumber: string | null; on: PlainDate; by: string | null } | null;
  photoDocumentId: string | null;
  /** The document ordered from the personalization centre, and whether it confirmed it made. */
  production: { batchId: string; documentNumber: string; confirmed: boolean } | null;
  handedOver: { documentId: string; documentNumber: string; on: PlainDate } | null;
  /** Other authorities asked, and their answers. */
  consultations: Consultation[];
  /** A late appeal's request to renew the missed term (null for any other case). */
  termRenewal: TermRenewal | null;
  /** The version of the procedure's rules the case is decided under (null: lodged before versions were stamped). */
  rulesVersion: string | null;
}

export interface Transition<S extends string> {
  from: readonly S[];
  /** The status after the action: one status, `stay` (keep the current one), or per current status (absent: stay). */
  to: S | 'stay' | Partial<Record<S, S>>;
  by: readonly CaseRole[];
}

/** A case type's lifecycle: which action may be taken in which status, by whom, and what follows. */
export interface LifecycleTable<S extends string> {
  initial: S;
  /** Statuses in which the case is over (no deadline, no queue). */
  final: readonly S[];
  transitions: Partial<Record<ActionKind, Transition<S>>>;
  /** The status after an approved decision, per outcome. */
  decided: Record<Outcome, S>;
  /**
   * Open statuses in which no deadline runs: the office waits for the applicant to come (an application
   * prepared online before the visit, a document ready for pickup).
   */
  clockStops?: readonly S[];
  /** Whether the proposer of a decision may never approve it (default). A procedure may be configured without. */
  fourEyes?: boolean;
}

/** Why an action is refused: the service turns each into a clear problem. */
export type Refusal =
  | { code: 'not-allowed-now'; status: string }
  | { code: 'not-your-role'; needs: readonly CaseRole[] }
  | { code: 'four-eyes' }
  | { code: 'no-open-request' }
  | { code: 'wrong-request' }
  | { code: 'no-proposal' }
  | { code: 'already-linked' }
  | { code: 'already-paid' }
  | { code: 'not-this-production' }
  | { code: 'no-such-consultation' }
  | { code: 'consultation-answered' }
  | { code: 'no-term-renewal' }
  | { code: 'term-renewal-undecided' }
  | { code: 'term-not-renewed' };

export function emptyState<S extends string>(table: LifecycleTable<S>): CaseState<S> {
  return {
    status: table.initial,
    version: 0,
    receivedOn: null,
    assignee: null,
    openRequest: null,
    requests: [],
    suspensions: [],
    extendedTo: null,
    proposal: null,
    decision: null,
    documentIds: [],
    linkedApplicant: null,
    payment: null,
    identityCheck: null,
    photoDocumentId: null,
    production: null,
    handedOver: null,
    consultations: [],
    termRenewal: null,
    rulesVersion: null,
  };
}

/**
 * The renewal of a late appeal's missed term is the engine's own step, the same for every procedure: in any
 * open status, by the officer or a decision-maker, once, and only where the appellant asked for it.
 */
const TERM_RENEWAL_BY: readonly CaseRole[] = ['officer', 'decision-maker'];

function mayDecideTermRenewal<S extends string>(table: LifecycleTable<S>, state: CaseState<S>): boolean {
  return Boolean(state.termRenewal && !state.termRenewal.decision && !table.final.includes(state.status));
}

/** The actions that `roles` may take in the case's current status (for the screens and the API). */
export function availableActions<S extends string>(
  table: LifecycleTable<S>,
  state: CaseState<S>,
  roles: readonly CaseRole[],
): ActionKind[] {
  const pendingRenewal = mayDecideTermRenewal(table, state);
  const kinds = (Object.keys(table.transitions) as ActionKind[]).filter((kind) => {
    const t = table.transitions[kind] as Transition<S>;
    // A late appeal is not decided on its merits before its term is renewed.
    if (kind === 'propose-decision' && pendingRenewal) return false;
    return t.from.includes(state.status) && t.by.some((r) => roles.includes(r));
  });
  return pendingRenewal && TERM_RENEWAL_BY.some((r) => roles.includes(r)) ? [...kinds, 'decide-term-renewal'] : kinds;
}

/** The engine's own step: renewing a late appeal's term. */
function termRenewalRefusal<S extends string>(
  table: LifecycleTable<S>,
  state: CaseState<S>,
  roles: readonly CaseRole[],
): Refusal | null {
  if (!mayDecideTermRenewal(table, state)) return { code: 'no-term-renewal' };
  return TERM_RENEWAL_BY.some((r) => roles.includes(r)) ? null : { code: 'not-your-role', needs: TERM_RENEWAL_BY };
}

/** A late appeal is decided only after its term is renewed; without the renewal it can only be refused. */
function proposalRefusal(state: CaseState, outcome: Outcome): Refusal | null {
  const renewal = state.termRenewal;
  if (!renewal) return null;
  if (!renewal.decision) return { code: 'term-renewal-undecided' };
  return !renewal.decision.granted && outcome === 'accept' ? { code: 'term-not-renewed' } : null;
}

/**
 * Checks an action before it is recorded. The four-eyes rule lives here and nowhere else: whoever
 * proposed a decision can never approve it, whatever roles they hold and whatever the screen offered.
 */
export function refusalOf<S extends string>(
  table: LifecycleTable<S>,
  state: CaseState<S>,
  actor: ActionActor,
  roles: readonly CaseRole[],
  payload: ActionPayload,
): Refusal | null {
  if (payload.kind === 'decide-term-renewal') return termRenewalRefusal(table, state, roles);
  const t = table.transitions[payload.kind];
  if (!t || !t.from.includes(state.status)) return { code: 'not-allowed-now', status: state.status };
  if (!t.by.some((r) => roles.includes(r))) return { code: 'not-your-role', needs: t.by };
  switch (payload.kind) {
    case 'propose-decision':
      return proposalRefusal(state, payload.outcome);
    case 'answer-information':
    case 'close-request':
      if (!state.openRequest) return { code: 'no-open-request' };
      if (state.openRequest.requestId !== payload.requestId) return { code: 'wrong-request' };
      return null;
    case 'approve-decision':
    case 'return-proposal':
      if (!state.proposal) return { code: 'no-proposal' };
      if (
        payload.kind === 'approve-decision' &&
        table.fourEyes !== false &&
        violatesFourEyes(state.proposal.proposedBy, actor)
      )
        return { code: 'four-eyes' };
      return null;
    case 'link-applicant':
      return state.linkedApplicant ? { code: 'already-linked' } : null;
    case 'answer-consultation': {
      const asked = state.consultations.find((c) => c.consultationId === payload.consultationId);
      if (!asked) return { code: 'no-such-consultation' };
      return asked.answer ? { code: 'consultation-answered' } : null;
    }
    case 'confirm-production':
    case 'fail-production':
      return state.production?.batchId === payload.batchId &&
        state.production.documentNumber === payload.documentNumber &&
        !state.production.confirmed
        ? null
        : { code: 'not-this-production' };
    default:
      return null;
  }
}

function nextStatus<S extends string>(t: Transition<S> | undefined, current: S): S {
  if (!t || t.to === 'stay') return current;
  if (typeof t.to === 'string') return t.to;
  return t.to[current] ?? current;
}

/**
 * The four-eyes rule itself: whoever put a matter forward may not also decide it. The engine applies it to
 * proposals; the register's held registrations apply the same predicate to their second officer.
 */
export function violatesFourEyes(
  proposedBy: Pick<ActionActor, 'kind' | 'id'>,
  decider: Pick<ActionActor, 'kind' | 'id'>,
): boolean {
  return proposedBy.kind === decider.kind && proposedBy.id === decider.id;
}

/** The office stops waiting for the applicant on `on`: the open request closes and the clock runs again. */
function stopWaiting(state: CaseState, on: PlainDate): Pick<CaseState, 'openRequest' | 'suspensions'> {
  return { openRequest: null, suspensions: state.suspensions.map((s) => (s.to === null ? { ...s, to: on } : s)) };
}

/** The state after one (already checked) action. */
export function applyAction<S extends string>(
  table: LifecycleTable<S>,
  state: CaseState<S>,
  action: CaseAction,
): CaseState<S> {
  const p = action.payload;
  const t = table.transitions[p.kind];
  let status: S = nextStatus(t, state.status);
  const next: CaseState<S> = { ...state, version: state.version + 1 };
  switch (p.kind) {
    case 'submit':
      next.receivedOn = action.on;
      next.documentIds = [...p.documentIds];
      if (p.lateAppeal) next.termRenewal = { ...p.lateAppeal, decision: null };
      next.rulesVersion = p.rules ?? null;
      break;
    case 'move-rules':
      next.rulesVersion = p.to;
      break;
    case 'decide-term-renewal':
      next.termRenewal = state.termRenewal && {
        ...state.termRenewal,
        decision: { granted: p.granted, reasoning: p.reasoning, on: action.on, by: action.actor },
      };
      break;
    case 'assign':
      next.assignee = { id: p.assigneeId, name: p.assigneeName };
      break;
    case 'request-information': {
      const request = { requestId: p.requestId, question: p.question, askedOn: action.on, dueOn: p.dueOn };
      next.openRequest = request;
      next.requests = [...state.requests, { ...request, answeredOn: null, answer: null }];
      next.suspensions = [...state.suspensions, { from: action.on, to: null }];
      break;
    }
    case 'answer-information':
      Object.assign(next, stopWaiting(state, action.on));
      next.requests = state.requests.map((r) =>
        r.requestId === p.requestId ? { ...r, answeredOn: action.on, answer: p.text } : r,
      );
      next.documentIds = [...state.documentIds, ...p.documentIds.filter((id) => !state.documentIds.includes(id))];
      break;
    case 'close-request':
      Object.assign(next, stopWaiting(state, action.on));
      break;
    case 'propose-decision':
      next.proposal = {
        outcome: p.outcome,
        legalBasis: p.legalBasis,
        reasoning: p.reasoning,
        ruleTrace: p.ruleTrace,
        proposedBy: action.actor,
        proposedOn: action.on,
        ...(p.terms ? { terms: p.terms } : {}),
      };
      break;
    case 'return-proposal':
      next.proposal = null;
      break;
    case 'approve-decision': {
      const proposal = state.proposal as Proposal;
      next.decision = {
        ...proposal,
        decisionId: p.decisionId,
        approvedBy: action.actor,
        decidedOn: action.on,
        notice: p.notice ?? 'electronic',
      };
      status = table.decided[proposal.outcome];
      break;
    }
    case 'extend-deadline':
      next.extendedTo = p.to;
      break;
    case 'withdraw':
      // A withdrawn case waits for nobody: an open request closes with it.
      Object.assign(next, stopWaiting(state, action.on));
      break;
    case 'add-document':
      next.documentIds = [...state.documentIds, p.documentId];
      break;
    case 'link-applicant':
      next.linkedApplicant = { personId: p.personId, personalCode: p.personalCode, name: p.name };
      break;
    case 'add-representative':
      // The representation itself lives in cases.representative (the service writes both).
      break;
    case 'record-payment':
      // A further payment (the difference a move of rules raised) adds to what was paid.
      next.payment = {
        amountCents: (state.payment?.amountCents ?? 0) + p.amountCents,
        method: p.method,
        // Each payment's receipt is kept: the first payment's and the further one's.
        reference: state.payment ? `${state.payment.reference}, ${p.reference}` : p.reference,
        paidOn: action.on,
      };
      break;
    case 'accept-in-person':
      // Received in person today: the clock of an application prepared online starts now.
      next.receivedOn = action.on;
      next.identityCheck = {
        method: p.identityMethod,
        documentNumber: p.identityDocumentNumber,
        on: action.on,
        by: action.actor.name,
      };
      if (p.photoDocumentId) {
        next.photoDocumentId = p.photoDocumentId;
        if (!state.documentIds.includes(p.photoDocumentId))
          next.documentIds = [...state.documentIds, p.photoDocumentId];
      }
      break;
    case 'order-production':
      next.production = { batchId: p.batchId, documentNumber: p.documentNumber, confirmed: false };
      break;
    case 'confirm-production':
      next.production = { batchId: p.batchId, documentNumber: p.documentNumber, confirmed: true };
      break;
    case 'fail-production':
      next.production = null;
      break;
    case 'request-consultation':
      next.consultations = [
        ...state.consultations,
        {
          consultationId: p.consultationId,
          authority: p.authority,
          question: p.question,
          askedOn: action.on,
          dueOn: p.dueOn,
          answer: null,
        },
      ];
      break;
    case 'answer-consultation':
      next.consultations = state.consultations.map((c) =>
        c.consultationId === p.consultationId
          ? { ...c, answer: { outcome: p.outcome, remarks: p.remarks, on: action.on, by: action.actor.name } }
          : c,
      );
      break;
    case 'hand-over':
      next.handedOver = { documentId: p.documentId, documentNumber: p.documentNumber, on: action.on };
      break;
  }
  next.status = status;
  return next;
}

export function foldActions<S extends string>(table: LifecycleTable<S>, actions: readonly CaseAction[]): CaseState<S> {
  return actions.reduce((state, action) => applyAction(table, state, action), emptyState(table));
}

export function isFinal<S extends string>(table: LifecycleTable<S>, status: S): boolean {
  return table.final.includes(status);
}
