/**
 * Calendar dates as `YYYY-MM-DD` strings (birth dates, deadlines, holidays).
 * Arithmetic goes through "epoch days" in UTC so no time zone or DST can shift a date.
 */
import { z } from 'zod';

export type PlainDate = string & { readonly __brand: 'PlainDate' };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `y-m-d` names a day that exists in the proleptic Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] ?? 0;
}

/** Parses `YYYY-MM-DD`; returns undefined for anything else, including impossible dates. */
export function parsePlainDate(text: string): PlainDate | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) ? (text as PlainDate) : undefined;
}

/** Like parsePlainDate but throws a RangeError naming the bad input. */
export function plainDate(text: string): PlainDate {
  const d = parsePlainDate(text);
  if (!d) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${text}`);
  return d;
}

export function makePlainDate(year: number, month: number, day: number): PlainDate {
  if (!isRealDate(year, month, day)) throw new RangeError(`no such date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as PlainDate;
}

export function dateParts(date: PlainDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * Day numbers and date strings convert both ways millions of times in a bulk load and a duplicate scan,
 * over a few tens of thousands of distinct days: the conversions of recent days are remembered (bounded;
 * measured at 7 % of the population encoder's time before).
 */
const DAY_CACHE_MAX = 100_000;
let epochDayOf = new Map<string, number>();
let dateOfEpochDay = new Map<number, PlainDate>();

export function toEpochDay(date: PlainDate): number {
  let n = epochDayOf.get(date);
  if (n === undefined) {
    const { year, month, day } = dateParts(date);
    n = Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
    if (epochDayOf.size >= DAY_CACHE_MAX) epochDayOf = new Map();
    epochDayOf.set(date, n);
  }
  return n;
}

export function fromEpochDay(epochDay: number): PlainDate {
  let date = dateOfEpochDay.get(epochDay);
  if (date === undefined) {
    const d = new Date(epochDay * MS_PER_DAY);
    date = makePlainDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    if (dateOfEpochDay.size >= DAY_CACHE_MAX) dateOfEpochDay = new Map();
    dateOfEpochDay.set(epochDay, date);
  }
  return date;
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: PlainDate): number {
  const dow = new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
  return dow === 0 ? 7 : dow;
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Adds calendar months the way deadlines count them: the same day number N months later, or the
 * last day of that month when it is shorter (31 January + 1 month = 28/29 February).
 */
export function addMonthsClamped(date: PlainDate, months: number): PlainDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return makePlainDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * One formatter per time zone, and its last answer per minute: building an Intl.DateTimeFormat costs far
 * more than formatting with it, and formatting more than a lookup (measured: 40 % of a hot route). Dates
 * in every zone change on a minute boundary, so an answer holds for the rest of its minute.
 */
const DATE_FORMATS = new Map<string, { format: Intl.DateTimeFormat; minute: number; date: PlainDate | undefined }>();

/** The calendar date of an instant in a given IANA time zone (the office works in Europe/Riga). */
export function plainDateInZone(instant: Date, timeZone: string): PlainDate {
  let zone = DATE_FORMATS.get(timeZone);
  if (!zone) {
    zone = {
      format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      minute: Number.NaN,
      date: undefined,
    };
    DATE_FORMATS.set(timeZone, zone);
  }
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== zone.minute || !zone.date) {
    zone.date = plainDate(zone.format.format(instant));
    zone.minute = minute;
  }
  return zone.date;
}

/** Whole years between two dates (age on a date). */
export function yearsBetween(from: PlainDate, to: PlainDate): number {
  const a = dateParts(from);
  const b = dateParts(to);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}

/** Zod schema for a PlainDate field: rejects impossible dates such as 2013-02-29. */
export const PlainDateSchema = z
  .string()
  .refine((s) => parsePlainDate(s) !== undefined, { message: 'validation.date' }) // catalogue key: "enter a real date, for example …"
  .transform((s) => s as PlainDate);
