/** HTTP for residence: lodging and applying, what an application needs, a granted permit and its cancellation. */
import type { FastifyInstance } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { actorFromPrincipal } from '../audit/index.ts';
import { caseActorContext, idempotencyKey } from '../cases/index.ts';
import * as c from '../../../shared/contracts/residence-permits.contract.ts';
import type { PermitService } from './permit.service.ts';

export function registerPermitRoutes(app: FastifyInstance, deps: { permits: PermitService }): void {
  const { permits } = deps;
  const uploads = { bodyLimit: 60 * 1024 * 1024 };
  registerEndpoint(app, c.lodgePermitAtDesk, { permission: 'migration:lodge' }, async ({ principal, body, request }) =>
    permits.lodgeAtDesk(caseActorContext(principal, request), body, idempotencyKey(request)), uploads);
  registerEndpoint(app, c.applyForPermitOnline, 'resident', async ({ principal, body, request }) =>
    permits.applyOnline(caseActorContext(principal, request), body, idempotencyKey(request)), uploads);
  registerEndpoint(app, c.permitQuote, 'public', async ({ query }) => permits.quote(query));
  registerEndpoint(app, c.readPermit, { permission: 'migration:read-permit' }, async ({ principal, params, request }) =>
    permits.read(actorFromPrincipal(principal), params.permitNumber, request.id));
  registerEndpoint(app, c.cancelPermit, { permission: 'migration:cancel-permit' }, async ({ principal, params, body, request }) =>
    permits.cancel(caseActorContext(principal, request), params.permitNumber, body));
}
