import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInStaff, type TestContext } from '../../../test/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.backgroundJobs.ensureAppointmentDefaults();
});
afterAll(() => ctx.close());

describe('demo appointments', () => {
  it('book three demo citizens for the next working day at the online-applications branch, once', async () => {
    expect(await ctx.app.backgroundJobs.seedDemoAppointments()).toBe(3);
    expect(await ctx.app.backgroundJobs.seedDemoAppointments()).toBe(0);
    // The test clock is Monday 2026-11-30: the next working day is Tuesday.
    const desk = await signInStaff(ctx.app, 'registrar');
    const day = (await desk.request('GET', '/api/appointments/day?date=2026-12-01')).json() as {
      appointments: Array<{ time: string; personName: string; serviceCode: string }>;
    };
    expect(day.appointments.map((a) => a.time)).toEqual(['09:00', '09:30', '10:15']);
    expect(day.appointments.every((a) => a.personName.length > 0)).toBe(true);
  });
});
