import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../shared/kernel/plain-date.ts';
import { slotTimes } from './slots.ts';

const WEEK = [1, 2, 3, 4].map((d) => ({ isoWeekday: d, opens: '08:30', closes: '17:00' })).concat([{ isoWeekday: 5, opens: '08:30', closes: '10:00' }]);

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
    expect(slotTimes(plainDate('2026-12-01'), WEEK.filter((h) => h.isoWeekday !== 2), 15)).toEqual([]);
  });
});
