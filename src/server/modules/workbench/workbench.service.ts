/**
 * The start page of the staff workbench: what waits for the signed-in officer, counted by the modules that
 * own the work (cases, appointments, document production), each asked only when the officer's roles give
 * them that work. It reads through the other modules' public services and stores nothing of its own.
 */
import { hasPermission, type Role } from '../../../shared/kernel/permissions.ts';
import type { WorkSummary } from '../../../shared/contracts/workbench.contract.ts';
import type { CaseActorContext, CasesService } from '../cases/index.ts';
import type { AppointmentsService } from '../appointments/index.ts';
import type { ApplicationsService } from '../documents/index.ts';

export interface WorkbenchDeps {
  cases: Pick<CasesService, 'queue'>;
  appointments: Pick<AppointmentsService, 'daySummary'>;
  applications: Pick<ApplicationsService, 'batches'>;
  branches: () => Promise<ReadonlyArray<{ id: string; code: string; nameLv: string; nameEn: string }>>;
  /** Working days before its deadline at which a case counts as near it (the deadline watch's first warning). */
  nearDeadlineDays: number;
}

/** The officer as the start page needs them: roles, branch, and the case engine's view of them. */
export interface WorkbenchActor {
  roles: readonly Role[];
  branchId: string;
  cases: CaseActorContext;
}

export function createWorkbenchService(deps: WorkbenchDeps) {
  /** The branch's open cases as the officer's roles see them (the queue counts up to 10,000 each: plenty for a start page). */
  async function caseCounts(actor: WorkbenchActor): Promise<WorkSummary['cases']> {
    if (!hasPermission(actor.roles, 'cases:read')) return null;
    // Counts only: no row is read (limit 0), so no applicant's name is used and the queue records no data use.
    const count = (q: Partial<Parameters<CasesService['queue']>[1]>) =>
      deps.cases.queue(actor.cases, { assignee: 'any', limit: 0, ...q });
    const approves = actor.roles.includes('decision-maker');
    const [mine, unassigned, near, proposed] = await Promise.all([
      count({ assignee: 'me' }),
      count({ assignee: 'unassigned' }),
      count({ flag: 'at-risk' }),
      approves ? count({ status: 'proposed' }) : undefined,
    ]);
    return {
      assignedToMe: mine.total,
      unassigned: unassigned.total,
      nearDeadline: near.total,
      nearDeadlineDays: deps.nearDeadlineDays,
      awaitingApproval: proposed ? proposed.total : null,
    };
  }

  return {
    /** What waits for this officer now; each part only for a role that works on it. */
    async summary(actor: WorkbenchActor): Promise<WorkSummary> {
      const [branches, cases, appointments, production] = await Promise.all([
        deps.branches(),
        caseCounts(actor),
        hasPermission(actor.roles, 'appointments:desk') ? deps.appointments.daySummary(actor.branchId) : null,
        hasPermission(actor.roles, 'documents:produce')
          ? deps.applications.batches().then((b) => ({ waiting: b.waiting }))
          : null,
      ]);
      const branch = branches.find((b) => b.id === actor.branchId);
      return {
        branch: branch ? { code: branch.code, nameLv: branch.nameLv, nameEn: branch.nameEn } : null,
        cases,
        appointments,
        production,
      };
    },
  };
}

export type WorkbenchService = ReturnType<typeof createWorkbenchService>;
