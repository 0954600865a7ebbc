/**
 * The composition root: wires modules with their dependencies and registers routes. Tests call
 * buildApp with an embedded database, a manual clock and cheap password hashing.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { CustomFetch } from 'openid-client';
import { sql } from 'kysely';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Clock } from './platform/clock.ts';
import type { PasswordHasher } from './platform/password.ts';
import { installProblemHandlers, buildProblem, sendProblem } from './http/problem.ts';
import { installMetrics } from './http/metrics.ts';
import { securityHeadersFor } from './http/security-headers.ts';
import { installRequestContext } from './http/request-context.ts';
import { zodToOpenApiTransform } from './http/openapi.ts';
import { REDACT_PATHS, requestSerializer } from './http/log-redaction.ts';
import { OneLinePerRequest, type LogDestination } from './http/log-format.ts';
import { createPartnerKeys } from './http/partner-keys.ts';
import type { EndpointRecord } from './http/route.ts';
import { createAuditRepository, createAuditService, registerAuditRoutes } from './modules/audit/index.ts';
import {
  createIdentityRepository,
  createIdentityService,
  createOidcRelyingParty,
  OFFICE_INSTITUTION,
  registerIdentityRoutes,
  SESSION_COOKIE,
  type PersonDirectory,
} from './modules/identity/index.ts';
import {
  casePersonLookup,
  createRegisterCasesService,
  createRegisterPersonDirectory,
  createRegisterRepository,
  createRegisterService,
  registerProcedures,
  registerRegisterCasesRoutes,
  registerRegisterRoutes,
  seedDemoCases,
} from './modules/register/index.ts';
import {
  createNotificationsRepository,
  createNotificationsService,
  mailboxTransport,
  recordingSmsTransport,
  registerNotificationsRoutes,
  smtpTransport,
} from './modules/notifications/index.ts';
import {
  createCasesRepository,
  createCasesService,
  registerCasesRoutes,
  registerRuleMoveRoutes,
  type RuleMover,
} from './modules/cases/index.ts';
import type {
  ProcedureRulesView,
  RuleMovePlan,
  RuleMoveRequest,
} from '../shared/contracts/procedure-rules.contract.ts';
import {
  createApplicationsService,
  createDocumentApplicationHandler,
  createDocumentsRepository,
  createDocumentsService,
  DEFAULT_FEE_TABLE,
  documentRuleBook,
  registerApplicationsRoutes,
  registerDocumentsRoutes,
  seedDemoDocuments,
  type FeePeriod,
} from './modules/documents/index.ts';
import { demoPaymentProvider } from './platform/payments.ts';
import {
  createMigrationRepository,
  createMigrationService,
  createPermitService,
  registerMigrationRoutes,
  registerPermitRoutes,
  seedDemoMigration,
  seedDemoLawChange,
  seedDemoPermits,
  type ResidenceRightsPort,
} from './modules/migration/index.ts';
import { createFileSigner } from './platform/signing.ts';
import { demoRegisterPersons, type LifeEventHook } from './modules/register/index.ts';
import { plainDateInZone } from '../shared/kernel/plain-date.ts';
import {
  createAppointmentsRepository,
  createAppointmentsService,
  registerAppointmentsRoutes,
} from './modules/appointments/index.ts';
import { createWorkbenchService, registerWorkbenchRoutes } from './modules/workbench/index.ts';
import { createCalendarRepository, createCalendarService, registerCalendarRoutes } from './modules/calendar/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'dist', 'web');
export const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  /** Resident lookup by personal code; defaults to the population register. */
  persons?: PersonDirectory;
  /** Tests replace the OIDC transport. */
  oidcFetch?: CustomFetch;
  logger?: boolean;
  /** Where log lines go (the CLI gives a readable one on a terminal); default pino's JSON on standard output. */
  logDestination?: LogDestination;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db, clock, hasher } = deps;
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: { paths: REDACT_PATHS, censor: '[redacted]' },
            serializers: { req: requestSerializer },
            ...(deps.logDestination ? { stream: deps.logDestination } : {}),
          },
    logController: new OneLinePerRequest(),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
  });
  app.decorate('endpointRegistry', [] as EndpointRecord[]);
  app.decorate('civitasVersion', VERSION);
  app.decorateRequest('principal', null as never);
  // Routes validate with zod themselves (route.ts); Fastify keeps the schemas only for OpenAPI.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installProblemHandlers(app);
  const metrics = installMetrics(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Civitas API',
        version: VERSION,
        description:
          'Office of Citizenship and Migration Affairs information system. Errors are RFC 9457 problem details.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: zodToOpenApiTransform as never,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Every deadline below is computed on the legal calendar: the recorded orders join the shipped ones first.
  const calendar = createCalendarService({
    db,
    clock,
    timeZone: config.timeZone,
    repository: createCalendarRepository(),
  });
  await calendar.install(db);
  const missingOrderYear = await calendar.comingYearMissing(db);
  if (missingOrderYear !== null)
    app.log.warn(
      { year: missingOrderYear },
      `No Cabinet order moving working days is recorded for ${missingOrderYear}: deadlines reaching into it ignore any moved day. Record it (civitas calendar add-order, or Calendar in the staff workbench) once it is issued.`,
    );
  const auditRepository = createAuditRepository();
  const audit = createAuditService({ repository: auditRepository, clock, db });
  const registerRepository = createRegisterRepository();
  // Modules built later react to life events in the event's transaction (documents); filled below.
  const lifeEventHooks: LifeEventHook[] = [];
  const register = createRegisterService({ db, clock, audit, repository: registerRepository, lifeEventHooks });
  const identityRepository = createIdentityRepository();
  const identity = createIdentityService({
    db,
    config,
    clock,
    hasher,
    audit,
    repository: identityRepository,
    persons: deps.persons ?? createRegisterPersonDirectory(db, registerRepository),
  });
  const notifications = createNotificationsService({
    db,
    clock,
    repository: createNotificationsRepository(),
    maxAttempts: config.outbox.maxAttempts,
    // SMTP when configured, else the demo mailbox (the sent rows, shown on the messages page).
    email: config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl, config.mail.from) : mailboxTransport,
    sms: recordingSmsTransport,
  });
  // Online applications go to one branch (PORTAL_CASE_BRANCH); the demo cases are opened there too.
  const portalBranch = async () => {
    const branches = await identity.listBranches();
    return branches.find((b) => b.code === config.portalCaseBranch) ?? branches[0];
  };
  const casesRepository = createCasesRepository();
  const cases = createCasesService({
    db,
    clock,
    timeZone: config.timeZone,
    audit,
    notifications,
    repository: casesRepository,
    personByCode: casePersonLookup(register),
    branchStaff: (branchId) => identity.branchStaff(branchId),
    warnAtWorkingDays: config.deadlines.warnAtWorkingDays,
    portalBranchId: async () => {
      const branch = await portalBranch();
      if (!branch) throw new Error('no branch to take online applications');
      return branch.id;
    },
  });
  // Branch names for document views: a handful of rows that change rarely, read once per process.
  let branchNames: Promise<Map<string, string>> | undefined;
  const documents = createDocumentsService({
    db,
    clock,
    timeZone: config.timeZone,
    audit,
    register,
    repository: createDocumentsRepository(),
    numberPrefixes: config.documents.numberPrefixes,
    mrzNationality: config.documents.mrzNationality,
    notifications,
    contactsOf: (ids) => identity.residentContacts(ids),
    branchName: async (id) => {
      branchNames ??= identity.listBranches().then((bs) => new Map(bs.map((b) => [b.id, b.nameLv])));
      return (await branchNames).get(id) ?? null;
    },
  });
  lifeEventHooks.push(documents.onLifeEvent);
  // The procedures on the case engine, one line each.
  for (const procedure of registerProcedures(register)) cases.registerProcedure(procedure);
  const documentFees = (config.documents.feeTable as FeePeriod[] | undefined) ?? DEFAULT_FEE_TABLE;
  cases.registerProcedure(
    createDocumentApplicationHandler({
      register,
      documents,
      fourEyes: config.documents.fourEyes,
      rules: documentRuleBook(documentFees),
    }),
  );
  const registerCases = createRegisterCasesService({ cases, register });
  const documentsRepository = createDocumentsRepository();
  const applications = createApplicationsService({
    db,
    clock,
    timeZone: config.timeZone,
    audit,
    cases,
    documents,
    register,
    repository: documentsRepository,
    feeTable: documentFees,
    payments: demoPaymentProvider,
    batchMax: config.documents.batchMax,
    signer: createFileSigner(config.documents.signingKeyFile, (m) => app.log.warn(m)),
    // The office's own branches hand documents over; a partner's office (a municipality's) does not.
    branches: async () =>
      (await identity.listBranches())
        .filter((b) => b.institution === OFFICE_INSTITUTION)
        .map((b) => ({ id: b.id, name: b.nameLv, nameEn: b.nameEn })),
  });
  /** The branch that takes migration applications made online (the migration division). */
  const migrationBranchId = async () => {
    const branches = await identity.listBranches();
    const branch = branches.find((b) => b.code === config.migration.caseBranch) ?? branches[0];
    if (!branch) throw new Error('no branch to take migration applications');
    return branch.id;
  };
  const residenceRights: ResidenceRightsPort = {
    record: (trx, access, personId, right) =>
      register.recordResidenceRight(
        trx,
        { actor: access.actor, channel: 'system', caseReference: access.caseReference, requestId: access.requestId },
        personId,
        right,
      ),
    end: (trx, access, personId, ending) =>
      register.endResidenceRight(
        trx,
        { actor: access.actor, channel: 'system', caseReference: access.caseReference, requestId: access.requestId },
        personId,
        ending,
      ),
  };
  const migration = createMigrationService({
    db,
    clock,
    timeZone: config.timeZone,
    audit,
    cases,
    notifications,
    repository: createMigrationRepository(),
    payments: demoPaymentProvider,
    issuingState: config.migration.issuingState,
    onlineBranchId: migrationBranchId,
    residenceRights,
    personForCase: (trx, access, personId) =>
      register.personForCase(
        trx,
        { actor: access.actor, channel: 'desk', caseReference: access.caseReference, requestId: access.requestId },
        personId,
      ),
  });
  for (const procedure of migration.procedures()) cases.registerProcedure(procedure);
  const permits = createPermitService({
    db,
    today: () => plainDateInZone(clock.now(), config.timeZone),
    audit,
    cases,
    notifications,
    repository: createMigrationRepository(),
    payments: demoPaymentProvider,
    onlineBranchId: migrationBranchId,
    residenceRights,
    personForCase: (trx, access, personId) =>
      register.personForCase(
        trx,
        { actor: access.actor, channel: 'desk', caseReference: access.caseReference, requestId: access.requestId },
        personId,
      ),
    now: () => clock.now(),
    rightsOf: (trx, access, personId) =>
      register.residenceRightsFor(
        trx,
        { actor: access.actor, channel: 'desk', caseReference: access.caseReference, requestId: access.requestId },
        personId,
      ),
    rightsHistory: (trx, access, personId) =>
      register.residenceRightsFor(
        trx,
        { actor: access.actor, channel: 'system', caseReference: access.caseReference, requestId: access.requestId },
        personId,
        { ended: true },
      ),
    register: {
      likelyDuplicates: (trx, access, p) =>
        register.likelyDuplicates(
          trx,
          { actor: access.actor, channel: 'desk', caseReference: access.caseReference, requestId: access.requestId },
          p,
        ),
      include: (trx, access, p) =>
        register.includePerson(
          trx,
          { actor: access.actor, channel: 'system', caseReference: access.caseReference, requestId: access.requestId },
          {
            givenNames: p.givenNames,
            surname: p.surname,
            sex: p.sex,
            birthDate: p.birthDate,
            birthCountry: p.birthCountry,
            legalStatus: 'foreigner',
            citizenships: p.citizenships,
            legalBasis: p.legalBasis,
            sourceDocument: p.sourceDocument,
          },
        ),
    },
    cards: {
      invalidateCards: (trx, access, personId, on, permit, note) =>
        documents.invalidateResidenceCards(
          trx,
          {
            audit: access.actor,
            branchId: null,
            caseReference: access.caseReference,
            reason: note,
            requestId: access.requestId,
          },
          personId,
          on,
          permit,
          note,
        ),
    },
    afterCardsChanged: () => documents.refreshIndex(),
  });
  for (const procedure of permits.procedures()) cases.registerProcedure(procedure);
  const appointments = createAppointmentsService({
    db,
    clock,
    timeZone: config.timeZone,
    audit,
    register,
    notifications,
    repository: createAppointmentsRepository(),
    branches: async () =>
      (await identity.listBranches()).map((b) => ({
        id: b.id,
        code: b.code,
        nameLv: b.nameLv,
        nameEn: b.nameEn,
        address: b.address,
        ownOffice: b.institution === OFFICE_INSTITUTION,
      })),
    preparedApplication: async (personId, caseId) =>
      (await cases.openCasesOf(personId, 'document-application')).some(
        (c) => c.id === caseId && c.status === 'prepared',
      ),
  });
  // Every open case must be decidable under the rules it is stamped with: a version file removed, or its day
  // edited, after cases were stamped would leave them unreadable (decision 0029). Refuse to start instead.
  const unstamped = await cases.unknownRuleStamps();
  if (unstamped.length)
    throw new Error(
      `Open cases are stamped with rule versions no procedure defines (${unstamped.join(', ')}): restore those version files` +
        (unstamped.some((u) => u.startsWith('document-application '))
          ? ' (a document application’s versions are the periods of DOCUMENT_FEE_TABLE where it is set)'
          : ''),
    );
  // The procedures' rule versions and transitional moves, for `civitas procedures` (the same use case as the screen).
  app.decorate('procedureRules', {
    list: () => cases.procedureRules(),
    move: (mover: RuleMover, request: RuleMoveRequest) => cases.moveRules(mover, request),
  });
  app.decorate('backgroundJobs', {
    deliverOutbox: () => notifications.deliverDue(),
    watchDeadlines: () => cases.watchDeadlines(),
    seedDemoMigration: async (signal?: AbortSignal) => {
      const branches = await identity.listBranches();
      const branch = branches.find((b) => b.code === config.migration.caseBranch);
      if (!branch) return 0;
      // A demo eID resident (Jānis Bērziņš) invites a relative: the officer finds an invitation in the queue too.
      const inviter = demoRegisterPersons()[0];
      const staff = await identity.branchStaff(branch.id);
      const today = plainDateInZone(clock.now(), config.timeZone);
      const visas = await seedDemoMigration(migration, cases, staff, {
        count: config.migration.demoCases,
        today,
        // Long-stay visas: the law-change demo (seedDemoLawChange) has already lodged Schengen ones from 2024.
        hasCases: () => cases.anyOfType('visa-d'),
        signal,
        inviter: inviter && {
          kind: 'resident',
          personId: inviter.personId,
          name: `${inviter.givenNames} ${inviter.surname}`,
          audit: { type: 'resident', id: inviter.personId, name: null, role: 'resident', institution: 'Civitas' },
        },
      });
      // A quarter as many residence cases: every kind of permit in every step.
      return (
        visas +
        (await seedDemoPermits(permits, cases, staff, {
          count: Math.ceil(config.migration.demoCases / 4),
          today,
          hasCases: () => cases.anyOfType('residence-permit'),
          signal,
        }))
      );
    },
    seedDemoLawChange: async (seedClock: { holdAt(t: string): void; release(): void }) => {
      const branch = (await identity.listBranches()).find((b) => b.code === config.migration.caseBranch);
      return branch ? seedDemoLawChange(migration, await identity.branchStaff(branch.id), seedClock) : 0;
    },
    seedDemoCases: async () => {
      const branch = await portalBranch();
      return branch
        ? seedDemoCases(cases, registerCases, await identity.branchStaff(branch.id), () => casesRepository.anyCase(db))
        : 0;
    },
    loadDocumentIndex: () => documents.loadIndex(),
    remindAppointments: () => appointments.remind(),
    remindExpiringDocuments: () => documents.remindExpiring(),
    ensureAppointmentDefaults: () => appointments.ensureDefaults(),
    seedDemoAppointments: async () => {
      const branch = await portalBranch();
      return branch
        ? appointments.seedDemo(
            branch.id,
            demoRegisterPersons()
              .filter((p) => !p.deathDate && p.legalStatus === 'citizen')
              .map((p) => ({ personId: p.personId })),
          )
        : 0;
    },
    refreshDocumentIndex: () => documents.refreshIndex(),
    seedDemoDocuments: async () => {
      const branch = await portalBranch();
      return branch ? seedDemoDocuments(documents, demoRegisterPersons(), branch.id) : 0;
    },
  });
  const oidc = config.oidc
    ? createOidcRelyingParty({
        db,
        repository: identityRepository,
        clock,
        settings: config.oidc,
        redirectUri: `${config.publicUrl}/api/auth/oidc/callback`,
        ...(deps.oidcFetch ? { customFetch: deps.oidcFetch } : {}),
      })
    : undefined;

  const partnerByKey = createPartnerKeys(
    Object.fromEntries(Object.entries(config.partners.keys).map(([name, hash]) => [hash, name])),
  );
  installRequestContext(app, {
    headersFor: securityHeadersFor({ https: config.cookieSecure }),
    sessionCookie: SESSION_COOKIE,
    resolveSession: (token) => identity.resolvePrincipal(token),
    partnerByKey,
  });

  // Probes and scrapes come every few seconds: their requests log only warnings and errors.
  const quiet = { schema: { hide: true }, logLevel: 'warn' } as const;
  app.get('/health/live', quiet, async () => ({ status: 'ok' }));
  app.get('/health/ready', quiet, async (request, reply) => {
    try {
      await Promise.race([
        sql`SELECT 1`.execute(db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer within 2 s')), 2000)),
      ]);
      return { status: 'ready', database: 'ok' };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return sendProblem(reply, buildProblem('SERVICE_UNAVAILABLE', 'The database is not reachable', request));
    }
  });
  app.get('/metrics', quiet, async (_request, reply) => reply.type(metrics.contentType).send(await metrics.text()));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerIdentityRoutes(app, { identity, config, oidc });
  registerAuditRoutes(app, { db, audit });
  registerCalendarRoutes(app, { db, calendar });
  registerRegisterRoutes(app, { db, register, clock, timeZone: config.timeZone });
  registerCasesRoutes(app, { cases, clock, timeZone: config.timeZone });
  registerRuleMoveRoutes(app, { cases });
  registerRegisterCasesRoutes(app, { registerCases });
  registerNotificationsRoutes(app, { notifications });
  registerAppointmentsRoutes(app, { appointments });
  registerApplicationsRoutes(app, { applications, centrePartner: config.documents.centrePartner });
  registerPermitRoutes(app, { permits, clock, timeZone: config.timeZone });
  registerMigrationRoutes(app, {
    migration,
    cases,
    clock,
    timeZone: config.timeZone,
    consultationPartners: config.migration.consultationPartners,
    visaCheckPartners: config.migration.visaCheckPartners,
  });
  registerDocumentsRoutes(app, {
    documents,
    limits: {
      anonymousPerMinute: config.documents.checkPerMinute,
      partnerPerMinute: config.documents.partnerCheckPerMinute,
    },
  });
  registerWorkbenchRoutes(app, {
    workbench: createWorkbenchService({
      cases,
      appointments,
      applications,
      branches: () => identity.listBranches(),
      nearDeadlineDays: config.deadlines.warnAtWorkingDays[0] ?? 5,
    }),
  });

  await registerWebShells(app);
  return app;
}

/** Serves the built web apps: the resident portal at `/`, the staff workbench at `/staff/`, with SPA fallback. */
async function registerWebShells(app: FastifyInstance): Promise<void> {
  const built = existsSync(path.join(WEB_DIST, 'portal', 'index.html'));
  // A page load fetches a dozen scripts and styles: those requests log only warnings and errors.
  if (built)
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      index: false,
      wildcard: false,
      serve: true,
      logLevel: 'warn',
    });
  const page = (app_: 'portal' | 'staff') =>
    built ? readFileSync(path.join(WEB_DIST, app_, 'index.html'), 'utf8') : undefined;
  const portal = page('portal');
  const staff = page('staff');
  const notBuilt =
    '<!doctype html><html lang="en"><title>Civitas</title><main><h1>Civitas</h1><p>The web apps are not built. Run <code>npm run build</code>.</p></main></html>';
  app.get('/staff', { schema: { hide: true } }, (_req, reply) => reply.redirect('/staff/', 301));
  app.get('/staff/*', { schema: { hide: true } }, (_req, reply) =>
    reply
      .type('text/html')
      .header('cache-control', 'no-store')
      .send(staff ?? notBuilt),
  );
  // Every other GET is a portal page (client-side routes), except API and probe paths, which stay 404 problems.
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (/^\/(api|health|metrics)(\/|$)/.test(request.url))
      return sendProblem(reply, buildProblem('NOT_FOUND', `No route GET ${request.url.split('?')[0]}`, request));
    return reply
      .type('text/html')
      .header('cache-control', 'no-store')
      .send(portal ?? notBuilt);
  });
}

/** Jobs the server runs on timers (serve.ts) and tests run by hand. */
export interface BackgroundJobs {
  deliverOutbox(): Promise<{ sent: number; failed: number }>;
  watchDeadlines(): Promise<{ warned: number; breached: number }>;
  /** Demo cases in each step for the demo persons (first start in demo mode; nothing if any case exists). */
  seedDemoCases(): Promise<number>;
  seedDemoMigration(signal?: AbortSignal): Promise<number>;
  /** Open Schengen visa cases lodged around the 2024 fee change (first demo start, before serving: it holds the clock). */
  seedDemoLawChange(seedClock: { holdAt(t: string): void; release(): void }): Promise<number>;
  /** Tells holders of documents expiring in about three months (once per document). */
  remindExpiringDocuments(): Promise<number>;
  /** Reminds visitors of tomorrow's appointments (once per booking). */
  remindAppointments(): Promise<number>;
  /** Demo visits on the next working day (demo mode; nothing if any booking exists). */
  seedDemoAppointments(): Promise<number>;
  /** Default services and opening hours for branches without any. */
  ensureAppointmentDefaults(): Promise<void>;
  /** Loads every document's validity into memory for the public check (decision 0019). */
  loadDocumentIndex(): Promise<{ documents: number; seconds: number }>;
  /** Applies recent document changes (this and other servers') to the in-memory index. */
  refreshDocumentIndex(): Promise<number>;
  /** Documents for the demo persons (demo mode; nothing if any document exists). */
  seedDemoDocuments(): Promise<number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    civitasVersion: string;
    backgroundJobs: BackgroundJobs;
    procedureRules: {
      list(): Promise<ProcedureRulesView>;
      move(mover: RuleMover, request: RuleMoveRequest): Promise<RuleMovePlan>;
    };
  }
}
