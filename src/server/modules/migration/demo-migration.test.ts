/** The demo migration work: every step of the procedure is in the queue, and a second run adds nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInStaff, type TestContext } from '../../../test/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { DEMO_MIGRATION_CASES: '40' } });
});
afterAll(() => ctx?.close());

describe('the demo migration cases', () => {
  it('open visa and residence applications in every step once, and the officer finds them in the queue', async () => {
    // 40 visas and invitations and a quarter as many residence applications; enough that some granted ones
    // lack a document on purpose (their officers confirm the failed check), so every path is seeded.
    const opened = await ctx.app.backgroundJobs.seedDemoMigration();
    expect(opened).toBeGreaterThanOrEqual(45);
    expect(await ctx.app.backgroundJobs.seedDemoMigration()).toBe(0);
    const officer = await signInStaff(ctx.app, 'migration.officer');
    const queue = (await officer.request('GET', '/api/cases/queue?limit=200')).json() as {
      cases: Array<{ caseType: string; status: string }>;
    };
    const statuses = new Set(queue.cases.map((c) => c.status));
    for (const s of ['submitted', 'in-review', 'awaiting-applicant', 'proposed']) expect(statuses).toContain(s);
    expect(queue.cases.some((c) => c.caseType === 'visa-invitation')).toBe(true);
    expect(queue.cases.some((c) => c.caseType === 'visa-d')).toBe(true);
    expect(queue.cases.filter((c) => c.caseType === 'residence-permit').length).toBeGreaterThan(4);

    // Paged: the second page of five is the sixth to tenth case of the whole list; the closed ones are their own list.
    type Page = { cases: Array<{ reference: string; status: string }>; total: number };
    const page = (await officer.request('GET', '/api/cases/queue?limit=5&offset=5')).json() as Page;
    expect(page.cases.map((c) => c.reference)).toEqual(
      queue.cases.slice(5, 10).map((c) => (c as unknown as { reference: string }).reference),
    );
    const closed = (await officer.request('GET', '/api/cases/queue?state=closed&limit=200')).json() as Page;
    expect(new Set(closed.cases.map((c) => c.status))).toEqual(new Set(['issued', 'rejected', 'withdrawn']));
    expect(closed.total + (queue as unknown as Page).total).toBe(opened);
    expect((await officer.request('GET', '/api/cases/queue?offset=10001')).statusCode).toBe(400);
  });
});
