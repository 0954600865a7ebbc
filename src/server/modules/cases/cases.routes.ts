/** HTTP for the case engine: staff queues, case pages and actions; the resident's applications. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { personalData } from '../../http/personal-data.ts';
import { AppError } from '../../http/app-error.ts';
import type { ResidentPrincipal, StaffPrincipal } from '../../http/auth-context.ts';
import type { Clock } from '../../platform/clock.ts';
import { actorFromPrincipal } from '../audit/index.ts';
import * as c from '../../../shared/contracts/cases.contract.ts';
import type { CasesService } from './cases.service.ts';
import type { CaseActorContext } from './engine.ts';
import { decisionPdf } from './decision-pdf.ts';

export function actorContext(principal: StaffPrincipal | ResidentPrincipal, request: FastifyRequest): CaseActorContext {
  const audit = actorFromPrincipal(principal);
  return principal.kind === 'staff'
    ? {
        kind: 'staff',
        id: principal.accountId,
        name: principal.displayName,
        roles: principal.roles,
        branchId: principal.branchId,
        audit,
        requestId: request.id,
      }
    : { kind: 'resident', personId: principal.personId, name: principal.displayName, audit, requestId: request.id };
}

/** The client's Idempotency-Key header (optional; 1–200 visible ASCII characters). */
export function idempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new AppError('VALIDATION_FAILED', 'The Idempotency-Key header must be 1-200 visible ASCII characters', [
      { path: 'Idempotency-Key', message: 'malformed' },
    ]);
  }
  return value;
}

function sendFile(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(file.mediaType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.content);
}

/** `timeZone`: the office's (config TIME_ZONE), for the times the decision PDF shows. */
export function registerCasesRoutes(
  app: FastifyInstance,
  deps: { cases: CasesService; clock: Clock; timeZone: string },
): void {
  const { cases, clock, timeZone } = deps;
  const read = { permission: 'cases:read' } as const;
  // Case files may carry several scanned documents: a larger body than the default 1 MB.
  const uploads = { bodyLimit: 60 * 1024 * 1024 };
  // Staff and residents download through the same service checks; only the path and access rule differ.
  type Download = {
    principal: StaffPrincipal | ResidentPrincipal;
    request: FastifyRequest;
    reply: FastifyReply;
    params: { caseId: string; documentId?: string };
  };
  const sendDocument = async ({ principal, request, reply, params }: Download) => {
    sendFile(reply, await cases.document(actorContext(principal, request), params.caseId, params.documentId as string));
  };
  const sendDecision = async ({ principal, request, reply, params }: Download) => {
    const view = await cases.decision(actorContext(principal, request), params.caseId);
    sendFile(reply, {
      fileName: `${view.reference}-decision.pdf`,
      mediaType: 'application/pdf',
      content: await decisionPdf(view, cases.procedureOf(view.caseType), clock.now().toISOString(), timeZone),
    });
  };

  registerEndpoint(app, personalData(c.listQueue), read, async ({ principal, query, request }) =>
    cases.queue(actorContext(principal, request), query),
  );
  registerEndpoint(
    app,
    personalData(c.branchDashboard),
    { permission: 'cases:supervise' },
    async ({ principal, request }) => cases.dashboard(actorContext(principal, request)),
  );
  registerEndpoint(app, personalData(c.readCase), read, async ({ principal, params, request }) =>
    cases.readCase(actorContext(principal, request), params.caseId),
  );
  registerEndpoint(
    app,
    personalData(c.takeCaseAction),
    read,
    async ({ principal, params, body, request }) =>
      cases.takeAction(actorContext(principal, request), params.caseId, body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(
    app,
    personalData(c.recordAppeal),
    read,
    async ({ principal, params, body, request }) =>
      cases.appeal(actorContext(principal, request), params.caseId, body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(app, personalData(c.caseDocument), read, sendDocument);
  registerEndpoint(app, personalData(c.caseDecisionPdf), read, sendDecision);

  registerEndpoint(app, personalData(c.listMyCases), 'resident', async ({ principal, request }) => ({
    cases: await cases.myCases(actorContext(principal, request)),
  }));
  registerEndpoint(app, personalData(c.readMyCase), 'resident', async ({ principal, params, request }) =>
    cases.readCase(actorContext(principal, request), params.caseId),
  );
  registerEndpoint(
    app,
    personalData(c.takeMyCaseAction),
    'resident',
    async ({ principal, params, body, request }) =>
      cases.takeAction(actorContext(principal, request), params.caseId, body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(
    app,
    personalData(c.appealMyCase),
    'resident',
    async ({ principal, params, body, request }) =>
      cases.appeal(actorContext(principal, request), params.caseId, body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(app, personalData(c.myCaseDocument), 'resident', sendDocument);
  registerEndpoint(app, personalData(c.myCaseDecisionPdf), 'resident', sendDecision);
}
