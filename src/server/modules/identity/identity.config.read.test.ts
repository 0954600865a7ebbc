import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import { DEMO_STAFF_USERNAMES } from './demo-seed.ts';

let demo: TestContext;
let production: TestContext;
beforeAll(async () => {
  demo = await createTestContext();
  production = await createTestContext({ env: { DEMO_MODE: 'false' }, seed: false });
});
afterAll(async () => {
  await demo.close();
  await production.close();
});

describe('GET /api/config: the demo accounts of the sign-in page', () => {
  it('lists every seeded demo account with its roles in demo mode, so the sign-in hint cannot fall behind the seed', async () => {
    const config = (await demo.app.inject('/api/config')).json() as {
      demoAccounts: Array<{ username: string; roles: string[] }>;
    };
    expect(config.demoAccounts).toEqual(DEMO_STAFF_USERNAMES);
    expect(config.demoAccounts.map((a) => a.username)).toEqual(
      expect.arrayContaining(['registrar2', 'senior.registrar', 'municipality.jelgava', 'document.officer2']),
    );
  });

  it('lists none outside demo mode', async () => {
    expect(((await production.app.inject('/api/config')).json() as { demoAccounts: unknown[] }).demoAccounts).toEqual(
      [],
    );
  });

  it('matches the accounts the README names', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const paragraph = readme.slice(readme.indexOf('- staff workbench:'), readme.indexOf('- API reference:'));
    const named = [...paragraph.matchAll(/`([a-z0-9.]+)`/g)].map((m) => m[1]).filter((u) => u !== 'civitas-demo');
    expect(new Set(named)).toEqual(new Set(DEMO_STAFF_USERNAMES.map((s) => s.username)));
  });
});
