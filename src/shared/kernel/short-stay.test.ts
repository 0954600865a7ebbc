import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assessShortStay,
  ShortStayError,
  type ShortStayErrorCode,
  type ShortStayInput,
  type ShortStayVisa,
  type Stay,
  type StayLimit,
} from './short-stay.ts';
import { fromEpochDay, plainDate, toEpochDay, type PlainDate } from './plain-date.ts';

const d = plainDate;
const stay = (entry: string, exit: string | null): Stay => ({ entry: d(entry), exit: exit === null ? null : d(exit) });

function expectError(input: ShortStayInput, code: ShortStayErrorCode, messagePart: string, stayIndex?: number): void {
  let caught: unknown;
  try {
    assessShortStay(input);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ShortStayError);
  expect((caught as ShortStayError).code).toBe(code);
  expect((caught as ShortStayError).message).toContain(messagePart);
  expect((caught as ShortStayError).stayIndex).toBe(stayIndex);
}

// DOMAIN-PROCEDURES §2.3. SEM example 3 is deliberately absent: its stays are unrecoverable from the stored copy.
describe('90/180-day rule — official Swiss SEM worked examples (DOMAIN-PROCEDURES §2.3)', () => {
  it('SEM example 1 (rhf.admin.ch …/aufenthaltsrechner/bsp-1.html): 47 days used; re-entry 01.01.2015 may last 90 days', () => {
    const r = assessShortStay({
      controlDate: d('2015-01-01'),
      stays: [stay('2014-08-15', '2014-09-30')],
      plannedEntry: d('2015-01-01'),
    });
    expect(r.daysUsed).toBe(47);
    expect(r.daysLeft).toBe(43);
    expect(r.plannedStay).toMatchObject({ days: 90, latestExit: '2015-03-31', limitedBy: 'rule-90-180' });
  });

  it('SEM example 2 (sem.admin.ch …/aufenthaltsrechner/bsp-2.html): control at exit 30.11.2014 is legal; could have stayed until 13.12.2014', () => {
    const r = assessShortStay({
      controlDate: d('2014-11-30'),
      stays: [stay('2014-08-15', '2014-09-30'), stay('2014-11-01', '2014-11-30')],
    });
    expect(r.window).toEqual({ first: '2014-06-04', last: '2014-11-30' });
    expect(r.daysUsed).toBe(77);
    expect(r.overstay).toBeNull();
    expect(r.isInside).toBe(true);
    expect(r.currentStay).toEqual({ from: '2014-11-30', days: 14, latestExit: '2014-12-13', limitedBy: 'rule-90-180' });
  });

  it('SEM example 4 (fedpol.admin.ch …/de/…/aufenthaltsrechner/bsp-4.html): June/July 2013 stay outside the window; could stay until 31.03.2014', () => {
    const stays = [
      stay('2013-06-01', '2013-07-13'),
      stay('2013-08-15', '2013-09-30'),
      stay('2014-01-01', '2014-01-30'),
    ];
    const r = assessShortStay({ controlDate: d('2014-01-30'), stays });
    expect(r.window).toEqual({ first: '2013-08-04', last: '2014-01-30' });
    expect(r.daysUsed).toBe(77);
    expect(r.overstay).toBeNull();
    expect(r.currentStay?.latestExit).toBe('2014-03-31');
  });

  it('SEM example 5 (fedpol.admin.ch …/en/…/aufenthaltsrechner/bsp-5.html): 9 days overstay at exit 09.06.2014; re-entry 30.08.2014 (window from 04.03.2014) up to 50 days', () => {
    const stays = [
      stay('2013-09-01', '2013-09-30'),
      stay('2014-02-21', '2014-04-20'),
      stay('2014-05-01', '2014-06-09'),
    ];
    const atExit = assessShortStay({ controlDate: d('2014-06-09'), stays });
    expect(atExit.daysUsed).toBe(99);
    expect(atExit.overstay?.days).toBe(9);
    expect(atExit.currentStay).toMatchObject({ days: 0, latestExit: null, limitedBy: 'rule-90-180' });
    const reEntry = assessShortStay({ controlDate: d('2014-08-30'), stays, plannedEntry: d('2014-08-30') });
    expect(reEntry.window.first).toBe('2014-03-04');
    expect(reEntry.plannedStay?.days).toBe(50);
  });

  it('SEM example 6 (sem.admin.ch …/aufenthaltsrechner/bsp-6.html): exit 01.03.2014 overstays by 74 days in 03.09.2013–01.03.2014', () => {
    const r = assessShortStay({
      controlDate: d('2014-03-01'),
      stays: [stay('2013-06-28', '2013-08-09'), stay('2013-09-19', '2014-03-01')],
    });
    expect(r.window).toEqual({ first: '2013-09-03', last: '2014-03-01' });
    expect(r.daysUsed).toBe(164);
    expect(r.daysLeft).toBe(0);
    // The first day over 90 is self-computed: 43 days in June–August 2013, so the 48th day from 19.09.2013.
    expect(r.overstay).toEqual({ since: '2013-11-05', days: 74 });
  });
});

describe('90/180-day rule — other vectors (DOMAIN-PROCEDURES §2.4)', () => {
  it('M1 (myschengencalculator.com/example): the window of exit 01.04.2022 starts 04.10.2021', () => {
    expect(assessShortStay({ controlDate: d('2022-04-01'), stays: [] }).window.first).toBe('2021-10-04');
  });
  it('A (self-computed, EC user manual: "an absence for an uninterrupted period of 90 days allows for a new stay for up to 90 days")', () => {
    const stays = [stay('2025-01-01', '2025-03-31')];
    expect(assessShortStay({ controlDate: d('2025-03-31'), stays }).daysUsed).toBe(90);
    const plan = (entry: string) =>
      assessShortStay({ controlDate: d(entry), stays, plannedEntry: d(entry) }).plannedStay?.days;
    expect(plan('2025-04-01')).toBe(0);
    expect(plan('2025-06-29')).toBe(0);
    expect(plan('2025-06-30')).toBe(90);
  });
  it('B (self-computed): in a leap year the window of 30.08.2024 starts 04.03.2024', () => {
    expect(assessShortStay({ controlDate: d('2024-08-30'), stays: [] }).window).toEqual({
      first: '2024-03-04',
      last: '2024-08-30',
    });
  });
  it('C (self-computed): three 30-day stays in 2025 use 90 days; an entry on 01.07.2025 may last 30 days, not 90 − used', () => {
    const stays = [
      stay('2025-01-01', '2025-01-30'),
      stay('2025-03-01', '2025-03-30'),
      stay('2025-05-01', '2025-05-30'),
    ];
    expect(assessShortStay({ controlDate: d('2025-05-30'), stays }).daysUsed).toBe(90);
    const r = assessShortStay({ controlDate: d('2025-07-01'), stays, plannedEntry: d('2025-07-01') });
    expect(r.plannedStay).toEqual({ from: '2025-07-01', days: 30, latestExit: '2025-07-30', limitedBy: 'rule-90-180' });
  });
});

describe('counting days', () => {
  it('counts a same-day trip as one day, and a day with an exit and a re-entry once', () => {
    expect(assessShortStay({ controlDate: d('2026-03-01'), stays: [stay('2026-02-01', '2026-02-01')] }).daysUsed).toBe(
      1,
    );
    expect(
      assessShortStay({
        controlDate: d('2026-03-01'),
        stays: [stay('2026-01-01', '2026-01-10'), stay('2026-01-10', '2026-01-20')],
      }).daysUsed,
    ).toBe(20);
  });
  it('counts a stay still in progress up to the control date, and nothing of it before its entry', () => {
    const stays = [stay('2026-05-01', null)];
    expect(assessShortStay({ controlDate: d('2026-05-10'), stays })).toMatchObject({ daysUsed: 10, isInside: true });
    expect(assessShortStay({ controlDate: d('2026-04-30'), stays })).toMatchObject({
      daysUsed: 0,
      isInside: false,
      currentStay: null,
    });
  });
  it('ignores days recorded after the control date', () => {
    const r = assessShortStay({ controlDate: d('2026-05-10'), stays: [stay('2026-05-01', '2026-06-30')] });
    expect(r.daysUsed).toBe(10);
    // The stay in progress continues from the control date; the recorded exit does not shorten it.
    expect(r.currentStay?.latestExit).toBe('2026-07-29');
  });
});

describe('visa limits (self-computed; the reading of "duration of stay" is an assumption, see short-stay.ts)', () => {
  const visa = (
    entries: ShortStayVisa['entries'],
    durationOfStay: number,
    validFrom = '2026-06-01',
    validUntil = '2026-08-31',
  ): ShortStayVisa => ({ validFrom: d(validFrom), validUntil: d(validUntil), durationOfStay, entries });
  const plan = (stays: Stay[], v: ShortStayVisa, entry: string) =>
    assessShortStay({ controlDate: d(entry), stays, visa: v, plannedEntry: d(entry) }).plannedStay;

  it("ends a stay when the sticker's days of stay are used", () => {
    expect(plan([], visa('single', 15), '2026-06-10')).toEqual({
      from: '2026-06-10',
      days: 15,
      latestExit: '2026-06-24',
      limitedBy: 'visa-duration',
    });
  });
  it('counts earlier days within the validity against a double-entry visa, and refuses a third entry', () => {
    const stays = [stay('2026-06-02', '2026-06-05')];
    expect(plan(stays, visa('double', 30), '2026-07-01')).toMatchObject({
      days: 26,
      latestExit: '2026-07-26',
      limitedBy: 'visa-duration',
    });
    expect(plan(stays, visa('single', 30), '2026-07-01')).toMatchObject({
      days: 0,
      latestExit: null,
      limitedBy: 'visa-entries',
    });
  });
  it("caps a multiple-entry visa's days in every 180-day window", () => {
    const stays = [stay('2026-06-01', '2026-06-20')];
    expect(plan(stays, visa('multiple', 30, '2026-01-01', '2027-12-31'), '2026-07-01')).toMatchObject({
      days: 10,
      limitedBy: 'visa-duration',
    });
    // Once June has left the window the full 30 days are available again.
    expect(plan(stays, visa('multiple', 30, '2026-01-01', '2027-12-31'), '2026-12-20')).toMatchObject({
      days: 30,
      limitedBy: 'visa-duration',
    });
  });
  it('never lets a stay run past the validity, nor begin before it', () => {
    expect(plan([], visa('multiple', 90, '2026-06-01', '2026-06-20'), '2026-06-10')).toMatchObject({
      days: 11,
      latestExit: '2026-06-20',
      limitedBy: 'visa-validity',
    });
    expect(plan([], visa('multiple', 90), '2026-05-31')).toMatchObject({ days: 0, limitedBy: 'visa-validity' });
  });
  it('limits a stay in progress by the validity', () => {
    const r = assessShortStay({
      controlDate: d('2026-06-15'),
      stays: [stay('2026-06-10', null)],
      visa: visa('multiple', 90, '2026-06-01', '2026-06-30'),
    });
    expect(r.currentStay).toEqual({
      from: '2026-06-15',
      days: 16,
      latestExit: '2026-06-30',
      limitedBy: 'visa-validity',
    });
  });
});

describe('input the rule cannot apply to', () => {
  it('refuses overlapping stays, naming the later one', () => {
    expectError(
      { controlDate: d('2014-03-01'), stays: [stay('2014-01-01', '2014-01-10'), stay('2014-01-05', '2014-01-20')] },
      'OVERLAPPING_STAYS',
      'stay #2 (2014-01-05 to 2014-01-20) begins before stay #1',
      1,
    );
  });
  it('refuses stays out of chronological order', () => {
    expectError(
      { controlDate: d('2014-03-01'), stays: [stay('2014-02-01', '2014-02-10'), stay('2014-01-01', '2014-01-05')] },
      'UNORDERED_STAYS',
      'stay #2 (2014-01-01 to 2014-01-05)',
      1,
    );
  });
  it('refuses an exit before the entry', () => {
    expectError(
      { controlDate: d('2014-03-01'), stays: [stay('2014-02-10', '2014-02-01')] },
      'EXIT_BEFORE_ENTRY',
      'stay #1 (2014-02-10 to 2014-02-01)',
      0,
    );
  });
  it('refuses a stay after one that has no exit', () => {
    expectError(
      { controlDate: d('2014-03-01'), stays: [stay('2014-01-01', null), stay('2014-02-01', '2014-02-05')] },
      'OPEN_STAY_NOT_LAST',
      'stay #1 (2014-01-01 to still inside) has no exit',
      1,
    );
  });
  it("refuses dates before 22.04.2013, the calculator's earliest (DOMAIN-PROCEDURES §2.5, policija.si)", () => {
    expectError(
      { controlDate: d('2014-03-01'), stays: [stay('2013-04-21', '2013-05-01')] },
      'DATE_TOO_EARLY',
      'stay #1',
      0,
    );
    expectError({ controlDate: d('2013-04-21'), stays: [] }, 'DATE_TOO_EARLY', 'control date');
    expect(assessShortStay({ controlDate: d('2013-05-01'), stays: [stay('2013-04-22', '2013-05-01')] }).daysUsed).toBe(
      10,
    );
  });
  it('refuses an impossible visa', () => {
    const base = {
      validFrom: d('2026-06-01'),
      validUntil: d('2026-06-30'),
      durationOfStay: 30,
      entries: 'single',
    } as const;
    expectError(
      { controlDate: d('2026-06-01'), stays: [], visa: { ...base, validUntil: d('2026-05-31') } },
      'INVALID_VISA',
      'before valid from',
    );
    for (const durationOfStay of [0, 91, 1.5])
      expectError(
        { controlDate: d('2026-06-01'), stays: [], visa: { ...base, durationOfStay } },
        'INVALID_VISA',
        'duration of stay',
      );
  });
  it('refuses a planned entry while a recorded stay goes on, but allows re-entry on the day of an exit', () => {
    const stays = [stay('2026-01-01', '2026-01-20')];
    expectError(
      { controlDate: d('2026-01-10'), stays, plannedEntry: d('2026-01-10') },
      'PLANNED_ENTRY_DURING_STAY',
      'planned entry 2026-01-10 falls within stay #1',
      0,
    );
    expect(
      assessShortStay({ controlDate: d('2026-01-20'), stays, plannedEntry: d('2026-01-20') }).plannedStay?.days,
    ).toBe(71);
  });
});

// ---------------------------------------------------------------------------------------------------------
// An independent day-by-day model: a Set of epoch days, windows counted by walking 180 days.

function bruteDays(stays: readonly Stay[], control: number): Set<number> {
  const days = new Set<number>();
  for (const s of stays) {
    const last = s.exit === null ? control : toEpochDay(s.exit);
    for (let day = toEpochDay(s.entry); day <= last; day++) days.add(day);
  }
  return days;
}

function bruteCount(days: Set<number>, from: number, to: number): number {
  let n = 0;
  for (let day = from; day <= to; day++) if (days.has(day)) n++;
  return n;
}

/** The first rule broken on day `k` of a continuous stay from `start` after the days in `before` (all before `start`). */
function bruteBroken(
  before: readonly number[],
  start: number,
  k: number,
  visa: ShortStayVisa | undefined,
  priorEntries: number | undefined,
): StayLimit | undefined {
  const days = new Set(before);
  for (let day = start; day <= k; day++) days.add(day);
  if (bruteCount(days, k - 179, k) > 90) return 'rule-90-180';
  if (!visa) return undefined;
  const from = toEpochDay(visa.validFrom);
  if (k < from || k > toEpochDay(visa.validUntil)) return 'visa-validity';
  if (priorEntries !== undefined && priorEntries >= { single: 1, double: 2, multiple: Infinity }[visa.entries])
    return 'visa-entries';
  const counted =
    visa.entries === 'multiple' ? bruteCount(days, Math.max(from, k - 179), k) : bruteCount(days, from, k);
  return counted > visa.durationOfStay ? 'visa-duration' : undefined;
}

/** The allowance is exact: every day up to the latest exit is safe, and the day after is not (for the reason given). */
function checkAllowance(
  allowance: { days: number; latestExit: PlainDate | null; limitedBy: StayLimit },
  history: Set<number>,
  start: number,
  visa: ShortStayVisa | undefined,
  priorEntries: number | undefined,
): void {
  const before = [...history].filter((x) => x < start);
  const last = start + allowance.days - 1;
  expect(allowance.latestExit).toBe(allowance.days === 0 ? null : fromEpochDay(last));
  for (let k = start; k <= last; k++) expect(bruteBroken(before, start, k, visa, priorEntries)).toBeUndefined();
  expect(bruteBroken(before, start, last + 1, visa, priorEntries)).toBe(allowance.limitedBy);
}

const BASE = toEpochDay(d('2014-01-01'));

/** Random non-overlapping histories over a few years; a gap of 0 is a re-entry on the day of exit. */
const historyArb = fc
  .record({
    offset: fc.integer({ min: 0, max: 200 }),
    trips: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 150 }), length: fc.integer({ min: 1, max: 100 }) }), {
      maxLength: 12,
    }),
    isOpen: fc.boolean(),
  })
  .map(({ offset, trips, isOpen }) => {
    const stays: Stay[] = [];
    let cursor = BASE + offset;
    for (const trip of trips) {
      const entry = cursor + trip.gap;
      cursor = entry + trip.length - 1;
      stays.push({ entry: fromEpochDay(entry), exit: fromEpochDay(cursor) });
    }
    const last = stays[stays.length - 1];
    if (isOpen && last) last.exit = null;
    return { stays, end: cursor };
  });

const dayIn = (end: number) => fc.integer({ min: BASE - 100, max: end + 200 });

/** A visa (or none) whose validity starts up to 200 days before `day` and may end before it, so every limit is met. */
const visaAround = (day: number) =>
  fc.option(
    fc
      .record({
        before: fc.integer({ min: 0, max: 200 }),
        after: fc.integer({ min: -10, max: 120 }),
        durationOfStay: fc.integer({ min: 1, max: 90 }),
        entries: fc.constantFrom('single', 'double', 'multiple' as const),
      })
      .map(({ before, after, durationOfStay, entries }): ShortStayVisa => {
        const from = Math.max(BASE - 100, day - before);
        return {
          validFrom: fromEpochDay(from),
          validUntil: fromEpochDay(Math.max(from, day + after)),
          durationOfStay,
          entries,
        };
      }),
    { nil: undefined },
  );

describe('properties against the day-by-day model', () => {
  it('days used, days left, the window and the overstay match a day-by-day count', () => {
    fc.assert(
      fc.property(
        historyArb.chain((h) => fc.tuple(fc.constant(h), dayIn(h.end))),
        ([{ stays }, control]) => {
          const r = assessShortStay({ controlDate: fromEpochDay(control), stays });
          const days = bruteDays(stays, control);
          const used = bruteCount(days, control - 179, control);
          expect(r.daysUsed).toBe(used);
          expect(r.daysLeft).toBe(Math.max(0, 90 - used));
          expect(r.window).toEqual({ first: fromEpochDay(control - 179), last: fromEpochDay(control) });
          expect(r.isInside).toBe(days.has(control));
          let since: number | undefined;
          for (let k = control - 179; k <= control && since === undefined; k++)
            if (days.has(k) && bruteCount(days, k - 179, k) > 90) since = k;
          expect(r.overstay).toEqual(used > 90 ? { since: fromEpochDay(since as number), days: used - 90 } : null);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the latest exit of a stay in progress is the last safe day, with and without a visa', () => {
    fc.assert(
      fc.property(
        historyArb.chain((h) =>
          dayIn(h.end).chain((control) => fc.tuple(fc.constant(h), fc.constant(control), visaAround(control))),
        ),
        ([{ stays }, control, visa]) => {
          const r = assessShortStay({ controlDate: fromEpochDay(control), stays, visa });
          const days = bruteDays(stays, control);
          if (!days.has(control)) {
            expect(r.currentStay).toBeNull();
            return;
          }
          expect(r.currentStay?.from).toBe(fromEpochDay(control));
          checkAllowance(r.currentStay as NonNullable<typeof r.currentStay>, days, control, visa, undefined);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a planned stay lasts exactly as long as is safe, and an entry during a recorded stay is refused', () => {
    fc.assert(
      fc.property(
        historyArb.chain((h) =>
          fc
            .tuple(dayIn(h.end), dayIn(h.end))
            .chain(([control, entry]) =>
              fc.tuple(fc.constant(h), fc.constant(control), fc.constant(entry), visaAround(entry)),
            ),
        ),
        ([{ stays }, control, entry, visa]) => {
          const input = { controlDate: fromEpochDay(control), stays, visa, plannedEntry: fromEpochDay(entry) };
          // Inside over the night before the entry: entered earlier and not yet left on the entry day.
          const isInside = stays.some(
            (s) => toEpochDay(s.entry) < entry && (s.exit === null || toEpochDay(s.exit) > entry),
          );
          if (isInside) {
            expect(() => assessShortStay(input)).toThrow(ShortStayError);
            return;
          }
          const r = assessShortStay(input);
          const prior = visa
            ? stays.filter(
                (s) => s.entry >= visa.validFrom && s.entry <= visa.validUntil && toEpochDay(s.entry) < entry,
              ).length
            : 0;
          checkAllowance(
            r.plannedStay as NonNullable<typeof r.plannedStay>,
            bruteDays(stays, control),
            entry,
            visa,
            prior,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays fast on a long travel history: a day in, a day out, for 40 years', () => {
    const stays: Stay[] = [];
    for (let day = BASE; day < BASE + 40 * 365; day += 2)
      stays.push({ entry: fromEpochDay(day), exit: fromEpochDay(day) });
    const started = performance.now();
    for (let control = BASE + 400; control < BASE + 40 * 365; control += 7) {
      const r = assessShortStay({ controlDate: fromEpochDay(control), stays, plannedEntry: fromEpochDay(control + 1) });
      // Every second day inside: 90 days in any 180, so never an overstay and nothing left.
      expect(r.daysUsed).toBe(90);
      expect(r.overstay).toBeNull();
    }
    // 2,000 assessments over 7,300 stays; a quadratic day count would take minutes.
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
