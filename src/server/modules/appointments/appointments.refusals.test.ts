/**
 * Appointment refusals name their rule over HTTP (issue 23, item 3): a second booking of the same service
 * answers the one-booking-per-service rule with the existing visit's time, not "data changed"; marking
 * tomorrow's visit as arrived answers the rule that visits are marked on their day. The test clock: Monday
 * 2026-11-30, 10:00 in Riga.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  signInResident,
  signInStaff,
  type Client,
  type TestContext,
} from '../../../test/test-app.ts';
import { appointmentBranchId } from '../../../test/appointment-branch.ts';

const ANNA = '00000000-0000-4000-8000-000000000002';

let ctx: TestContext;
let anna: Client;
let branchId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.backgroundJobs.ensureAppointmentDefaults();
  anna = await signInResident(ctx.app, ANNA);
  branchId = await appointmentBranchId(ctx.app);
});
afterAll(() => ctx.close());

const book = (startsAt: string) =>
  anna.request('POST', '/api/portal/me/appointments', {
    branchId,
    serviceCode: 'document-application',
    language: 'lv',
    startsAt,
  });

describe('appointment refusals', () => {
  let tomorrow: { id: string };

  it('a second booking of the same service answers 409 with the one-per-service rule and the booked visit’s time', async () => {
    const first = await book('2026-12-01T06:30:00.000Z');
    expect(first.statusCode, first.body).toBe(201);
    tomorrow = first.json() as { id: string };
    const second = await book('2026-12-02T07:00:00.000Z');
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({
      type: 'urn:civitas:problem:rule:appointment.one-per-service',
      code: 'CONFLICT',
      rule: 'appointment.one-per-service',
      ruleValues: { name: 'Anna Marija Ozola', startsAt: '2026-12-01T06:30:00.000Z' },
    });
  });

  it('marking tomorrow’s visit as arrived answers that visits are marked on their day, naming the day', async () => {
    const desk = await signInStaff(ctx.app, 'document.officer');
    const res = await desk.request('POST', `/api/appointments/bookings/${tomorrow.id}/status`, { status: 'arrived' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      type: 'urn:civitas:problem:rule:appointment.mark-on-the-day',
      code: 'INVALID_STATE',
      rule: 'appointment.mark-on-the-day',
      ruleValues: { date: '2026-12-01' },
    });
  });

  it('a problem without a rule keeps its code’s type and has no rule members', async () => {
    // A real route with a booking that does not exist: the service's own NOT_FOUND, not the router's.
    const res = await anna.request('POST', '/api/portal/me/appointments/00000000-0000-4000-8000-00000000ffff/cancel');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ type: 'urn:civitas:problem:not-found', code: 'NOT_FOUND' });
    expect(res.json()).not.toHaveProperty('rule');
  });
});
