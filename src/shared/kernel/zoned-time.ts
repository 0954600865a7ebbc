/**
 * Wall-clock times in the office's time zone: a branch opens at 08:30 Riga time whatever the season, and
 * an appointment at 10:15 on 29 March (the day clocks go forward) is still 10:15. Pure, on Intl only.
 */
import { dateParts, type PlainDate } from './plain-date.ts';

const FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    FORMATS.set(timeZone, f);
  }
  return f;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a wall-clock time (`HH:MM`) on a date in a zone. A time the clocks skip (03:30 on the
 * morning they go forward) is taken as the same time after the jump, one hour later on the wall.
 */
export function zonedInstant(date: PlainDate, time: string, timeZone: string): Date {
  const { year, month, day } = dateParts(date);
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hh, mm);
  let ms = wall - offsetAt(wall, timeZone);
  // The offset at the guess may differ from the offset at the answer (the guess crossed a change).
  const second = wall - offsetAt(ms, timeZone);
  if (second !== ms) ms = Math.max(ms, second);
  return new Date(ms);
}

/** The wall-clock `HH:MM` of an instant in a zone. */
export function zonedTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${String(parts['hour']).padStart(2, '0')}:${String(parts['minute']).padStart(2, '0')}`;
}
