/**
 * The Latvian working-day calendar: public holidays under the law "Par svētku, atceres un
 * atzīmējamām dienām", the Monday carry-over for 4 May and 18 November, one-off holidays and the
 * Cabinet's moved working days. Pure: the data table is passed in (default: the shipped table).
 */
import { addDays, addMonthsClamped, isoDayOfWeek, makePlainDate, toEpochDay, type PlainDate } from './plain-date.ts';
import {
  LATVIAN_CALENDAR_DATA,
  SHIPPED_CALENDAR_ORDERS,
  movedWorkingDaysOf,
  type CalendarData,
  type CalendarOrder,
} from './working-days.data.ts';

export type HolidayName =
  | 'newYear'
  | 'goodFriday'
  | 'easterSunday'
  | 'easterMonday'
  | 'labourDay'
  | 'independenceRestoration'
  | 'independenceRestorationMonday'
  | 'midsummerEve'
  | 'midsummerDay'
  | 'proclamationDay'
  | 'proclamationDayMonday'
  | 'christmasEve'
  | 'christmasDay'
  | 'secondChristmasDay'
  | 'newYearsEve'
  | 'oneOff'
  | 'movedRestDay';

/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makePlainDate(year, month, day);
}

const holidayCache = new Map<string, Map<string, HolidayName>>();

/** Every non-working holiday of a year (weekend dates included when the holiday falls on one). */
export function holidaysOfYear(year: number, data: CalendarData = LATVIAN_CALENDAR_DATA): Map<string, HolidayName> {
  const cacheKey = `${year}`;
  if (data === LATVIAN_CALENDAR_DATA && holidayCache.has(cacheKey))
    return holidayCache.get(cacheKey) as Map<string, HolidayName>;
  const days = new Map<string, HolidayName>();
  const fixed = (month: number, day: number, name: HolidayName): void => {
    days.set(makePlainDate(year, month, day), name);
  };
  /** Since 2007/2008 a holiday on Saturday or Sunday moves the rest day to the following Monday. */
  const withCarryOver = (month: number, day: number, name: HolidayName, monday: HolidayName, since: number): void => {
    const date = makePlainDate(year, month, day);
    days.set(date, name);
    const dow = isoDayOfWeek(date);
    if (year >= since && dow >= 6) days.set(addDays(date, 8 - dow), monday);
  };
  fixed(1, 1, 'newYear');
  const easter = easterSunday(year);
  days.set(addDays(easter, -2), 'goodFriday');
  days.set(easter, 'easterSunday');
  days.set(addDays(easter, 1), 'easterMonday');
  fixed(5, 1, 'labourDay');
  withCarryOver(5, 4, 'independenceRestoration', 'independenceRestorationMonday', 2008);
  fixed(6, 23, 'midsummerEve');
  fixed(6, 24, 'midsummerDay');
  withCarryOver(11, 18, 'proclamationDay', 'proclamationDayMonday', 2007);
  if (year >= 2007) fixed(12, 24, 'christmasEve');
  fixed(12, 25, 'christmasDay');
  fixed(12, 26, 'secondChristmasDay');
  fixed(12, 31, 'newYearsEve');
  for (const d of data.oneOffHolidays) if (d.startsWith(`${year}-`)) days.set(d, 'oneOff');
  for (const d of data.movedWorkingDays[year]?.daysOff ?? []) days.set(d, 'movedRestDay');
  if (data === LATVIAN_CALENDAR_DATA) holidayCache.set(cacheKey, days);
  return days;
}

/** The holiday on a date, if any. */
export function holidayOn(date: PlainDate, data: CalendarData = LATVIAN_CALENDAR_DATA): HolidayName | undefined {
  return holidaysOfYear(Number(date.slice(0, 4)), data).get(date);
}

/**
 * Makes the calendar every deadline uses read these orders (the shipped ones with those an administrator
 * recorded; a recorded order for a year replaces the shipped one). The server calls it at start and after
 * each recorded order.
 */
export function installCalendarOrders(recorded: readonly CalendarOrder[]): readonly CalendarOrder[] {
  const byYear = new Map<number, CalendarOrder>();
  for (const o of [...SHIPPED_CALENDAR_ORDERS, ...recorded]) byYear.set(o.year, o);
  const orders = [...byYear.values()].sort((a, b) => a.year - b.year);
  (LATVIAN_CALENDAR_DATA as { movedWorkingDays: CalendarData['movedWorkingDays'] }).movedWorkingDays =
    movedWorkingDaysOf(orders);
  holidayCache.clear();
  return orders;
}

/** A rule an order breaks, with the field it concerns. */
export interface CalendarOrderProblem {
  path: string;
  reason: 'moved-day-not-working-day' | 'moved-to-not-saturday' | 'moved-outside-month' | 'moved-day-repeated';
  message: string;
}

/**
 * What is wrong with an order's moves (Labour Law s.133(4)): the day made a rest day is a working day of
 * the order's year, the day worked instead is a Saturday of the same month, and no day appears twice.
 */
export function calendarOrderProblems(order: Pick<CalendarOrder, 'year' | 'moves'>): CalendarOrderProblem[] {
  const problems: CalendarOrderProblem[] = [];
  const seen = new Set<string>();
  order.moves.forEach((m, i) => {
    const off = m.dayOff as PlainDate;
    const sat = m.workingSaturday as PlainDate;
    const inYear = off.startsWith(`${order.year}-`);
    if (!inYear || isoDayOfWeek(off) >= 6 || holidaysOfYear(order.year, BARE_CALENDAR).has(off))
      problems.push({
        path: `moves.${i}.dayOff`,
        reason: 'moved-day-not-working-day',
        message: `${m.dayOff} is not a Monday-to-Friday working day of ${order.year}`,
      });
    if (isoDayOfWeek(sat) !== 6)
      problems.push({
        path: `moves.${i}.workingSaturday`,
        reason: 'moved-to-not-saturday',
        message: `${m.workingSaturday} is not a Saturday`,
      });
    else if (sat.slice(0, 7) !== off.slice(0, 7))
      problems.push({
        path: `moves.${i}.workingSaturday`,
        reason: 'moved-outside-month',
        message: 'The Saturday worked must be in the same month as the day made a rest day',
      });
    for (const day of [m.dayOff, m.workingSaturday]) {
      if (seen.has(day))
        problems.push({ path: `moves.${i}`, reason: 'moved-day-repeated', message: `${day} appears twice` });
      seen.add(day);
    }
  });
  return problems;
}

/** Holidays alone, without any moved day: what an order's moves are checked against. */
const BARE_CALENDAR: CalendarData = { oneOffHolidays: LATVIAN_CALENDAR_DATA.oneOffHolidays, movedWorkingDays: {} };

/** True on Monday–Friday that is not a holiday or a moved rest day, and on a Saturday the Cabinet made a working day. */
export function isWorkingDay(date: PlainDate, data: CalendarData = LATVIAN_CALENDAR_DATA): boolean {
  const year = Number(date.slice(0, 4));
  if (data.movedWorkingDays[year]?.workingSaturdays.includes(date)) return true;
  if (isoDayOfWeek(date) >= 6) return false;
  return !holidaysOfYear(year, data).has(date);
}

/**
 * The n-th working day after `start`, not counting `start` itself (the submission day).
 * n = 0 returns `start` when it is a working day, else the next working day. Negative n counts back.
 */
export function addWorkingDays(start: PlainDate, n: number, data: CalendarData = LATVIAN_CALENDAR_DATA): PlainDate {
  if (!Number.isInteger(n)) throw new RangeError('working days must be a whole number');
  if (n === 0) return nextWorkingDayOnOrAfter(start, data);
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let date = start;
  while (remaining > 0) {
    date = addDays(date, step);
    if (isWorkingDay(date, data)) remaining--;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`; negative when reversed). */
export function workingDaysBetween(from: PlainDate, to: PlainDate, data: CalendarData = LATVIAN_CALENDAR_DATA): number {
  if (from === to) return 0;
  const [lo, hi, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  const end = toEpochDay(hi);
  for (let day = addDays(lo, 1); toEpochDay(day) <= end; day = addDays(day, 1)) if (isWorkingDay(day, data)) count++;
  return sign * count;
}

export function nextWorkingDayOnOrAfter(date: PlainDate, data: CalendarData = LATVIAN_CALENDAR_DATA): PlainDate {
  let d = date;
  while (!isWorkingDay(d, data)) d = addDays(d, 1);
  return d;
}

/**
 * A deadline of N calendar months from `start` (e.g. APL Art. 64: one month from receipt): the same
 * day number N months later (or that month's last day), moved to the next working day if it is not one.
 */
export function monthsDeadline(
  start: PlainDate,
  months: number,
  data: CalendarData = LATVIAN_CALENDAR_DATA,
): PlainDate {
  return nextWorkingDayOnOrAfter(addMonthsClamped(start, months), data);
}

/** A deadline of N calendar days from `start`, ending on the next working day if it falls on a rest day. */
export function calendarDaysDeadline(
  start: PlainDate,
  days: number,
  data: CalendarData = LATVIAN_CALENDAR_DATA,
): PlainDate {
  return nextWorkingDayOnOrAfter(addDays(start, days), data);
}

/**
 * The coming year, when no order for it is known: deadlines that reach into it may then be a day off
 * (the Cabinet issues next year's order by 1 July). Null when the coming year has an order.
 */
export function comingYearWithoutOrder(
  today: PlainDate,
  orders: readonly Pick<CalendarOrder, 'year'>[],
): number | null {
  const coming = Number(today.slice(0, 4)) + 1;
  return orders.some((o) => o.year === coming) ? null : coming;
}
