/**
 * Appointments over HTTP (the test clock: Monday 2026-11-30, 10:00 in Riga): what branches offer, free
 * slots, booking for self and child, one booking per service, moving and cancelling, a full slot, the
 * desk's day list with arrivals and no-shows, reminders, the walk-in queue, branch settings. The race for
 * seats is appointments.race.test.ts.
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
const SOFIJA = '00000000-0000-4000-8000-000000000006';
const SERGEJS = '00000000-0000-4000-8000-000000000003';
const LIGA = '00000000-0000-4000-8000-000000000004';
const JANIS = '00000000-0000-4000-8000-000000000001';

type Booking = {
  id: string;
  date: string;
  time: string;
  status: string;
  personId: string;
  personName: string;
  startsAt: string;
  branchName: string;
};
type Slot = { startsAt: string; time: string; free: number };

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

const slots = async (date: string, service = 'document-application') =>
  (
    (
      await anna.request('GET', `/api/public/appointments/slots?branchId=${branchId}&service=${service}&date=${date}`)
    ).json() as { slots: Slot[] }
  ).slots;
const book = (client: Client, body: Record<string, unknown>) =>
  client.request('POST', '/api/portal/me/appointments', {
    branchId,
    serviceCode: 'document-application',
    language: 'lv',
    ...body,
  });

describe('what can be booked', () => {
  it('names every branch in Latvian and English, also one that takes no appointments, without signing in', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/branches' });
    expect(res.statusCode).toBe(200);
    const { branches } = res.json() as { branches: Array<{ code: string; nameLv: string; nameEn: string }> };
    expect(branches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'RIGA-1', nameLv: 'Rīgas 1. nodaļa', nameEn: 'Riga Division 1' }),
        expect.objectContaining({
          code: 'JELGAVA-PASV',
          nameLv: 'Jelgavas valstspilsētas pašvaldība',
          nameEn: 'Jelgava City Municipality',
        }),
      ]),
    );
    // Every branch has a name of its own in English.
    expect(branches.every((b) => b.nameEn && b.nameEn !== b.nameLv)).toBe(true);
  });

  it('every office branch offers the default services and hours; a day has its slots, free desks counted', async () => {
    const offers = (await anna.request('GET', '/api/public/appointments/branches')).json() as {
      branches: Array<{ code: string; services: Array<{ code: string; desks: number }>; hours: unknown[] }>;
    };
    expect(offers.branches.find((b) => b.code === 'RIGA-1')).toMatchObject({
      services: expect.arrayContaining([{ code: 'document-application', desks: 3, durationMinutes: 15 }]),
      hours: expect.any(Array),
    });
    // The municipality's office is a partner's: none of the office's services are booked there.
    expect(offers.branches.find((b) => b.code === 'JELGAVA-PASV')?.services ?? []).toEqual([]);
    const tuesday = await slots('2026-12-01');
    expect(tuesday).toHaveLength(34);
    expect(tuesday[0]).toEqual({ startsAt: '2026-12-01T06:30:00.000Z', time: '08:30', free: 3 });
    // Today's slots before 10:00 have passed; Christmas Eve and Saturday have none.
    expect((await slots('2026-11-30'))[0]?.time).toBe('10:15');
    expect(await slots('2026-12-24')).toEqual([]);
    expect(await slots('2026-12-05')).toEqual([]);
  });
});

describe('booking', () => {
  let mine: Booking;

  it('the resident books a slot and gets a confirmation; the slot has one desk fewer', async () => {
    const res = await book(anna, { startsAt: '2026-12-01T06:30:00.000Z', contactEmail: 'anna@example.invalid' });
    expect(res.statusCode, res.body).toBe(201);
    mine = res.json() as Booking;
    expect(mine).toMatchObject({
      date: '2026-12-01',
      time: '08:30',
      status: 'booked',
      personId: ANNA,
      personName: 'Anna Marija Ozola',
    });
    expect((await slots('2026-12-01'))[0]?.free).toBe(2);
    await ctx.app.backgroundJobs.deliverOutbox();
    const admin = await signInStaff(ctx.app, 'admin');
    const outbox = (await admin.request('GET', '/api/notifications/outbox?limit=500')).json() as {
      messages: Array<{ template: string; recipient: string; body: string | null }>;
    };
    expect(
      outbox.messages.find((m) => m.template === 'appointment-booked' && m.recipient === 'anna@example.invalid')?.body,
    ).toContain('08:30');
  });

  it('refuses a second booking of the service, a time that is no slot, one that has passed, and another person’s', async () => {
    const twice = await book(anna, { startsAt: '2026-12-01T07:00:00.000Z' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ detail: expect.stringContaining('2026-12-01 at 08:30') });
    expect((await book(anna, { startsAt: '2026-12-02T06:37:00.000Z', forPersonId: SOFIJA })).statusCode).toBe(400);
    expect((await book(anna, { startsAt: '2026-11-30T06:30:00.000Z', forPersonId: SOFIJA })).statusCode).toBe(400);
    expect((await book(anna, { startsAt: '2026-12-24T06:30:00.000Z', forPersonId: SOFIJA })).statusCode).toBe(400);
    const other = await book(anna, { startsAt: '2026-12-02T06:30:00.000Z', forPersonId: SERGEJS });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ errors: [{ path: 'forPersonId' }] });
  });

  it('books for a minor child; moves a booking to another slot; cancels one (the desk is free again)', async () => {
    const child = await book(anna, { startsAt: '2026-12-01T06:30:00.000Z', forPersonId: SOFIJA });
    expect(child.statusCode, child.body).toBe(201);
    expect(child.json()).toMatchObject({ personId: SOFIJA, personName: 'Sofija Ozola' });
    const moved = await book(anna, { startsAt: '2026-12-01T07:00:00.000Z', replaces: mine.id });
    expect(moved.statusCode, moved.body).toBe(201);
    const list = (await anna.request('GET', '/api/portal/me/appointments')).json() as { appointments: Booking[] };
    expect(list.appointments.find((b) => b.id === mine.id)?.status).toBe('cancelled');
    const cancelled = await anna.request('POST', `/api/portal/me/appointments/${(child.json() as Booking).id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect((await slots('2026-12-01'))[0]?.free).toBe(3);
    mine = moved.json() as Booking;
  });

  it('a full slot says so (409), however the desks were taken', async () => {
    const at = '2026-12-03T07:00:00.000Z';
    for (const person of [JANIS, LIGA, SERGEJS])
      expect((await book(await signInResident(ctx.app, person), { startsAt: at })).statusCode).toBe(201);
    const full = await book(anna, { startsAt: at, forPersonId: SOFIJA });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'CONFLICT', detail: expect.stringContaining('just taken') });
  });

  it('the desk sees the day’s list with names, marks arrivals and (after the time) no-shows; another branch sees nothing', async () => {
    const desk = await signInStaff(ctx.app, 'document.officer');
    // Book today's 10:15 for Jānis (his document-application is on the 3rd) as a pickup.
    const janis = await signInResident(ctx.app, JANIS);
    const today = await book(janis, { serviceCode: 'document-pickup', startsAt: '2026-11-30T08:20:00.000Z' });
    expect(today.statusCode, today.body).toBe(201);
    const day = (await desk.request('GET', '/api/appointments/day?date=2026-11-30')).json() as {
      appointments: Booking[];
    };
    expect(day.appointments).toEqual([expect.objectContaining({ personName: 'Jānis Bērziņš', time: '10:20' })]);
    const id = (today.json() as Booking).id;
    const early = await desk.request('POST', `/api/appointments/bookings/${id}/status`, { status: 'no-show' });
    expect(early.statusCode).toBe(409);
    ctx.clock.advance(30 * 60_000);
    const deskAgain = await signInStaff(ctx.app, 'document.officer');
    expect(
      (await deskAgain.request('POST', `/api/appointments/bookings/${id}/status`, { status: 'no-show' })).json(),
    ).toMatchObject({ status: 'no-show' });
    const elsewhere = await signInStaff(ctx.app, 'migration.officer');
    expect(
      ((await elsewhere.request('GET', '/api/appointments/day?date=2026-11-30')).json() as { appointments: unknown[] })
        .appointments,
    ).toEqual([]);
    expect(
      (await elsewhere.request('POST', `/api/appointments/bookings/${id}/status`, { status: 'arrived' })).statusCode,
    ).toBe(404);
  });

  it('reminds visitors a day ahead, once', async () => {
    ctx.clock.advance(22 * 3_600_000);
    const first = await ctx.app.backgroundJobs.remindAppointments();
    expect(first).toBeGreaterThan(0);
    await ctx.app.backgroundJobs.remindAppointments();
    await ctx.app.backgroundJobs.deliverOutbox();
    const admin = await signInStaff(ctx.app, 'admin');
    const outbox = (await admin.request('GET', '/api/notifications/outbox?limit=500')).json() as {
      messages: Array<{ template: string; recipient: string; eventKey: string }>;
    };
    const reminders = outbox.messages.filter(
      (m) => m.template === 'appointment-reminder' && m.eventKey.includes(mine.id),
    );
    expect(reminders).toHaveLength(1);
  });
});

describe('branch settings', () => {
  it('the branch’s supervisor sets its hours and desks: the slots follow, and visits that no longer fit are counted', async () => {
    const supervisor = await signInStaff(ctx.app, 'supervisor');
    const settingsUrl = `/api/appointments/branches/${branchId}/settings`;
    const current = (await supervisor.request('GET', settingsUrl)).json() as {
      hours: Array<{ isoWeekday: number }>;
      services: Array<{ code: string; desks: number }>;
    };
    expect(current.hours.map((h) => h.isoWeekday)).toEqual([1, 2, 3, 4, 5]);
    // Thursday 3 December now opens at 10:00; the 09:00 visits booked for it no longer fit.
    const hours = [1, 2, 3, 5]
      .map((d) => ({ isoWeekday: d, opens: '08:30', closes: '17:00' }))
      .concat([{ isoWeekday: 4, opens: '10:00', closes: '18:00' }]);
    const saved = await supervisor.request('PUT', settingsUrl, { hours, services: current.services });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ bookingsOutsideSlots: 3 });
    expect((await slots('2026-12-03'))[0]).toMatchObject({ time: '10:00' });
    // Back as it was, without the residence-permit service: it is offered no more.
    const back = await supervisor.request('PUT', settingsUrl, {
      hours: current.hours,
      services: current.services.filter((x) => x.code !== 'residence-permit'),
    });
    expect(back.json()).toMatchObject({ bookingsOutsideSlots: 0 });
    const offers = (await anna.request('GET', '/api/public/appointments/branches')).json() as {
      branches: Array<{ id: string; services: Array<{ code: string }> }>;
    };
    expect(offers.branches.find((b) => b.id === branchId)?.services.map((x) => x.code)).not.toContain(
      'residence-permit',
    );
    await supervisor.request('PUT', settingsUrl, { hours: current.hours, services: current.services });
  });

  it('refuses a day that closes before it opens, a weekday twice, a bad time, another branch, and a registrar', async () => {
    const supervisor = await signInStaff(ctx.app, 'supervisor');
    const url = `/api/appointments/branches/${branchId}/settings`;
    const services = [{ code: 'document-application', desks: 3 }];
    const late = await supervisor.request('PUT', url, {
      hours: [{ isoWeekday: 1, opens: '17:00', closes: '08:00' }],
      services,
    });
    expect(late.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'hours.0.closes', reason: 'closes-before-opens' }],
    });
    const twice = await supervisor.request('PUT', url, {
      hours: [
        { isoWeekday: 1, opens: '08:00', closes: '12:00' },
        { isoWeekday: 1, opens: '13:00', closes: '16:00' },
      ],
      services,
    });
    expect(twice.json()).toMatchObject({ errors: [{ path: 'hours.1.isoWeekday', reason: 'listed-twice' }] });
    expect(
      (await supervisor.request('PUT', url, { hours: [{ isoWeekday: 1, opens: '8:00', closes: '12:00' }], services }))
        .statusCode,
    ).toBe(400);
    const offers = (await anna.request('GET', '/api/public/appointments/branches')).json() as {
      branches: Array<{ id: string; code: string }>;
    };
    const other = offers.branches.find((b) => b.code !== 'RIGA-1') as { id: string };
    expect((await supervisor.request('GET', `/api/appointments/branches/${other.id}/settings`)).statusCode).toBe(403);
    expect(
      (await (await signInStaff(ctx.app, 'admin')).request('GET', `/api/appointments/branches/${other.id}/settings`))
        .statusCode,
    ).toBe(200);
    expect((await (await signInStaff(ctx.app, 'registrar')).request('GET', url)).statusCode).toBe(403);
  });
});

describe('the walk-in queue', () => {
  it('gives numbers in order, calls the lowest waiting one, and the waiting-room screen shows it', async () => {
    const desk = await signInStaff(ctx.app, 'registrar');
    const a = (
      await desk.request('POST', '/api/appointments/tickets', { serviceCode: 'document-application' })
    ).json() as { number: number; waitingBefore: number };
    const b = (await desk.request('POST', '/api/appointments/tickets', { serviceCode: 'document-pickup' })).json() as {
      number: number;
      waitingBefore: number;
    };
    expect([a.number + 1, 1]).toEqual([b.number, b.waitingBefore]);
    expect((await desk.request('POST', '/api/appointments/tickets/call-next')).json()).toMatchObject({
      number: a.number,
      serviceCode: 'document-application',
      waiting: 1,
    });
    expect((await anna.request('GET', `/api/public/appointments/branches/${branchId}/queue`)).json()).toEqual({
      lastCalled: a.number,
      waiting: 1,
    });
    expect((await desk.request('POST', '/api/appointments/tickets/call-next')).json()).toMatchObject({
      number: b.number,
      waiting: 0,
    });
    expect((await desk.request('POST', '/api/appointments/tickets/call-next')).json()).toMatchObject({
      number: null,
      waiting: 0,
    });
  });
});
