import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appealTerm, deemedNotifiedOn } from './appeal-term.ts';
import { addDays, addMonthsClamped, compareDates, fromEpochDay, plainDate, toEpochDay } from './plain-date.ts';
import { isWorkingDay } from './working-days.ts';

const d = plainDate;

describe('when a decision counts as notified (Notification Law)', () => {
  it('sent electronically on Friday 4 December 2026: notified on the second working day after, Tuesday 8 December', () => {
    expect(deemedNotifiedOn(d('2026-12-04'), 'electronic')).toBe('2026-12-08');
  });
  it('sent electronically on Tuesday 22 December 2026: Christmas Eve, Christmas and the weekend do not count (Monday 28)', () => {
    expect(deemedNotifiedOn(d('2026-12-22'), 'electronic')).toBe('2026-12-28');
  });
  it('sent electronically on Tuesday 29 December 2026: New Year’s Eve and Day do not count (Monday 4 January 2027)', () => {
    expect(deemedNotifiedOn(d('2026-12-29'), 'electronic')).toBe('2027-01-04');
  });
  it('sent by registered post: the seventh day after posting, whatever day of the week it is', () => {
    expect(deemedNotifiedOn(d('2026-12-04'), 'post')).toBe('2026-12-11');
    expect(deemedNotifiedOn(d('2026-12-06'), 'post')).toBe('2026-12-13');
  });
});

describe('the appeal term (APL: one month from the decision taking effect, which is its notification)', () => {
  it('an electronic decision of Friday 4 December 2026 takes effect on 8 December and may be contested until 8 January 2027', () => {
    expect(appealTerm(d('2026-12-04'), 'electronic')).toEqual({
      method: 'electronic',
      sentOn: '2026-12-04',
      notifiedOn: '2026-12-08',
      inForceOn: '2026-12-08',
      lastDay: '2027-01-08',
    });
  });
  it('a posted decision of 4 December 2026 is notified on 11 December; the last day is Monday 11 January 2027', () => {
    expect(appealTerm(d('2026-12-04'), 'post').lastDay).toBe('2027-01-11');
  });
  it('a month from 31 January ends on the last day of February, moved past the weekend (28.02.2027 is a Sunday)', () => {
    expect(appealTerm(d('2027-01-24'), 'post')).toMatchObject({ notifiedOn: '2027-01-31', lastDay: '2027-03-01' });
  });
  it('for any day and method: notified after sending, the last day a working day at least 28 days after taking effect', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toEpochDay(d('2017-01-01')), max: toEpochDay(d('2027-10-31')) }),
        fc.constantFrom('electronic' as const, 'post' as const),
        (day, method) => {
          const sentOn = fromEpochDay(day);
          const term = appealTerm(sentOn, method);
          expect(compareDates(term.notifiedOn, sentOn)).toBeGreaterThan(0);
          expect(term.inForceOn).toBe(term.notifiedOn);
          expect(isWorkingDay(term.lastDay)).toBe(true);
          expect(compareDates(term.lastDay, addDays(term.inForceOn, 28))).toBeGreaterThanOrEqual(0);
          // The month's end, moved over the rest days that follow it and no further (a fixed bound in days
          // fails where Midsummer, a moved day off and a weekend run together, as in June 2026).
          const monthLater = addMonthsClamped(term.inForceOn, 1);
          expect(compareDates(term.lastDay, monthLater)).toBeGreaterThanOrEqual(0);
          for (let day = monthLater; compareDates(day, term.lastDay) < 0; day = addDays(day, 1))
            expect(isWorkingDay(day)).toBe(false);
        },
      ),
    );
  });

  it('moves a term ending on Saturday 20 June 2026 over five rest days to Thursday 25 June', () => {
    // 22 June 2026 is a moved day off (worked on 27 June), 23 and 24 June are Midsummer.
    const term = appealTerm(d('2026-05-18'), 'electronic');
    expect(term.inForceOn).toBe('2026-05-20');
    expect(term.lastDay).toBe('2026-06-25');
  });
});
