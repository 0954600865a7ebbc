import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as otp from 'otplib';
import {
  createTestContext,
  newClient,
  signInStaff,
  signInResident,
  type TestContext,
  DEMO_PERSON_ID,
  cheapHasher,
} from '../../../test/test-app.ts';
import { SESSION_CACHE_MS } from './identity.service.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function createAccount(username: string, roles: string[] = ['registrar']): Promise<void> {
  const branch = await ctx.database.db
    .selectFrom('identity.branch')
    .select('id')
    .where('code', '=', 'RIGA-1')
    .executeTakeFirstOrThrow();
  await ctx.database.db
    .insertInto('identity.staffAccount')
    .values({
      username,
      displayName: `Test ${username}`,
      email: null,
      passwordHash: await cheapHasher.hash('correct horse battery'),
      roles,
      branchId: branch.id,
      totpSecret: null,
      totpLastStep: null,
      lockedUntil: null,
      oidcSubject: null,
      disabledAt: null,
    })
    .execute();
}

describe('POST /api/auth/staff/sign-in', () => {
  it('signs a demo account in without a second factor and sets an HttpOnly SameSite cookie', async () => {
    const client = newClient(ctx.app);
    const res = await client.request('POST', '/api/auth/staff/sign-in', {
      username: 'registrar',
      password: 'civitas-demo',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'signed-in',
      session: {
        authenticated: true,
        kind: 'staff',
        staff: { username: 'registrar', isDemo: true, roles: ['registrar'] },
      },
    });
    const cookie = res.cookies.find((c) => c.name === 'civitas_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const stored = await ctx.database.db
      .selectFrom('identity.session')
      .select(['tokenHash'])
      .where('kind', '=', 'staff')
      .execute();
    expect(stored.some((s) => s.tokenHash === cookie?.value)).toBe(false);
  });

  it('accepts the username in any case', async () => {
    const res = await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', {
      username: 'Registrar',
      password: 'civitas-demo',
    });
    expect(res.statusCode).toBe(200);
  });

  it('returns 401 UNAUTHENTICATED with the same message for a wrong password and an unknown user', async () => {
    const a = await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', {
      username: 'supervisor',
      password: 'wrong',
    });
    const b = await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', {
      username: 'nobody-here',
      password: 'wrong',
    });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
    expect(a.headers['content-type']).toContain('application/problem+json');
  });

  it('returns 400 VALIDATION_FAILED naming the missing field, and refuses unknown fields', async () => {
    const res = await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', { username: 'registrar' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'password' }] });
    const extra = await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', {
      username: 'registrar',
      password: 'x',
      admin: true,
    });
    expect(extra.statusCode).toBe(400);
  });

  it('locks the account after 5 wrong passwords (423 ACCOUNT_LOCKED, even with the right password), and an administrator unlocks it', async () => {
    await createAccount('lockme');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', { username: 'lockme', password: 'nope' }))
          .statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const right = await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', {
      username: 'lockme',
      password: 'correct horse battery',
    });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');

    const admin = await signInStaff(ctx.app, 'admin');
    const account = await ctx.database.db
      .selectFrom('identity.staffAccount')
      .select('id')
      .where('username', '=', 'lockme')
      .executeTakeFirstOrThrow();
    const unlock = await admin.request('POST', `/api/identity/staff/${account.id}/actions/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json()).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
    expect(
      (
        await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', {
          username: 'lockme',
          password: 'correct horse battery',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('counts parallel wrong passwords exactly: 5 at once lock the account', async () => {
    await createAccount('parallel');
    await Promise.all(
      Array.from({ length: 5 }, () =>
        newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', { username: 'parallel', password: 'nope' }),
      ),
    );
    const right = await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', {
      username: 'parallel',
      password: 'correct horse battery',
    });
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('lifts the lock by itself after the lockout period', async () => {
    await createAccount('waitout');
    for (let i = 0; i < 5; i++)
      await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', { username: 'waitout', password: 'nope' });
    ctx.clock.advance(16 * 60_000);
    expect(
      (
        await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', {
          username: 'waitout',
          password: 'correct horse battery',
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('TOTP second factor', () => {
  it('makes a non-demo account enrol, then requires a fresh code at every sign-in; a code works only once', async () => {
    await createAccount('totp.user');
    const first = newClient(ctx.app);
    const res = await first.request('POST', '/api/auth/staff/sign-in', {
      username: 'totp.user',
      password: 'correct horse battery',
    });
    expect(res.json()).toMatchObject({
      status: 'totp-enrolment-required',
      session: { authenticated: false, mfaPending: true },
    });
    const secret = res.json().enrolment.secret as string;
    expect(res.json().enrolment.otpauthUri).toContain('otpauth://totp/Civitas:totp.user');

    // Until the second factor is given, nothing but the TOTP endpoint is open.
    const blocked = await first.request('GET', '/api/identity/branches');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().code).toBe('MFA_REQUIRED');

    const epoch = Math.floor(ctx.clock.now().getTime() / 1000);
    const wrong = await first.request('POST', '/api/auth/staff/totp', {
      code: '000000' === (await otp.generate({ secret, epoch })) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(401);
    const code = await otp.generate({ secret, epoch });
    const ok = await first.request('POST', '/api/auth/staff/totp', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ authenticated: true, mfaPending: false, staff: { totpEnabled: true } });
    expect((await first.request('GET', '/api/identity/branches')).statusCode).toBe(200);

    const second = newClient(ctx.app);
    const again = await second.request('POST', '/api/auth/staff/sign-in', {
      username: 'totp.user',
      password: 'correct horse battery',
    });
    expect(again.json().status).toBe('totp-required');
    const replay = await second.request('POST', '/api/auth/staff/totp', { code });
    expect(replay.statusCode).toBe(401);
    ctx.clock.advance(30_000);
    const next = await second.request('POST', '/api/auth/staff/totp', {
      code: await otp.generate({ secret, epoch: epoch + 30 }),
    });
    expect(next.statusCode).toBe(200);
  });

  it('accepts one code once even when two requests bring it at the same moment', async () => {
    await createAccount('totp.race');
    const a = newClient(ctx.app);
    await a.request('POST', '/api/auth/staff/sign-in', { username: 'totp.race', password: 'correct horse battery' });
    const b = newClient(ctx.app);
    // A second unfinished enrolment replaces the first one's secret: the newest key is the one to use.
    const res = await b.request('POST', '/api/auth/staff/sign-in', {
      username: 'totp.race',
      password: 'correct horse battery',
    });
    const secret = res.json().enrolment.secret as string;
    const code = await otp.generate({ secret, epoch: Math.floor(ctx.clock.now().getTime() / 1000) });
    const results = await Promise.all([
      a.request('POST', '/api/auth/staff/totp', { code }),
      b.request('POST', '/api/auth/staff/totp', { code }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('rejects a malformed code with 400', async () => {
    const client = await signInStaff(ctx.app, 'supervisor');
    const res = await client.request('POST', '/api/auth/staff/totp', { code: '12ab' });
    expect(res.statusCode).toBe(400);
  });
});

describe('sessions', () => {
  it('ends a staff session after 15 idle minutes with 401 SESSION_EXPIRED, and keeps it alive while used', async () => {
    const client = await signInStaff(ctx.app, 'registrar');
    ctx.clock.advance(10 * 60_000);
    expect((await client.request('GET', '/api/identity/branches')).statusCode).toBe(200);
    ctx.clock.advance(10 * 60_000);
    expect((await client.request('GET', '/api/identity/branches')).statusCode).toBe(200);
    ctx.clock.advance(16 * 60_000);
    const res = await client.request('GET', '/api/identity/branches');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
    const session = await client.request('GET', '/api/session');
    expect(session.json()).toEqual({ authenticated: false });
  });

  it('ends any session after the absolute limit, however active', async () => {
    const client = await signInStaff(ctx.app, 'registrar');
    for (let i = 0; i < 11 * 6; i++) {
      ctx.clock.advance(10 * 60_000);
      const res = await client.request('GET', '/api/identity/branches');
      if (res.statusCode !== 200) {
        expect(res.json().code).toBe('SESSION_EXPIRED');
        expect(i).toBeGreaterThanOrEqual(59);
        return;
      }
    }
    throw new Error('the session never expired');
  });

  it('signs out: the cookie is cleared and the old token no longer works', async () => {
    const client = await signInStaff(ctx.app, 'registrar');
    const cookie = client.cookie;
    expect((await client.request('POST', '/api/auth/sign-out')).statusCode).toBe(204);
    const reuse = await ctx.app.inject({
      method: 'GET',
      url: '/api/identity/branches',
      headers: { cookie: cookie as string },
    });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().code).toBe('UNAUTHENTICATED');
  });

  it('reuses a resolved session for at most SESSION_CACHE_MS: a change made elsewhere (another process) counts after it', async () => {
    const client = await signInStaff(ctx.app, 'registrar');
    expect((await client.request('GET', '/api/identity/branches')).statusCode).toBe(200);
    // Revoked behind this process's back, as another instance of the deployment would.
    await ctx.database.db
      .updateTable('identity.session')
      .set({ endedAt: ctx.clock.now().toISOString(), endReason: 'revoked' })
      .where('endedAt', 'is', null)
      .execute();
    expect((await client.request('GET', '/api/identity/branches')).statusCode).toBe(200);
    ctx.clock.advance(SESSION_CACHE_MS + 1);
    const after = await client.request('GET', '/api/identity/branches');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('SESSION_EXPIRED');
  });

  it('refuses a state-changing request without the CSRF token (403 CSRF_REJECTED)', async () => {
    const client = await signInStaff(ctx.app, 'admin');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: client.cookie as string },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_REJECTED');
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: client.cookie as string, 'x-csrf-token': 'guess' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('gives GET /api/session the CSRF token and profile', async () => {
    const client = await signInStaff(ctx.app, 'supervisor');
    const res = await client.request('GET', '/api/session');
    expect(res.json()).toMatchObject({
      authenticated: true,
      kind: 'staff',
      csrfToken: client.csrf,
      staff: { branchCode: 'RIGA-1' },
      idleTimeoutSeconds: 900,
    });
  });
});

describe('demo eID (resident sign-in)', () => {
  it('lists synthetic persons and signs one in; the sign-in shows in their own data-use log', async () => {
    const list = await newClient(ctx.app).request('GET', '/api/auth/demo-eid/persons');
    expect(list.statusCode).toBe(200);
    expect(list.json().persons.length).toBeGreaterThanOrEqual(8);
    const resident = await signInResident(ctx.app, DEMO_PERSON_ID);
    const me = await resident.request('GET', '/api/session');
    expect(me.json()).toMatchObject({
      kind: 'resident',
      resident: { personId: DEMO_PERSON_ID, displayName: 'Jānis Bērziņš' },
    });
    const log = await resident.request('GET', '/api/portal/me/data-use');
    expect(log.statusCode).toBe(200);
    expect(log.json().entries[0]).toMatchObject({
      action: 'sign-in',
      purpose: 'authentication',
      actorType: 'resident',
    });
    expect(log.json().entries[0]).not.toHaveProperty('actorName');
  });

  it('returns 404 for an unknown person', async () => {
    const res = await newClient(ctx.app).request('POST', '/api/auth/demo-eid/sign-in', {
      personId: '00000000-0000-4000-8000-000000009999',
    });
    expect(res.statusCode).toBe(404);
  });

  it('does not let a resident into staff endpoints (403) nor staff into resident ones', async () => {
    const resident = await signInResident(ctx.app);
    expect((await resident.request('GET', '/api/identity/branches')).statusCode).toBe(403);
    const staff = await signInStaff(ctx.app, 'registrar');
    expect((await staff.request('GET', '/api/portal/me/data-use')).statusCode).toBe(403);
  });
});

describe('outside demo mode', () => {
  it('hides the demo eID page and makes demo accounts use a second factor', async () => {
    const prod = await createTestContext({ env: { DEMO_MODE: 'false' } });
    try {
      expect((await newClient(prod.app).request('GET', '/api/auth/demo-eid/persons')).statusCode).toBe(404);
      const res = await newClient(prod.app).request('POST', '/api/auth/staff/sign-in', {
        username: 'registrar',
        password: 'civitas-demo',
      });
      expect(res.json().status).toBe('totp-enrolment-required');
    } finally {
      await prod.close();
    }
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 RATE_LIMITED past the configured attempts per minute from one address', async () => {
    const limited = await createTestContext({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (
            await newClient(limited.app).request('POST', '/api/auth/staff/sign-in', {
              username: 'registrar',
              password: 'x',
            })
          ).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
