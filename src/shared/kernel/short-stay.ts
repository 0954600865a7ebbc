/**
 * The 90/180-day rule for short stays (Schengen Borders Code art. 6(1), Reg. 2016/399): no more than
 * 90 days in any 180-day period, "which entails considering the 180-day period preceding each day of stay".
 * DOMAIN-PROCEDURES §2. Pure: the control date is passed in, nothing is read from a clock.
 *
 * Counting (§2.2): the days of stay are a set of calendar dates; entry and exit days both count, so a
 * same-day trip is one day and a day with an exit and a re-entry is still one day. The window of a date D
 * is [D − 179, D], both inclusive (verified against the Swiss SEM examples, §2.3).
 *
 * Cost: validating the history is O(stays); every count afterwards is a binary search over the merged
 * periods, and the two day-by-day scans (the window for the overstay, at most 91 days forward for the latest
 * exit) are bounded by the rule itself — so a history of decades costs no more per day than a single trip.
 */
import { fromEpochDay, toEpochDay, type PlainDate } from './plain-date.ts';

/** The days a person may spend in the area in any window. */
export const MAX_DAYS_IN_WINDOW = 90;
/** The length of the moving reference window, the control day included. */
export const WINDOW_DAYS = 180;
/**
 * The earliest date the Commission's calculator accepts (§2.5, 22.04.2013). Not 18.10.2013, when the
 * "any 180-day period" wording took effect: the official SEM examples 4 and 6 enter stays from June 2013.
 */
export const EARLIEST_STAY_DATE = '2013-04-22' as PlainDate;

/** One stay in the area: entered on `entry`, left on `exit` (null = still inside). */
export interface Stay {
  entry: PlainDate;
  exit: PlainDate | null;
}

export const VISA_ENTRIES = ['single', 'double', 'multiple'] as const;
export type VisaEntries = (typeof VISA_ENTRIES)[number];

/** The fields of a short-stay (C) visa sticker that limit a stay. */
export interface ShortStayVisa {
  validFrom: PlainDate;
  validUntil: PlainDate;
  /** "Duration of stay … days" on the sticker, 1–90. */
  durationOfStay: number;
  entries: VisaEntries;
}

export interface ShortStayInput {
  controlDate: PlainDate;
  /** In chronological order; only the last may still be open. */
  stays: readonly Stay[];
  visa?: ShortStayVisa | undefined;
  /** Planning mode: the day the person means to enter (they must be outside the evening before). */
  plannedEntry?: PlainDate | undefined;
}

/** Which rule ends a stay: the 90/180-day rule or one of the visa's limits. */
export type StayLimit = 'rule-90-180' | 'visa-validity' | 'visa-entries' | 'visa-duration';

/** How long a stay starting (or continuing) on `from` may last. */
export interface StayAllowance {
  /** The control date (a stay in progress) or the planned entry. */
  from: PlainDate;
  /** Days from `from`, itself included, that may be spent inside; 0 = not even that day. */
  days: number;
  /** The last day that may be spent inside (the latest exit); null when `days` is 0. */
  latestExit: PlainDate | null;
  /** The rule that forbids the day after `latestExit` (or `from` itself when `days` is 0). */
  limitedBy: StayLimit;
}

export interface ShortStayAssessment {
  controlDate: PlainDate;
  /** The 180-day window ending on the control date. */
  window: { first: PlainDate; last: PlainDate };
  /** Days of stay in the window. */
  daysUsed: number;
  /** 90 − daysUsed, never below 0. Not the longest possible stay: days leave the window as it moves. */
  daysLeft: number;
  /** A recorded stay covers the control date (its entry and exit days included). */
  isInside: boolean;
  /**
   * The Commission calculator's "possible overstay in the period … (x days)": `days` = daysUsed − 90, and
   * `since` = the first day of stay in the window on which the count went over 90. Null when daysUsed ≤ 90.
   */
  overstay: { since: PlainDate; days: number } | null;
  /** Continuing the stay in progress on the control date ("possible stay until …"); null when outside. */
  currentStay: StayAllowance | null;
  /** Planning mode ("the stay may be authorised for up to x days"); null without a planned entry. */
  plannedStay: StayAllowance | null;
}

export const SHORT_STAY_ERROR_CODES = [
  'DATE_TOO_EARLY',
  'EXIT_BEFORE_ENTRY',
  'UNORDERED_STAYS',
  'OVERLAPPING_STAYS',
  'OPEN_STAY_NOT_LAST',
  'INVALID_VISA',
  'PLANNED_ENTRY_DURING_STAY',
] as const;
export type ShortStayErrorCode = (typeof SHORT_STAY_ERROR_CODES)[number];

/** Input the rule cannot be applied to; `stayIndex` (0-based) names the offending stay when there is one. */
export class ShortStayError extends Error {
  override name = 'ShortStayError';
  readonly code: ShortStayErrorCode;
  readonly stayIndex: number | undefined;
  constructor(code: ShortStayErrorCode, message: string, stayIndex?: number) {
    super(message);
    this.code = code;
    this.stayIndex = stayIndex;
  }
}

/** Inclusive epoch-day range; the merged periods never touch or overlap. */
interface Span {
  first: number;
  last: number;
}

/** Counts days of stay in any range in O(log periods). */
interface DayIndex {
  count(from: number, to: number): number;
}

function describeStay(stays: readonly Stay[], i: number): string {
  const s = stays[i] as Stay;
  return `stay #${i + 1} (${s.entry} to ${s.exit ?? 'still inside'})`;
}

function tooEarly(date: PlainDate, what: string, stayIndex?: number): ShortStayError {
  return new ShortStayError(
    'DATE_TOO_EARLY',
    `${what}: ${date} is before ${EARLIEST_STAY_DATE}, the earliest date the 90/180-day calculation accepts`,
    stayIndex,
  );
}

function assertNotTooEarly(date: PlainDate, what: string): void {
  if (date < EARLIEST_STAY_DATE) throw tooEarly(date, what);
}

/** Checks the stays' order and dates; throws a ShortStayError naming the first bad stay. */
function validateStays(stays: readonly Stay[]): void {
  // A plain loop that builds no message unless a check fails: histories can hold thousands of stays.
  for (let i = 0; i < stays.length; i++) {
    const stay = stays[i] as Stay;
    if (stay.entry < EARLIEST_STAY_DATE) throw tooEarly(stay.entry, `${describeStay(stays, i)}: entry`, i);
    if (stay.exit !== null && stay.exit < stay.entry) {
      throw new ShortStayError('EXIT_BEFORE_ENTRY', `${describeStay(stays, i)}: exit is before entry`, i);
    }
    const previous = stays[i - 1];
    if (!previous) continue;
    if (previous.exit === null) {
      throw new ShortStayError(
        'OPEN_STAY_NOT_LAST',
        `${describeStay(stays, i - 1)} has no exit, so no stay can follow it, but ${describeStay(stays, i)} does`,
        i,
      );
    }
    if (stay.entry < previous.entry) {
      throw new ShortStayError(
        'UNORDERED_STAYS',
        `${describeStay(stays, i)} begins before ${describeStay(stays, i - 1)}: list the stays in chronological order`,
        i,
      );
    }
    // Leaving and re-entering on the same day is allowed: the day counts once.
    if (stay.entry < previous.exit) {
      throw new ShortStayError(
        'OVERLAPPING_STAYS',
        `${describeStay(stays, i)} begins before ${describeStay(stays, i - 1)} ends`,
        i,
      );
    }
  }
}

function validateVisa(visa: ShortStayVisa): void {
  assertNotTooEarly(visa.validFrom, 'visa valid from');
  if (visa.validUntil < visa.validFrom)
    throw new ShortStayError(
      'INVALID_VISA',
      `visa valid until ${visa.validUntil} is before valid from ${visa.validFrom}`,
    );
  if (!Number.isInteger(visa.durationOfStay) || visa.durationOfStay < 1 || visa.durationOfStay > MAX_DAYS_IN_WINDOW) {
    throw new ShortStayError(
      'INVALID_VISA',
      `visa duration of stay must be a whole number of days from 1 to ${MAX_DAYS_IN_WINDOW}, not ${visa.durationOfStay}`,
    );
  }
}

/**
 * The days of stay in [lo, hi] as merged periods. A stay still in progress counts up to the control date
 * only: the days after it are not known yet (one that began after the control date counts nothing). Stays
 * outside the range are skipped by comparing the date strings, so a long history costs no date arithmetic.
 */
function mergeSpans(stays: readonly Stay[], control: number, lo: number, hi: number): Span[] {
  const [loDate, hiDate] = [fromEpochDay(lo), fromEpochDay(hi)];
  const spans: Span[] = [];
  for (const stay of stays) {
    if (stay.entry > hiDate) break;
    if (stay.exit !== null && stay.exit < loDate) continue;
    const first = Math.max(lo, toEpochDay(stay.entry));
    const last = Math.min(hi, stay.exit === null ? control : toEpochDay(stay.exit));
    if (last < first) continue;
    const previous = spans[spans.length - 1];
    if (previous && first <= previous.last + 1) previous.last = Math.max(previous.last, last);
    else spans.push({ first, last });
  }
  return spans;
}

/**
 * The days every count below may ask about: two windows back from the control date (the overstay looks at
 * each day's own window), one window back from a planned entry, and a visa's whole validity.
 */
function countedRange(input: ShortStayInput, control: number): { lo: number; hi: number } {
  const planned = input.plannedEntry === undefined ? control : toEpochDay(input.plannedEntry);
  const validFrom = input.visa ? toEpochDay(input.visa.validFrom) : control;
  return { lo: Math.min(control, planned, validFrom) - 2 * WINDOW_DAYS, hi: Math.max(control, planned) };
}

function indexDays(spans: readonly Span[]): DayIndex {
  // before[i] = days in the periods before spans[i]; a binary search finds the period holding a day.
  const before: number[] = [];
  let total = 0;
  for (const span of spans) {
    before.push(total);
    total += span.last - span.first + 1;
  }
  const upTo = (day: number): number => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((spans[mid] as Span).first <= day) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return 0;
    const span = spans[lo - 1] as Span;
    return (before[lo - 1] as number) + Math.min(day, span.last) - span.first + 1;
  };
  return { count: (from, to) => (to < from ? 0 : upTo(to) - upTo(from - 1)) };
}

/** Days of stay in the window ending on `day`. */
function usedOn(index: DayIndex, day: number): number {
  return index.count(day - WINDOW_DAYS + 1, day);
}

/** The first day of stay in the control date's window whose own window held more than 90 days. */
function overstayOn(index: DayIndex, control: number): ShortStayAssessment['overstay'] {
  const used = usedOn(index, control);
  if (used <= MAX_DAYS_IN_WINDOW) return null;
  for (let day = control - WINDOW_DAYS + 1; day <= control; day++) {
    if (index.count(day, day) === 1 && usedOn(index, day) > MAX_DAYS_IN_WINDOW)
      return { since: fromEpochDay(day), days: used - MAX_DAYS_IN_WINDOW };
  }
  // Unreachable: the last day of stay in the window has a window holding all of the control window's days.
  throw new Error('overstay without a day over the limit');
}

/** A stay from `start`, day after day, with everything recorded before `start` as history. */
interface StayScan {
  index: DayIndex;
  start: number;
  visa: ShortStayVisa | undefined;
  /** Entries made under the visa before `start`, or undefined for a stay already in progress. */
  priorEntries: number | undefined;
}

const ENTRIES_ALLOWED = { single: 1, double: 2, multiple: Number.POSITIVE_INFINITY } as const satisfies Record<
  VisaEntries,
  number
>;

/** The rule that forbids spending day `day` inside, staying continuously from `scan.start`; undefined if allowed. */
function refusalOn(scan: StayScan, day: number): StayLimit | undefined {
  const { index, start, visa } = scan;
  // History ends the day before the stay starts; the stay itself fills [start, day].
  const inside = (from: number): number =>
    index.count(from, Math.min(day, start - 1)) + day - Math.max(from, start) + 1;
  if (inside(day - WINDOW_DAYS + 1) > MAX_DAYS_IN_WINDOW) return 'rule-90-180';
  if (!visa) return undefined;
  const validFrom = toEpochDay(visa.validFrom);
  if (day < validFrom || day > toEpochDay(visa.validUntil)) return 'visa-validity';
  if (scan.priorEntries !== undefined && scan.priorEntries >= ENTRIES_ALLOWED[visa.entries]) return 'visa-entries';
  // ASSUMPTION (UNSOURCED): a single- or double-entry sticker's days are a total over its validity; a
  // multiple-entry sticker's days are a cap in every 180-day window, as "90 days" on it means 90/180.
  const counted = visa.entries === 'multiple' ? inside(Math.max(validFrom, day - WINDOW_DAYS + 1)) : inside(validFrom);
  if (counted > visa.durationOfStay) return 'visa-duration';
  return undefined;
}

function scanStay(scan: StayScan): StayAllowance {
  // Ends within 91 days: the 91st consecutive day breaks the rule whatever the history.
  let day = scan.start;
  let limit = refusalOn(scan, day);
  while (limit === undefined) limit = refusalOn(scan, ++day);
  return {
    from: fromEpochDay(scan.start),
    days: day - scan.start,
    latestExit: day === scan.start ? null : fromEpochDay(day - 1),
    limitedBy: limit,
  };
}

/** The index of the first stay entered on or after `date` (stays are validated to be in order). */
function firstStayFrom(stays: readonly Stay[], date: PlainDate): number {
  let lo = 0;
  let hi = stays.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((stays[mid] as Stay).entry < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The stay that holds a person inside on `date`: entered before it (or on it, `isEntryDayInside`) and not
 * left before it (or on it, `isExitDayInside`). Stays do not overlap, so only the last one entered can.
 */
function stayHolding(
  stays: readonly Stay[],
  date: PlainDate,
  isEntryDayInside: boolean,
  isExitDayInside: boolean,
): number | undefined {
  let i = firstStayFrom(stays, date) - 1;
  if (isEntryDayInside && stays[i + 1]?.entry === date) i++;
  const stay = stays[i];
  if (!stay) return undefined;
  const isHeld = stay.exit === null || stay.exit > date || (isExitDayInside && stay.exit === date);
  return isHeld ? i : undefined;
}

/** Planning mode: an entry while a recorded stay has not ended the day before is a contradiction. */
function planStay(input: ShortStayInput, index: DayIndex, plannedEntry: PlainDate): StayAllowance {
  assertNotTooEarly(plannedEntry, 'planned entry');
  const { stays, visa } = input;
  const i = stayHolding(stays, plannedEntry, false, false);
  if (i !== undefined)
    throw new ShortStayError(
      'PLANNED_ENTRY_DURING_STAY',
      `planned entry ${plannedEntry} falls within ${describeStay(stays, i)}`,
      i,
    );
  const start = toEpochDay(plannedEntry);
  // Entries under the visa so far: entered within its validity, before the planned entry.
  const entriesUntil = visa ? fromEpochDay(Math.min(start, toEpochDay(visa.validUntil) + 1)) : plannedEntry;
  const priorEntries = visa
    ? Math.max(0, firstStayFrom(stays, entriesUntil) - firstStayFrom(stays, visa.validFrom))
    : 0;
  return scanStay({ index, start, visa, priorEntries });
}

/**
 * Applies the 90/180-day rule on a control date: days used and left in its window, the overstay if any,
 * the latest exit of a stay in progress and, given `plannedEntry`, how long a new stay may last — each
 * also bounded by the visa when one is given. Throws ShortStayError for input the rule cannot apply to.
 */
export function assessShortStay(input: ShortStayInput): ShortStayAssessment {
  const { controlDate, stays, visa, plannedEntry } = input;
  assertNotTooEarly(controlDate, 'control date');
  validateStays(stays);
  if (visa) validateVisa(visa);
  const control = toEpochDay(controlDate);
  const { lo, hi } = countedRange(input, control);
  const index = indexDays(mergeSpans(stays, control, lo, hi));
  const daysUsed = usedOn(index, control);
  const isInside = stayHolding(stays, controlDate, true, true) !== undefined;
  return {
    controlDate,
    window: { first: fromEpochDay(control - WINDOW_DAYS + 1), last: controlDate },
    daysUsed,
    daysLeft: Math.max(0, MAX_DAYS_IN_WINDOW - daysUsed),
    isInside,
    overstay: overstayOn(index, control),
    currentStay: isInside ? scanStay({ index, start: control, visa, priorEntries: undefined }) : null,
    plannedStay: plannedEntry === undefined ? null : planStay(input, index, plannedEntry),
  };
}
