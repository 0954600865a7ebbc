/** buildApp for tests: a fresh database, a manual clock, cheap password hashing, demo data, no logs. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CustomFetch } from 'openid-client';
import { buildApp } from '../server/app.ts';
import { parseConfig, type Config } from '../server/config.ts';
import { createManualClock } from '../server/platform/clock.ts';
import { createArgon2Hasher } from '../server/platform/password.ts';
import { seedDemoIdentity, DEMO_PASSWORD } from '../server/modules/identity/index.ts';
import { seedRegister } from '../server/modules/register/index.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export const TEST_START = '2026-11-30T08:00:00.000Z';
export const cheapHasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });

export interface TestContext {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  clock: ReturnType<typeof createManualClock>;
  close(): Promise<void>;
}

/** `population` adds that many synthetic persons (seed 7) to the demo families. */
export async function createTestContext(
  options: { env?: Record<string, string>; seed?: boolean; population?: number; oidcFetch?: CustomFetch } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = parseConfig({
    DATA_DIR: database.dataDir || '/tmp/civitas-unused',
    DEMO_MODE: 'true',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '10000',
    ...options.env,
  });
  const clock = createManualClock(TEST_START);
  if (options.seed !== false) {
    await seedDemoIdentity(database.db, cheapHasher);
    await seedRegister(database.db, database.pool, {
      engine: database.engine,
      persons: options.population ?? 0,
      seed: 7,
      today: TEST_START.slice(0, 10),
      now: TEST_START,
    });
  }
  const app = await buildApp({
    config,
    db: database.db,
    clock,
    hasher: cheapHasher,
    logger: false,
    ...(options.oidcFetch ? { oidcFetch: options.oidcFetch } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in client: keeps the session cookie and sends the CSRF token on unsafe requests. */
export interface Client {
  cookie: string | undefined;
  csrf: string | undefined;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export function newClient(app: FastifyInstance): Client {
  const client: Client = {
    cookie: undefined,
    csrf: undefined,
    async request(method, url, body) {
      const res = await app.inject({
        method,
        url,
        headers: {
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...(client.csrf && method !== 'GET' ? { 'x-csrf-token': client.csrf } : {}),
        },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      const set = res.cookies.find((c) => c.name === 'civitas_session');
      if (set) client.cookie = set.value ? `civitas_session=${set.value}` : undefined;
      const json = res.headers['content-type']?.toString().includes('json')
        ? (res.json() as { csrfToken?: string; session?: { csrfToken?: string } })
        : undefined;
      const token = json?.session?.csrfToken ?? json?.csrfToken;
      if (token) client.csrf = token;
      return res;
    },
  };
  return client;
}

export async function signInStaff(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = newClient(app);
  const res = await client.request('POST', '/api/auth/staff/sign-in', { username, password });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  return client;
}

export const DEMO_PERSON_ID = '00000000-0000-4000-8000-000000000001';

export async function signInResident(app: FastifyInstance, personId = DEMO_PERSON_ID): Promise<Client> {
  const client = newClient(app);
  const res = await client.request('POST', '/api/auth/demo-eid/sign-in', { personId });
  if (res.statusCode !== 200) throw new Error(`resident sign-in failed: ${res.statusCode} ${res.body}`);
  return client;
}
