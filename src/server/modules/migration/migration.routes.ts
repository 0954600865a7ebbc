/** HTTP for the migration procedures: lodging and applying for visas, invitations, fee quotes, issued visas and their ending, partners' consultations. */
import type { FastifyInstance } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { personalData } from '../../http/personal-data.ts';
import { AppError } from '../../http/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import { actorFromPrincipal } from '../audit/index.ts';
import { caseActorContext, idempotencyKey, type CasesService } from '../cases/index.ts';
import * as c from '../../../shared/contracts/visas.contract.ts';
import { myVisaEndingPdf } from '../../../shared/contracts/cases.contract.ts';
import type { MigrationService } from './migration.service.ts';
import { visaEndingPdf } from './visa-ending-pdf.ts';

export interface MigrationRouteDeps {
  migration: MigrationService;
  cases: CasesService;
  clock: Clock;
  timeZone: string;
  /** Consulted authority → the partner system that answers for it. */
  consultationPartners: Record<string, string>;
  /** Partner systems that may check a visa and read its holder (the border guard's). */
  visaCheckPartners: readonly string[];
}

export function registerMigrationRoutes(app: FastifyInstance, deps: MigrationRouteDeps): void {
  const { migration, cases } = deps;
  const uploads = { bodyLimit: 60 * 1024 * 1024 };
  /** The authority a partner system answers for; a partner that answers for none may not read consultations. */
  const authorityOf = (partner: string): string => {
    const authority = Object.entries(deps.consultationPartners).find(([, p]) => p === partner)?.[0];
    if (!authority) throw new AppError('FORBIDDEN', 'This partner system answers no consultations');
    return authority;
  };

  registerEndpoint(
    app,
    personalData(c.lodgeVisaAtDesk),
    { permission: 'migration:lodge' },
    async ({ principal, body, request }) =>
      migration.lodgeAtDesk(caseActorContext(principal, request), body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(
    app,
    personalData(c.applyForVisaOnline),
    'resident',
    async ({ principal, body, request }) =>
      migration.applyOnline(caseActorContext(principal, request), body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(
    app,
    personalData(c.inviteOnline),
    'resident',
    async ({ principal, body, request }) =>
      migration.invite(caseActorContext(principal, request), body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(app, c.visaFeeQuote, 'public', async ({ query }) => migration.feeQuote(query));
  registerEndpoint(
    app,
    personalData(c.readVisa),
    { permission: 'migration:read-visa' },
    async ({ principal, params, request }) =>
      migration.readVisa(actorFromPrincipal(principal), params.visaNumber, 'case-processing', request.id),
  );
  registerEndpoint(
    app,
    personalData(c.endVisa),
    { permission: 'migration:end-visa' },
    async ({ principal, params, body, request }) =>
      migration.endVisa(caseActorContext(principal, request), params.visaNumber, body),
  );
  registerEndpoint(
    app,
    personalData(c.visaEndingPdf),
    { permission: 'migration:read-visa' },
    async ({ principal, params, request, reply }) => {
      const visa = await migration.readVisa(
        actorFromPrincipal(principal),
        params.visaNumber,
        'case-processing',
        request.id,
      );
      if (!visa.ended) throw new AppError('NOT_FOUND', `Visa ${params.visaNumber} is not annulled or revoked`);
      const pdf = await visaEndingPdf(
        { ...visa, ended: visa.ended },
        visa.language,
        deps.clock.now().toISOString(),
        deps.timeZone,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${visa.visaNumber}-${visa.ended.kind}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  // The holder reads the same form on their own case (its applicant only; audited as their read of the case).
  registerEndpoint(app, personalData(myVisaEndingPdf), 'resident', async ({ principal, params, request, reply }) => {
    const view = await cases.readOwnCase(caseActorContext(principal, request), params.caseId, 'visa-ending');
    const visa = view.subject.kind === 'visa' ? view.subject.visa : null;
    if (!visa?.ended) throw new AppError('NOT_FOUND', 'The visa of this case is not annulled or revoked');
    const pdf = await visaEndingPdf(
      { ...visa, ended: visa.ended },
      visa.language,
      deps.clock.now().toISOString(),
      deps.timeZone,
    );
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${visa.visaNumber}-${visa.ended.kind}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  registerEndpoint(app, personalData(c.checkVisa), 'partner', async ({ request, params, query }) => {
    // A visa's holder is personal data: only the partners named for it may read it, not every partner key.
    const partner = request.principal.kind === 'partner' ? request.principal.name : '';
    if (!deps.visaCheckPartners.includes(partner))
      throw new AppError('FORBIDDEN', 'This partner system may not check visas');
    return migration.checkVisa(
      actorFromPrincipal(request.principal as Parameters<typeof actorFromPrincipal>[0]),
      params.visaNumber,
      query.on,
      request.id,
    );
  });
  registerEndpoint(app, personalData(c.partnerConsultations), 'partner', async ({ request }) => {
    const partner = request.principal.kind === 'partner' ? request.principal.name : '';
    const audit = actorFromPrincipal(request.principal as Parameters<typeof actorFromPrincipal>[0]);
    return { consultations: await migration.consultationsFor(audit, authorityOf(partner), request.id) };
  });
  registerEndpoint(app, c.answerPartnerConsultation, 'partner', async ({ request, params, body }) => {
    const partner = request.principal.kind === 'partner' ? request.principal.name : '';
    const audit = actorFromPrincipal(request.principal as Parameters<typeof actorFromPrincipal>[0]);
    const { caseReference } = await cases.answerConsultation(
      { id: `partner:${partner}`, audit, requestId: request.id },
      authorityOf(partner),
      params.consultationId,
      { outcome: body.outcome, remarks: body.remarks },
    );
    return { caseReference, answered: true as const };
  });
}
