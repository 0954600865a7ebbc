/**
 * The slots of a service at a branch on a day: every `duration` minutes from opening, the last one ending
 * by closing time; none on a rest day or a public holiday (the kernel's working-day calendar). Pure.
 */
import { isoDayOfWeek, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { holidayOn, isWorkingDay } from '../../../shared/kernel/working-days.ts';
import type { ClosedReason } from '../../../shared/kernel/closed-reasons.ts';

export interface Hours {
  isoWeekday: number;
  opens: string;
  closes: string;
}

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const hhmm = (total: number): string =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/** Slot start times (`HH:MM`, the branch's wall clock) of one day. */
export function slotTimes(date: PlainDate, weekHours: readonly Hours[], durationMinutes: number): string[] {
  if (!isWorkingDay(date)) return [];
  const hours = weekHours.find((h) => h.isoWeekday === isoDayOfWeek(date));
  if (!hours) return [];
  const times: string[] = [];
  for (let t = minutes(hours.opens); t + durationMinutes <= minutes(hours.closes); t += durationMinutes)
    times.push(hhmm(t));
  return times;
}

/**
 * Why a day has no slot at all: a public holiday (or a rest day the Cabinet moved), a weekend, or a day
 * the branch does not open (or opens too briefly for the service). Undefined on a day with slots.
 */
export function closedReason(
  date: PlainDate,
  weekHours: readonly Hours[],
  durationMinutes: number,
): ClosedReason | undefined {
  if (!isWorkingDay(date)) return holidayOn(date) ? 'public-holiday' : 'rest-day';
  return slotTimes(date, weekHours, durationMinutes).length > 0 ? undefined : 'branch-closed';
}
