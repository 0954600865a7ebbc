/** HTTP for the workbench's start page. */
import type { FastifyInstance } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { caseActorContext } from '../cases/index.ts';
import * as c from '../../../shared/contracts/workbench.contract.ts';
import type { WorkbenchService } from './workbench.service.ts';

export function registerWorkbenchRoutes(app: FastifyInstance, deps: { workbench: WorkbenchService }): void {
  // Any signed-in officer: the service includes only the parts their roles' permissions open.
  registerEndpoint(app, c.readWorkSummary, 'staff', async ({ principal, request }) =>
    deps.workbench.summary({
      roles: principal.roles,
      branchId: principal.branchId,
      cases: caseActorContext(principal, request),
    }),
  );
}
