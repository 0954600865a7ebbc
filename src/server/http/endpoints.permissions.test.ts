import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, hasPermission, type Role } from '../../shared/kernel/permissions.ts';
import {
  createTestContext,
  newClient,
  signInResident,
  signInStaff,
  type Client,
  type TestContext,
} from '../../test/test-app.ts';
import { DEMO_STAFF_USERNAMES } from '../modules/identity/index.ts';
import type { EndpointRecord } from './route.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

type Caller = Role | 'resident' | 'anonymous';
const CALLERS: Caller[] = [...ROLES, 'resident', 'anonymous'];

function usernameFor(role: Role): string {
  const account = DEMO_STAFF_USERNAMES.find((s) => s.roles.length === 1 && s.roles[0] === role);
  if (!account) throw new Error(`no single-role demo account for ${role}`);
  return account.username;
}

async function clientFor(caller: Caller): Promise<Client> {
  if (caller === 'anonymous') return newClient(ctx.app);
  if (caller === 'resident') return signInResident(ctx.app);
  return signInStaff(ctx.app, usernameFor(caller));
}

function allowed(endpoint: EndpointRecord, caller: Caller): boolean {
  const access = endpoint.access;
  if (access === 'public') return true;
  if (caller === 'anonymous') return false;
  if (access === 'any-session') return true;
  if (access === 'resident') return caller === 'resident';
  if (caller === 'resident') return false;
  if (access === 'staff') return true;
  // Partner services open to a partner system's key only, never to a person's session.
  if (access === 'partner') return false;
  return hasPermission([caller], access.permission);
}

const SAMPLE_ID = '00000000-0000-4000-8000-000000000001';

describe('permission matrix: every endpoint × every role', () => {
  it('has a demo account for every role', () => {
    for (const role of ROLES) expect(() => usernameFor(role)).not.toThrow();
  });

  it('registers at least the spine endpoints', () => {
    expect(ctx.app.endpointRegistry.length).toBeGreaterThanOrEqual(15);
  });

  it('answers 401/403 exactly where the access rule says so', async () => {
    const failures: string[] = [];
    for (const endpoint of ctx.app.endpointRegistry) {
      // The OIDC endpoints need a configured provider; they are public and covered by oidc tests.
      const url = endpoint.path.replace(/\{\w+\}/g, SAMPLE_ID);
      for (const caller of CALLERS) {
        const client = await clientFor(caller);
        const res = await client.request(
          endpoint.method as 'GET' | 'POST',
          url,
          endpoint.method === 'GET' ? undefined : {},
        );
        const denied = res.statusCode === 401 || res.statusCode === 403;
        const authDenied =
          denied && ['UNAUTHENTICATED', 'FORBIDDEN', 'SESSION_EXPIRED'].includes((res.json() as { code: string }).code);
        const expectAllowed = allowed(endpoint, caller);
        if (expectAllowed && authDenied)
          failures.push(
            `${endpoint.method} ${endpoint.path} as ${caller}: expected access, got ${res.statusCode} ${res.body}`,
          );
        if (!expectAllowed && !authDenied)
          failures.push(`${endpoint.method} ${endpoint.path} as ${caller}: expected 401/403, got ${res.statusCode}`);
        if (!expectAllowed && caller === 'anonymous' && res.statusCode !== 401)
          failures.push(`${endpoint.method} ${endpoint.path} anonymous: expected 401, got ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
