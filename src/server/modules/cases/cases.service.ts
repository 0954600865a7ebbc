/**
 * Use cases of the case engine. A case changes only by appending an action, inside one transaction
 * that locks the case row, checks the version the caller saw (stale: 409), checks the action against
 * the case type's lifecycle (where the four-eyes rule lives), writes the action, the projection for the
 * queues, the audit entry, the outbox messages and the action's effect (an approved correction changes
 * the register). Commands may carry an idempotency key: a repeat gets the first answer.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db, DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuditAction, AuditActor, AuditService } from '../audit/index.ts';
import type { RegisterService } from '../register/index.ts';
import type { StaffMember } from '../identity/index.ts';
import type { NotificationsService, OutgoingMessage } from '../notifications/index.ts';
import { addWorkingDays, calendarDaysDeadline, workingDaysBetween } from '../../../shared/kernel/working-days.ts';
import { addDays, compareDates, plainDateInZone, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { Role } from '../../../shared/kernel/permissions.ts';
import type { CaseActionInput, CaseSummary, CaseView, CorrectableField, InclusionRequestData, UploadInput } from '../../../shared/contracts/cases.contract.ts';
import { MAX_UPLOAD_BYTES } from '../../../shared/contracts/cases.contract.ts';
import type { FieldReason, RuleId } from '../../../shared/errors.ts';
import {
  availableActions, foldActions, isFinal, refusalOf, type ActionActor, type ActionPayload, type CaseAction, type CaseRole, type CaseState, type IdentityMethod,
  type PaymentMethod, type Refusal, type RuleCheck,
} from './case-lifecycle.ts';
import { computeDeadline, extensionProblem, type DeadlineState } from './case-deadline.ts';
import { CASE_TYPE_DEFINITIONS, staffCaseRoles, type CaseType, type CaseTypeDefinition } from './case-types.ts';
import type { CaseTypeHandler, CaseTypeHandlers, HandlerAccess } from './case-handlers.ts';
import { sniffMediaType } from './uploads.ts';
import type { CorrectionSubjectData, InclusionSubjectData } from './register-case-handlers.ts';
import { isKnownCountry } from '../register/index.ts';
import type { CaseActionRow, CaseRow, CaseSummaryRow, CasesRepository } from './cases.repository.ts';

/**
 * Actions another module takes through its own services (never from the generic action route): a fee paid
 * through the payment provider, the applicant received in person with a photo, a document handed over.
 */
export type ModuleActionInput =
  | { kind: 'record-payment'; amountCents: number; method: PaymentMethod; reference: string }
  /** `photo` is taken now; or `photoDocumentId` names one already with the case (uploaded online). */
  | { kind: 'accept-in-person'; identityMethod: IdentityMethod; identityDocumentNumber: string | null; photo: UploadInput | null; photoDocumentId?: string | undefined }
  | { kind: 'propose-decision'; outcome: 'accept' | 'reject'; reasoning: string; ruleTrace?: RuleCheck[] | undefined }
  | { kind: 'hand-over'; documentId: string; documentNumber: string; identityMethod: IdentityMethod; identityDocumentNumber: string | null; receivedBy: string };

/** A case another module opens on the engine: its type's handler knows the subject. */
export interface ApplicationSpec {
  caseType: CaseType;
  applicantPersonId: string;
  applicantName: string;
  subject: object;
  /** What the audit entry says was touched. */
  touched: string;
  language: 'lv' | 'en';
  contactEmail?: string | undefined;
  documents: UploadInput[];
  branchId: string;
  channel: 'portal' | 'desk';
  filedBy?: { personId: string; name: string; kind: 'parent' | 'guardian' } | undefined;
  /** Actions taken at once with the opening (a desk application is paid and received in person in the same step). */
  followUps?: ModuleActionInput[] | undefined;
}

/** Who acts on a case: a staff member (with roles and branch) or a signed-in resident. */
export type CaseActorContext =
  | { kind: 'staff'; id: string; name: string; roles: readonly Role[]; branchId: string; audit: AuditActor; requestId?: string | undefined }
  | { kind: 'resident'; personId: string; name: string; audit: AuditActor; requestId?: string | undefined };

/** Appeal route (DOMAIN.md §4.1): to the head of the office within 30 days after the decision takes effect, then to court. */
export const APPEAL_DAYS = 30;
const PURPOSE = 'case-processing';

export interface CasesDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  audit: AuditService;
  register: RegisterService;
  notifications: NotificationsService;
  repository: CasesRepository;
  /** Active staff of a branch (identity). */
  branchStaff: (branchId: string) => Promise<StaffMember[]>;
  /** The branch that takes applications made online. */
  portalBranchId: () => Promise<string>;
  /** Each case type's handler: its subject, checks and the effect of its decisions (the register's types, other modules'). */
  handlers: CaseTypeHandlers;
  /** Working days before the deadline at which officer and supervisor are warned, largest first. */
  warnAtWorkingDays: readonly number[];
}

/** A registered person found by personal code before a transaction. */
type FoundPerson = { id: string; personalCode: string; name: string };

/** Entries a correction may change but not empty. */
const REQUIRED_FIELDS: ReadonlySet<CorrectableField> = new Set(['givenNames', 'surname', 'birthCountry']);

const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export function createCasesService(deps: CasesDeps) {
  const { db, clock, audit, register, notifications, repository } = deps;
  const today = (): PlainDate => plainDateInZone(clock.now(), deps.timeZone);

  const handlerOf = (caseType: string): CaseTypeHandler => {
    const handler = deps.handlers[caseType as CaseType];
    if (!handler) throw new AppError('INTERNAL', `No handler for case type ${caseType}`);
    return handler;
  };
  const definitionOf = (row: CaseRow): CaseTypeDefinition => handlerOf(row.caseType).definition;
  const accessFor = (ctx: CaseActorContext, row: CaseRow): HandlerAccess => ({ actor: ctx.audit, caseReference: row.reference, requestId: ctx.requestId });
  /** Case types a staff member works on in any role (their work queue). */
  const caseTypesFor = (roles: readonly Role[]): CaseType[] =>
    Object.values(deps.handlers).filter((h) => staffCaseRoles(h.definition, roles).length > 0).map((h) => h.definition.type);

  const actorOf = (ctx: CaseActorContext): ActionActor =>
    ctx.kind === 'staff' ? { kind: 'staff', id: ctx.id, name: ctx.name } : { kind: 'resident', id: ctx.personId, name: ctx.name };

  const toAction = (row: CaseActionRow): CaseAction => ({
    seq: row.seq, actor: { kind: row.actorType, id: row.actorId, name: row.actorName }, on: row.onDate as PlainDate, at: row.at,
    payload: { kind: row.kind, ...row.payload } as ActionPayload,
  });

  /**
   * The roles the caller holds in this case. Staff of another branch hold none (the branch is their
   * jurisdiction); a resident is the applicant, or represents them (a parent or guardian filing for a
   * child or ward) and may do what the representation allows.
   */
  async function rolesIn(trx: DbExecutor, ctx: CaseActorContext, row: CaseRow): Promise<CaseRole[]> {
    if (ctx.kind === 'staff') return ctx.branchId === row.branchId ? staffCaseRoles(definitionOf(row), ctx.roles) : [];
    if (row.applicantPersonId === ctx.personId) return ['applicant'];
    return (await repository.representation(trx, row.id, ctx.personId)).includes('see') ? ['applicant'] : [];
  }

  /** Reads the case for someone who may see it, or answers 404 (a resident never learns that another's case exists). */
  async function requireCase(trx: DbExecutor, ctx: CaseActorContext, caseId: string, lock = false): Promise<{ row: CaseRow; roles: CaseRole[] }> {
    const row = await repository.caseById(trx, caseId, lock);
    const roles = row ? await rolesIn(trx, ctx, row) : [];
    if (!row || roles.length === 0) throw new AppError('NOT_FOUND', `No case ${caseId} that you may see`);
    return { row, roles };
  }

  /** The deadline running now: none once the case is over, or while the office waits for the applicant to come (a status where the clock stops). */
  function deadlineOf(def: CaseTypeDefinition, state: CaseState, row: Pick<CaseRow, 'caseType' | 'subject' | 'receivedOn'>, on: PlainDate): DeadlineState | null {
    if (isFinal(def.lifecycle, state.status) || def.lifecycle.clockStops?.includes(state.status)) return null;
    const rule = handlerOf(row.caseType).deadline?.(row.subject) ?? def.deadline;
    return computeDeadline({ rule, receivedOn: (state.receivedOn ?? row.receivedOn) as PlainDate, suspensions: state.suspensions, extendedTo: state.extendedTo, today: on });
  }

  async function auditCase(trx: DbExecutor, ctx: CaseActorContext, row: { reference: string; applicantPersonId: string | null }, action: AuditAction, touched: string[]) {
    const purpose = ctx.kind === 'staff' ? PURPOSE : row.applicantPersonId === ctx.personId ? 'data-subject-access' : 'legal-representative-access';
    await audit.record(trx, {
      actor: ctx.audit, action, purpose, legalBasis: 'Administratīvā procesa likums',
      caseReference: row.reference, subjectPersonId: row.applicantPersonId, resource: 'cases.case', touched, requestId: ctx.requestId ?? null,
    });
  }

  async function storeUploads(trx: DbExecutor, ctx: CaseActorContext, caseId: string, uploads: readonly UploadInput[], path: string): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, u] of uploads.entries()) {
      const bytes = Buffer.from(u.contentBase64, 'base64');
      if (bytes.length === 0) invalid(`${path}.${i}.contentBase64`, 'The file is empty', 'file-empty');
      if (bytes.length > MAX_UPLOAD_BYTES) invalid(`${path}.${i}.contentBase64`, 'A file may be at most 5 MB', 'file-too-large');
      const mediaType = sniffMediaType(bytes);
      if (!mediaType) invalid(`${path}.${i}.contentBase64`, 'Only PDF, JPEG or PNG files are accepted', 'file-type');
      const id = randomUUID();
      await repository.insertDocument(trx, {
        id, caseId, kind: u.kind ?? 'evidence', fileName: u.fileName.trim(), mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), content: bytes,
        uploadedByType: ctx.kind, uploadedById: ctx.kind === 'staff' ? ctx.id : ctx.personId, uploadedAt: clock.now().toISOString(),
      });
      ids.push(id);
    }
    return ids;
  }

  function invalid(path: string, message: string, reason?: FieldReason): never {
    throw new AppError('VALIDATION_FAILED', message, [{ path, message, ...(reason ? { reason } : {}) }]);
  }

  /** Each refusal of the engine names its rule, so the person reads why and what to do (STYLE §5). */
  function refusalError(refusal: Refusal, caseType: string): AppError {
    const rule = (id: RuleId, values?: Record<string, string>) => ({ rule: { id, ...(values ? { values } : {}) } });
    switch (refusal.code) {
      case 'four-eyes': return new AppError('FOUR_EYES_REQUIRED', 'The person who proposed a decision cannot approve it: a second decision-maker must (four-eyes rule)', rule('case.four-eyes'));
      case 'not-your-role': return new AppError('FORBIDDEN', `This action needs the role ${refusal.needs.join(' or ')} in this case`, rule('case.role-needed'));
      case 'not-allowed-now': return new AppError('INVALID_STATE', `This action is not possible while the case is ${refusal.status}`, rule('case.not-allowed-now', { caseStatus: refusal.status, caseType }));
      case 'no-open-request': return new AppError('INVALID_STATE', 'There is no open request for information', rule('case.no-open-request'));
      case 'wrong-request': return new AppError('INVALID_STATE', 'That request for information is not the open one', rule('case.wrong-request'));
      case 'no-proposal': return new AppError('INVALID_STATE', 'There is no proposed decision', rule('case.no-proposal'));
      case 'already-linked': return new AppError('INVALID_STATE', 'The applicant is already linked to a person in the register', rule('case.applicant-already-linked'));
      case 'already-paid': return new AppError('INVALID_STATE', 'The fee is already paid', rule('case.fee-already-paid'));
      case 'not-this-production': return new AppError('INVALID_STATE', 'This case has no unconfirmed production order with that batch and document number', rule('case.not-this-production'));
    }
  }

  /** The projection of the state onto the case row (the queues read it). */
  async function project(trx: DbExecutor, row: CaseRow, def: CaseTypeDefinition, state: CaseState, resetAlert: boolean) {
    const deadline = deadlineOf(def, state, row, today());
    const closed = isFinal(def.lifecycle, state.status);
    await repository.updateProjection(trx, row.id, {
      // An applicant who was not in the register is linked to their person: they now find the case in the portal.
      applicantPersonId: state.linkedApplicant?.personId ?? row.applicantPersonId,
      // An application prepared online is received when the applicant comes in person.
      receivedOn: state.receivedOn ?? row.receivedOn,
      status: state.status, version: state.version, assigneeId: state.assignee?.id ?? null, assigneeName: state.assignee?.name ?? null,
      dueOn: deadline?.dueOn ?? null, suspended: deadline?.suspended ?? false, updatedAt: clock.now().toISOString(), closedAt: closed ? clock.now().toISOString() : null,
      ...(resetAlert ? { deadlineAlert: 'none' as const } : {}),
    });
  }

  function applicantMessage(row: CaseRow, template: OutgoingMessage['template'], eventKey: string, params: Record<string, string | number>): OutgoingMessage[] {
    if (!row.contactEmail) return [];
    // An applicant not (yet) in the register cannot sign in to the portal: the message sends them to a branch instead.
    const via = row.applicantPersonId ? 'portal' : 'branch';
    return [{
      eventKey: `${eventKey}:${row.contactEmail}`, channel: 'email', recipient: row.contactEmail, language: row.language, template,
      // ICU select keys have no hyphens: `document-application` is worded as `documentapplication`.
      params: { reference: row.reference, via, kind: handlerOf(row.caseType).subjectKind.replaceAll('-', ''), ...params },
    }];
  }

  /** The case as its reader sees it: facts, documents, timeline, deadline clock and what they may do now. */
  async function buildView(trx: DbExecutor, row: CaseRow, roles: readonly CaseRole[], reader: ActionActor, actionRows?: CaseActionRow[]): Promise<CaseView> {
    const def = definitionOf(row);
    const actions = (actionRows ?? (await repository.actionsOf(trx, row.id))).map(toAction);
    const state = foldActions(def.lifecycle, actions);
    const on = today();
    const deadline = deadlineOf(def, state, row, on);
    const documents = await repository.documentsOf(trx, row.id);
    const ownProposal = Boolean(state.proposal && state.proposal.proposedBy.kind === reader.kind && state.proposal.proposedBy.id === reader.id);
    const appealedBy = (await repository.appealOf(trx, row.id)) ?? null;
    const appealOf = row.appealOf ? (await repository.referenceOf(trx, row.appealOf)) ?? null : null;
    // A representative is offered only what the representation allows.
    const rights = reader.kind === 'resident' && row.applicantPersonId !== reader.id ? await repository.representation(trx, row.id, reader.id) : undefined;
    const allowed = (k: string) => !rights || (k === 'withdraw' ? rights.includes('withdraw') : rights.includes('answer'));
    // A refusal is contested in the portal where the type's handler allows it (a correction's; an inclusion's on paper).
    const canAppeal = Boolean(roles.includes('applicant') && handlerOf(row.caseType).appealable && !row.appealOf && !appealedBy && state.decision?.outcome === 'reject' && compareDates(on, appealUntil(state.decision.decidedOn) as PlainDate) <= 0);
    return {
      id: row.id, reference: row.reference, caseType: row.caseType as CaseType, status: state.status as CaseView['status'], applicantName: row.applicantName,
      assigneeName: state.assignee?.name ?? null, receivedOn: row.receivedOn, dueOn: deadline?.dueOn ?? null, suspended: deadline?.suspended ?? false,
      deadlineAlert: row.deadlineAlert, version: state.version, channel: row.channel, language: row.language, workingDaysLeft: deadline?.workingDaysLeft ?? null,
      subject: handlerOf(row.caseType).subjectView(row.subject, state, reader.kind === 'staff'),
      deadline: {
        receivedOn: row.receivedOn, dueOn: deadline?.dueOn ?? null, rule: def.deadlineBasis, suspended: deadline?.suspended ?? false, suspendedDays: deadline?.suspendedDays ?? 0,
        suspendedSince: deadline?.suspended ? (state.suspensions.find((s) => s.to === null)?.from ?? null) : null,
        workingDaysLeft: deadline?.workingDaysLeft ?? null, breached: deadline?.breached ?? false, extendedTo: state.extendedTo, extensionCap: deadline?.extensionCap ?? null,
      },
      openRequest: state.openRequest,
      proposal: state.proposal,
      decision: state.decision ? { ...state.decision, appealUntil: appealUntil(state.decision.decidedOn) } : null,
      documents: documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, mediaType: d.mediaType, size: d.size, sha256: d.sha256, uploadedAt: d.uploadedAt, uploadedByType: d.uploadedByType })),
      timeline: actions.map((a) => {
        const { kind, ...details } = a.payload;
        return { seq: a.seq, kind, actor: a.actor, on: a.on, at: a.at, details };
      }),
      // Whoever proposed the decision is not offered its approval (the service would refuse it anyway).
      availableActions: availableActions(def.lifecycle, state, roles).filter((k) => k !== 'submit' && !(k === 'approve-decision' && ownProposal) && !(k === 'link-applicant' && state.linkedApplicant) && allowed(k)),
      ownProposal, appealOf, appealedBy, canAppeal,
      representatives: (await repository.representativesOf(trx, row.id)).map((r) => ({ personId: r.personId, name: r.name, kind: r.kind, may: r.may as Array<'see' | 'answer' | 'withdraw'> })),
    };
  }

  /** The answer already given to this caller's command with this key (a different request under the key: a conflict). */
  async function storedAnswer(ctx: CaseActorContext, key: string | undefined, request: unknown): Promise<CaseView | undefined> {
    if (!key) return undefined;
    const stored = await repository.findCommand(db, ctx.kind, ctx.kind === 'staff' ? ctx.id : ctx.personId, key);
    if (!stored) return undefined;
    if (stored.requestHash !== hashOf(request)) throw new AppError('CONFLICT', 'This Idempotency-Key was used for a different request', {
      details: [{ path: 'Idempotency-Key', message: 'reused with another request' }], rule: { id: 'case.idempotency-key-reused' },
    });
    return stored.response as CaseView;
  }

  /**
   * Runs a command once per idempotency key: a repeat with the same request gets the stored answer, a
   * repeat with a different request a conflict. The key is claimed in the command's own transaction, so a
   * concurrent repeat waits for the first to commit (or roll back) and then reads its answer.
   */
  async function idempotent<B = undefined>(ctx: CaseActorContext, key: string | undefined, request: unknown, run: (trx: DbExecutor, claim: (caseId: string) => Promise<void>, prepared: B) => Promise<{ caseId: string; view: CaseView }>, prepare?: () => Promise<B>): Promise<CaseView> {
    const actor = { actorType: ctx.kind, actorId: ctx.kind === 'staff' ? ctx.id : ctx.personId };
    const requestHash = hashOf(request);
    const replay = () => storedAnswer(ctx, key, request);
    const earlier = await replay();
    if (earlier) return earlier;
    // Work that must not hold a lock for the whole transaction (a reference number) happens before it.
    const prepared = (prepare ? await prepare() : undefined) as B;
    let lost = false;
    try {
      return await db.transaction().execute((trx) => audit.deferredIn(trx, async () => {
        const claim = async (caseId: string) => {
          if (key && !(await repository.claimCommand(trx, { ...actor, idempotencyKey: key, requestHash, caseId, createdAt: clock.now().toISOString() }))) {
            lost = true;
            throw new AppError('CONFLICT', 'The same command is being processed', { rule: { id: 'case.command-in-progress' } });
          }
        };
        const { caseId, view } = await run(trx, claim, prepared);
        if (key) await repository.storeCommandResponse(trx, { ...actor, idempotencyKey: key }, caseId, view);
        return view;
      }));
    } catch (error) {
      if (lost) {
        const first = await replay();
        if (first) return first;
      }
      throw error;
    }
  }

  /**
   * The next reference number, in its own short transaction before the case's: the counter row's lock
   * then lasts one statement, not the whole opening of a case (measured: with it inside, 16 clients opened
   * cases one at a time, 180/s). A case that then fails leaves a gap in the numbers; none is ever reused.
   */
  async function nextReference(def: CaseTypeDefinition): Promise<string> {
    const year = Number(today().slice(0, 4));
    const number = await repository.nextReferenceNumber(db, def.prefix, year);
    return `${def.prefix}-${year}-${String(number).padStart(6, '0')}`;
  }

  type Opening = {
    def: CaseTypeDefinition; caseId: string; reference: string; applicantPersonId: string | null; applicantName: string; subject: object; touched: string;
    language: 'lv' | 'en'; contactEmail?: string | undefined; documents: UploadInput[]; branchId: string; channel: 'portal' | 'desk';
    filedBy?: { personId: string; name: string; kind: 'parent' | 'guardian' } | undefined; appealOf?: string | undefined; followUps?: ModuleActionInput[] | undefined;
  };

  /** Opens a case of any type: the row with its first deadline, the files, the `submit` action, the audit entry and the receipt. */
  async function openCase(trx: DbExecutor, ctx: CaseActorContext, o: Opening) {
    const { def, caseId: id } = o;
    const on = today();
    const now = clock.now().toISOString();
    const row: CaseRow = {
      id, reference: o.reference, caseType: def.type, status: def.lifecycle.initial, version: 1, applicantPersonId: o.applicantPersonId, applicantName: o.applicantName, language: o.language,
      contactEmail: o.contactEmail ?? null, channel: o.channel, branchId: o.branchId, assigneeId: null, assigneeName: null, subject: o.subject as Record<string, unknown>,
      receivedOn: on, dueOn: null, suspended: false, deadlineAlert: 'none', appealOf: o.appealOf ?? null, openedAt: now, updatedAt: now, closedAt: null,
    };
    const initial = foldActions(def.lifecycle, []);
    const deadline = deadlineOf(def, initial, row, on);
    await repository.insertCase(trx, { ...row, dueOn: deadline?.dueOn ?? null });
    if (o.filedBy) {
      await repository.insertRepresentative(trx, { caseId: id, personId: o.filedBy.personId, name: o.filedBy.name, kind: o.filedBy.kind, may: ['see', 'answer', 'withdraw'] });
    }
    const documentIds = await storeUploads(trx, ctx, id, o.documents, 'documents');
    const actor = actorOf(ctx);
    await repository.insertAction(trx, { caseId: id, seq: 1, kind: 'submit', actorType: actor.kind, actorId: actor.id, actorName: actor.name, onDate: on, at: now, payload: { documentIds } });
    await auditCase(trx, ctx, row, 'create', ['case', o.touched]);
    let dueOn = deadline?.dueOn ?? null;
    if (o.followUps?.length) {
      // The steps taken with the opening are actions like any other, in the same transaction.
      const inserted = await repository.caseById(trx, id) as CaseRow;
      let actions = (await repository.actionsOf(trx, id)).map(toAction);
      const roles = await rolesIn(trx, ctx, inserted);
      for (const input of o.followUps) actions = await appendAction(trx, ctx, inserted, roles, actions, input);
      const state = foldActions(def.lifecycle, actions);
      await project(trx, inserted, def, state, false);
      dueOn = deadlineOf(def, state, inserted, on)?.dueOn ?? null;
    }
    // An application waiting for the applicant's visit has no deadline yet: its receipt says so.
    await notifications.enqueue(trx, applicantMessage(row, 'case-received', `case:${id}:received`, { dueOn: dueOn ?? '-', due: dueOn ? 'set' : 'none' }));
    const stored = await repository.caseById(trx, id) as CaseRow;
    return { caseId: id, view: await buildView(trx, stored, await rolesIn(trx, ctx, stored), actor) };
  }

  async function openCorrection(trx: DbExecutor, ctx: CaseActorContext, reference: string, input: { personId: string; field: CorrectableField; requestedValue: string | null; explanation: string; language: 'lv' | 'en'; contactEmail?: string | undefined; documents: UploadInput[]; branchId: string; channel: 'portal' | 'desk'; filedBy?: { personId: string; name: string; kind: 'parent' | 'guardian' }; appealOf?: string }, claim: (caseId: string) => Promise<void>) {
    const def = CASE_TYPE_DEFINITIONS[input.appealOf ? 'register-correction-appeal' : 'register-correction'];
    // A country is an ISO 3166 alpha-3 code, whatever case it was typed in.
    if (input.field === 'birthCountry' && input.requestedValue) input = { ...input, requestedValue: input.requestedValue.toUpperCase() };
    const caseId = randomUUID();
    await claim(caseId);
    const registerCtx = { actor: ctx.audit, channel: input.channel, caseReference: reference, requestId: ctx.requestId };
    const current = await register.correctableValue(trx, registerCtx, input.personId, input.field);
    if ((current.value ?? null) === (input.requestedValue ?? null)) invalid('requestedValue', 'The register already holds this value', 'same-as-current');
    // What the register would refuse at approval is refused now, while the applicant can still fix it.
    if (REQUIRED_FIELDS.has(input.field) && !input.requestedValue) invalid('requestedValue', 'This entry cannot be empty');
    if (input.field === 'birthCountry' && input.requestedValue && !isKnownCountry(input.requestedValue)) {
      invalid('requestedValue', `Unknown country code ${input.requestedValue}`, 'unknown-country');
    }
    const subject: CorrectionSubjectData = {
      personId: input.personId, personalCode: current.person.personalCode, personName: `${current.person.givenNames} ${current.person.surname}`, field: input.field,
      currentValue: current.value, requestedValue: input.requestedValue, explanation: input.explanation,
    };
    const { personId, field, requestedValue: _r, explanation: _e, ...rest } = input;
    return openCase(trx, ctx, { ...rest, def, caseId, reference, applicantPersonId: personId, applicantName: subject.personName, subject, touched: field });
  }

  /**
   * Opens the inclusion of a person who is not in the register. What the register would refuse at the
   * approval is refused now; registered persons who look alike are recorded with the case, so the
   * officer can link the applicant to one of them instead of registering the same person twice.
   */
  async function openInclusion(trx: DbExecutor, ctx: Extract<CaseActorContext, { kind: 'staff' }>, reference: string, input: InclusionRequestData, claim: (caseId: string) => Promise<void>) {
    const def = CASE_TYPE_DEFINITIONS['register-inclusion'];
    const caseId = randomUUID();
    await claim(caseId);
    if (compareDates(input.birthDate as PlainDate, today()) > 0) invalid('birthDate', 'A birth date cannot be in the future', 'future-date');
    if (!isKnownCountry(input.birthCountry)) invalid('birthCountry', `Unknown country code ${input.birthCountry}`, 'unknown-country');
    if (!isKnownCountry(input.foreignDocument.country)) invalid('foreignDocument.country', `Unknown country code ${input.foreignDocument.country}`, 'unknown-country');
    register.checkStatus(input.legalStatus, input.citizenships);
    const registerCtx = { actor: ctx.audit, channel: 'desk' as const, caseReference: reference, requestId: ctx.requestId };
    const candidates = (await register.likelyDuplicates(trx, registerCtx, input)).map(({ reasons: _reasons, ...c }) => c);
    const subject: InclusionSubjectData = {
      givenNames: input.givenNames, surname: input.surname, sex: input.sex, birthDate: input.birthDate, birthCountry: input.birthCountry, legalStatus: input.legalStatus,
      citizenships: input.citizenships, foreignDocument: { number: input.foreignDocument.number.toUpperCase(), country: input.foreignDocument.country }, explanation: input.explanation, candidates,
    };
    return openCase(trx, ctx, {
      def, caseId, reference, applicantPersonId: null, applicantName: `${input.givenNames} ${input.surname}`, subject, touched: 'inclusion', language: input.language,
      contactEmail: input.contactEmail, documents: input.documents, branchId: ctx.branchId, channel: 'desk',
    });
  }

  /** Turns the caller's input into the action's payload, checking what only the service can check. */
  async function payloadFor(trx: DbExecutor, ctx: CaseActorContext, row: CaseRow, state: CaseState, input: CaseActionInput | ModuleActionInput, branchStaff: readonly StaffMember[], person?: FoundPerson): Promise<ActionPayload> {
    const on = today();
    switch (input.kind) {
      case 'assign': {
        if (ctx.kind !== 'staff') throw new AppError('FORBIDDEN', 'Only staff assign cases');
        const assigneeId = input.assigneeId ?? ctx.id;
        const assignee = branchStaff.find((s) => s.id === assigneeId);
        const def = definitionOf(row);
        if (!assignee || !staffCaseRoles(def, assignee.roles).includes('officer')) invalid('assigneeId', 'The case can only go to an officer of its branch who handles this case type', 'not-an-officer');
        if (assigneeId !== ctx.id && !staffCaseRoles(def, ctx.roles).includes('supervisor')) throw new AppError('FORBIDDEN', 'Only a supervisor assigns a case to someone else', { rule: { id: 'case.assign-needs-supervisor' } });
        // Cases are taken in deadline order: skipping an earlier unassigned one needs a recorded reason.
        if (!row.assigneeId && !input.outOfOrderReason) {
          const earlier = await repository.queue(trx, { branchId: row.branchId, caseTypes: [row.caseType], assigneeId: null, limit: 1, ...(row.dueOn ? { dueBy: row.dueOn } : {}) });
          const first = earlier.rows[0];
          if (first && first.id !== row.id && compareDates(first.dueOn as PlainDate, row.dueOn as PlainDate) < 0) {
            invalid('outOfOrderReason', `Case ${first.reference} is due earlier (${first.dueOn}); say why this one goes first`, 'out-of-order');
          }
        }
        return { kind: 'assign', assigneeId, assigneeName: assignee.displayName, outOfOrderReason: input.outOfOrderReason ?? null };
      }
      case 'request-information':
        if (compareDates(input.dueOn as PlainDate, on) <= 0) invalid('dueOn', 'The answer must be due after today', 'not-after-today');
        return { kind: 'request-information', requestId: randomUUID(), question: input.question, dueOn: input.dueOn as PlainDate };
      case 'answer-information':
        return { kind: 'answer-information', requestId: input.requestId, text: input.text, documentIds: [] };
      case 'propose-decision': {
        const handler = handlerOf(row.caseType);
        handler.checkProposal?.(row, state, input.outcome);
        const checks = await handler.systemChecks(trx, accessFor(ctx, row), row, state);
        return { kind: 'propose-decision', outcome: input.outcome, legalBasis: definitionOf(row).decisionBasis, reasoning: input.reasoning, ruleTrace: [...checks, ...(input.ruleTrace ?? [])] };
      }
      case 'return-proposal':
        return { kind: 'return-proposal', reason: input.reason };
      case 'close-request':
        return { kind: 'close-request', requestId: state.openRequest?.requestId ?? '', reason: input.reason };
      case 'approve-decision':
        return { kind: 'approve-decision', decisionId: randomUUID() };
      case 'extend-deadline': {
        const deadline = deadlineOf(definitionOf(row), state, row, on);
        const problem = deadline ? extensionProblem(deadline, input.to as PlainDate) : 'not-extendable';
        if (problem === 'beyond-cap') invalid('to', `The law allows an extension up to ${deadline?.extensionCap}`, 'extension-beyond-cap');
        if (problem === 'not-later') invalid('to', `The new deadline must be after ${deadline?.dueOn}`, 'extension-not-later');
        if (problem) invalid('to', 'This case type’s deadline cannot be extended', 'extension-not-allowed');
        return { kind: 'extend-deadline', to: input.to as PlainDate, reason: input.reason };
      }
      case 'withdraw':
        return { kind: 'withdraw', reason: input.reason };
      case 'add-document':
        return { kind: 'add-document', documentId: '', documentKind: input.document.kind ?? 'evidence', fileName: input.document.fileName };
      case 'add-representative': {
        if (!person) invalid('personalCode', 'No person with this personal code in the register', 'unknown-person');
        if (person.id === row.applicantPersonId) invalid('personalCode', 'The applicant cannot represent themselves', 'same-person');
        return { kind: 'add-representative', personId: person.id, name: person.name, representativeKind: input.representativeKind, may: [...new Set(input.may)], authorization: input.authorization };
      }
      case 'link-applicant':
        if (!person) invalid('personalCode', 'No person with this personal code in the register', 'unknown-person');
        return { kind: 'link-applicant', personId: person.id, personalCode: person.personalCode, name: person.name, reason: input.reason };
      case 'record-payment':
        return { kind: 'record-payment', amountCents: input.amountCents, method: input.method, reference: input.reference };
      case 'accept-in-person':
        // The photo is stored when the action is recorded (its id goes into the payload).
        return { kind: 'accept-in-person', identityMethod: input.identityMethod, identityDocumentNumber: input.identityDocumentNumber, photoDocumentId: input.photoDocumentId ?? null };
      case 'hand-over':
        return { kind: 'hand-over', documentId: input.documentId, documentNumber: input.documentNumber, identityMethod: input.identityMethod, identityDocumentNumber: input.identityDocumentNumber, receivedBy: input.receivedBy };
    }
  }

  async function takeAction(ctx: CaseActorContext, caseId: string, input: CaseActionInput, key?: string): Promise<CaseView> {
    return act(ctx, caseId, input.expectedVersion, [input], key);
  }

  /**
   * Takes actions on a case in one transaction: locks it, checks the version the caller saw, and appends each
   * action in turn (each checked against the state the previous left), then projects the case once.
   */
  async function act(ctx: CaseActorContext, caseId: string, expectedVersion: number, inputs: ReadonlyArray<CaseActionInput | ModuleActionInput>, key?: string): Promise<CaseView> {
    // Read before the transaction: the embedded engine has one connection, which the transaction holds.
    // Staff act only on cases of their own branch, so their branch's staff is the case's.
    const branchStaff = inputs.some((i) => i.kind === 'assign') && ctx.kind === 'staff' ? await deps.branchStaff(ctx.branchId) : [];
    // A representative or the registered applicant is found by personal code before the transaction too (an audited register read).
    const byCode = inputs.find((i): i is Extract<CaseActionInput, { personalCode: string }> => i.kind === 'add-representative' || i.kind === 'link-applicant');
    const person = byCode ? await findPerson(ctx, byCode.personalCode, caseId) : undefined;
    return idempotent(ctx, key, { caseId, inputs }, async (trx, claim) => {
      const { row, roles } = await requireCase(trx, ctx, caseId, true);
      await claim(caseId);
      if (row.version !== expectedVersion) {
        throw new AppError('CONFLICT', `The case changed since you opened it (version ${expectedVersion}, now ${row.version}); reload and try again`, {
          details: [{ path: 'expectedVersion', message: 'stale version' }], rule: { id: 'case.stale-version' },
        });
      }
      const def = definitionOf(row);
      let actions = (await repository.actionsOf(trx, row.id)).map(toAction);
      for (const input of inputs) actions = await appendAction(trx, ctx, row, roles, actions, input, branchStaff, person);
      const resetAlert = inputs.some((i) => i.kind === 'extend-deadline' || i.kind === 'answer-information' || i.kind === 'accept-in-person');
      await project(trx, row, def, foldActions(def.lifecycle, actions), resetAlert);
      const updated = await repository.caseById(trx, row.id) as CaseRow;
      return { caseId: row.id, view: await buildView(trx, updated, roles, actorOf(ctx)) };
    });
  }

  /** Checks one action against the case as it stands, records it with its audit entry and effects; returns the case's actions after it. */
  async function appendAction(trx: DbExecutor, ctx: CaseActorContext, row: CaseRow, roles: readonly CaseRole[], before: CaseAction[], input: CaseActionInput | ModuleActionInput, branchStaff: readonly StaffMember[] = [], person?: FoundPerson): Promise<CaseAction[]> {
    const def = definitionOf(row);
    const state = foldActions(def.lifecycle, before);
    const actor = actorOf(ctx);
    let payload = await payloadFor(trx, ctx, row, state, input, branchStaff, person);
    if (ctx.kind === 'resident' && row.applicantPersonId !== ctx.personId) await requireRepresentationAllows(trx, row.id, ctx.personId, payload.kind);
    const refusal = refusalOf(def.lifecycle, state, actor, roles, payload);
    if (refusal) throw refusalError(refusal, row.caseType);
    handlerOf(row.caseType).checkAction?.(row, state, payload);
    if (row.appealOf && (payload.kind === 'propose-decision' || payload.kind === 'approve-decision')) await requireImpartial(trx, row.appealOf, actor);
    if (input.kind === 'answer-information' && payload.kind === 'answer-information') payload = { ...payload, documentIds: await storeUploads(trx, ctx, row.id, input.documents ?? [], 'documents') };
    if (input.kind === 'add-document' && payload.kind === 'add-document') payload = { ...payload, documentId: (await storeUploads(trx, ctx, row.id, [input.document], 'document'))[0] as string };
    if (input.kind === 'accept-in-person' && payload.kind === 'accept-in-person' && input.photo) {
      payload = { ...payload, photoDocumentId: (await storeUploads(trx, ctx, row.id, [{ ...input.photo, kind: 'photo' }], 'photo'))[0] as string };
    }
    if (payload.kind === 'add-representative') {
      await repository.upsertRepresentative(trx, { caseId: row.id, personId: payload.personId, name: payload.name, kind: payload.representativeKind, may: payload.may });
    }
    const action: CaseAction = { seq: state.version + 1, actor, on: today(), at: clock.now().toISOString(), payload };
    await insertAction(trx, row.id, action);
    await auditCase(trx, ctx, row, payload.kind === 'approve-decision' ? 'decide' : 'update', ['case', payload.kind]);
    return effects(trx, accessFor(ctx, row), row, def, [...before, action], payload);
  }

  async function insertAction(trx: DbExecutor, caseId: string, action: CaseAction): Promise<void> {
    const { kind, ...rest } = action.payload;
    await repository.insertAction(trx, { caseId, seq: action.seq, kind, actorType: action.actor.kind, actorId: action.actor.id, actorName: action.actor.name, onDate: action.on, at: action.at, payload: rest });
  }

  /** A person by personal code (already checked by the contract), for a representation or a link; undefined when the register has none. */
  async function findPerson(ctx: CaseActorContext, code: string, caseId: string): Promise<FoundPerson | undefined> {
    const reference = (await repository.referenceOf(db, caseId))?.reference;
    try {
      const p = await register.lookupByCode({ actor: ctx.audit, channel: 'desk', caseReference: reference, requestId: ctx.requestId }, code);
      return { id: p.id, personalCode: p.personalCode, name: `${p.givenNames} ${p.surname}` };
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }

  /** A representative may do what the representation allows: see, answer (and add documents), withdraw. */
  async function requireRepresentationAllows(trx: DbExecutor, caseId: string, personId: string, kind: ActionPayload['kind']): Promise<void> {
    const needs = kind === 'withdraw' ? 'withdraw' : 'answer';
    if (!(await repository.representation(trx, caseId, personId)).includes(needs)) {
      throw new AppError('FORBIDDEN', `Your representation does not include the right to ${needs === 'withdraw' ? 'withdraw the application' : 'answer for the applicant'}`, {
        rule: { id: 'case.representation-right', values: { right: needs } },
      });
    }
  }

  /** Nobody who proposed or approved the contested decision prepares or decides the appeal against it. */
  async function requireImpartial(trx: DbExecutor, contestedId: string, actor: ActionActor): Promise<void> {
    const contested = await repository.caseById(trx, contestedId);
    if (!contested) return;
    const decision = foldActions(definitionOf(contested).lifecycle, (await repository.actionsOf(trx, contestedId)).map(toAction)).decision;
    if (decision && [decision.proposedBy, decision.approvedBy].some((p) => p.kind === actor.kind && p.id === actor.id)) {
      throw new AppError('FORBIDDEN', 'You took part in the contested decision: the appeal goes to someone who did not', { rule: { id: 'case.appeal-needs-other-officer' } });
    }
  }

  /**
   * What an action causes outside the case: messages, and what the type's handler does (on an approval, or on
   * any other action it handles). Returns the case's actions after any the system appended.
   */
  async function effects(trx: DbExecutor, access: HandlerAccess, row: CaseRow, def: CaseTypeDefinition, actions: CaseAction[], payload: ActionPayload): Promise<CaseAction[]> {
    const state = foldActions(def.lifecycle, actions);
    const handler = handlerOf(row.caseType);
    if (payload.kind === 'request-information') {
      await notifications.enqueue(trx, applicantMessage(row, 'information-requested', `case:${row.id}:request:${payload.requestId}`, { question: payload.question, dueOn: payload.dueOn }));
    }
    if (payload.kind === 'confirm-production') {
      await notifications.enqueue(trx, applicantMessage(row, 'document-ready', `case:${row.id}:ready:${payload.documentNumber}`, {}));
    }
    if (payload.kind !== 'approve-decision') {
      await handler.onAction?.(trx, access, row, state, payload);
      return actions;
    }
    if (!state.decision) return actions;
    let after = actions;
    // The type's effect (a correction in the register, a new person …) may name an action the system appends.
    const follow = await handler.onApproved?.(trx, access, row, { ...state, decision: state.decision });
    if (follow) {
      const action: CaseAction = { seq: state.version + 1, actor: { kind: 'system', id: row.caseType, name: null }, on: today(), at: clock.now().toISOString(), payload: follow };
      await insertAction(trx, row.id, action);
      after = [...actions, action];
    }
    await notifications.enqueue(trx, applicantMessage(row, 'decision-made', `case:${row.id}:decision:${payload.decisionId}`, {
      outcome: state.decision.outcome, appealUntil: appealUntil(state.decision.decidedOn),
    }));
    return after;
  }

  /** A list row: the projection, with the working days left to its deadline. */
  function summary(r: CaseSummaryRow): CaseSummary {
    return { ...r, caseType: r.caseType as CaseType, status: r.status as CaseView['status'], workingDaysLeft: r.dueOn ? workingDaysBetween(today(), r.dueOn as PlainDate) : null };
  }

  function staffContext(ctx: CaseActorContext): Extract<CaseActorContext, { kind: 'staff' }> {
    if (ctx.kind !== 'staff') throw new AppError('FORBIDDEN', 'This is a staff service');
    return ctx;
  }

  return {
    today,

    async createCorrectionAtDesk(ctx: CaseActorContext, input: { personId: string; field: CorrectableField; requestedValue: string | null; explanation: string; language: 'lv' | 'en'; contactEmail?: string | undefined; documents: UploadInput[] }, key?: string): Promise<CaseView> {
      const staff = staffContext(ctx);
      if (!staffCaseRoles(CASE_TYPE_DEFINITIONS['register-correction'], staff.roles).includes('officer')) throw new AppError('FORBIDDEN', 'Only a registrar opens a correction case', { rule: { id: 'case.registrar-opens' } });
      const def = CASE_TYPE_DEFINITIONS['register-correction'];
      return idempotent(ctx, key, input, (trx, claim, reference) => openCorrection(trx, ctx, reference, { ...input, branchId: staff.branchId, channel: 'desk' }, claim), () => nextReference(def));
    },

    /** An officer opens the inclusion of a person who is not in the register (they apply in person, with an identity document). */
    async createInclusionAtDesk(ctx: CaseActorContext, input: InclusionRequestData, key?: string): Promise<CaseView> {
      const staff = staffContext(ctx);
      const def = CASE_TYPE_DEFINITIONS['register-inclusion'];
      if (!staffCaseRoles(def, staff.roles).includes('officer')) throw new AppError('FORBIDDEN', 'Only a registrar opens an inclusion case', { rule: { id: 'case.registrar-opens' } });
      return idempotent(ctx, key, input, (trx, claim, reference) => openInclusion(trx, staff, reference, input, claim), () => nextReference(def));
    },

    /** A resident asks for a correction of their own data or of a minor child's or ward's (`subjectPersonId`). */
    async createCorrectionOnline(ctx: CaseActorContext, input: { subjectPersonId?: string | undefined; field: CorrectableField; requestedValue: string | null; explanation: string; language: 'lv' | 'en'; contactEmail?: string | undefined; documents: UploadInput[] }, key?: string): Promise<CaseView> {
      if (ctx.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
      const subjectId = input.subjectPersonId ?? ctx.personId;
      let filedBy: { personId: string; name: string; kind: 'parent' | 'guardian' } | undefined;
      if (subjectId !== ctx.personId) {
        const subject = (await register.subjects(ctx.personId)).find((s) => s.personId === subjectId);
        if (!subject || subject.relation === 'self') invalid('subjectPersonId', 'You may apply only for yourself, your minor child or your ward', 'not-your-subject');
        filedBy = { personId: ctx.personId, name: ctx.name, kind: subject.relation === 'child' ? 'parent' : 'guardian' };
      }
      const branchId = await deps.portalBranchId();
      const { subjectPersonId: _ignored, ...rest } = input;
      const def = CASE_TYPE_DEFINITIONS['register-correction'];
      return idempotent(ctx, key, input, (trx, claim, reference) => openCorrection(trx, ctx, reference, { ...rest, personId: subjectId, branchId, channel: 'portal', ...(filedBy ? { filedBy } : {}) }, claim), () => nextReference(def));
    },

    /**
     * The applicant contests a refusal (APL: to the head of the office, within 30 days after the decision
     * takes effect). The appeal is a case of its own, linked to the contested one, in the same branch.
     */
    async appeal(ctx: CaseActorContext, caseId: string, input: { reason: string; documents: UploadInput[] }, key?: string): Promise<CaseView> {
      if (ctx.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
      const contested = await this.readCase(ctx, caseId);
      if (!contested.canAppeal) {
        throw contested.appealedBy
          ? new AppError('INVALID_STATE', `The decision is already contested (${contested.appealedBy.reference})`, { rule: { id: 'case.already-appealed', values: { reference: contested.appealedBy.reference } } })
          : new AppError('INVALID_STATE', 'Only a refusal can be contested, within 30 days of the decision', { rule: { id: 'case.appeal-not-possible' } });
      }
      const row = await repository.caseById(db, caseId) as CaseRow;
      const s = row.subject as unknown as CorrectionSubjectData;
      // A parent or guardian who filed the contested case contests it in the same capacity.
      const represents = row.applicantPersonId === ctx.personId ? undefined : await repository.representative(db, caseId, ctx.personId);
      const filedBy = represents && (represents.kind === 'parent' || represents.kind === 'guardian') ? { personId: ctx.personId, name: ctx.name, kind: represents.kind } : undefined;
      const def = CASE_TYPE_DEFINITIONS['register-correction-appeal'];
      return idempotent(ctx, key, { caseId, input }, (trx, claim, reference) => openCorrection(trx, ctx, reference, {
        personId: s.personId, field: s.field, requestedValue: s.requestedValue, explanation: input.reason, language: row.language, documents: input.documents,
        branchId: row.branchId, channel: 'portal', appealOf: row.id, ...(row.contactEmail ? { contactEmail: row.contactEmail } : {}),
        ...(filedBy ? { filedBy } : {}),
      }, claim), () => nextReference(def));
    },

    async readCase(ctx: CaseActorContext, caseId: string): Promise<CaseView> {
      return db.transaction().execute(async (trx) => {
        const { row, roles } = await requireCase(trx, ctx, caseId);
        await auditCase(trx, ctx, row, 'read', ['case']);
        return buildView(trx, row, roles, actorOf(ctx));
      });
    },

    takeAction,

    /**
     * Opens a case of another module's type (its handler knows the subject; the module checked it). `request`
     * is what the caller sent: a repeat under the same Idempotency-Key is recognized by it.
     */
    async openApplication(ctx: CaseActorContext, spec: ApplicationSpec, key: string | undefined, request: unknown): Promise<CaseView> {
      const def = handlerOf(spec.caseType).definition;
      return idempotent(ctx, key, request, async (trx, claim, reference) => {
        const caseId = randomUUID();
        await claim(caseId);
        const { caseType: _t, ...rest } = spec;
        return openCase(trx, ctx, { ...rest, def, caseId, reference });
      }, () => nextReference(def));
    },

    /** A module's command already answered under this Idempotency-Key (before the module checks it again). */
    storedAnswer,

    /** Actions another module takes for its case type (a payment, the applicant received in person, a hand-over), in one transaction. */
    async takeModuleActions(ctx: CaseActorContext, caseId: string, expectedVersion: number, inputs: ModuleActionInput[], key?: string): Promise<CaseView> {
      return act(ctx, caseId, expectedVersion, inputs, key);
    },

    /**
     * An action the system takes in the caller's transaction (a production order, the centre's confirmation):
     * locked, checked against the lifecycle (role `system`), recorded, audited and projected like any other.
     */
    async appendSystemAction(trx: DbExecutor, system: { id: string; audit: AuditActor; requestId?: string | undefined }, caseId: string, payload: ActionPayload): Promise<CaseState> {
      const row = await repository.caseById(trx, caseId, true);
      if (!row) throw new AppError('NOT_FOUND', `No case ${caseId}`);
      const def = definitionOf(row);
      const before = (await repository.actionsOf(trx, row.id)).map(toAction);
      const actor: ActionActor = { kind: 'system', id: system.id, name: null };
      const refusal = refusalOf(def.lifecycle, foldActions(def.lifecycle, before), actor, ['system'], payload);
      if (refusal) throw refusalError(refusal, row.caseType);
      const action: CaseAction = { seq: before.length + 1, actor, on: today(), at: clock.now().toISOString(), payload };
      await insertAction(trx, row.id, action);
      await audit.record(trx, {
        actor: system.audit, action: 'update', purpose: PURPOSE, legalBasis: 'Administratīvā procesa likums', caseReference: row.reference, subjectPersonId: row.applicantPersonId,
        resource: 'cases.case', touched: ['case', payload.kind], requestId: system.requestId ?? null,
      });
      const actions = await effects(trx, { actor: system.audit, caseReference: row.reference, requestId: system.requestId }, row, def, [...before, action], payload);
      const state = foldActions(def.lifecycle, actions);
      await project(trx, row, def, state, false);
      return state;
    },

    /** Open cases of a type in a status, oldest first (the next production batch): ids, references and subjects. */
    async casesInStatus(executor: DbExecutor, caseType: CaseType, status: string, limit: number) {
      return repository.inStatus(executor, caseType, status, limit);
    },

    /** A person's open cases of a type (newest first), for another module's checks and desk screens; not audited: ids and statuses only. */
    async openCasesOf(personId: string, caseType: CaseType) {
      return repository.openOfApplicant(db, personId, caseType);
    },

    /** A file of a case in the caller's transaction (a production order carries the photo). */
    documentIn: (executor: DbExecutor, caseId: string, documentId: string) => repository.document(executor, caseId, documentId),

    /** How many open cases of a type are in a status (case_type_status_idx). */
    countInStatus: (caseType: CaseType, status: string) => repository.countInStatus(db, caseType, status),

    /** The state of a case (its folded actions), for another module's use case in its own transaction. */
    async stateOf(executor: DbExecutor, caseId: string) {
      const row = await repository.caseById(executor, caseId);
      if (!row) return undefined;
      return { row, state: foldActions(definitionOf(row).lifecycle, (await repository.actionsOf(executor, row.id)).map(toAction)) };
    },

    async document(ctx: CaseActorContext, caseId: string, documentId: string) {
      return db.transaction().execute(async (trx) => {
        const { row } = await requireCase(trx, ctx, caseId);
        const doc = await repository.document(trx, caseId, documentId);
        if (!doc) throw new AppError('NOT_FOUND', `No document ${documentId} in this case`);
        await auditCase(trx, ctx, row, 'read', ['document']);
        return doc;
      });
    },

    /** The case and its decision, for the decision PDF. */
    async decision(ctx: CaseActorContext, caseId: string): Promise<CaseView & { decision: NonNullable<CaseView['decision']> }> {
      const view = await this.readCase(ctx, caseId);
      if (!view.decision) throw new AppError('NOT_FOUND', 'This case has no decision yet');
      return view as CaseView & { decision: NonNullable<CaseView['decision']> };
    },

    async queue(ctx: CaseActorContext, q: { type?: CaseType | undefined; status?: string | undefined; assignee: 'me' | 'unassigned' | 'any'; dueWithin?: number | undefined; flag?: 'at-risk' | 'breached' | 'suspended' | undefined; limit: number }) {
      const staff = staffContext(ctx);
      const types = caseTypesFor(staff.roles).filter((t) => !q.type || t === q.type);
      if (types.length === 0) return { cases: [], total: 0, totalCapped: false };
      const on = today();
      const warn = deps.warnAtWorkingDays[0] ?? 5;
      const dueBy = q.flag === 'breached' ? addDays(on, -1) : q.flag === 'at-risk' ? addWorkingDays(on, warn) : q.dueWithin !== undefined ? addWorkingDays(on, q.dueWithin) : undefined;
      const { rows, total, totalCapped } = await repository.queue(db, {
        branchId: staff.branchId, caseTypes: types, status: q.status, limit: q.limit, dueBy,
        assigneeId: q.assignee === 'me' ? staff.id : q.assignee === 'unassigned' ? null : undefined, ...(q.flag === 'suspended' ? { suspended: true } : {}),
      });
      return { cases: rows.map(summary), total, totalCapped };
    },

    async dashboard(ctx: CaseActorContext) {
      const staff = staffContext(ctx);
      const types = caseTypesFor(staff.roles);
      const on = today();
      const riskBy = addWorkingDays(on, deps.warnAtWorkingDays[0] ?? 5);
      const rows = types.length ? await repository.loadByOfficer(db, staff.branchId, types, riskBy, on) : [];
      const officers = rows.map((r) => ({ assigneeId: r.assigneeId, assigneeName: r.assigneeName, open: Number(r.open), atRisk: Number(r.atRisk), breached: Number(r.breached), suspended: Number(r.suspended) }));
      const sum = (k: 'open' | 'atRisk' | 'breached' | 'suspended') => officers.reduce((n, o) => n + o[k], 0);
      const atRisk = types.length ? await repository.queue(db, { branchId: staff.branchId, caseTypes: types, dueBy: riskBy, limit: 20 }) : { rows: [] };
      return {
        open: sum('open'), unassigned: officers.find((o) => o.assigneeId === null)?.open ?? 0, suspended: sum('suspended'), atRisk: sum('atRisk'), breached: sum('breached'),
        officers: officers.map(({ suspended: _s, ...o }) => o),
        atRiskCases: atRisk.rows.map(summary),
      };
    },

    /** The resident's applications: their own, and those they represent (filed for a child or ward). */
    async myCases(ctx: CaseActorContext) {
      if (ctx.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
      const rows = await repository.casesOf(db, ctx.personId, await repository.representedCaseIds(db, ctx.personId));
      return rows.map(summary);
    },

    /**
     * The deadline watch (a job): recomputes the clock of suspended cases (their end moves every day), warns
     * the assigned officer and the branch's supervisors at each threshold before the deadline, and flags
     * and reports breaches. Messages have one key per case, due day and threshold, so running it again
     * (or on two machines) sends nothing twice.
     */
    async watchDeadlines(limit = 5000): Promise<{ warned: number; breached: number }> {
      const on = today();
      const widest = deps.warnAtWorkingDays[0] ?? 5;
      const by = addWorkingDays(on, widest);
      let warned = 0;
      let breached = 0;
      const candidates = await repository.dueForAlert(db, by, limit);
      const staffByBranch = new Map<string, StaffMember[]>();
      for (const candidate of candidates) {
        // Outside the transaction (one connection on the embedded engine).
        const staff = staffByBranch.get(candidate.branchId) ?? (await deps.branchStaff(candidate.branchId));
        staffByBranch.set(candidate.branchId, staff);
        await db.transaction().execute(async (trx) => {
          const row = await repository.caseById(trx, candidate.id, true);
          if (!row || row.closedAt) return;
          const def = definitionOf(row);
          const state = foldActions(def.lifecycle, (await repository.actionsOf(trx, row.id)).map(toAction));
          const deadline = deadlineOf(def, state, row, on);
          if (!deadline) return;
          if (deadline.dueOn !== row.dueOn || deadline.suspended !== row.suspended) await project(trx, row, def, state, false);
          if (deadline.suspended) {
            // The applicant's answer is overdue: the assigned officer hears of it once, and may stop waiting.
            const request = state.openRequest;
            const assignee = staff.find((s) => s.id === row.assigneeId && s.email);
            if (request && compareDates(request.dueOn, on) < 0 && assignee) {
              await notifications.enqueue(trx, [{
                eventKey: `case:${row.id}:request:${request.requestId}:overdue:${assignee.id}`, channel: 'email', recipient: assignee.email as string, language: 'lv',
                template: 'information-overdue', params: { reference: row.reference, dueOn: request.dueOn },
              }]);
            }
            return;
          }
          const recipients = staff.filter((s) => s.email && (s.id === row.assigneeId || staffCaseRoles(def, s.roles).includes('supervisor')));
          const messages = (template: OutgoingMessage['template'], key: string, params: Record<string, string | number>): OutgoingMessage[] =>
            recipients.map((s) => ({ eventKey: `${key}:${s.id}`, channel: 'email', recipient: s.email as string, language: 'lv', template, params: { reference: row.reference, dueOn: deadline.dueOn, ...params } }));
          if (deadline.breached) {
            await notifications.enqueue(trx, messages('deadline-breached', `case:${row.id}:breached:${deadline.dueOn}`, {}));
            await repository.setDeadlineAlert(trx, row.id, 'breached');
            breached++;
            return;
          }
          const passed = deps.warnAtWorkingDays.filter((t) => deadline.workingDaysLeft <= t);
          if (passed.length === 0) return;
          for (const t of passed) await notifications.enqueue(trx, messages('deadline-warning', `case:${row.id}:warn:${deadline.dueOn}:${t}`, { days: deadline.workingDaysLeft }));
          if (row.deadlineAlert === 'none') {
            await repository.setDeadlineAlert(trx, row.id, 'warned');
            warned++;
          }
        });
      }
      return { warned, breached };
    },
  };
}
export type CasesService = ReturnType<typeof createCasesService>;

/** The last day to appeal: 30 days after the decision (taken to take effect on the day it is made and delivered to the account). */
export function appealUntil(decidedOn: string): string {
  return calendarDaysDeadline(decidedOn as PlainDate, APPEAL_DAYS);
}
