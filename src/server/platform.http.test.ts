import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, newClient, signInResident, signInStaff, type TestContext } from '../test/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('health and metrics', () => {
  it('GET /health/live and /health/ready answer 200 with the database reachable', async () => {
    expect((await ctx.app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject('/health/ready')).json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('GET /metrics exposes Prometheus text with request durations per route', async () => {
    await ctx.app.inject('/api/config');
    const res = await ctx.app.inject('/metrics');
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain(
      'civitas_http_request_duration_seconds_count{method="GET",route="/api/config",status="200"}',
    );
    expect(res.body).toContain('civitas_process_cpu_seconds_total');
  });
});

describe('RFC 9457 problem details', () => {
  it('answers an unknown API route with 404 application/problem+json', async () => {
    const res = await ctx.app.inject('/api/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      type: 'urn:civitas:problem:not-found',
      title: 'Not found',
      status: 404,
      code: 'NOT_FOUND',
      instance: '/api/does-not-exist',
    });
    expect(res.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/staff/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers an unsupported content type with a 4xx problem', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/staff/sign-in',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().detail).toMatch(/media type/i);
  });

  it('names every invalid field in `errors`', async () => {
    const admin = await signInStaff(ctx.app, 'admin');
    const res = await admin.request('POST', '/api/identity/staff', {
      username: 'X',
      displayName: '',
      roles: [],
      branchId: 'nope',
      initialPassword: 'short',
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['branchId', 'displayName', 'initialPassword', 'roles', 'username']);
  });
});

describe('security headers', () => {
  it('sends pages a strict Content-Security-Policy and no framing', async () => {
    const res = await ctx.app.inject('/my/documents');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('sends API answers the short API set: nothing may be loaded or framed, no sniffing, no referrer', async () => {
    const res = await ctx.app.inject('/api/config');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
  });

  it('keeps the page set for the interactive API reference, which is a page', async () => {
    const res = await ctx.app.inject('/api/docs/');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });
});

describe('OpenAPI', () => {
  it('GET /api/openapi.json is OpenAPI 3.1 describing every endpoint with its schemas', async () => {
    const doc = (await ctx.app.inject('/api/openapi.json')).json() as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const e of ctx.app.endpointRegistry) {
      const operation = doc.paths[e.path]?.[e.method.toLowerCase()];
      expect(operation, `${e.method} ${e.path}`).toBeDefined();
    }
    const signIn = doc.paths['/api/auth/staff/sign-in']?.['post'];
    expect(JSON.stringify(signIn?.requestBody)).toContain('"password"');
  });

  it('serves the interactive reference at /api/docs', async () => {
    const res = await ctx.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('admin: staff accounts', () => {
  it('creates an account (201) that can sign in, and refuses a duplicate username (409 DUPLICATE)', async () => {
    const admin = await signInStaff(ctx.app, 'admin');
    const branches = (await admin.request('GET', '/api/identity/branches')).json().branches as {
      id: string;
      code: string;
    }[];
    const body = {
      username: 'new.officer',
      displayName: 'Jauna Amatpersona',
      email: 'new.officer@example.invalid',
      roles: ['registrar', 'document-officer'],
      branchId: branches[0]?.id,
      initialPassword: 'a long enough password',
    };
    const res = await admin.request('POST', '/api/identity/staff', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'new.officer',
      roles: ['registrar', 'document-officer'],
      isDemo: false,
    });
    expect(res.json()).not.toHaveProperty('passwordHash');
    expect((await admin.request('POST', '/api/identity/staff', body)).json().code).toBe('DUPLICATE');
    const signIn = await newClient(ctx.app).request('POST', '/api/auth/staff/sign-in', {
      username: 'new.officer',
      password: 'a long enough password',
    });
    expect(signIn.json().status).toBe('totp-enrolment-required');
  });

  it('shows a supervisor only the accounts of their own branch', async () => {
    const supervisor = await signInStaff(ctx.app, 'supervisor');
    const accounts = (await supervisor.request('GET', '/api/identity/staff')).json().accounts as {
      branchCode: string;
    }[];
    expect(accounts.length).toBeGreaterThan(0);
    expect(new Set(accounts.map((a) => a.branchCode))).toEqual(new Set(['RIGA-1']));
  });
});

describe('web shells', () => {
  it('serves an HTML page for portal and staff routes, and a problem for unknown API paths', async () => {
    const portal = await ctx.app.inject('/my/data-use');
    expect(portal.headers['content-type']).toContain('text/html');
    const staff = await ctx.app.inject('/staff/anything');
    expect(staff.headers['content-type']).toContain('text/html');
    expect((await ctx.app.inject('/api/nothing/here')).statusCode).toBe(404);
  });
});

describe('field errors speak the browser’s words', () => {
  it('POST /api/portal/me/residence-declarations answers 400 with each field’s catalogue message, its values and English for API clients', async () => {
    const resident = await signInResident(ctx.app);
    const res = await resident.request('POST', '/api/portal/me/residence-declarations', {
      subjectPersonId: '00000000-0000-4000-8000-000000000001',
      validFrom: '2026-02-31',
      housingBasis: 'x'.repeat(250),
      address: {
        kind: 'latvia',
        municipalityCode: 'LV-RIX',
        street: 'Brīvības iela',
        building: '1',
        postcode: '12345',
      },
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as {
      path: string;
      key: string;
      values?: Record<string, number>;
      message: string;
    }[];
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(byPath['address.postcode']).toMatchObject({
      key: 'format.postcode',
      message: '“address.postcode”: enter the postcode as LV-1234',
    });
    expect(byPath['housingBasis']).toMatchObject({
      key: 'validation.tooLong',
      values: { max: 200, count: 250 },
      message: '“housingBasis” can be at most 200 characters (you wrote 250)',
    });
    expect(byPath['validFrom']).toMatchObject({
      key: 'validation.date',
      message: '“validFrom”: enter a real date, for example 1980-05-17',
    });
  });
});
