/** HTTP for documents: the public validity check, a person's documents, invalidation, the resident's documents, the partners' feed. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { personalData } from '../../http/personal-data.ts';
import type { ResidentPrincipal, StaffPrincipal } from '../../http/auth-context.ts';
import { actorFromPrincipal } from '../audit/index.ts';
import * as c from '../../../shared/contracts/documents.contract.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { DocumentsActor, DocumentsService } from './documents.service.ts';

export interface CheckLimits {
  anonymousPerMinute: number;
  partnerPerMinute: number;
}

function actorOf(
  principal: StaffPrincipal | ResidentPrincipal,
  request: FastifyRequest,
  purpose?: { caseReference?: string | undefined; reason?: string | undefined },
): DocumentsActor {
  return {
    audit: actorFromPrincipal(principal),
    branchId: principal.kind === 'staff' ? principal.branchId : null,
    requestId: request.id,
    ...(purpose?.caseReference ? { caseReference: purpose.caseReference } : {}),
    ...(purpose?.reason ? { reason: purpose.reason } : {}),
  };
}

export function registerDocumentsRoutes(
  app: FastifyInstance,
  deps: { documents: DocumentsService; limits: CheckLimits },
): void {
  const { documents, limits } = deps;
  const partnerOf = (request: FastifyRequest) =>
    request.principal.kind === 'partner' ? request.principal.name : undefined;

  registerEndpoint(
    app,
    c.checkDocumentValidity,
    'public',
    ({ params, query }) => documents.check(params.number, query.type),
    {
      rateLimit: {
        timeWindow: 60_000,
        // A partner's systems share its limit wherever they call from; anyone else is counted per address.
        keyGenerator: (request) => {
          const p = partnerOf(request);
          return p ? `partner:${p}` : `ip:${request.ip}`;
        },
        max: (request) => (partnerOf(request) ? limits.partnerPerMinute : limits.anonymousPerMinute),
      },
    },
  );

  registerEndpoint(app, c.documentChanges, 'partner', async ({ query }) => documents.changes(query.after, query.limit));

  registerEndpoint(
    app,
    personalData(c.listPersonDocuments),
    { permission: 'documents:read' },
    async ({ principal, request, params, query }) => ({
      documents: await documents.personDocuments(actorOf(principal, request, query), params.personId),
    }),
  );

  registerEndpoint(
    app,
    personalData(c.invalidateDocument),
    { permission: 'documents:invalidate' },
    async ({ principal, request, params, body }) =>
      documents.invalidate(actorOf(principal, request), params.documentId, {
        reason: body.reason,
        effectiveOn: body.effectiveOn as PlainDate,
        note: body.note,
      }),
  );

  registerEndpoint(app, personalData(c.listMyDocuments), 'resident', async ({ principal, request }) => ({
    documents: await documents.myDocuments(actorOf(principal, request), principal.personId),
  }));

  registerEndpoint(app, personalData(c.reportMyDocument), 'resident', async ({ principal, request, params, body }) =>
    documents.reportMine(actorOf(principal, request), principal.personId, params.documentId, body),
  );
}
