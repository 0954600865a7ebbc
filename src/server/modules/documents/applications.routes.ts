/** HTTP for document applications: online and at the desk, reception, hand-over, production batches. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { personalData } from '../../http/personal-data.ts';
import { AppError } from '../../http/app-error.ts';
import type { PartnerPrincipal } from '../../http/auth-context.ts';
import { caseActorContext, idempotencyKey } from '../cases/index.ts';
import { actorFromPrincipal, type AuditActor } from '../audit/index.ts';
import * as c from '../../../shared/contracts/document-applications.contract.ts';
import type { CaseActorContext } from '../cases/index.ts';
import type { ApplicationsService } from './applications.service.ts';

type Staff = Extract<CaseActorContext, { kind: 'staff' }>;
type Resident = Extract<CaseActorContext, { kind: 'resident' }>;

export function registerApplicationsRoutes(
  app: FastifyInstance,
  deps: { applications: ApplicationsService; centrePartner: string },
): void {
  const { applications, centrePartner } = deps;
  // A photo is up to 5 MB (base64: about 7).
  const uploads = { bodyLimit: 12 * 1024 * 1024 };
  const apply = { permission: 'documents:apply' } as const;
  const produce = { permission: 'documents:produce' } as const;

  registerEndpoint(app, personalData(c.applicationOptions), 'resident', async ({ principal, request }) =>
    applications.options(caseActorContext(principal, request) as Resident),
  );
  registerEndpoint(
    app,
    personalData(c.applyOnline),
    'resident',
    async ({ principal, request, body }) =>
      applications.applyOnline(caseActorContext(principal, request) as Resident, body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(app, personalData(c.payOnline), 'resident', async ({ principal, request, params, body }) =>
    applications.payOnline(
      caseActorContext(principal, request) as Resident,
      params.caseId,
      body.expectedVersion,
      idempotencyKey(request),
    ),
  );

  registerEndpoint(app, personalData(c.personApplications), apply, async ({ principal, request, query }) =>
    applications.ofPerson(caseActorContext(principal, request) as Staff, query.personId),
  );
  registerEndpoint(
    app,
    personalData(c.applyAtDesk),
    apply,
    async ({ principal, request, body }) =>
      applications.applyAtDesk(caseActorContext(principal, request) as Staff, body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(
    app,
    personalData(c.receiveApplication),
    apply,
    async ({ principal, request, params, body }) =>
      applications.receive(caseActorContext(principal, request) as Staff, params.caseId, body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(app, personalData(c.handOverDocument), apply, async ({ principal, request, params, body }) =>
    applications.handOver(caseActorContext(principal, request) as Staff, params.caseId, body, idempotencyKey(request)),
  );

  registerEndpoint(app, c.signingKey, produce, async () => applications.signingKey());
  registerEndpoint(app, c.listBatches, produce, async () => applications.batches());
  registerEndpoint(app, c.createBatch, produce, async ({ principal, request }) =>
    applications.createBatch(caseActorContext(principal, request) as Staff, idempotencyKey(request)),
  );
  registerEndpoint(app, c.readBatch, produce, async ({ params }) => applications.batch(params.batchId));
  const sendExport = async (access: { audit: AuditActor; requestId: string }, batchId: string, reply: FastifyReply) => {
    const exported = await applications.exportBatch(access, batchId);
    return reply
      .type('application/jose+json')
      .header('content-disposition', `attachment; filename="${exported.reference}.jws.json"`)
      .header('cache-control', 'no-store')
      .send(exported.body);
  };
  registerEndpoint(app, personalData(c.exportBatch), produce, async ({ principal, request, params, reply }) =>
    sendExport({ audit: actorFromPrincipal(principal), requestId: request.id }, params.batchId, reply),
  );
  registerEndpoint(app, c.confirmBatch, produce, async ({ principal, request, params, body }) =>
    applications.confirm(caseActorContext(principal, request) as Staff, params.batchId, body),
  );

  // The centre's own system: only the partner named by PRODUCTION_CENTRE_PARTNER (a border guard's key is refused).
  const centre = (principal: PartnerPrincipal, requestId: string) => {
    if (principal.name !== centrePartner)
      throw new AppError('FORBIDDEN', 'This service is for the personalization centre’s system');
    return { audit: actorFromPrincipal(principal), requestId };
  };
  registerEndpoint(app, personalData(c.centreExportBatch), 'partner', async ({ principal, request, params, reply }) => {
    return sendExport(centre(principal, request.id), params.batchId, reply);
  });
  registerEndpoint(app, c.centreConfirmBatch, 'partner', async ({ principal, request, params, body }) =>
    applications.confirm(centre(principal, request.id), params.batchId, body),
  );
}
