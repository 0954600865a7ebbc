import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInResident, signInStaff, type TestContext } from '../../../../test/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('demo cases', () => {
  it('opens one correction in each step for the demo persons and one inclusion, once', async () => {
    expect(await ctx.app.backgroundJobs.seedDemoCases()).toBe(6);
    expect(await ctx.app.backgroundJobs.seedDemoCases()).toBe(0);
    const registrar = await signInStaff(ctx.app, 'registrar');
    const queue = (await registrar.request('GET', '/api/cases/queue')).json() as { cases: Array<{ status: string }> };
    expect(queue.cases.map((c) => c.status).sort()).toEqual([
      'awaiting-applicant',
      'in-review',
      'proposed',
      'submitted',
      'submitted',
    ]);
    const sergejs = await signInResident(ctx.app, '00000000-0000-4000-8000-000000000003');
    const mine = (await sergejs.request('GET', '/api/portal/me/cases')).json() as { cases: Array<{ status: string }> };
    expect(mine.cases).toEqual([expect.objectContaining({ status: 'accepted' })]);
    const data = (await sergejs.request('GET', '/api/portal/me/register')).json() as { originalName: string | null };
    expect(data.originalName).toBe('Sergey Ivanov');
  });
});
