/** HTTP for residence: lodging and applying, what an application needs, a granted permit and its cancellation. */
import type { FastifyInstance } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { personalData } from '../../http/personal-data.ts';
import type { Clock } from '../../platform/clock.ts';
import { actorFromPrincipal } from '../audit/index.ts';
import { caseActorContext, idempotencyKey } from '../cases/index.ts';
import * as c from '../../../shared/contracts/residence-permits.contract.ts';
import type { PermitService } from './permit.service.ts';
import { permitCancellationPdf } from './permit-cancellation-pdf.ts';

export function registerPermitRoutes(
  app: FastifyInstance,
  deps: { permits: PermitService; clock: Clock; timeZone: string },
): void {
  const { permits } = deps;
  const uploads = { bodyLimit: 60 * 1024 * 1024 };
  registerEndpoint(
    app,
    personalData(c.lodgePermitAtDesk),
    { permission: 'migration:lodge' },
    async ({ principal, body, request }) =>
      permits.lodgeAtDesk(caseActorContext(principal, request), body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(
    app,
    personalData(c.applyForPermitOnline),
    'resident',
    async ({ principal, body, request }) =>
      permits.applyOnline(caseActorContext(principal, request), body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(app, c.permitQuote, 'public', async ({ query }) => permits.quote(query));
  registerEndpoint(
    app,
    personalData(c.readPermit),
    { permission: 'migration:read-permit' },
    async ({ principal, params, request }) =>
      permits.read(actorFromPrincipal(principal), params.permitNumber, request.id),
  );
  registerEndpoint(
    app,
    personalData(c.cancelPermit),
    { permission: 'migration:cancel-permit' },
    async ({ principal, params, body, request }) =>
      permits.cancel(caseActorContext(principal, request), params.permitNumber, body),
  );
  registerEndpoint(
    app,
    personalData(c.permitCancellationPdf),
    { permission: 'migration:read-permit' },
    async ({ principal, params, request, reply }) => {
      const { permit, holder } = await permits.cancellationDecision(
        actorFromPrincipal(principal),
        params.permitNumber,
        request.id,
      );
      const pdf = await permitCancellationPdf(
        permit,
        holder,
        permit.language,
        deps.clock.now().toISOString(),
        deps.timeZone,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${permit.permitNumber}-cancellation.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
