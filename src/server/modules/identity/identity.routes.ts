/** HTTP for sign-in, sessions, the demo eID page, OIDC, staff accounts and branches. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { stringifySetCookie } from 'cookie';
import { registerEndpoint } from '../../http/route.ts';
import { personalData } from '../../http/personal-data.ts';
import { AppError } from '../../http/app-error.ts';
import type { Config } from '../../config.ts';
import * as contract from '../../../shared/contracts/identity.contract.ts';
import { toStaffProfile, type IdentityService, type ClientInfo, type StaffAccountRow } from './identity.service.ts';
import type { OidcRelyingParty } from './oidc.ts';
import { DEMO_STAFF_USERNAMES } from './demo-seed.ts';

export const SESSION_COOKIE = 'civitas_session';

function clientInfo(request: FastifyRequest): ClientInfo {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

function summary(a: StaffAccountRow) {
  return {
    ...toStaffProfile(a),
    email: a.email,
    lockedUntil: a.lockedUntil,
    failedLoginCount: a.failedLoginCount,
    disabledAt: a.disabledAt,
    createdAt: a.createdAt,
  };
}

export function registerIdentityRoutes(
  app: FastifyInstance,
  deps: { identity: IdentityService; config: Config; oidc: OidcRelyingParty | undefined },
): void {
  const { identity, config, oidc } = deps;

  const setSessionCookie = (reply: FastifyReply, token: string): void => {
    reply.header(
      'set-cookie',
      stringifySetCookie({
        name: SESSION_COOKIE,
        value: token,
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        maxAge: config.sessionMaxHours * 3600,
      }),
    );
  };
  const clearSessionCookie = (reply: FastifyReply): void => {
    reply.header(
      'set-cookie',
      stringifySetCookie({
        name: SESSION_COOKIE,
        value: '',
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        expires: new Date(0),
        maxAge: 0,
      }),
    );
  };
  /** A new sign-in ends the session the browser had before (no fixation, no parallel leftovers). */
  const endPrevious = async (request: FastifyRequest): Promise<void> => identity.signOut(request.principal);

  registerEndpoint(app, contract.getClientConfig, 'public', () => ({
    demoMode: config.demoMode,
    oidcForResidents: Boolean(config.oidc),
    oidcForStaff: Boolean(config.oidc?.forStaff),
    languages: ['lv', 'en'] as ('lv' | 'en')[],
    version: app.civitasVersion,
    timeZone: config.timeZone,
    demoAccounts: config.demoMode ? DEMO_STAFF_USERNAMES : [],
  }));

  registerEndpoint(app, personalData(contract.getSession), 'public', ({ principal }) =>
    identity.describeSession(principal),
  );

  registerEndpoint(
    app,
    personalData(contract.staffSignIn),
    'public',
    async ({ body, request, reply }) => {
      const result = await identity.signInStaff(body.username, body.password, clientInfo(request));
      await endPrevious(request);
      setSessionCookie(reply, result.token);
      return result;
    },
    { rateLimit: { max: config.loginRatePerMinute, timeWindow: 60_000 } },
  );

  // Reachable with a session that still waits for its second factor (authorize() lets 'public' through).
  registerEndpoint(
    app,
    personalData(contract.staffVerifyTotp),
    'public',
    async ({ body, principal }) => {
      if (principal.kind !== 'staff') throw new AppError('UNAUTHENTICATED', 'Sign in with your password first');
      return identity.verifyTotp(principal, body.code);
    },
    { rateLimit: { max: config.loginRatePerMinute, timeWindow: 60_000 } },
  );

  registerEndpoint(app, contract.signOut, 'public', async ({ principal, reply }) => {
    await identity.signOut(principal);
    clearSessionCookie(reply);
  });

  registerEndpoint(app, personalData(contract.listDemoEidPersons), 'public', async () => ({
    persons: await identity.listDemoPersons(),
  }));

  registerEndpoint(
    app,
    personalData(contract.demoEidSignIn),
    'public',
    async ({ body, request, reply }) => {
      const issued = await identity.signInDemoResident(body.personId, clientInfo(request), request.id);
      await endPrevious(request);
      setSessionCookie(reply, issued.token);
      return issued.session;
    },
    { rateLimit: { max: config.loginRatePerMinute, timeWindow: 60_000 } },
  );

  registerEndpoint(app, contract.oidcStart, 'public', async ({ query, reply }) => {
    if (!oidc) throw new AppError('NOT_FOUND', 'OpenID Connect sign-in is not configured');
    return reply.redirect(await oidc.start(query.kind, query.returnTo), 302);
  });

  registerEndpoint(app, contract.oidcCallback, 'public', async ({ request, reply }) => {
    if (!oidc) throw new AppError('NOT_FOUND', 'OpenID Connect sign-in is not configured');
    const identityFromProvider = await oidc.complete(new URL(request.url, config.publicUrl));
    let token: string;
    if (identityFromProvider.kind === 'resident') {
      if (!identityFromProvider.personalCode)
        throw new AppError('UNAUTHENTICATED', `The eID provider sent no ${config.oidc?.personalCodeClaim} claim`);
      token = (
        await identity.signInOidcResident(
          identityFromProvider.personalCode,
          identityFromProvider.name,
          clientInfo(request),
          request.id,
        )
      ).token;
    } else {
      token = (await identity.signInOidcStaff(identityFromProvider.subject, clientInfo(request))).token;
    }
    await endPrevious(request);
    setSessionCookie(reply, token);
    return reply.redirect(identityFromProvider.returnTo, 303);
  });

  registerEndpoint(app, contract.listBranches, { permission: 'branch:read' }, async () => ({
    branches: await identity.listBranches(),
  }));
  registerEndpoint(app, personalData(contract.readMyContact), 'resident', async ({ principal }) =>
    identity.residentContact(principal.personId),
  );
  registerEndpoint(app, personalData(contract.saveMyContact), 'resident', async ({ principal, body }) =>
    identity.saveResidentContact(principal.personId, body),
  );

  registerEndpoint(app, contract.listStaffAccounts, { permission: 'staff:read' }, async ({ principal }) => ({
    accounts: (await identity.listStaff(principal)).map(summary),
  }));

  registerEndpoint(app, contract.createStaffAccount, { permission: 'staff:manage' }, async ({ body }) =>
    summary(await identity.createStaff(body)),
  );

  registerEndpoint(app, contract.unlockStaffAccount, { permission: 'staff:manage' }, async ({ params }) =>
    summary(await identity.unlockStaff(params.id)),
  );
}
