import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInResident, signInStaff, newClient, type TestContext } from '../../../test/test-app.ts';
import type { WorkSummary } from '../../../shared/contracts/workbench.contract.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  // The demo cases of RIGA-1 (one in each step, and an inclusion) and three visits on the next working day.
  await ctx.app.backgroundJobs.seedDemoCases();
  await ctx.app.backgroundJobs.ensureAppointmentDefaults();
  await ctx.app.backgroundJobs.seedDemoAppointments();
});
afterAll(() => ctx.close());

async function summaryOf(username: string): Promise<WorkSummary> {
  const client = await signInStaff(ctx.app, username);
  const res = await client.request('GET', '/api/workbench/summary');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as WorkSummary;
}

describe('GET /api/workbench/summary', () => {
  it('gives a registrar the branch by name, their cases and the branch’s queue, and today’s desk, nothing of production', async () => {
    const summary = await summaryOf('registrar');
    expect(summary.branch).toEqual({ code: 'RIGA-1', nameLv: 'Rīgas 1. nodaļa', nameEn: 'Riga Division 1' });
    // Taken by the demo registrar: in review, waiting for the applicant, proposed; nobody's yet: a correction and the inclusion.
    expect(summary.cases).toEqual({
      assignedToMe: 3,
      unassigned: 2,
      nearDeadline: 0,
      nearDeadlineDays: 5,
      awaitingApproval: null,
    });
    expect(summary.appointments).toEqual({ date: '2026-11-30', expected: 0, arrived: 0, waitingTickets: 0 });
    expect(summary.production).toBeNull();
  });

  it('tells a decision-maker how many proposed decisions wait for approval', async () => {
    const summary = await summaryOf('decision.maker');
    expect(summary.cases).toMatchObject({ assignedToMe: 0, awaitingApproval: 1 });
    expect(summary.appointments).toBeNull();
  });

  it('shows registrar2, the four-eyes colleague, the same branch and cases', async () => {
    const summary = await summaryOf('registrar2');
    expect(summary.branch?.code).toBe('RIGA-1');
    expect(summary.cases).toMatchObject({ assignedToMe: 0, unassigned: 2 });
  });

  it('counts the cases near their deadline once the clock comes close to it', async () => {
    // Received 30 Nov with a month's limit: due 30 Dec; five working days before it the cases count as near.
    ctx.clock.advance(22 * 86_400_000);
    const summary = await summaryOf('supervisor');
    expect(summary.cases?.nearDeadline).toBeGreaterThanOrEqual(4);
    ctx.clock.advance(-22 * 86_400_000);
  });

  it('counts today’s visits and walk-in tickets without reading a visitor’s name', async () => {
    ctx.clock.advance(86_400_000);
    const desk = await signInStaff(ctx.app, 'document.officer');
    const day = (await desk.request('GET', '/api/appointments/day?date=2026-12-01')).json() as {
      appointments: Array<{ id: string }>;
    };
    expect(day.appointments).toHaveLength(3);
    expect(
      (
        await desk.request('POST', `/api/appointments/bookings/${day.appointments[0]?.id}/status`, {
          status: 'arrived',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await desk.request('POST', '/api/appointments/tickets', { serviceCode: 'document-pickup' })).statusCode,
    ).toBe(201);
    const entries = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('audit.entry')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await entries();
    const summary = (await desk.request('GET', '/api/workbench/summary')).json() as WorkSummary;
    expect(summary.appointments).toEqual({ date: '2026-12-01', expected: 2, arrived: 1, waitingTickets: 1 });
    expect(summary.production).toBeNull();
    expect(await entries()).toBe(before);
    ctx.clock.advance(-86_400_000);
  });

  it('gives a supervisor the production queue and an auditor only the branch', async () => {
    expect((await summaryOf('supervisor')).production).toEqual({ waiting: 0 });
    const auditor = await summaryOf('auditor');
    expect(auditor).toMatchObject({ branch: { code: 'RIGA-1' }, cases: null, appointments: null, production: null });
    expect((await summaryOf('municipality.jelgava')).branch).toMatchObject({
      code: 'JELGAVA-PASV',
      nameEn: 'Jelgava City Municipality',
    });
  });

  it('is for staff only', async () => {
    expect((await newClient(ctx.app).request('GET', '/api/workbench/summary')).statusCode).toBe(401);
    expect((await (await signInResident(ctx.app)).request('GET', '/api/workbench/summary')).statusCode).toBe(403);
  });
});
