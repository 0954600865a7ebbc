/**
 * Statutory deadlines of a case (pure: the calendar comes from the kernel, today is passed in).
 *
 * The limit runs from the day the office received the application. While the office waits for the
 * applicant (a request for information) the clock stands still: every calendar day of a suspension moves the
 * end by one day (for a working-day limit, every working day of it by one working day). An extension is a
 * recorded decision that names a new end, never later than the law's cap counted from receipt (plus the
 * suspended days). An end that falls on a rest day moves to the next working day.
 */
import {
  addDays,
  addMonthsClamped,
  compareDates,
  toEpochDay,
  type PlainDate,
} from '../../../shared/kernel/plain-date.ts';
import { addWorkingDays, nextWorkingDayOnOrAfter, workingDaysBetween } from '../../../shared/kernel/working-days.ts';

/** A case type's legal limit, e.g. APL Art. 64: one month, extendable to four months from receipt. */
export type DeadlineRule =
  | { unit: 'months'; limit: number; maxExtendedTo?: number }
  | { unit: 'working-days'; limit: number; maxExtendedTo?: number }
  | { unit: 'calendar-days'; limit: number; maxExtendedTo?: number };

/** A period in which the office waited for the applicant: from the day it asked to the day the answer came. */
export interface Suspension {
  from: PlainDate;
  /** The day the answer arrived; null while the office still waits. */
  to: PlainDate | null;
}

export interface DeadlineInput {
  rule: DeadlineRule;
  receivedOn: PlainDate;
  suspensions: readonly Suspension[];
  /** The end an extension decision set, if any (the latest one counts). */
  extendedTo: PlainDate | null;
  today: PlainDate;
}

export interface DeadlineState {
  /** The day the decision is due (already moved for suspensions and extensions). */
  dueOn: PlainDate;
  /** The law's outer limit for an extension (null when the rule allows none). */
  extensionCap: PlainDate | null;
  /** True while a request for information is unanswered: the clock stands still. */
  suspended: boolean;
  /** Calendar days the clock has stood still so far (an open suspension counts up to today). */
  suspendedDays: number;
  /** Working days left after today up to and including the due day; negative once breached. */
  workingDaysLeft: number;
  breached: boolean;
}

function endOf(rule: DeadlineRule, limit: number, receivedOn: PlainDate): PlainDate {
  switch (rule.unit) {
    case 'months':
      return nextWorkingDayOnOrAfter(addMonthsClamped(receivedOn, limit));
    case 'calendar-days':
      return nextWorkingDayOnOrAfter(addDays(receivedOn, limit));
    case 'working-days':
      return addWorkingDays(receivedOn, limit);
  }
}

/** Days (calendar or working, as the rule counts) the clock stood still, open suspensions up to `today`. */
function stoppedDays(rule: DeadlineRule, suspensions: readonly Suspension[], today: PlainDate): number {
  let days = 0;
  for (const s of suspensions) {
    const to = s.to ?? today;
    if (compareDates(to, s.from) <= 0) continue;
    days += rule.unit === 'working-days' ? workingDaysBetween(s.from, to) : toEpochDay(to) - toEpochDay(s.from);
  }
  return days;
}

/** Moves an end by the stopped days, in the rule's own unit. */
function shifted(rule: DeadlineRule, end: PlainDate, days: number): PlainDate {
  if (days === 0) return end;
  return rule.unit === 'working-days' ? addWorkingDays(end, days) : nextWorkingDayOnOrAfter(addDays(end, days));
}

export function computeDeadline(input: DeadlineInput): DeadlineState {
  const { rule, receivedOn, suspensions, extendedTo, today } = input;
  const stopped = stoppedDays(rule, suspensions, today);
  const base = shifted(rule, endOf(rule, rule.limit, receivedOn), stopped);
  const extensionCap =
    rule.maxExtendedTo === undefined ? null : shifted(rule, endOf(rule, rule.maxExtendedTo, receivedOn), stopped);
  let dueOn = base;
  if (extendedTo && compareDates(extendedTo, dueOn) > 0)
    dueOn = extensionCap && compareDates(extendedTo, extensionCap) > 0 ? extensionCap : extendedTo;
  const suspended = suspensions.some((s) => s.to === null);
  const calendarStopped = suspensions.reduce(
    (n, s) => n + Math.max(0, toEpochDay(s.to ?? today) - toEpochDay(s.from)),
    0,
  );
  return {
    dueOn,
    extensionCap,
    suspended,
    suspendedDays: calendarStopped,
    workingDaysLeft: workingDaysBetween(today, dueOn),
    breached: compareDates(today, dueOn) > 0,
  };
}

/** Why an extension to `to` is refused, or null when the law allows it. */
export function extensionProblem(
  state: DeadlineState,
  to: PlainDate,
): 'not-later' | 'beyond-cap' | 'not-extendable' | null {
  if (!state.extensionCap) return 'not-extendable';
  if (compareDates(to, state.dueOn) <= 0) return 'not-later';
  if (compareDates(to, state.extensionCap) > 0) return 'beyond-cap';
  return null;
}
