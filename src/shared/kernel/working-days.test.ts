import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addWorkingDays,
  calendarOrderProblems,
  comingYearWithoutOrder,
  installCalendarOrders,
  easterSunday,
  holidayOn,
  isWorkingDay,
  monthsDeadline,
  workingDaysBetween,
} from './working-days.ts';
import { addDays, fromEpochDay, plainDate } from './plain-date.ts';
import { SHIPPED_CALENDAR_ORDERS } from './working-days.data.ts';

const d = plainDate;

describe('Latvian working-day calendar — DOMAIN.md §4.5 worked examples', () => {
  it('standard 10 working days from Mon 2026-06-15 end on Wed 2026-07-01 (Līgo and Jāņi skipped)', () => {
    expect(addWorkingDays(d('2026-06-15'), 10)).toBe('2026-07-01');
  });
  it('urgent 2 working days from Fri 2026-06-19 end on Fri 2026-06-26 (Mon 22 June moved, Līgo and Jāņi skipped)', () => {
    expect(addWorkingDays(d('2026-06-19'), 2)).toBe('2026-06-26');
  });
  it('10 working days from Mon 2025-12-29 end on Thu 2026-01-15 (31.12, 1.1 and the moved 2.1 skipped)', () => {
    expect(addWorkingDays(d('2025-12-29'), 10)).toBe('2026-01-15');
  });
  it('urgent 2 working days from Thu 2026-04-30 end on Wed 2026-05-06 (1 May and 4 May skipped)', () => {
    expect(addWorkingDays(d('2026-04-30'), 2)).toBe('2026-05-06');
  });
});

describe('holidays', () => {
  it('computes Easter for known years', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
  });
  it('marks Good Friday and Easter Monday as holidays', () => {
    expect(holidayOn(d('2026-04-03'))).toBe('goodFriday');
    expect(holidayOn(d('2026-04-06'))).toBe('easterMonday');
  });
  it('carries 4 May on a weekend over to Monday (2025-05-04 is a Sunday)', () => {
    expect(isWorkingDay(d('2025-05-05'))).toBe(false);
    expect(holidayOn(d('2025-05-05'))).toBe('independenceRestorationMonday');
  });
  it('carries 18 November on a weekend over to Monday (2023-11-18 is a Saturday)', () => {
    expect(holidayOn(d('2023-11-20'))).toBe('proclamationDayMonday');
  });
  it('does not carry over before the rule existed (2006-11-18 Saturday)', () => {
    expect(isWorkingDay(d('2006-11-20'))).toBe(true);
  });
  it('knows the one-off holidays', () => {
    expect(holidayOn(d('2023-05-29'))).toBe('oneOff');
    expect(holidayOn(d('2018-09-24'))).toBe('oneOff');
  });
  it('treats the moved Saturday 2026-01-17 as a working day and Fri 2026-01-02 as a rest day', () => {
    expect(isWorkingDay(d('2026-01-17'))).toBe(true);
    expect(isWorkingDay(d('2026-01-02'))).toBe(false);
  });
  it('counts Christmas Eve only from 2007', () => {
    expect(isWorkingDay(d('2006-12-22'))).toBe(true);
    expect(holidayOn(d('2007-12-24'))).toBe('christmasEve');
  });
});

describe('workingDaysBetween and monthsDeadline', () => {
  it('counts the days after the start up to and including the end', () => {
    expect(workingDaysBetween(d('2026-06-15'), d('2026-07-01'))).toBe(10);
    expect(workingDaysBetween(d('2026-07-01'), d('2026-06-15'))).toBe(-10);
    expect(workingDaysBetween(d('2026-06-15'), d('2026-06-15'))).toBe(0);
  });
  it('ends a one-month deadline on the same day number next month', () => {
    expect(monthsDeadline(d('2026-03-10'), 1)).toBe('2026-04-10');
  });
  it('clamps 31 January + 1 month to the end of February, then moves off the weekend', () => {
    // 2026-02-28 is a Saturday → Monday 2026-03-02
    expect(monthsDeadline(d('2026-01-31'), 1)).toBe('2026-03-02');
    expect(monthsDeadline(d('2024-01-31'), 1)).toBe('2024-02-29');
  });
  it('moves a deadline that lands on a holiday to the next working day (2026-05-23 + 1 month = Tue 23 June → Thu 25 June)', () => {
    expect(monthsDeadline(d('2026-05-23'), 1)).toBe('2026-06-25');
  });
});

describe('properties', () => {
  const dateArb = fc.integer({ min: 18000, max: 24000 }).map(fromEpochDay);
  it('adding n working days lands on a working day exactly n working days later', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = addWorkingDays(start, n);
        return (
          isWorkingDay(end) &&
          workingDaysBetween(start, end) === n &&
          workingDaysBetween(start, addDays(end, -1)) === n - 1
        );
      }),
    );
  });
  it('adding working days is monotonic', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 40 }),
        (start, n) => addWorkingDays(start, n + 1) > addWorkingDays(start, n),
      ),
    );
  });
});

describe('the Cabinet’s orders moving working days, as data with their sources', () => {
  it('every shipped order keeps Labour Law s.133(4): a weekday made a rest day, a Saturday of the same month worked', () => {
    for (const order of SHIPPED_CALENDAR_ORDERS) {
      expect(calendarOrderProblems(order), String(order.year)).toEqual([]);
      expect(order.sources.length, String(order.year)).toBeGreaterThan(0);
    }
  });
  it('2025: Monday 17 November is a rest day, Saturday 8 November a working day', () => {
    expect(isWorkingDay(d('2025-11-17'))).toBe(false);
    expect(holidayOn(d('2025-11-17'))).toBe('movedRestDay');
    expect(isWorkingDay(d('2025-11-08'))).toBe(true);
  });
  it('2026: Monday 22 June is a rest day and Saturday 27 June a working day', () => {
    expect(isWorkingDay(d('2026-06-22'))).toBe(false);
    expect(isWorkingDay(d('2026-06-27'))).toBe(true);
  });
  it('2024: two December Mondays moved to Saturdays (order Nr. 348)', () => {
    expect(isWorkingDay(d('2024-12-23'))).toBe(false);
    expect(isWorkingDay(d('2024-12-14'))).toBe(true);
    expect(isWorkingDay(d('2024-12-28'))).toBe(true);
  });
  it('a recorded order takes effect when installed, and leaves with it', () => {
    const order = {
      year: 2027,
      act: 'test order',
      adoptedOn: null,
      moves: [{ dayOff: '2027-05-03', workingSaturday: '2027-05-08' }],
      sources: [],
    };
    expect(isWorkingDay(d('2027-05-03'))).toBe(true);
    try {
      const all = installCalendarOrders([order]);
      expect(all.map((o) => o.year)).toContain(2027);
      expect(isWorkingDay(d('2027-05-03'))).toBe(false);
      expect(isWorkingDay(d('2027-05-08'))).toBe(true);
      expect(addWorkingDays(d('2027-04-30'), 1)).toBe('2027-05-05');
    } finally {
      installCalendarOrders([]);
    }
    expect(isWorkingDay(d('2027-05-03'))).toBe(true);
  });
  it('refuses moves that break the rule, each with its reason', () => {
    const reasons = (moves: Array<{ dayOff: string; workingSaturday: string }>) =>
      calendarOrderProblems({ year: 2027, moves }).map((p) => p.reason);
    expect(reasons([{ dayOff: '2027-05-01', workingSaturday: '2027-05-08' }])).toEqual(['moved-day-not-working-day']);
    expect(reasons([{ dayOff: '2027-05-03', workingSaturday: '2027-05-09' }])).toEqual(['moved-to-not-saturday']);
    expect(reasons([{ dayOff: '2027-05-31', workingSaturday: '2027-06-05' }])).toEqual(['moved-outside-month']);
    expect(reasons([{ dayOff: '2028-05-03', workingSaturday: '2028-05-06' }])).toEqual(['moved-day-not-working-day']);
    expect(
      reasons([
        { dayOff: '2027-05-03', workingSaturday: '2027-05-08' },
        { dayOff: '2027-05-03', workingSaturday: '2027-05-15' },
      ]),
    ).toEqual(['moved-day-repeated']);
  });
  it('names the coming year when it has no order', () => {
    expect(comingYearWithoutOrder(d('2026-12-07'), SHIPPED_CALENDAR_ORDERS)).toBe(2027);
    expect(comingYearWithoutOrder(d('2025-12-07'), SHIPPED_CALENDAR_ORDERS)).toBeNull();
  });
});
