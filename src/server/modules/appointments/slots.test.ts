import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../shared/kernel/plain-date.ts';
import { closedReason, slotTimes } from './slots.ts';

const WEEK = [1, 2, 3, 4]
  .map((d) => ({ isoWeekday: d, opens: '08:30', closes: '17:00' }))
  .concat([{ isoWeekday: 5, opens: '08:30', closes: '10:00' }]);

describe('slots of a day', () => {
  it('run every slot length from opening, the last ending by closing', () => {
    // 2026-12-04 is a Friday.
    expect(slotTimes(plainDate('2026-12-04'), WEEK, 30)).toEqual(['08:30', '09:00', '09:30']);
    expect(slotTimes(plainDate('2026-12-04'), WEEK, 40)).toEqual(['08:30', '09:10']);
    expect(slotTimes(plainDate('2026-12-03'), WEEK, 15)).toHaveLength(34);
  });
  it('are none at the weekend, on a public holiday or on a day without opening hours', () => {
    expect(slotTimes(plainDate('2026-12-05'), WEEK, 15)).toEqual([]);
    expect(slotTimes(plainDate('2026-12-24'), WEEK, 15)).toEqual([]);
    expect(slotTimes(plainDate('2026-11-18'), WEEK, 15)).toEqual([]);
    expect(
      slotTimes(
        plainDate('2026-12-01'),
        WEEK.filter((h) => h.isoWeekday !== 2),
        15,
      ),
    ).toEqual([]);
  });
});

describe('why a day is closed', () => {
  it('names a public holiday (a moved Monday too), a weekend, and a weekday without hours or too short for the service', () => {
    expect(closedReason(plainDate('2026-12-24'), WEEK, 15)).toBe('public-holiday');
    // 18 November 2029 is a Sunday: the rest day moves to Monday the 19th.
    expect(closedReason(plainDate('2029-11-19'), WEEK, 15)).toBe('public-holiday');
    expect(closedReason(plainDate('2026-12-05'), WEEK, 15)).toBe('rest-day');
    expect(
      closedReason(
        plainDate('2026-12-01'),
        WEEK.filter((h) => h.isoWeekday !== 2),
        15,
      ),
    ).toBe('branch-closed');
    expect(closedReason(plainDate('2026-12-04'), WEEK, 120)).toBe('branch-closed');
    expect(closedReason(plainDate('2026-12-04'), WEEK, 30)).toBeUndefined();
  });
});
