/** HTTP for the register: staff search, card, history, life events, duplicates, statistics; the resident's data and declaration. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import { registerEndpoint } from '../../http/route.ts';
import { personalData } from '../../http/personal-data.ts';
import type { ResidentPrincipal, StaffPrincipal } from '../../http/auth-context.ts';
import type { Clock } from '../../platform/clock.ts';
import { actorFromPrincipal } from '../audit/index.ts';
import * as c from '../../../shared/contracts/register.contract.ts';
import { summaryOf, type ActionContext, type RegisterService } from './register.service.ts';
import { countryOptions } from './countries.ts';
import { declarationConfirmationPdf, registerExtractPdf } from './register-pdf.ts';

function context(
  principal: StaffPrincipal | ResidentPrincipal,
  request: FastifyRequest,
  purpose?: { caseReference?: string | undefined; reason?: string | undefined },
): ActionContext {
  return {
    actor: actorFromPrincipal(principal),
    channel: principal.kind === 'resident' ? 'portal' : 'desk',
    caseReference: purpose?.caseReference,
    reason: purpose?.reason,
    requestId: request.id,
  };
}

/** `timeZone`: the office's (config TIME_ZONE), for the times the PDFs show. */
export function registerRegisterRoutes(
  app: FastifyInstance,
  deps: { db: Db; register: RegisterService; clock: Clock; timeZone: string },
): void {
  const { db, register, clock, timeZone } = deps;

  registerEndpoint(
    app,
    personalData(c.searchPersons),
    { permission: 'register:search' },
    async ({ principal, query, request }) => register.search(context(principal, request, query), query),
  );

  registerEndpoint(
    app,
    personalData(c.lookupPersonByCode),
    { permission: 'register:read' },
    async ({ principal, params, query, request }) => {
      const person = await register.lookupByCode(context(principal, request, query), params.code);
      return {
        ...summaryOf(person),
        citizenships: person.citizenships,
        abroadCountry: person.abroadCountry,
        version: person.version,
      };
    },
  );

  registerEndpoint(
    app,
    personalData(c.readPersonCard),
    { permission: 'register:read' },
    async ({ principal, params, query, request }) =>
      register.readCard(context(principal, request, query), params.personId, query.validOn, query.recordedAt),
  );

  registerEndpoint(
    app,
    personalData(c.readPersonHistory),
    { permission: 'register:read' },
    async ({ principal, params, query, request }) =>
      register.readHistory(context(principal, request, query), params.personId),
  );

  const events = { permission: 'register:record-event' } as const;
  registerEndpoint(app, c.recordDeath, events, async ({ principal, params, body, request }) =>
    register.recordDeath(context(principal, request, body), params.personId, body),
  );
  registerEndpoint(app, c.recordNameChange, events, async ({ principal, params, body, request }) =>
    register.changeName(context(principal, request, body), params.personId, body),
  );
  registerEndpoint(app, c.recordMarriage, events, async ({ principal, params, body, request }) =>
    register.recordMarriageOrDivorce(context(principal, request, body), 'marriage', params.personId, body),
  );
  registerEndpoint(app, c.recordDivorce, events, async ({ principal, params, body, request }) =>
    register.recordMarriageOrDivorce(context(principal, request, body), 'divorce', params.personId, body),
  );
  registerEndpoint(app, c.recordStatusChange, events, async ({ principal, params, body, request }) =>
    register.changeStatus(context(principal, request, body), params.personId, body),
  );
  registerEndpoint(app, c.recordCodeChange, events, async ({ principal, params, body, request }) =>
    register.changeCode(context(principal, request, body), params.personId, body),
  );
  registerEndpoint(app, c.recordGuardianship, events, async ({ principal, params, body, request }) =>
    register.setGuardian(context(principal, request, body), params.personId, body),
  );
  registerEndpoint(app, c.recordAddressDeclaration, events, async ({ principal, params, body, request }) =>
    register.declareResidenceAtDesk(context(principal, request, body), params.personId, body),
  );

  registerEndpoint(app, personalData(c.registerBirth), events, async ({ principal, body, request }) =>
    register.registerBirth(context(principal, request, body), body),
  );
  registerEndpoint(app, personalData(c.registerPerson), events, async ({ principal, body, request }) =>
    register.registerNew(context(principal, request, body), {
      kind: 'arrival',
      givenNames: body.givenNames,
      surname: body.surname,
      originalName: body.originalName,
      sex: body.sex,
      birthDate: body.birthDate,
      birthCountry: body.birthCountry,
      legalStatus: body.legalStatus,
      citizenships: body.citizenships,
      address: body.address,
      housingBasis: body.housingBasis,
      parents: [],
      legalBasis: body.legalBasis ?? 'Imigrācijas likums',
      sourceDocument: body.sourceDocument,
    }),
  );

  const review = { permission: 'register:review-duplicates' } as const;
  registerEndpoint(app, personalData(c.listPendingRegistrations), review, async ({ principal, query, request }) =>
    db
      .transaction()
      .execute(async (trx) => ({ pending: await register.listPending(trx, context(principal, request, query)) })),
  );
  registerEndpoint(
    app,
    personalData(c.decidePendingRegistration),
    review,
    async ({ principal, params, body, request }) =>
      register.decidePending(context(principal, request, body), params.id, body),
  );

  registerEndpoint(app, personalData(c.listDuplicateCandidates), review, async ({ principal, query, request }) =>
    db.transaction().execute(async (trx) => ({
      candidates: await register.listCandidates(trx, context(principal, request, query), query.status, query.limit),
    })),
  );
  registerEndpoint(app, c.scanDuplicates, review, async () => {
    const r = await register.scanDuplicates();
    return {
      personsScanned: r.personsScanned,
      pairsCompared: r.pairsCompared,
      candidatesFound: r.candidatesFound,
      seconds: r.seconds,
    };
  });
  registerEndpoint(
    app,
    personalData(c.decideDuplicateCandidate),
    review,
    async ({ principal, params, body, request }) =>
      register.decideCandidate(context(principal, request, body), params.id, body.decision),
  );

  registerEndpoint(app, c.populationStatistics, { permission: 'register:statistics' }, async ({ query }) =>
    register.populationCounts(query.date),
  );

  registerEndpoint(
    app,
    personalData(c.listMunicipalityDeclarations),
    { permission: 'register:read-municipality-declarations' },
    async ({ principal, query, request }) => {
      const rows = await register.municipalityDeclarations(
        context(principal, request, { reason: 'municipal residence register' }),
        principal.branchMunicipalityCode,
        query.limit,
      );
      return { municipalityCode: principal.branchMunicipalityCode, declarations: rows };
    },
  );

  // The resident portal

  registerEndpoint(app, personalData(c.listMySubjects), 'resident', async ({ principal, request }) => ({
    subjects: await register.readMySubjects(context(principal, request), principal.personId),
  }));

  registerEndpoint(app, personalData(c.readMyRegisterData), 'resident', async ({ principal, query, request }) =>
    register.readMyData(context(principal, request), principal.personId, query.subject, query.validOn),
  );

  registerEndpoint(app, c.submitResidenceDeclaration, 'resident', async ({ principal, body, request }) =>
    register.declareResidenceOnline(context(principal, request), principal.personId, body),
  );

  registerEndpoint(
    app,
    personalData(c.downloadMyRegisterExtract),
    'resident',
    async ({ principal, query, request, reply }) => {
      const card = await register.readMyData({ ...context(principal, request) }, principal.personId, query.subject);
      const pdf = await registerExtractPdf(card, query.lang, clock.now().toISOString(), timeZone);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="register-extract-${card.personalCode ?? card.id}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  registerEndpoint(
    app,
    personalData(c.downloadDeclarationConfirmation),
    'resident',
    async ({ principal, params, query, request, reply }) => {
      const { declaration, person } = await register.readMyDeclaration(
        context(principal, request),
        principal.personId,
        params.id,
      );
      const pdf = await declarationConfirmationPdf(
        declaration,
        person,
        query.lang,
        clock.now().toISOString(),
        timeZone,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="residence-declaration-${declaration.id}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  registerEndpoint(app, c.listCountries, 'public', async () => ({ countries: countryOptions() }));
}
