/** Day numbers and date strings: both conversions, remembered or not, agree with the calendar. */
import { describe, expect, it } from 'vitest';
import { fromEpochDay, makePlainDate, toEpochDay, type PlainDate } from './plain-date.ts';

const calendar = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);

describe('toEpochDay / fromEpochDay', () => {
  it('round-trips every day from 1850 to 2150, asked twice (the second time from memory)', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (let n = -43_830; n <= 65_745; n += 1) {
        const date = fromEpochDay(n);
        if (date !== calendar(n) || toEpochDay(date) !== n)
          throw new Error(`day ${n}: ${date} → ${toEpochDay(date)} (pass ${pass})`);
      }
    }
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(toEpochDay(makePlainDate(2026, 11, 30))).toBe(20_787);
  });

  it('gives the same answers after its memory fills and starts again', () => {
    const before = [toEpochDay('2000-02-29' as PlainDate), fromEpochDay(11_016)];
    for (let n = 200_000; n < 320_000; n++) fromEpochDay(n);
    expect([toEpochDay('2000-02-29' as PlainDate), fromEpochDay(11_016)]).toEqual(before);
    expect(before).toEqual([11_016, '2000-02-29']);
  });
});
