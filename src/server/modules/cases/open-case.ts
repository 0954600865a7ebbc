/**
 * Opening a case of any procedure: the row with its first deadline, its files, the `submit` action, the
 * audit entry and the receipt, in one transaction with any steps taken at once (a desk application paid
 * and received in person). An appeal is a case of its own, linked to the contested one.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../http/app-error.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { CaseView, UploadInput } from '../../../shared/contracts/cases.contract.ts';
import { foldActions, type CaseAction, type LateAppeal } from './case-lifecycle.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import { buildView, readCase } from './case-view.ts';
import { idempotent, nextReference } from './idempotency.ts';
import { storeUploads } from './uploads.ts';
import { appendAction, type ModuleActionInput } from './take-action.ts';
import type { HandlerAccess } from './procedure.ts';
import type { CaseActorContext, CaseSnapshot, Engine } from './engine.ts';
import type { CaseRow } from './cases.repository.ts';
import { versionOn, type RuleVersion } from './rule-versions.ts';

/** Who filed for the applicant: a parent for a minor child, a guardian for a ward. */
export type FiledBy = { personId: string; name: string; kind: 'parent' | 'guardian' };

/** A case a module opens on the engine: its procedure knows the subject (the module has checked it). */
export interface ApplicationSpec {
  caseType: string;
  /** Null while the applicant is not in the register. */
  applicantPersonId: string | null;
  applicantName: string;
  subject: object;
  /** What the audit entry says was touched. */
  touched: string;
  language: 'lv' | 'en';
  contactEmail?: string | undefined;
  documents: UploadInput[];
  branchId: string;
  channel: 'portal' | 'desk';
  filedBy?: FiledBy | undefined;
  /** The contested case, when this one is its appeal. */
  appealOf?: string | undefined;
  /** An appeal lodged after its term, with why the term was missed. */
  lateAppeal?: LateAppeal | undefined;
  /** Actions taken at once with the opening (a desk application is paid and received in person in the same step). */
  followUps?: ModuleActionInput[] | undefined;
}

/** The day of lodging and the version of the procedure's rules in force that day, which the case will be stamped with. */
export interface Lodging {
  on: PlainDate;
  rules: RuleVersion;
}

/**
 * The spec of the case to open, built in the case's transaction (it may read, audited, under the new case's
 * reference). A module quotes its fee and lists its documents from `lodging.rules`: the version the case is stamped with.
 */
export type SpecBuilder = (
  trx: DbExecutor,
  access: HandlerAccess,
  lodging: Lodging,
) => Promise<Omit<ApplicationSpec, 'caseType'>>;

/** The version of a procedure's rules for a case lodged today; a procedure with no version in force yet is a setup error. */
function lodgingOf(engine: Engine, caseType: string): Lodging {
  const on = engine.today();
  const rules = versionOn(engine.procedureOf(caseType).rules, on);
  if (!rules) throw new AppError('INTERNAL', `No version of the ${caseType} rules is in force on ${on}`);
  return { on, rules };
}

function newRow(
  engine: Engine,
  caseId: string,
  reference: string,
  caseType: string,
  o: Omit<ApplicationSpec, 'caseType'>,
  lodging: Lodging,
): CaseRow {
  const now = engine.now();
  return {
    id: caseId,
    reference,
    caseType,
    status: engine.procedureOf(caseType).definition.lifecycle.initial,
    version: 1,
    applicantPersonId: o.applicantPersonId,
    applicantName: o.applicantName,
    language: o.language,
    contactEmail: o.contactEmail ?? null,
    channel: o.channel,
    branchId: o.branchId,
    assigneeId: null,
    assigneeName: null,
    subject: o.subject as Record<string, unknown>,
    receivedOn: lodging.on,
    dueOn: null,
    suspended: false,
    deadlineAlert: 'none',
    appealOf: o.appealOf ?? null,
    rulesVersion: lodging.rules.validFrom,
    openedAt: now,
    updatedAt: now,
    closedAt: null,
  };
}

/** Writes the case row, its representative, its files, the `submit` action and the audit entry; returns the case as written. */
async function insertCase(
  engine: Engine,
  trx: DbExecutor,
  ctx: CaseActorContext,
  row: CaseRow,
  o: Omit<ApplicationSpec, 'caseType'>,
): Promise<CaseSnapshot> {
  const { repository } = engine.deps;
  const procedure = engine.procedureOf(row.caseType);
  // The first deadline is under the version the case is stamped with.
  const lodged = { ...foldActions(procedure.definition.lifecycle, []), rulesVersion: row.rulesVersion };
  const dueOn = engine.deadlineOf(procedure, lodged, row, engine.today())?.dueOn ?? null;
  const stored: CaseRow = { ...row, dueOn };
  await repository.insertCase(trx, stored);
  if (o.filedBy)
    await repository.insertRepresentative(trx, {
      caseId: row.id,
      personId: o.filedBy.personId,
      name: o.filedBy.name,
      kind: o.filedBy.kind,
      may: ['see', 'answer', 'withdraw'],
    });
  const documentIds = await storeUploads(engine, trx, ctx, row.id, o.documents, 'documents');
  const submit: CaseAction = {
    seq: 1,
    actor: engine.actorOf(ctx),
    on: row.receivedOn as PlainDate,
    at: row.openedAt,
    payload: {
      kind: 'submit',
      documentIds,
      ...(o.lateAppeal ? { lateAppeal: o.lateAppeal } : {}),
      ...(row.rulesVersion ? { rules: row.rulesVersion } : {}),
    },
  };
  await engine.insertAction(trx, row.id, submit);
  await engine.auditCase(trx, ctx, row, 'create', ['case', o.touched]);
  // The case as just written: the commands after it in this transaction need not read it back.
  return engine.advanced(
    { row: stored, procedure, actions: [], state: foldActions(procedure.definition.lifecycle, []) },
    [submit],
  );
}

/** Opens the case and takes the steps that come with it; sends the receipt. */
async function openCase(
  engine: Engine,
  trx: DbExecutor,
  ctx: CaseActorContext,
  caseId: string,
  reference: string,
  caseType: string,
  o: Omit<ApplicationSpec, 'caseType'>,
  lodging: Lodging,
) {
  let snap = await insertCase(engine, trx, ctx, newRow(engine, caseId, reference, caseType, o, lodging), o);
  const roles = await engine.rolesIn(trx, ctx, snap.row);
  if (o.followUps?.length) {
    // The steps taken with the opening are actions like any other, in the same transaction.
    for (const input of o.followUps) snap = await appendAction(engine, trx, ctx, snap, roles, input);
    snap = await engine.project(trx, snap, false);
  }
  // An application waiting for the applicant's visit has no deadline yet: its receipt says so.
  const dueOn = snap.row.dueOn;
  await engine.deps.notifications.enqueue(
    trx,
    engine.applicantMessage(snap.row, 'case-received', `case:${caseId}:received`, {
      dueOn: dueOn ?? '-',
      due: dueOn ? 'set' : 'none',
    }),
  );
  return { caseId, view: await buildView(engine, trx, snap, roles, engine.actorOf(ctx)) };
}

/**
 * Opens a case of a registered procedure. `request` is what the caller sent: a repeat under the same
 * Idempotency-Key is recognized by it. `build` gives the case's spec inside its transaction.
 */
export async function openApplication(
  engine: Engine,
  ctx: CaseActorContext,
  caseType: string,
  key: string | undefined,
  request: unknown,
  build: SpecBuilder,
): Promise<CaseView> {
  const def = engine.procedureOf(caseType).definition;
  return idempotent(
    engine,
    ctx,
    key,
    request,
    async (trx, claim, reference) => {
      const caseId = randomUUID();
      await claim(caseId);
      const lodging = lodgingOf(engine, caseType);
      const access = { actor: ctx.audit, caseReference: reference, requestId: ctx.requestId };
      const spec = await build(trx, access, lodging);
      return openCase(engine, trx, ctx, caseId, reference, caseType, spec, lodging);
    },
    () => nextReference(engine, def),
  );
}

/**
 * Whether the reader may contest the decision now, and how: within its term, or after it only with the reason
 * the term was missed (the appeal then opens with a request to renew the term, decided first).
 */
function lateAppealOf(contested: CaseView, lateReason: string | undefined): LateAppeal | undefined {
  if (contested.canAppeal) return undefined;
  if (!contested.canAppealLate) {
    throw contested.appealedBy
      ? new AppError('INVALID_STATE', `The decision is already contested (${contested.appealedBy.reference})`, {
          rule: { id: 'case.already-appealed', values: { reference: contested.appealedBy.reference } },
        })
      : new AppError('INVALID_STATE', 'Only a refusal can be contested, once', {
          rule: { id: 'case.appeal-not-possible' },
        });
  }
  const termEnded = contested.decision?.appealUntil as PlainDate;
  if (!lateReason) {
    const message = `The term to contest this decision ended on ${termEnded}: say why it was missed`;
    throw new AppError('VALIDATION_FAILED', message, {
      rule: { id: 'case.appeal-term-passed', values: { until: termEnded } },
      details: [{ path: 'lateReason', message }],
    });
  }
  return { reason: lateReason, termEnded };
}

/**
 * The applicant contests a refusal (APL: to the head of the office, within one month of the decision taking
 * effect; after that, with a request to renew the missed term). The appeal is a case of its own, linked to the
 * contested one, in the same branch, of the type the contested case's procedure names.
 */
export async function appeal(
  engine: Engine,
  ctx: CaseActorContext,
  caseId: string,
  input: { reason: string; lateReason?: string | undefined; documents: UploadInput[] },
  key?: string,
): Promise<CaseView> {
  // The applicant online, or an officer of the case for an appeal lodged on paper (canAppeal says which may).
  const contested = await readCase(engine, ctx, caseId);
  const lateAppeal = lateAppealOf(contested, input.lateReason);
  const { repository, db } = engine.deps;
  const row = (await repository.caseById(db, caseId)) as CaseRow;
  const route = engine.procedureOf(row.caseType).appeal;
  if (!route) throw new AppError('INTERNAL', `The case type ${row.caseType} has no appeal route`);
  // A parent or guardian who filed the contested case contests it in the same capacity.
  const resident = ctx.kind === 'resident' ? ctx : undefined;
  const represents =
    !resident || row.applicantPersonId === resident.personId
      ? undefined
      : await repository.representative(db, caseId, resident.personId);
  const filedBy =
    resident && represents && (represents.kind === 'parent' || represents.kind === 'guardian')
      ? { personId: resident.personId, name: resident.name, kind: represents.kind }
      : undefined;
  return openApplication(engine, ctx, route.caseType, key, { caseId, input }, async (trx, access) => {
    const { subject, touched } = await route.subject(trx, access, row, input.reason);
    return {
      applicantPersonId: row.applicantPersonId,
      applicantName: row.applicantName,
      subject,
      touched,
      language: row.language,
      documents: input.documents,
      branchId: row.branchId,
      channel: resident ? 'portal' : 'desk',
      appealOf: row.id,
      ...(lateAppeal ? { lateAppeal } : {}),
      ...(row.contactEmail ? { contactEmail: row.contactEmail } : {}),
      ...(filedBy ? { filedBy } : {}),
    };
  });
}
