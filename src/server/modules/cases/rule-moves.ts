/**
 * Transitional moves between versions of a procedure's rules (issue 25). Where a transitional provision orders
 * open cases onto the new rules, an administrator moves them: a dry run lists each open case the move would
 * touch and what changes for it (its deadline, the fee owed, documents newly asked for); applied, every case gets
 * a `move-rules` action naming the provision, its new subject, deadline and audit entry, all in one transaction.
 * The same use case serves the administrator's screen and `civitas procedures migrate`.
 */
import { AppError } from '../../http/app-error.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { AccessRecord, AuditActor } from '../audit/index.ts';
import type {
  RuleMovePlan,
  RuleMoveRequest,
  ProcedureRulesView,
} from '../../../shared/contracts/procedure-rules.contract.ts';
import type { FieldReason } from '../../../shared/errors.ts';
import { formatMoney } from '../../../shared/kernel/display-format.ts';
import { renderCitation } from '../../../shared/kernel/legal-acts.ts';
import { compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { ActionActor, CaseAction } from './case-lifecycle.ts';
import type { CaseSnapshot, Engine } from './engine.ts';
import { versionById, versionOn, type RuleBook, type RuleVersion } from './rule-versions.ts';
import type { CaseProcedure } from './procedure.ts';

/** Who moves: an administrator signed in, or the command line under the operating-system account. */
export interface RuleMover {
  actor: ActionActor;
  audit: AuditActor;
  requestId?: string | undefined;
}

interface Planned {
  snap: CaseSnapshot;
  item: RuleMovePlan['cases'][number];
  subject: Record<string, unknown>;
}

function invalid(path: string, reason: FieldReason, message: string): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message, reason }]);
}

/** The procedure and its versions, or a field error naming what is wrong with the request. */
function bookOf(engine: Engine, caseType: string): { procedure: CaseProcedure; book: RuleBook } {
  const procedure = engine.procedures.get(caseType);
  if (!procedure) invalid('procedure', 'unknown-procedure', `There is no procedure ${caseType}`);
  return { procedure, book: procedure.rules };
}

function targetOf(engine: Engine, book: RuleBook, to: string): RuleVersion {
  const target = versionById(book, to);
  if (!target) {
    const known = book.versions.map((v) => v.validFrom).join(', ');
    invalid('to', 'unknown-rules-version', `No version ${to} of these rules (there are ${known})`);
  }
  // A version not yet in force governs no case: cases move onto it only once it applies.
  if (compareDates(target.validFrom, engine.today()) > 0)
    invalid('to', 'rules-not-in-force', `The version ${to} applies only from ${target.validFrom}`);
  return target;
}

/** What moving one case to `to` changes; undefined when it is already under `to`. */
function planCase(engine: Engine, book: RuleBook, snap: CaseSnapshot, to: RuleVersion): Planned | undefined {
  const { row, procedure, state } = snap;
  const from = engine.rulesOf(procedure, state, row);
  if (from?.validFrom === to.validFrom) return undefined;
  // Never onto rules older than those in force when the case was lodged (a move back from a later version may).
  const lodgedUnder = versionOn(book, row.receivedOn as PlainDate);
  if (lodgedUnder && compareDates(to.validFrom, lodgedUnder.validFrom) < 0) return undefined;
  // A proposed decision carries the checks of its rules (its trace, the fee it found paid): it is approved or
  // returned under them first; a returned case can then be moved.
  if (state.proposal) return undefined;
  const lodgedOn = row.receivedOn as PlainDate;
  const effect = book.moveEffect?.(row.subject, from ?? to, to, lodgedOn) ?? {
    subject: row.subject,
    fee: null,
    newDocuments: [],
  };
  const today = engine.today();
  const dueBefore = engine.deadlineOf(procedure, state, row, today)?.dueOn ?? null;
  const moved = { ...state, rulesVersion: to.validFrom };
  const dueAfter = engine.deadlineOf(procedure, moved, { ...row, subject: effect.subject }, today)?.dueOn ?? null;
  return {
    snap,
    subject: effect.subject,
    item: {
      caseId: row.id,
      reference: row.reference,
      version: state.version,
      status: state.status as RuleMovePlan['cases'][number]['status'],
      receivedOn: row.receivedOn,
      from: from?.validFrom ?? null,
      dueBefore,
      dueAfter,
      fee: effect.fee && { ...effect.fee, paidCents: state.payment?.amountCents ?? 0 },
      newDocuments: effect.newDocuments,
    },
  };
}

async function plan(engine: Engine, trx: DbExecutor, req: RuleMoveRequest, lock: boolean) {
  const { book } = bookOf(engine, req.procedure);
  const to = targetOf(engine, book, req.to);
  const rows = await engine.deps.repository.openForRulesMove(trx, req.procedure, req.lodgedBefore ?? null, lock);
  const planned: Planned[] = [];
  for (const snap of await engine.snapshotsOf(trx, rows)) {
    const p = planCase(engine, book, snap, to);
    if (p) planned.push(p);
  }
  return { to, planned };
}

/** The applicant is told when a move changes what they pay or when they will hear: the fee owed, the new deadline. */
function movedMessage(engine: Engine, p: Planned, to: string, legalBasis: string) {
  const { item, snap } = p;
  const fee = item.fee;
  // What the applicant must do about the fee: pay what is now owed, or ask for what was overpaid back.
  const owed = fee && fee.afterCents !== fee.beforeCents ? fee.afterCents - fee.paidCents : 0;
  const feeChange = owed > 0 ? 'more' : owed < 0 ? 'less' : 'same';
  const moved = item.dueAfter !== item.dueBefore && item.dueAfter !== null;
  if (feeChange === 'same' && !moved) return [];
  const language = snap.row.language;
  // Keyed by the move's own action: a later move of the same case is a message of its own.
  const seq = snap.state.version + 1;
  return engine.applicantMessage(snap.row, 'case-rules-moved', `case:${snap.row.id}:rules:${seq}`, {
    to,
    basis: renderCitation(legalBasis, language),
    fee: feeChange,
    due: fee ? formatMoney(fee.afterCents, language) : '-',
    owed: formatMoney(Math.abs(owed), language),
    deadline: moved ? 'moved' : 'same',
    dueOn: item.dueAfter ?? '-',
  });
}

/** The `move-rules` action of one planned move: the versions, the basis, and what changed for the case. */
function moveAction(engine: Engine, mover: RuleMover, p: Planned, to: string, legalBasis: string): CaseAction {
  const { snap, item } = p;
  return {
    seq: snap.state.version + 1,
    actor: mover.actor,
    on: engine.today(),
    at: engine.now(),
    payload: {
      kind: 'move-rules',
      from: item.from,
      to,
      legalBasis,
      dueBefore: item.dueBefore as PlainDate | null,
      dueAfter: item.dueAfter as PlainDate | null,
      fee: item.fee && { beforeCents: item.fee.beforeCents, afterCents: item.fee.afterCents },
      newDocuments: item.newDocuments,
    },
  };
}

/** The audit entry of one moved case. */
function movedEntry(mover: RuleMover, p: Planned, legalBasis: string): AccessRecord {
  return {
    actor: mover.audit,
    action: 'update',
    purpose: 'case-processing',
    legalBasis,
    caseReference: p.snap.row.reference,
    subjectPersonId: p.snap.row.applicantPersonId,
    resource: 'cases.case',
    touched: ['case', 'rules-version'],
    requestId: mover.requestId ?? null,
  };
}

/** Cases written per statement: large enough that a move's round trips do not grow with it, small enough to bound each statement. */
const APPLY_CHUNK = 1000;

/**
 * Records the planned moves, a chunk of cases per statement: the actions, the projections with the subjects as the
 * new version reads them, the applicants' messages; then every case's audit entry in one step (one lock of the
 * chain's head). Measured (bench/rule-move.bench.ts): per-case statements and entries made a move of 50,000 cases
 * 30 times the bare writes.
 */
async function applyAll(
  engine: Engine,
  trx: DbExecutor,
  mover: RuleMover,
  planned: readonly Planned[],
  to: string,
  legalBasis: string,
): Promise<void> {
  for (let i = 0; i < planned.length; i += APPLY_CHUNK) {
    const chunk = planned.slice(i, i + APPLY_CHUNK);
    const actions = chunk.map((p) => ({ p, action: moveAction(engine, mover, p, to, legalBasis) }));
    await engine.insertActions(
      trx,
      actions.map(({ p, action }) => ({ caseId: p.snap.row.id, action })),
    );
    await engine.projectMany(
      trx,
      actions.map(({ p, action }) => ({
        snap: engine.advanced({ ...p.snap, row: { ...p.snap.row, subject: p.subject } }, [...p.snap.actions, action]),
        // A new deadline is a new clock: the warnings already sent were about the old one.
        resetAlert: p.item.dueAfter !== p.item.dueBefore,
        subjectChanged: p.subject !== p.snap.row.subject,
      })),
    );
    await engine.deps.notifications.enqueue(
      trx,
      chunk.flatMap((p) => movedMessage(engine, p, to, legalBasis)),
    );
  }
  await engine.deps.audit.recordMany(
    trx,
    planned.map((p) => movedEntry(mover, p, legalBasis)),
  );
}

/** Applying what a dry run showed: refused, moving nothing, when the cases or their versions are no longer those. */
function refuseChanged(planned: Planned[], expected: NonNullable<RuleMoveRequest['expected']>): void {
  const key = (c: { caseId: string; version: number }) => `${c.caseId}@${c.version}`;
  const now = planned.map((p) => key(p.item)).sort();
  const shown = expected.map(key).sort();
  if (now.length === shown.length && now.every((k, i) => k === shown[i])) return;
  throw new AppError('CONFLICT', 'The open cases this move would touch changed since its dry run: look again', {
    rule: { id: 'case.rules-move-changed', values: { now: now.length, shown: shown.length } },
  });
}

/** The audit entries of a dry run: the administrator read each listed case's applicant and deadline. */
async function auditPreview(engine: Engine, trx: DbExecutor, mover: RuleMover, planned: Planned[], basis: string) {
  await engine.deps.audit.recordMany(
    trx,
    planned.map((p) => ({
      actor: mover.audit,
      action: 'read' as const,
      purpose: 'case-processing',
      legalBasis: basis,
      caseReference: p.snap.row.reference,
      subjectPersonId: p.snap.row.applicantPersonId,
      resource: 'cases.case',
      touched: ['case', 'rules-version'],
      requestId: mover.requestId ?? null,
    })),
  );
}

/** Lists (dry run) or applies, in one transaction, a move of a procedure's open cases to a version of its rules. */
export async function moveRules(engine: Engine, mover: RuleMover, req: RuleMoveRequest): Promise<RuleMovePlan> {
  return engine.deps.db.transaction().execute(async (trx) => {
    const { to, planned } = await plan(engine, trx, req, !req.dryRun);
    // The provision that orders the move; without one, the act that brought the version. That act cannot order a
    // move back from later rules (it is what the later rules replaced): such a move names its basis.
    const backward = planned.some(
      (p) => p.item.from !== null && compareDates(p.item.from as PlainDate, to.validFrom) > 0,
    );
    if (backward && !req.legalBasis?.trim())
      invalid('legalBasis', 'basis-required', 'A move back to earlier rules must name the provision that orders it');
    const legalBasis = req.legalBasis?.trim() || to.legalAct;
    if (!req.dryRun && req.expected) refuseChanged(planned, req.expected);
    if (req.dryRun) await auditPreview(engine, trx, mover, planned, legalBasis);
    else await applyAll(engine, trx, mover, planned, to.validFrom, legalBasis);
    return {
      procedure: req.procedure,
      to: { validFrom: to.validFrom, legalAct: to.legalAct },
      lodgedBefore: req.lodgedBefore ?? null,
      legalBasis,
      applied: !req.dryRun,
      cases: planned.map((p) => p.item),
    };
  });
}

/**
 * Stamps of open cases that no rule book defines: a version file removed or its day edited after cases were
 * stamped with it. Such a case could not be read or decided, so the server refuses to start (app.ts).
 */
export async function unknownRuleStamps(engine: Engine): Promise<string[]> {
  const stamps = await engine.deps.repository.openRuleStamps(engine.deps.db);
  return stamps
    .filter((s) => {
      const book = engine.procedures.get(s.caseType)?.rules;
      return !book || !versionById(book, s.rulesVersion as string);
    })
    .map((s) => `${s.caseType} ${s.rulesVersion}`);
}

/** Every procedure with versions: each version, and how many open cases each governs now. */
export async function procedureRules(engine: Engine): Promise<ProcedureRulesView> {
  const counts = await engine.deps.repository.openByRulesVersion(engine.deps.db);
  const today = engine.today();
  return {
    today,
    procedures: engine.procedures.all().map((p) => {
      const book = p.rules;
      const mine = counts.filter((c) => c.caseType === p.definition.type);
      const openUnder = (v: RuleVersion) =>
        mine
          .filter((c) => (c.rulesVersion ?? versionOn(book, c.receivedOn as PlainDate)?.validFrom) === v.validFrom)
          .reduce((n, c) => n + c.count, 0);
      return {
        procedure: p.definition.type,
        documentWording: book.documentWording ?? null,
        versions: book.versions.map((v) => ({
          validFrom: v.validFrom,
          legalAct: v.legalAct,
          inForce: compareDates(v.validFrom, today) <= 0,
          openCases: openUnder(v),
        })),
      };
    }),
  };
}
