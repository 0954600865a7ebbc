/**
 * What every use case of the engine shares: its dependencies, the procedures registered with it, the
 * clock, and the small steps each command takes (who may see a case, its deadline now, the projection for
 * the queues, the audit entry, the applicant's message). A use case loads the case once as a snapshot
 * (its row, procedure, actions and folded state) and passes that snapshot along.
 */
import { AppError } from '../../http/app-error.ts';
import type { Db, DbExecutor } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AuditAction, AuditActor, AuditService } from '../audit/index.ts';
import type { StaffMember } from '../identity/index.ts';
import type { NotificationsService, OutgoingMessage } from '../notifications/index.ts';
import type { CaseSummary, CaseView } from '../../../shared/contracts/cases.contract.ts';
import { plainDateInZone, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { workingDaysBetween } from '../../../shared/kernel/working-days.ts';
import type { Role } from '../../../shared/kernel/permissions.ts';
import {
  foldActions,
  isFinal,
  type ActionActor,
  type ActionPayload,
  type CaseAction,
  type CaseRole,
  type CaseState,
} from './case-lifecycle.ts';
import { computeDeadline, type DeadlineState } from './case-deadline.ts';
import { versionById, versionOn, type RuleVersion } from './rule-versions.ts';
import {
  staffCaseRoles,
  type CaseProcedure,
  type CaseTypeDefinition,
  type HandlerAccess,
  type ProcedureRegistry,
} from './procedure.ts';
import type { CaseActionRow, CaseRow, CaseSummaryRow, CasesRepository } from './cases.repository.ts';

/** Who acts on a case: a staff member (with roles and branch) or a signed-in resident. */
export type CaseActorContext =
  | {
      kind: 'staff';
      id: string;
      name: string;
      roles: readonly Role[];
      branchId: string;
      audit: AuditActor;
      requestId?: string | undefined;
    }
  | { kind: 'resident'; personId: string; name: string; audit: AuditActor; requestId?: string | undefined };

export type StaffActorContext = Extract<CaseActorContext, { kind: 'staff' }>;

/** A registered person found by personal code (a representative, or the applicant found in the register). */
export type FoundPerson = { id: string; personalCode: string; name: string };

export interface CasesDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  audit: AuditService;
  notifications: NotificationsService;
  repository: CasesRepository;
  /** Active staff of a branch (identity). */
  branchStaff: (branchId: string) => Promise<StaffMember[]>;
  /** The branch that takes applications made online. */
  portalBranchId: () => Promise<string>;
  /** A registered person by personal code, read through the register's audit gate; undefined when there is none. */
  personByCode: (access: HandlerAccess, personalCode: string) => Promise<FoundPerson | undefined>;
  /** Working days before the deadline at which officer and supervisor are warned, largest first. */
  warnAtWorkingDays: readonly number[];
}

/** A case as one command sees it: loaded once, passed along. */
export interface CaseSnapshot {
  row: CaseRow;
  procedure: CaseProcedure;
  actions: CaseAction[];
  state: CaseState;
}

const PURPOSE = 'case-processing';

export function createEngine(deps: CasesDeps, procedures: ProcedureRegistry) {
  const { clock, repository } = deps;
  const today = (): PlainDate => plainDateInZone(clock.now(), deps.timeZone);
  const now = (): string => clock.now().toISOString();

  const procedureOf = (caseType: string): CaseProcedure => {
    const procedure = procedures.get(caseType);
    if (!procedure) throw new AppError('INTERNAL', `No procedure is registered for case type ${caseType}`);
    return procedure;
  };
  const definitionOf = (row: Pick<CaseRow, 'caseType'>): CaseTypeDefinition => procedureOf(row.caseType).definition;
  const accessFor = (ctx: CaseActorContext, row: Pick<CaseRow, 'reference'>): HandlerAccess => ({
    actor: ctx.audit,
    caseReference: row.reference,
    requestId: ctx.requestId,
  });
  /** Case types a staff member works on in any role (their work queue). */
  const caseTypesFor = (roles: readonly Role[]): string[] =>
    procedures
      .all()
      .filter((p) => staffCaseRoles(p.definition, roles).length > 0)
      .map((p) => p.definition.type);

  const actorOf = (ctx: CaseActorContext): ActionActor =>
    ctx.kind === 'staff'
      ? { kind: 'staff', id: ctx.id, name: ctx.name }
      : { kind: 'resident', id: ctx.personId, name: ctx.name };

  const toAction = (row: CaseActionRow): CaseAction => ({
    seq: row.seq,
    actor: { kind: row.actorType, id: row.actorId, name: row.actorName },
    on: row.onDate as PlainDate,
    at: row.at,
    payload: { kind: row.kind, ...row.payload } as ActionPayload,
  });

  /** The case with its procedure, actions and state; `lock` takes the row lock for a command. */
  async function snapshot(trx: DbExecutor, caseId: string, lock = false): Promise<CaseSnapshot | undefined> {
    const row = await repository.caseById(trx, caseId, lock);
    return row ? snapshotOf(trx, row) : undefined;
  }
  function snapshotFrom(row: CaseRow, actionRows: readonly CaseActionRow[]): CaseSnapshot {
    const procedure = procedureOf(row.caseType);
    const actions = actionRows.map(toAction);
    return { row, procedure, actions, state: foldActions(procedure.definition.lifecycle, actions) };
  }
  async function snapshotOf(trx: DbExecutor, row: CaseRow): Promise<CaseSnapshot> {
    return snapshotFrom(row, await repository.actionsOf(trx, row.id));
  }
  /** The snapshots of many cases, their actions read in one query per thousand cases. */
  async function snapshotsOf(trx: DbExecutor, rows: readonly CaseRow[]): Promise<CaseSnapshot[]> {
    const out: CaseSnapshot[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const byCase = await repository.actionsOfMany(
        trx,
        chunk.map((r) => r.id),
      );
      for (const row of chunk) out.push(snapshotFrom(row, byCase.get(row.id) ?? []));
    }
    return out;
  }
  /** The snapshot after more actions were appended. */
  const advanced = (s: CaseSnapshot, actions: CaseAction[]): CaseSnapshot => ({
    ...s,
    actions,
    state: foldActions(s.procedure.definition.lifecycle, actions),
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
  async function requireCase(
    trx: DbExecutor,
    ctx: CaseActorContext,
    caseId: string,
    lock = false,
  ): Promise<{ snap: CaseSnapshot; roles: CaseRole[] }> {
    const row = await repository.caseById(trx, caseId, lock);
    const roles = row ? await rolesIn(trx, ctx, row) : [];
    if (!row || roles.length === 0) throw new AppError('NOT_FOUND', `No case ${caseId} that you may see`);
    return { snap: await snapshotOf(trx, row), roles };
  }

  /**
   * The version of its procedure's rules a case is decided under: the one stamped at lodging or by a later move;
   * for a case lodged before versions were stamped, the one in force on its day of receipt.
   */
  function rulesOf(
    procedure: CaseProcedure,
    state: Pick<CaseState, 'rulesVersion' | 'receivedOn'>,
    row: Pick<CaseRow, 'receivedOn'>,
  ): RuleVersion | null {
    const book = procedure.rules;
    const stamped = state.rulesVersion ? versionById(book, state.rulesVersion) : undefined;
    if (state.rulesVersion && !stamped)
      throw new AppError('INTERNAL', `${procedure.definition.type} has no rules version ${state.rulesVersion}`);
    return stamped ?? versionOn(book, (state.receivedOn ?? row.receivedOn) as PlainDate) ?? null;
  }

  /** The deadline running now: none once the case is over, or while the office waits for the applicant to come (a status where the clock stops). */
  function deadlineOf(
    procedure: CaseProcedure,
    state: CaseState,
    row: Pick<CaseRow, 'subject' | 'receivedOn'>,
    on: PlainDate,
  ): DeadlineState | null {
    const def = procedure.definition;
    if (isFinal(def.lifecycle, state.status) || def.lifecycle.clockStops?.includes(state.status)) return null;
    const rules = rulesOf(procedure, state, row);
    const rule = procedure.deadline?.(row.subject, rules) ?? rules?.deadline ?? def.deadline;
    return computeDeadline({
      rule,
      receivedOn: (state.receivedOn ?? row.receivedOn) as PlainDate,
      suspensions: state.suspensions,
      extendedTo: state.extendedTo,
      today: on,
    });
  }

  async function auditCase(
    trx: DbExecutor,
    ctx: CaseActorContext,
    row: { reference: string; applicantPersonId: string | null },
    action: AuditAction,
    touched: string[],
  ) {
    const purpose =
      ctx.kind === 'staff'
        ? PURPOSE
        : row.applicantPersonId === ctx.personId
          ? 'data-subject-access'
          : 'legal-representative-access';
    await deps.audit.record(trx, {
      actor: ctx.audit,
      action,
      purpose,
      legalBasis: 'Administratīvā procesa likums',
      caseReference: row.reference,
      subjectPersonId: row.applicantPersonId,
      resource: 'cases.case',
      touched,
      requestId: ctx.requestId ?? null,
    });
  }

  /** The audit entry of an action the system takes (a production order, a confirmation). */
  async function auditSystem(
    trx: DbExecutor,
    system: { audit: AuditActor; requestId?: string | undefined },
    row: CaseRow,
    kind: string,
  ) {
    await deps.audit.record(trx, {
      actor: system.audit,
      action: 'update',
      purpose: PURPOSE,
      legalBasis: 'Administratīvā procesa likums',
      caseReference: row.reference,
      subjectPersonId: row.applicantPersonId,
      resource: 'cases.case',
      touched: ['case', kind],
      requestId: system.requestId ?? null,
    });
  }

  /** The projection of the state onto the case row (the queues read it). */
  function projectionOf(s: CaseSnapshot, resetAlert: boolean) {
    const { row, state } = s;
    const deadline = deadlineOf(s.procedure, state, row, today());
    const closed = isFinal(s.procedure.definition.lifecycle, state.status);
    return {
      // An applicant who was not in the register is linked to their person: they now find the case in the portal.
      applicantPersonId: state.linkedApplicant?.personId ?? row.applicantPersonId,
      // An application prepared online is received when the applicant comes in person.
      receivedOn: state.receivedOn ?? row.receivedOn,
      status: state.status,
      version: state.version,
      rulesVersion: state.rulesVersion,
      assigneeId: state.assignee?.id ?? null,
      assigneeName: state.assignee?.name ?? null,
      dueOn: deadline?.dueOn ?? null,
      suspended: deadline?.suspended ?? false,
      updatedAt: now(),
      // A case closes once: a later action on a closed case keeps the day it closed.
      closedAt: closed ? (row.closedAt ?? now()) : null,
      ...(resetAlert ? { deadlineAlert: 'none' as const } : {}),
    };
  }

  /** Writes the projection; returns the snapshot with the row as now stored. */
  async function project(trx: DbExecutor, s: CaseSnapshot, resetAlert: boolean): Promise<CaseSnapshot> {
    const projection = projectionOf(s, resetAlert);
    await repository.updateProjection(trx, s.row.id, projection);
    return { ...s, row: { ...s.row, ...projection } };
  }

  /** Writes several cases' projections, and the subjects that changed, in one statement (a transitional move). */
  async function projectMany(
    trx: DbExecutor,
    items: ReadonlyArray<{ snap: CaseSnapshot; resetAlert: boolean; subjectChanged: boolean }>,
  ): Promise<void> {
    await repository.updateProjections(
      trx,
      items.map(({ snap, resetAlert, subjectChanged }) => ({
        id: snap.row.id,
        ...projectionOf(snap, resetAlert),
        ...(subjectChanged ? { subject: snap.row.subject } : {}),
      })),
    );
  }

  function applicantMessage(
    row: CaseRow,
    template: OutgoingMessage['template'],
    eventKey: string,
    params: Record<string, string | number>,
  ): OutgoingMessage[] {
    if (!row.contactEmail) return [];
    // An applicant not (yet) in the register cannot sign in to the portal: the message sends them to a branch instead.
    const via = row.applicantPersonId ? 'portal' : 'branch';
    return [
      {
        eventKey: `${eventKey}:${row.contactEmail}`,
        channel: 'email',
        recipient: row.contactEmail,
        language: row.language,
        template,
        // ICU select keys have no hyphens: a kind `a-b` is worded as `ab`.
        params: {
          reference: row.reference,
          via,
          kind: procedureOf(row.caseType).subjectKind.replaceAll('-', ''),
          ...params,
        },
      },
    ];
  }

  /** The stored row of an action: its kind in a column of its own, the rest of its payload as JSON. */
  function actionRow(caseId: string, action: CaseAction) {
    const { kind, ...rest } = action.payload;
    return {
      caseId,
      seq: action.seq,
      kind,
      actorType: action.actor.kind,
      actorId: action.actor.id,
      actorName: action.actor.name,
      onDate: action.on,
      at: action.at,
      payload: rest,
    };
  }

  async function insertAction(trx: DbExecutor, caseId: string, action: CaseAction): Promise<void> {
    await repository.insertAction(trx, actionRow(caseId, action));
  }

  /** Appends one action to each of several cases in one statement. */
  async function insertActions(
    trx: DbExecutor,
    actions: ReadonlyArray<{ caseId: string; action: CaseAction }>,
  ): Promise<void> {
    await repository.insertActions(
      trx,
      actions.map((a) => actionRow(a.caseId, a.action)),
    );
  }

  /** A list row: the projection, with the working days left to its deadline. */
  function summary(r: CaseSummaryRow): CaseSummary {
    return {
      id: r.id,
      reference: r.reference,
      caseType: r.caseType as CaseView['caseType'],
      status: r.status as CaseView['status'],
      applicantName: r.applicantName,
      assigneeName: r.assigneeName,
      receivedOn: r.receivedOn,
      dueOn: r.dueOn,
      suspended: r.suspended,
      deadlineAlert: r.deadlineAlert,
      version: r.version,
      workingDaysLeft: r.dueOn ? workingDaysBetween(today(), r.dueOn as PlainDate) : null,
      closedAt: r.closedAt,
    };
  }

  function staffContext(ctx: CaseActorContext): StaffActorContext {
    if (ctx.kind !== 'staff') throw new AppError('FORBIDDEN', 'This is a staff service');
    return ctx;
  }

  return {
    deps,
    procedures,
    today,
    now,
    procedureOf,
    definitionOf,
    accessFor,
    caseTypesFor,
    actorOf,
    toAction,
    snapshot,
    snapshotOf,
    snapshotsOf,
    advanced,
    rolesIn,
    requireCase,
    rulesOf,
    deadlineOf,
    auditCase,
    auditSystem,
    project,
    projectMany,
    applicantMessage,
    insertAction,
    insertActions,
    summary,
    staffContext,
  };
}
export type Engine = ReturnType<typeof createEngine>;
