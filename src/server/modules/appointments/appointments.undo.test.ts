/**
 * The bookable days and undoing a cancellation over HTTP (the test clock: Monday 2026-11-30, 10:00 in Riga).
 * The calendar a date picker reads (first and last bookable day, the closed days between and why, on the
 * Latvian working-day calendar and the branch's hours); bookings refused on a closed day, a past time or
 * beyond the horizon, each with its reason; and the undo of a cancellation: restored while the slot is
 * free (on another desk if its own was taken), refused when the slot is full, the undo time is over, the
 * visit's time has come or the person has booked the service again, audited in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainDateInZone } from '../../../shared/kernel/plain-date.ts';
import {
  createTestContext,
  signInResident,
  signInStaff,
  TEST_START,
  type Client,
  type TestContext,
} from '../../../test/test-app.ts';
import { appointmentBranchId } from '../../../test/appointment-branch.ts';

const ANNA = '00000000-0000-4000-8000-000000000002';
const JANIS = '00000000-0000-4000-8000-000000000001';
const SERGEJS = '00000000-0000-4000-8000-000000000003';

type Booking = {
  id: string;
  status: string;
  startsAt: string;
  date: string;
  time: string;
  branchName: string;
  branchNameEn: string;
  undoUntil?: string;
};
type Calendar = {
  today: string;
  horizonDays: number;
  firstDay: string | null;
  lastDay: string | null;
  closedDays: Array<{ date: string; reason: string }>;
};

let ctx: TestContext;
let anna: Client;
let janis: Client;
let branchId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.backgroundJobs.ensureAppointmentDefaults();
  anna = await signInResident(ctx.app, ANNA);
  janis = await signInResident(ctx.app, JANIS);
  branchId = await appointmentBranchId(ctx.app);
});
afterAll(() => ctx.close());

/** Sets the clock and signs the residents in again (a session does not outlive a clock moved back). */
async function at(instant: string): Promise<void> {
  ctx.clock.set(instant);
  anna = await signInResident(ctx.app, ANNA);
  janis = await signInResident(ctx.app, JANIS);
}

const calendar = async (service = 'document-application') =>
  (
    await anna.request('GET', `/api/public/appointments/calendar?branchId=${branchId}&service=${service}`)
  ).json() as Calendar;
const freeAt = async (startsAt: string, service = 'document-application') => {
  const date = plainDateInZone(new Date(startsAt), 'Europe/Riga');
  const res = await anna.request(
    'GET',
    `/api/public/appointments/slots?branchId=${branchId}&service=${service}&date=${date}`,
  );
  return (res.json() as { slots: Array<{ startsAt: string; free: number }> }).slots.find((s) => s.startsAt === startsAt)
    ?.free;
};
const book = (client: Client, body: Record<string, unknown>) =>
  client.request('POST', '/api/portal/me/appointments', {
    branchId,
    serviceCode: 'document-application',
    language: 'en',
    ...body,
  });
const cancel = (client: Client, id: string) => client.request('POST', `/api/portal/me/appointments/${id}/cancel`);
const restore = (client: Client, id: string) => client.request('POST', `/api/portal/me/appointments/${id}/restore`);
/** Cancels whatever the resident still has booked, so a test starts with no visit of the service. */
const clearBookings = async (client: Client) => {
  const mine = (await client.request('GET', '/api/portal/me/appointments')).json() as { appointments: Booking[] };
  for (const b of mine.appointments.filter((x) => x.status === 'booked')) await cancel(client, b.id);
};
const created = async (res: Awaited<ReturnType<Client['request']>>): Promise<Booking> => {
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Booking;
};

describe('the bookable days', () => {
  it('run from today (a time is still ahead) to the horizon’s last working day; weekends and holidays between are closed, with the reason', async () => {
    await at(TEST_START);
    const c = await calendar();
    expect(c).toMatchObject({ today: '2026-11-30', horizonDays: 90, firstDay: '2026-11-30' });
    // 2027-02-28, 90 days on, is a Sunday: the last bookable day is the Friday before.
    expect(c.lastDay).toBe('2027-02-26');
    const reason = (date: string) => c.closedDays.find((d) => d.date === date)?.reason;
    expect([
      reason('2026-12-05'),
      reason('2026-12-06'),
      reason('2026-12-24'),
      reason('2027-01-01'),
      reason('2026-12-01'),
    ]).toEqual(['rest-day', 'rest-day', 'public-holiday', 'public-holiday', undefined]);
    expect(c.closedDays.every((d) => d.date > '2026-11-30' && d.date < '2027-02-26')).toBe(true);
  });

  it('start tomorrow once today’s last time has begun, and name the weekday a branch does not open', async () => {
    await at('2026-11-30T14:50:00.000Z'); // 16:50 in Riga: the 16:45 slot has begun
    expect((await calendar()).firstDay).toBe('2026-12-01');
    await at(TEST_START);
    const supervisor = await signInStaff(ctx.app, 'supervisor');
    const url = `/api/appointments/branches/${branchId}/settings`;
    const current = (await supervisor.request('GET', url)).json() as {
      hours: Array<{ isoWeekday: number }>;
      services: unknown[];
    };
    await supervisor.request('PUT', url, {
      hours: current.hours.filter((h) => h.isoWeekday !== 3),
      services: current.services,
    });
    try {
      expect((await calendar()).closedDays).toContainEqual({ date: '2026-12-02', reason: 'branch-closed' });
      const wednesday = await book(anna, { startsAt: '2026-12-02T06:30:00.000Z' });
      expect(wednesday.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ path: 'startsAt', reason: 'branch-closed-weekday' }],
      });
    } finally {
      await supervisor.request('PUT', url, current);
    }
  });

  it('a service the branch does not offer has no calendar', async () => {
    const res = await anna.request(
      'GET',
      `/api/public/appointments/calendar?branchId=${branchId}&service=no-such-service`,
    );
    expect(res.statusCode).toBe(400);
  });
});

describe('a booking on a day that cannot be booked', () => {
  it('is refused with the reason: a public holiday, a weekend, a time that has passed, a day beyond the horizon', async () => {
    await at(TEST_START);
    const cases: Array<[string, string]> = [
      ['2026-12-24T06:30:00.000Z', 'branch-closed-holiday'],
      ['2026-12-05T06:30:00.000Z', 'branch-closed-weekend'],
      ['2026-11-30T06:30:00.000Z', 'time-passed'],
      ['2027-03-01T06:30:00.000Z', 'beyond-booking-horizon'],
    ];
    for (const [startsAt, reason] of cases) {
      const res = await book(anna, { startsAt });
      expect(res.statusCode, startsAt).toBe(400);
      expect(res.json(), startsAt).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'startsAt', reason }] });
    }
    expect((await book(anna, { startsAt: '2026-12-24T06:30:00.000Z' })).json()).toMatchObject({
      detail: expect.stringContaining('closed on public holidays'),
    });
  });

  it('beyond the horizon no slots are offered; on its last day they are', async () => {
    expect(await freeAt('2027-03-01T06:30:00.000Z')).toBeUndefined();
    expect(await freeAt('2027-02-26T06:30:00.000Z')).toBe(3);
  });
});

describe('undoing a cancellation', () => {
  it('restores the booking on its desk, audited; the answer to the cancel says until when, and the branch is named in both languages', async () => {
    await at(TEST_START);
    const slot = '2026-12-01T07:00:00.000Z';
    const mine = await created(await book(anna, { startsAt: slot }));
    expect(mine).toMatchObject({ branchName: 'Rīgas 1. nodaļa', branchNameEn: 'Riga Division 1' });
    const cancelled = (await cancel(anna, mine.id)).json() as Booking;
    expect(cancelled).toMatchObject({ status: 'cancelled', undoUntil: '2026-11-30T08:10:00.000Z' });
    expect(await freeAt(slot)).toBe(3);
    const audited = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('audit.entry')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('resource', '=', 'appointments.booking')
            .where('subjectPersonId', '=', ANNA)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await audited();
    ctx.clock.advance(9 * 60_000);
    const restored = await restore(anna, mine.id);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ id: mine.id, status: 'booked', startsAt: slot });
    expect(await freeAt(slot)).toBe(2);
    expect(await audited()).toBe(before + 1);
    // Nothing to undo on a booked visit.
    expect((await restore(anna, mine.id)).json()).toMatchObject({ code: 'INVALID_STATE' });
    await cancel(anna, mine.id);
  });

  it('takes another desk of the slot when its own was taken meanwhile', async () => {
    await at(TEST_START);
    const slot = '2026-12-01T07:15:00.000Z';
    const mine = await created(await book(anna, { startsAt: slot }));
    await cancel(anna, mine.id);
    await created(await book(janis, { startsAt: slot }));
    const restored = await restore(anna, mine.id);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await freeAt(slot)).toBe(1);
    await cancel(anna, mine.id);
  });

  it('is refused when someone else has taken the slot (a one-desk service), and works again once it is free', async () => {
    await at(TEST_START);
    const slot = '2026-12-01T07:30:00.000Z';
    const mine = await created(await book(anna, { serviceCode: 'residence-permit', startsAt: slot }));
    await cancel(anna, mine.id);
    const theirs = await created(await book(janis, { serviceCode: 'residence-permit', startsAt: slot }));
    const taken = await restore(anna, mine.id);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'CONFLICT',
      rule: 'appointment.undo-slot-taken',
      detail: expect.stringContaining('Someone else has booked this time'),
    });
    expect(
      (
        await ctx.database.db
          .selectFrom('appointments.booking')
          .select('status')
          .where('id', '=', mine.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('cancelled');
    await cancel(janis, theirs.id);
    expect((await restore(anna, mine.id)).json()).toMatchObject({ status: 'booked' });
    await cancel(anna, mine.id);
  });

  it('is refused after ten minutes, once the visit’s time has come, for a visit that was moved, and for someone else’s booking', async () => {
    await at(TEST_START);
    const late = await created(await book(anna, { startsAt: '2026-12-02T06:30:00.000Z' }));
    await cancel(anna, late.id);
    ctx.clock.advance(10 * 60_000 + 1);
    expect((await restore(anna, late.id)).json()).toMatchObject({
      code: 'INVALID_STATE',
      detail: expect.stringContaining('10 minutes'),
    });

    // Today's 10:15: cancelled at 10:11, the undo lasts until the visit begins.
    await at('2026-11-30T08:11:00.000Z');
    const soon = await created(await book(anna, { startsAt: '2026-11-30T08:15:00.000Z' }));
    expect((await cancel(anna, soon.id)).json()).toMatchObject({ undoUntil: '2026-11-30T08:15:00.000Z' });
    await at('2026-11-30T08:15:00.000Z');
    expect((await restore(anna, soon.id)).json()).toMatchObject({
      code: 'INVALID_STATE',
      detail: expect.stringContaining('has come'),
    });

    await at(TEST_START);
    const first = await created(await book(anna, { startsAt: '2026-12-03T06:30:00.000Z' }));
    const moved = await created(await book(anna, { startsAt: '2026-12-03T07:30:00.000Z', replaces: first.id }));
    expect((await restore(anna, first.id)).json()).toMatchObject({
      code: 'INVALID_STATE',
      detail: expect.stringContaining('booked this service again'),
    });
    expect((await restore(await signInResident(ctx.app, SERGEJS), moved.id)).statusCode).toBe(404);
    expect(
      (await anna.request('POST', '/api/portal/me/appointments/00000000-0000-4000-8000-00000000ffff/restore'))
        .statusCode,
    ).toBe(404);
  });

  it('is refused when the branch no longer offers the time (the weekday closed meanwhile), saying so', async () => {
    await at(TEST_START);
    await clearBookings(anna);
    const wednesday = '2026-12-02T07:00:00.000Z';
    const mine = await created(await book(anna, { startsAt: wednesday }));
    await cancel(anna, mine.id);
    const supervisor = await signInStaff(ctx.app, 'supervisor');
    const url = `/api/appointments/branches/${branchId}/settings`;
    const current = (await supervisor.request('GET', url)).json() as {
      hours: Array<{ isoWeekday: number }>;
      services: unknown[];
    };
    await supervisor.request('PUT', url, {
      hours: current.hours.filter((h) => h.isoWeekday !== 3),
      services: current.services,
    });
    try {
      const refused = await restore(anna, mine.id);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'INVALID_STATE', rule: 'appointment.undo-no-longer-offered' });
    } finally {
      await supervisor.request('PUT', url, current);
    }
  });

  it('an undo and a new booking of the same person and service sent at once leave exactly one of them booked', async () => {
    await at(TEST_START);
    await clearBookings(anna);
    const slot = '2026-12-04T07:00:00.000Z';
    const mine = await created(await book(anna, { startsAt: slot }));
    await cancel(anna, mine.id);
    const [undone, again] = await Promise.all([
      restore(anna, mine.id),
      book(anna, { startsAt: '2026-12-04T08:00:00.000Z' }),
    ]);
    // Whichever came first wins (the undo answers 200, a booking 201); the other hears the rule.
    expect([undone.statusCode, again.statusCode].filter((c) => c === 409)).toHaveLength(1);
    expect([undone.statusCode, again.statusCode].filter((c) => c === 200 || c === 201)).toHaveLength(1);
    const active = await ctx.database.db
      .selectFrom('appointments.booking')
      .select('id')
      .where('personId', '=', ANNA)
      .where('serviceCode', '=', 'document-application')
      .where('status', '=', 'booked')
      .execute();
    expect(active).toHaveLength(1);
    await cancel(anna, (active[0] as { id: string }).id);
  });
});
