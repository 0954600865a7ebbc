import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDates, fromEpochDay, plainDate, toEpochDay } from '../../../shared/kernel/plain-date.ts';
import { isWorkingDay } from '../../../shared/kernel/working-days.ts';
import { computeDeadline, extensionProblem, type DeadlineRule } from './case-deadline.ts';

const d = plainDate;
const MONTH: DeadlineRule = { unit: 'months', limit: 1, maxExtendedTo: 4 };
const TEN_WD: DeadlineRule = { unit: 'working-days', limit: 10 };
const base = { suspensions: [], extendedTo: null };

describe('the general administrative limit (APL Art. 64: one month from receipt)', () => {
  it('ends on the same day a month later when that is a working day', () => {
    expect(computeDeadline({ ...base, rule: MONTH, receivedOn: d('2026-11-16'), today: d('2026-11-16') }).dueOn).toBe(
      '2026-12-16',
    );
  });
  it('moves past Christmas Eve, Christmas and the weekend (24 Dec 2026 → Mon 28 Dec)', () => {
    expect(computeDeadline({ ...base, rule: MONTH, receivedOn: d('2026-11-24'), today: d('2026-11-24') }).dueOn).toBe(
      '2026-12-28',
    );
  });
  it('takes the last day of a shorter month, then the next working day (31 Jan → Sat 28 Feb → Mon 2 Mar)', () => {
    expect(computeDeadline({ ...base, rule: MONTH, receivedOn: d('2026-01-31'), today: d('2026-01-31') }).dueOn).toBe(
      '2026-03-02',
    );
  });
  it('counts working days left after today, and a breach after the due day', () => {
    const on = (today: string) =>
      computeDeadline({ ...base, rule: MONTH, receivedOn: d('2026-05-18'), today: d(today) });
    expect(on('2026-06-15')).toMatchObject({ dueOn: '2026-06-18', workingDaysLeft: 3, breached: false });
    expect(on('2026-06-18')).toMatchObject({ workingDaysLeft: 0, breached: false });
    expect(on('2026-06-19')).toMatchObject({ workingDaysLeft: -1, breached: true });
  });
});

describe('suspension while the office waits for the applicant', () => {
  it('moves the end by the calendar days waited, then past Līgo and Jāņi (18 Jun + 5 days → 25 Jun)', () => {
    const s = computeDeadline({
      ...base,
      rule: MONTH,
      receivedOn: d('2026-05-18'),
      suspensions: [{ from: d('2026-05-25'), to: d('2026-05-30') }],
      today: d('2026-06-01'),
    });
    expect(s).toMatchObject({ dueOn: '2026-06-25', suspended: false, suspendedDays: 5 });
  });
  it('keeps counting an unanswered request up to today, and says the clock stands still', () => {
    const s = computeDeadline({
      ...base,
      rule: MONTH,
      receivedOn: d('2026-05-18'),
      suspensions: [{ from: d('2026-05-25'), to: null }],
      today: d('2026-05-28'),
    });
    // 18 Jun + 3 days = Sun 21 Jun → past Mon 22 Jun (a rest day moved by the Cabinet's order) and Līgo and Jāņi → Thu 25 Jun
    expect(s).toMatchObject({ dueOn: '2026-06-25', suspended: true, suspendedDays: 3 });
  });
  it('adds up several suspensions', () => {
    const s = computeDeadline({
      ...base,
      rule: MONTH,
      receivedOn: d('2026-11-16'),
      today: d('2026-12-01'),
      suspensions: [
        { from: d('2026-11-17'), to: d('2026-11-19') },
        { from: d('2026-11-23'), to: d('2026-11-24') },
      ],
    });
    expect(s).toMatchObject({ dueOn: '2026-12-21', suspendedDays: 3 });
  });
  it('counts working days of a suspension for a working-day limit (10 wd from 15 Jun = 1 Jul; 2 wd waited → 3 Jul)', () => {
    expect(computeDeadline({ ...base, rule: TEN_WD, receivedOn: d('2026-06-15'), today: d('2026-06-15') }).dueOn).toBe(
      '2026-07-01',
    );
    const s = computeDeadline({
      ...base,
      rule: TEN_WD,
      receivedOn: d('2026-06-15'),
      suspensions: [{ from: d('2026-06-17'), to: d('2026-06-19') }],
      today: d('2026-06-22'),
    });
    expect(s.dueOn).toBe('2026-07-03');
  });
});

describe('extension', () => {
  const received = d('2026-05-18');
  const state = computeDeadline({ ...base, rule: MONTH, receivedOn: received, today: d('2026-06-01') });
  it('is capped at four months from receipt', () => {
    expect(state.extensionCap).toBe('2026-09-18');
    expect(extensionProblem(state, d('2026-08-31'))).toBeNull();
    expect(extensionProblem(state, d('2026-09-21'))).toBe('beyond-cap');
    expect(extensionProblem(state, d('2026-06-10'))).toBe('not-later');
    expect(
      extensionProblem(
        computeDeadline({ ...base, rule: TEN_WD, receivedOn: received, today: received }),
        d('2026-08-31'),
      ),
    ).toBe('not-extendable');
  });
  it('sets the due day to the recorded end', () => {
    expect(
      computeDeadline({
        ...base,
        rule: MONTH,
        receivedOn: received,
        extendedTo: d('2026-08-31'),
        today: d('2026-06-01'),
      }).dueOn,
    ).toBe('2026-08-31');
  });
  it('never goes past the cap, even if a stored end does', () => {
    expect(
      computeDeadline({
        ...base,
        rule: MONTH,
        receivedOn: received,
        extendedTo: d('2027-01-01'),
        today: d('2026-06-01'),
      }).dueOn,
    ).toBe('2026-09-18');
  });
  it('moves the cap by suspended days too', () => {
    const s = computeDeadline({
      ...base,
      rule: MONTH,
      receivedOn: received,
      suspensions: [{ from: d('2026-05-25'), to: d('2026-05-28') }],
      today: d('2026-06-01'),
    });
    expect(s.extensionCap).toBe('2026-09-21');
  });
});

describe('properties over 2000-2040', () => {
  const day = fc.integer({ min: toEpochDay(d('2000-01-01')), max: toEpochDay(d('2040-12-31')) }).map(fromEpochDay);
  it('a due day is always a working day, after receipt, and never earlier for a longer suspension', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom(MONTH, TEN_WD),
        (received, a, b, rule) => {
          const at = (waited: number) =>
            computeDeadline({
              ...base,
              rule,
              receivedOn: received,
              suspensions: [{ from: received, to: addDays(received, waited) }],
              today: received,
            }).dueOn;
          const [short, long] = [at(Math.min(a, b)), at(Math.max(a, b))];
          expect(isWorkingDay(short)).toBe(true);
          expect(compareDates(short, received)).toBeGreaterThan(0);
          expect(compareDates(long, short)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
