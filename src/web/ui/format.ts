/**
 * Dates and times on a page, in the page's language and on the office's time zone (from /api/config):
 * `const f = useFormat(); f.date('1980-05-17'); f.dateTime(row.at); f.time(visit.startsAt)`.
 * Never format a date or time any other way in the web apps.
 */
import { useMemo } from 'react';
import {
  dateExample,
  formatDate,
  formatDateTime,
  formatInstantDate,
  formatTime,
  wallClockParts,
} from '../../shared/kernel/display-format.ts';
import { addDays, type PlainDate } from '../../shared/kernel/plain-date.ts';
import { useLocale } from '../i18n/I18nProvider.tsx';
import { useClientConfig } from '../session/useSession.ts';

/** Used until /api/config has answered (it is read before any page renders, so rarely). */
const DEFAULT_TIME_ZONE = 'Europe/Riga';

export interface Format {
  /** `YYYY-MM-DD` → 17.05.1980 / 17 May 1980 */
  date(date: string): string;
  /** ISO instant → 14:05 on the office's wall clock */
  time(instant: string | Date): string;
  /** ISO instant → 17.05.2026 14:05 / 17 May 2026, 14:05 */
  dateTime(instant: string | Date): string;
  /** ISO instant → its day on the office's calendar: 17.05.2026 / 17 May 2026 */
  day(instant: string | Date): string;
  /** The example a date field's hint gives: 17.05.1980 / 17 May 1980 */
  dateExample: string;
  timeZone: string;
  /** Today (or `days` from today) on the office's calendar, as `YYYY-MM-DD`: what a date field's min and max take. */
  today(days?: number): string;
}

/** The page's date and time formatter (re-renders when the language changes). */
export function useFormat(): Format {
  const { locale } = useLocale();
  const config = useClientConfig();
  const timeZone = config.data?.timeZone ?? DEFAULT_TIME_ZONE;
  return useMemo(
    () => ({
      date: (d: string) => formatDate(d, locale),
      time: (i: string | Date) => formatTime(i, timeZone),
      dateTime: (i: string | Date) => formatDateTime(i, locale, timeZone),
      day: (i: string | Date) => formatInstantDate(i, locale, timeZone),
      dateExample: dateExample(locale),
      timeZone,
      today: (days = 0) => addDays(wallClockParts(new Date(), timeZone).date as PlainDate, days),
    }),
    [locale, timeZone],
  );
}
