/**
 * The deadline watch (a job): recomputes the clock of suspended cases (their end moves every day), warns
 * the assigned officer and the branch's supervisors at each threshold before the deadline, and flags and
 * reports breaches. Messages have one key per case, due day and threshold, so running it again (or on two
 * machines) sends nothing twice.
 */
import type { DbExecutor } from '../../db/database.ts';
import type { StaffMember } from '../identity/index.ts';
import type { OutgoingMessage } from '../notifications/index.ts';
import { compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { addWorkingDays } from '../../../shared/kernel/working-days.ts';
import type { DeadlineState } from './case-deadline.ts';
import { staffCaseRoles } from './procedure.ts';
import type { CaseSnapshot, Engine } from './engine.ts';

type Outcome = 'warned' | 'breached' | 'none';

/** The applicant's answer is overdue: the assigned officer hears of it once, and may stop waiting. */
async function remindOverdueAnswer(
  engine: Engine,
  trx: DbExecutor,
  snap: CaseSnapshot,
  staff: readonly StaffMember[],
  on: PlainDate,
): Promise<void> {
  const request = snap.state.openRequest;
  const assignee = staff.find((s) => s.id === snap.row.assigneeId && s.email);
  if (!request || compareDates(request.dueOn, on) >= 0 || !assignee) return;
  await engine.deps.notifications.enqueue(trx, [
    {
      eventKey: `case:${snap.row.id}:request:${request.requestId}:overdue:${assignee.id}`,
      channel: 'email',
      recipient: assignee.email as string,
      language: 'lv',
      template: 'information-overdue',
      params: { reference: snap.row.reference, dueOn: request.dueOn },
    },
  ]);
}

/** Warns or reports a breach to the case's officer and the branch's supervisors. */
async function alert(
  engine: Engine,
  trx: DbExecutor,
  snap: CaseSnapshot,
  deadline: DeadlineState,
  staff: readonly StaffMember[],
): Promise<Outcome> {
  const { row, procedure } = snap;
  const { notifications, repository, warnAtWorkingDays } = engine.deps;
  const recipients = staff.filter(
    (s) => s.email && (s.id === row.assigneeId || staffCaseRoles(procedure.definition, s.roles).includes('supervisor')),
  );
  const messages = (
    template: OutgoingMessage['template'],
    key: string,
    params: Record<string, string | number>,
  ): OutgoingMessage[] =>
    recipients.map((s) => ({
      eventKey: `${key}:${s.id}`,
      channel: 'email',
      recipient: s.email as string,
      language: 'lv',
      template,
      params: { reference: row.reference, dueOn: deadline.dueOn, ...params },
    }));
  if (deadline.breached) {
    await notifications.enqueue(trx, messages('deadline-breached', `case:${row.id}:breached:${deadline.dueOn}`, {}));
    await repository.setDeadlineAlert(trx, row.id, 'breached');
    return 'breached';
  }
  const passed = warnAtWorkingDays.filter((t) => deadline.workingDaysLeft <= t);
  if (passed.length === 0) return 'none';
  for (const t of passed)
    await notifications.enqueue(
      trx,
      messages('deadline-warning', `case:${row.id}:warn:${deadline.dueOn}:${t}`, { days: deadline.workingDaysLeft }),
    );
  if (row.deadlineAlert !== 'none') return 'none';
  await repository.setDeadlineAlert(trx, row.id, 'warned');
  return 'warned';
}

async function watchOne(
  engine: Engine,
  trx: DbExecutor,
  caseId: string,
  staff: readonly StaffMember[],
  on: PlainDate,
): Promise<Outcome> {
  const snap = await engine.snapshot(trx, caseId, true);
  if (!snap || snap.row.closedAt) return 'none';
  const deadline = engine.deadlineOf(snap.procedure, snap.state, snap.row, on);
  if (!deadline) return 'none';
  if (deadline.dueOn !== snap.row.dueOn || deadline.suspended !== snap.row.suspended)
    await engine.project(trx, snap, false);
  if (deadline.suspended) {
    await remindOverdueAnswer(engine, trx, snap, staff, on);
    return 'none';
  }
  return alert(engine, trx, snap, deadline, staff);
}

/**
 * A consulted authority's answer is overdue: the assigned officer hears of it once per consultation (the key
 * names it), so a repeated run sends nothing twice. The case's own clock was never stopped by it.
 */
async function remindOverdueConsultations(
  engine: Engine,
  on: PlainDate,
  staffOf: (branchId: string) => Promise<readonly StaffMember[]>,
  limit: number,
): Promise<number> {
  const { db, repository, notifications } = engine.deps;
  let reminded = 0;
  for (const c of await repository.overdueConsultations(db, on, limit)) {
    const p = c.payload as { consultationId: string; authority: string; dueOn: string };
    const staff = await staffOf(c.branchId);
    // The assigned officer; a case nobody has taken goes to the branch's supervisors of its type.
    const assignee = staff.filter((s) => s.id === c.assigneeId && s.email);
    const recipients = assignee.length
      ? assignee
      : staff.filter(
          (s) => s.email && staffCaseRoles(engine.procedureOf(c.caseType).definition, s.roles).includes('supervisor'),
        );
    if (recipients.length === 0) continue;
    await db.transaction().execute((trx) =>
      notifications.enqueue(
        trx,
        recipients.map((r) => ({
          eventKey: `case:${c.caseId}:consultation:${p.consultationId}:overdue:${r.id}`,
          channel: 'email' as const,
          recipient: r.email as string,
          language: 'lv' as const,
          // ICU select keys have no hyphens: an authority `a-b` is worded as `ab`.
          template: 'consultation-overdue' as const,
          params: { reference: c.reference, authority: p.authority.replaceAll('-', ''), dueOn: p.dueOn },
        })),
      ),
    );
    reminded++;
  }
  return reminded;
}

export async function watchDeadlines(engine: Engine, limit = 5000): Promise<{ warned: number; breached: number }> {
  const { db, repository } = engine.deps;
  const on = engine.today();
  const by = addWorkingDays(on, engine.deps.warnAtWorkingDays[0] ?? 5);
  const counts = { warned: 0, breached: 0 };
  const staffByBranch = new Map<string, StaffMember[]>();
  for (const candidate of await repository.dueForAlert(db, by, limit)) {
    // Outside the transaction (one connection on the embedded engine).
    const staff = staffByBranch.get(candidate.branchId) ?? (await engine.deps.branchStaff(candidate.branchId));
    staffByBranch.set(candidate.branchId, staff);
    const outcome = await db.transaction().execute((trx) => watchOne(engine, trx, candidate.id, staff, on));
    if (outcome !== 'none') counts[outcome]++;
  }
  await remindOverdueConsultations(
    engine,
    on,
    async (branchId) => {
      const known = staffByBranch.get(branchId) ?? (await engine.deps.branchStaff(branchId));
      staffByBranch.set(branchId, known);
      return known;
    },
    limit,
  );
  return counts;
}
