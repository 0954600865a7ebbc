/** The lists: an officer's work queue, the branch's dashboard for its supervisor, a resident's own applications. */
import { AppError } from '../../http/app-error.ts';
import { addDays } from '../../../shared/kernel/plain-date.ts';
import { addWorkingDays } from '../../../shared/kernel/working-days.ts';
import type { CaseSummary } from '../../../shared/contracts/cases.contract.ts';
import type { AccessRecord } from '../audit/index.ts';
import type { DbExecutor } from '../../db/database.ts';
import type { CaseSummaryRow } from './cases.repository.ts';
import type { CaseActorContext, Engine } from './engine.ts';

/** The law under which the engine processes cases (as on a case's own audit entries). */
const CASE_LEGAL_BASIS = 'Administratīvā procesa likums';

/**
 * Each listed case whose applicant is a registered person is a use of that person's data (their name is on
 * the row): one entry per row, under the case's reference. A resident sees their own applications
 * (`data-subject-access`) and those they represent; staff see them for processing.
 */
function listedEntries(ctx: CaseActorContext, rows: readonly CaseSummaryRow[]): AccessRecord[] {
  return rows.flatMap((row) =>
    row.applicantPersonId === null
      ? []
      : [
          {
            actor: ctx.audit,
            action: 'list' as const,
            purpose:
              ctx.kind === 'staff'
                ? ('case-processing' as const)
                : row.applicantPersonId === ctx.personId
                  ? ('data-subject-access' as const)
                  : ('legal-representative-access' as const),
            legalBasis: CASE_LEGAL_BASIS,
            caseReference: row.reference,
            subjectPersonId: row.applicantPersonId,
            resource: 'cases.case' as const,
            touched: ['applicantName', 'status', 'deadline'],
            requestId: ctx.requestId ?? null,
          },
        ],
  );
}

/** Records the listed rows (outside a transaction: group-committed) before the list is answered. */
async function auditListed(engine: Engine, ctx: CaseActorContext, rows: readonly CaseSummaryRow[]): Promise<void> {
  await engine.deps.audit.recordManyCommitted(listedEntries(ctx, rows));
}

/** The same inside the caller's transaction (one statement for all rows). */
async function auditListedIn(
  engine: Engine,
  trx: DbExecutor,
  ctx: CaseActorContext,
  rows: readonly CaseSummaryRow[],
): Promise<void> {
  await engine.deps.audit.recordMany(trx, listedEntries(ctx, rows));
}

export interface QueueRequest {
  type?: string | undefined;
  status?: string | undefined;
  assignee: 'me' | 'unassigned' | 'any';
  dueWithin?: number | undefined;
  flag?: 'at-risk' | 'breached' | 'suspended' | undefined;
  state?: 'open' | 'closed' | undefined;
  limit: number;
  offset?: number | undefined;
}

/** The cases of the staff member's branch of the types they work on, soonest deadline first. */
export async function queue(engine: Engine, ctx: CaseActorContext, q: QueueRequest) {
  const staff = engine.staffContext(ctx);
  const mine = engine.caseTypesFor(staff.roles);
  // Each type's own closing statuses, for the filter (the engine treats them as the procedure's names).
  const typeList = mine.map((t) => ({
    caseType: t as CaseSummary['caseType'],
    closedStatuses: engine.procedureOf(t).definition.lifecycle.final as CaseSummary['status'][],
  }));
  const types = mine.filter((t) => !q.type || t === q.type);
  if (types.length === 0) return { cases: [], total: 0, totalCapped: false, types: typeList };
  const on = engine.today();
  const warn = engine.deps.warnAtWorkingDays[0] ?? 5;
  const closed = q.state === 'closed';
  // A closed case has no deadline left: the deadline filters are the open queue's.
  const dueBy = closed
    ? undefined
    : q.flag === 'breached'
      ? addDays(on, -1)
      : q.flag === 'at-risk'
        ? addWorkingDays(on, warn)
        : q.dueWithin !== undefined
          ? addWorkingDays(on, q.dueWithin)
          : undefined;
  const { rows, total, totalCapped } = await engine.deps.repository.queue(engine.deps.db, {
    branchId: staff.branchId,
    caseTypes: types,
    status: q.status,
    limit: q.limit,
    offset: q.offset,
    dueBy,
    closed,
    assigneeId: q.assignee === 'me' ? staff.id : q.assignee === 'unassigned' ? null : undefined,
    ...(q.flag === 'suspended' && !closed ? { suspended: true } : {}),
  });
  await auditListed(engine, ctx, rows);
  return { cases: rows.map(engine.summary), total, totalCapped, types: typeList };
}

/** The branch's load per officer, and the cases near or past their deadline. */
export async function dashboard(engine: Engine, ctx: CaseActorContext) {
  const { repository, db } = engine.deps;
  const staff = engine.staffContext(ctx);
  const types = engine.caseTypesFor(staff.roles);
  const on = engine.today();
  const riskBy = addWorkingDays(on, engine.deps.warnAtWorkingDays[0] ?? 5);
  const rows = types.length ? await repository.loadByOfficer(db, staff.branchId, types, riskBy, on) : [];
  const officers = rows.map((r) => ({
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    open: Number(r.open),
    atRisk: Number(r.atRisk),
    breached: Number(r.breached),
    suspended: Number(r.suspended),
  }));
  const sum = (k: 'open' | 'atRisk' | 'breached' | 'suspended') => officers.reduce((n, o) => n + o[k], 0);
  const atRisk = types.length
    ? await repository.queue(db, { branchId: staff.branchId, caseTypes: types, dueBy: riskBy, limit: 20 })
    : { rows: [] };
  await auditListed(engine, ctx, atRisk.rows);
  return {
    open: sum('open'),
    unassigned: officers.find((o) => o.assigneeId === null)?.open ?? 0,
    suspended: sum('suspended'),
    atRisk: sum('atRisk'),
    breached: sum('breached'),
    officers: officers.map(({ suspended: _s, ...o }) => o),
    atRiskCases: atRisk.rows.map(engine.summary),
  };
}

/**
 * The resident's applications: their own, and those they represent (filed for a child or ward). Each row
 * says whom the case is about when that is not its applicant (a person the applicant asks to bring in), from the
 * subject as its applicant reads it on the case's page.
 */
export async function myCases(engine: Engine, ctx: CaseActorContext): Promise<CaseSummary[]> {
  if (ctx.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
  const { repository, db } = engine.deps;
  return db.transaction().execute(async (trx) => {
    const rows = await repository.casesOf(trx, ctx.personId, await repository.representedCaseIds(trx, ctx.personId));
    const listed: CaseSummary[] = [];
    // One at a time: the embedded engine has one connection, which the transaction holds.
    for (const row of rows) {
      // Only a procedure whose cases concern someone else reads its subject here (one that names the invitee).
      const procedure = engine.procedureOf(row.caseType);
      const snap = procedure.concerns ? await engine.snapshotOf(trx, row) : undefined;
      const concerns = snap?.procedure.concerns?.(
        await snap.procedure.subjectView(row.subject, snap.state, false, trx, row),
      );
      listed.push({ ...engine.summary(row), ...(concerns ? { concerns } : {}) });
    }
    await auditListedIn(engine, trx, ctx, rows);
    return listed;
  });
}
