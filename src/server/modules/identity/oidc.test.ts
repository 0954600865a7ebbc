/**
 * Resident sign-in through OpenID Connect (authorization code + PKCE) against a local OpenID
 * provider (`oidc-provider`) that this test starts, including a tampered ID token and a correctly
 * signed ID token issued to another audience.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';
import { buildLegacyCode } from '../../../shared/kernel/personal-code.ts';
import { plainDate } from '../../../shared/kernel/plain-date.ts';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';

const CALLBACK = 'http://localhost:3000/api/auth/oidc/callback';
const KNOWN_CODE = buildLegacyCode(plainDate('1980-05-17'), 123); // Jānis Bērziņš, a demo person
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

let issuer: string;
let server: http.Server;
let accountClaims: Record<string, string> = {};
/** How the next ID token from the token endpoint is to be changed in transit. */
let tamper: ((idToken: string, nonce: string) => string) | undefined;
let lastNonce = '';

const b64url = (value: object | Buffer): string =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

function signJwt(payload: Record<string, unknown>): string {
  const head = b64url({ alg: 'RS256', kid: 'test-key', typ: 'JWT' });
  const body = b64url(payload);
  const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey);
  return `${head}.${body}.${b64url(signature)}`;
}

async function oidcFetch(url: string, options: RequestInit): Promise<Response> {
  const res = await fetch(url, options);
  if (!url.endsWith('/token') || !tamper) return res;
  const json = (await res.json()) as { id_token: string };
  json.id_token = tamper(json.id_token, lastNonce);
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(json), { status: res.status, headers });
}

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'civitas',
        client_secret: 'test-secret',
        redirect_uris: [CALLBACK],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk as never] },
    claims: { openid: ['sub'], profile: ['given_name', 'family_name', 'personal_code'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key'] },
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, ...accountClaims }) }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  });
  // The "eID login page": signs the test account in and grants consent without a form.
  const finishInteraction = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const details = await provider.interactionDetails(req, res);
    const grant = new provider.Grant({ accountId: 'eid-subject-1', clientId: details.params['client_id'] as string });
    grant.addOIDCScope('openid profile');
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: 'eid-subject-1' }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  };
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) void finishInteraction(req, res);
    else void provider.callback()(req, res);
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Walks the browser's redirects through the provider, carrying its cookies, until it returns to Civitas. */
async function throughProvider(authorizationUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(CALLBACK)) return url;
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = (pair ?? '').split('=');
      if (k) jar.set(k.trim(), v.join('='));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${url} with ${res.status}: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

async function signIn(ctx: TestContext, kind: 'resident' | 'staff' = 'resident') {
  const start = await ctx.app.inject(
    `/api/auth/oidc/start?kind=${kind}&returnTo=${kind === 'staff' ? '/staff/' : '/my/data-use'}`,
  );
  expect(start.statusCode).toBe(302);
  const authUrl = new URL(start.headers.location as string);
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  lastNonce = authUrl.searchParams.get('nonce') ?? '';
  const back = new URL(await throughProvider(authUrl.href));
  return ctx.app.inject(`${back.pathname}${back.search}`);
}

describe('OpenID Connect resident sign-in', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      env: {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: 'civitas',
        OIDC_CLIENT_SECRET: 'test-secret',
        OIDC_SCOPE: 'openid profile',
      },
      oidcFetch: oidcFetch as never,
    });
  });
  afterAll(() => ctx.close());

  it('signs a registered resident in and returns to the page they came from', async () => {
    tamper = undefined;
    accountClaims = { given_name: 'Jānis', family_name: 'Bērziņš', personal_code: KNOWN_CODE };
    const res = await signIn(ctx);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/my/data-use');
    const cookie = res.cookies.find((c) => c.name === 'civitas_session');
    const session = await ctx.app.inject({
      url: '/api/session',
      headers: { cookie: `civitas_session=${cookie?.value}` },
    });
    expect(session.json()).toMatchObject({
      authenticated: true,
      kind: 'resident',
      resident: { personId: '00000000-0000-4000-8000-000000000001', personalCode: KNOWN_CODE },
    });
  });

  it('refuses an ID token whose content was changed in transit (signature check)', async () => {
    accountClaims = { given_name: 'Jānis', family_name: 'Bērziņš', personal_code: KNOWN_CODE };
    tamper = (token) => {
      const [h, p, s] = token.split('.');
      const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString()) as Record<string, unknown>;
      payload['personal_code'] = '32550128526';
      return `${h}.${b64url(payload)}.${s}`;
    };
    const res = await signIn(ctx);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
    expect(res.json().detail).toMatch(/signature/i);
    expect(res.cookies.find((c) => c.name === 'civitas_session')).toBeUndefined();
  });

  it('refuses a correctly signed ID token issued to another audience', async () => {
    tamper = (_token, nonce) =>
      signJwt({
        iss: issuer,
        sub: 'eid-subject-1',
        aud: 'some-other-service',
        nonce,
        iat: Math.floor(Date.now() / 1000),
        exp: Math.floor(Date.now() / 1000) + 300,
        personal_code: KNOWN_CODE,
      });
    const res = await signIn(ctx);
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/aud/i);
  });

  it('refuses a person the register does not know (403)', async () => {
    tamper = undefined;
    accountClaims = { given_name: 'Nav', family_name: 'Reģistrā', personal_code: '39999999999' };
    const res = await signIn(ctx);
    expect(res.statusCode).toBe(403);
  });

  it('refuses a callback with an unknown state (401)', async () => {
    const res = await ctx.app.inject('/api/auth/oidc/callback?code=abc&state=forged');
    expect(res.statusCode).toBe(401);
  });

  it('refuses a returnTo that leaves the site (400)', async () => {
    const res = await ctx.app.inject('/api/auth/oidc/start?returnTo=//evil.example');
    expect(res.statusCode).toBe(400);
  });
});

describe('OpenID Connect staff sign-in', () => {
  it('is refused unless OIDC_FOR_STAFF is on', async () => {
    const ctx = await createTestContext({
      env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'civitas', OIDC_CLIENT_SECRET: 'test-secret' },
      oidcFetch: oidcFetch as never,
    });
    try {
      expect((await ctx.app.inject('/api/auth/oidc/start?kind=staff')).statusCode).toBe(404);
    } finally {
      await ctx.close();
    }
  });

  it('signs in the staff account linked to the provider subject, without a TOTP code (the eID is two-factor itself)', async () => {
    const ctx = await createTestContext({
      env: {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: 'civitas',
        OIDC_CLIENT_SECRET: 'test-secret',
        OIDC_FOR_STAFF: 'true',
        DEMO_MODE: 'false',
      },
      oidcFetch: oidcFetch as never,
    });
    try {
      tamper = undefined;
      accountClaims = { given_name: 'Ilze', family_name: 'Kalniņa' };
      await ctx.database.db
        .updateTable('identity.staffAccount')
        .set({ oidcSubject: 'eid-subject-1' })
        .where('username', '=', 'registrar')
        .execute();
      const res = await signIn(ctx, 'staff');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/staff/');
      const cookie = res.cookies.find((c) => c.name === 'civitas_session');
      const session = await ctx.app.inject({
        url: '/api/session',
        headers: { cookie: `civitas_session=${cookie?.value}` },
      });
      expect(session.json()).toMatchObject({
        authenticated: true,
        kind: 'staff',
        mfaPending: false,
        staff: { username: 'registrar' },
      });
    } finally {
      await ctx.close();
    }
  });
});
