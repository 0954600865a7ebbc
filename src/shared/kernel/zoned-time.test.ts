import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainDate, plainDateInZone, type PlainDate } from './plain-date.ts';
import { zonedInstant, zonedTime } from './zoned-time.ts';

const RIGA = 'Europe/Riga';

describe('wall-clock times in Riga', () => {
  it('winter is UTC+2, summer UTC+3', () => {
    expect(zonedInstant(plainDate('2026-01-15'), '08:30', RIGA).toISOString()).toBe('2026-01-15T06:30:00.000Z');
    expect(zonedInstant(plainDate('2026-07-15'), '08:30', RIGA).toISOString()).toBe('2026-07-15T05:30:00.000Z');
  });
  it('on the days the clocks change, times either side keep their wall-clock meaning', () => {
    // 2026-03-29: 03:00 becomes 04:00. 2026-10-25: 04:00 becomes 03:00.
    expect(zonedInstant(plainDate('2026-03-29'), '10:15', RIGA).toISOString()).toBe('2026-03-29T07:15:00.000Z');
    expect(zonedInstant(plainDate('2026-03-29'), '02:30', RIGA).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedInstant(plainDate('2026-10-25'), '10:15', RIGA).toISOString()).toBe('2026-10-25T08:15:00.000Z');
  });
  it('a skipped time is taken after the jump', () => {
    expect(zonedTime(zonedInstant(plainDate('2026-03-29'), '03:30', RIGA), RIGA)).toBe('04:30');
  });
  it('round-trips any office-hours time on any day of 2020–2040', () => {
    const day = fc
      .integer({ min: 0, max: 7670 })
      .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10) as PlainDate);
    const time = fc
      .tuple(fc.integer({ min: 5, max: 22 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, time, (d, t) => {
        const instant = zonedInstant(d, t, RIGA);
        expect(zonedTime(instant, RIGA)).toBe(t);
        expect(plainDateInZone(instant, RIGA)).toBe(d);
      }),
      { numRuns: 500 },
    );
  });
});
