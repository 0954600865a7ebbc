import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInStaff, type Client, type TestContext } from '../../../test/test-app.ts';
import type { CalendarOrderView, CalendarOrders } from '../../../shared/contracts/calendar.contract.ts';
import { addWorkingDays, isWorkingDay } from '../../../shared/kernel/working-days.ts';
import { plainDate } from '../../../shared/kernel/plain-date.ts';
import { SHIPPED_CALENDAR_ORDERS } from '../../../shared/kernel/working-days.data.ts';
import lv from '../../../shared/i18n/lv.json' with { type: 'json' };
import en from '../../../shared/i18n/en.json' with { type: 'json' };

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signInStaff(ctx.app, 'admin');
});
afterAll(() => ctx.close());

const order2027 = {
  year: 2027,
  act: 'MK rīkojums "Par darba dienu pārcelšanu 2027. gadā"',
  adoptedOn: '2026-06-16',
  moves: [{ dayOff: '2027-05-03', workingSaturday: '2027-05-08' }],
  sources: ['https://likumi.lv/ (synthetic test order)'],
};

describe('the legal calendar: the Cabinet’s orders moving working days', () => {
  it('lists the shipped orders with their acts and sources, and says the coming year has none yet', async () => {
    const registrar = await signInStaff(ctx.app, 'registrar');
    const res = await registrar.request('GET', '/api/calendar/orders');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as CalendarOrders;
    expect(body).toMatchObject({ comingYear: 2027, comingYearHasOrder: false });
    const y2026 = body.orders.find((o) => o.year === 2026);
    expect(y2026).toMatchObject({
      origin: 'shipped',
      moves: [
        { dayOff: '2026-01-02', workingSaturday: '2026-01-17' },
        { dayOff: '2026-06-22', workingSaturday: '2026-06-27' },
      ],
    });
    expect(y2026?.sources.length).toBeGreaterThan(0);
    expect(body.orders.find((o) => o.year === 2025)?.moves).toEqual([
      { dayOff: '2025-11-17', workingSaturday: '2025-11-08' },
    ]);
  });

  it('lets only an administrator record an order', async () => {
    const registrar = await signInStaff(ctx.app, 'registrar');
    const res = await registrar.request('POST', '/api/calendar/orders', order2027);
    expect(res.statusCode).toBe(403);
  });

  it('refuses moves that break Labour Law s.133(4), each field with its reason', async () => {
    const res = await admin.request('POST', '/api/calendar/orders', {
      ...order2027,
      moves: [
        { dayOff: '2027-05-04', workingSaturday: '2027-05-09' },
        { dayOff: '2027-05-31', workingSaturday: '2027-06-05' },
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    const errors = (res.json() as { errors: Array<{ path: string; reason: string }> }).errors;
    expect(errors.map((e) => [e.path, e.reason])).toEqual([
      ['moves.0.dayOff', 'moved-day-not-working-day'],
      ['moves.0.workingSaturday', 'moved-to-not-saturday'],
      ['moves.1.workingSaturday', 'moved-outside-month'],
    ]);
  });

  it('refuses an order with moves but no act, and an act without moves', async () => {
    const noAct = await admin.request('POST', '/api/calendar/orders', { ...order2027, act: null });
    expect(noAct.statusCode).toBe(400);
    const noMoves = await admin.request('POST', '/api/calendar/orders', { ...order2027, moves: [] });
    expect(noMoves.statusCode).toBe(400);
  });

  it('records an order, and deadlines computed from then on follow it', async () => {
    expect(isWorkingDay(plainDate('2027-05-03'))).toBe(true);
    const res = await admin.request('POST', '/api/calendar/orders', order2027);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json() as CalendarOrderView).toMatchObject({
      year: 2027,
      origin: 'recorded',
      recordedByName: 'Laura Zariņa',
    });
    expect(isWorkingDay(plainDate('2027-05-03'))).toBe(false);
    expect(isWorkingDay(plainDate('2027-05-08'))).toBe(true);
    // Friday 30 April + 1 working day: Saturday 1 May is a holiday, Monday 3 May moved, Tuesday 4 May a holiday.
    expect(addWorkingDays(plainDate('2027-04-30'), 1)).toBe('2027-05-05');
    const list = (await admin.request('GET', '/api/calendar/orders')).json() as CalendarOrders;
    expect(list.comingYearHasOrder).toBe(true);
    expect(list.orders[0]).toMatchObject({ year: 2027, origin: 'recorded' });
  });

  it('refuses a second order for the same year, naming the rule', async () => {
    const res = await admin.request('POST', '/api/calendar/orders', order2027);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ rule: 'calendar.order-recorded', ruleValues: { year: 2027 } });
  });

  it('records that the Cabinet issued no order for a year', async () => {
    const res = await admin.request('POST', '/api/calendar/orders', { year: 2028, act: null, moves: [] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ year: 2028, act: null, moves: [] });
  });

  it('refuses a past year and a year shipped with the code, at the year', async () => {
    const reasonFor = async (year: number) => {
      const res = await admin.request('POST', '/api/calendar/orders', { year, act: null, moves: [] });
      expect(res.statusCode).toBe(400);
      return (res.json() as { errors: Array<{ path: string; reason: string }> }).errors;
    };
    expect(await reasonFor(2025)).toMatchObject([{ path: 'year', reason: 'calendar-year-past' }]);
    expect(await reasonFor(2026)).toMatchObject([{ path: 'year', reason: 'calendar-year-shipped' }]);
  });

  it('words every shipped order’s note in both languages (the screen says it from the catalogue)', () => {
    for (const o of SHIPPED_CALENDAR_ORDERS.filter((x) => x.note))
      for (const catalogue of [lv, en] as Array<Record<string, string>>)
        expect(catalogue[`staff.calendar.shippedNote.${o.year}`], String(o.year)).toBeTruthy();
  });

  it('refuses an adoption day still to come and a source that is not a web address', async () => {
    const res = await admin.request('POST', '/api/calendar/orders', {
      year: 2029,
      act: null,
      moves: [],
      adoptedOn: '2027-06-01',
      sources: ['not a url'],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(['sources.0']);
    const later = await admin.request('POST', '/api/calendar/orders', {
      year: 2029,
      act: null,
      adoptedOn: '2027-06-01',
    });
    expect(later.json()).toMatchObject({ errors: [{ path: 'adoptedOn', reason: 'future-date' }] });
  });
});
