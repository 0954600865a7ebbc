/** HTTP for the procedures' rule versions and transitional moves of open cases (administrators). */
import type { FastifyInstance } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { personalData } from '../../http/personal-data.ts';
import { actorFromPrincipal } from '../audit/index.ts';
import * as c from '../../../shared/contracts/procedure-rules.contract.ts';
import type { CasesService } from './cases.service.ts';

export function registerRuleMoveRoutes(app: FastifyInstance, deps: { cases: CasesService }): void {
  const { cases } = deps;
  const administer = { permission: 'procedures:move-rules' } as const;
  registerEndpoint(app, c.readProcedureRules, administer, async () => cases.procedureRules());
  // The screen's apply sends back the cases its dry run listed (about 60 bytes each): room for the contract's 100,000.
  const moveBody = { bodyLimit: 8 * 1024 * 1024 };
  registerEndpoint(
    app,
    personalData(c.moveProcedureRules),
    administer,
    async ({ principal, body, request }) => {
      const mover = {
        actor: { kind: 'staff' as const, id: principal.accountId, name: principal.displayName },
        audit: actorFromPrincipal(principal),
        requestId: request.id,
      };
      const plan = await cases.moveRules(mover, body);
      if (plan.applied)
        app.log.info({ procedure: plan.procedure, to: plan.to.validFrom, cases: plan.cases.length }, 'rules moved');
      return plan;
    },
    moveBody,
  );
}
