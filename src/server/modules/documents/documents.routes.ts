/** HTTP for documents: the public validity check, a person's documents, invalidation, the resident's documents, the partners' feed. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { AppError } from '../../http/app-error.ts';
import type { ResidentPrincipal, StaffPrincipal } from '../../http/auth-context.ts';
import { actorFromPrincipal } from '../audit/index.ts';
import * as c from '../../../shared/contracts/documents.contract.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { DocumentsActor, DocumentsService } from './documents.service.ts';

export interface PartnerAccess {
  /** Partner name by the SHA-256 of its API key (hex). */
  keys: Readonly<Record<string, string>>;
  anonymousPerMinute: number;
  partnerPerMinute: number;
}

/** The partner system an X-Api-Key header belongs to, if any (keys are compared as hashes, in constant time). */
export function partnerOf(request: FastifyRequest, keys: Readonly<Record<string, string>>): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header !== 'string' || header.length === 0 || header.length > 200) return undefined;
  const hash = createHash('sha256').update(header).digest();
  for (const [hex, name] of Object.entries(keys)) {
    const expected = Buffer.from(hex, 'hex');
    if (expected.length === hash.length && timingSafeEqual(expected, hash)) return name;
  }
  return undefined;
}

function actorOf(principal: StaffPrincipal | ResidentPrincipal, request: FastifyRequest, purpose?: { caseReference?: string | undefined; reason?: string | undefined }): DocumentsActor {
  return {
    audit: actorFromPrincipal(principal), branchId: principal.kind === 'staff' ? principal.branchId : null, requestId: request.id,
    ...(purpose?.caseReference ? { caseReference: purpose.caseReference } : {}), ...(purpose?.reason ? { reason: purpose.reason } : {}),
  };
}

export function registerDocumentsRoutes(app: FastifyInstance, deps: { documents: DocumentsService; partners: PartnerAccess }): void {
  const { documents, partners } = deps;
  // Partners hashed once per request: the rate limiter and the handler both need to know who asks.
  const partnerCache = new WeakMap<FastifyRequest, string | null>();
  const partner = (request: FastifyRequest): string | null => {
    if (!partnerCache.has(request)) partnerCache.set(request, partnerOf(request, partners.keys) ?? null);
    return partnerCache.get(request) ?? null;
  };

  registerEndpoint(app, c.checkDocumentValidity, 'public', async ({ params, query }) => documents.check(params.number, query.type), {
    rateLimit: {
      timeWindow: 60_000,
      keyGenerator: (request) => partner(request) ?? `ip:${request.ip}`,
      max: (request) => (partner(request) ? partners.partnerPerMinute : partners.anonymousPerMinute),
    },
  });

  registerEndpoint(app, c.documentChanges, 'public', async ({ request, query }) => {
    if (!partner(request)) throw new AppError('UNAUTHENTICATED', 'The change feed is for partner systems: send your X-Api-Key');
    return documents.changes(query.after, query.limit);
  });

  registerEndpoint(app, c.listPersonDocuments, { permission: 'documents:read' }, async ({ principal, request, params, query }) =>
    ({ documents: await documents.personDocuments(actorOf(principal, request, query), params.personId) }));

  registerEndpoint(app, c.invalidateDocument, { permission: 'documents:invalidate' }, async ({ principal, request, params, body }) =>
    documents.invalidate(actorOf(principal, request), params.documentId, { reason: body.reason, effectiveOn: body.effectiveOn as PlainDate, note: body.note }));

  registerEndpoint(app, c.listMyDocuments, 'resident', async ({ principal, request }) =>
    ({ documents: await documents.myDocuments(actorOf(principal, request), principal.personId) }));

  registerEndpoint(app, c.reportMyDocument, 'resident', async ({ principal, request, params, body }) =>
    documents.reportMine(actorOf(principal, request), principal.personId, params.documentId, body));
}
