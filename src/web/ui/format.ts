/**
 * Dates, times, money and legal citations on a page, in the page's language and on the office's time zone
 * (from /api/config): `const f = useFormat(); f.date('1980-05-17'); f.dateTime(row.at); f.money(fee.amountCents);
 * f.citation(decision.legalBasis)`. Never format a date, a time or an amount any other way in the web apps.
 */
import { useMemo } from 'react';
import {
  dateExample,
  datePattern,
  formatDate,
  formatDateTime,
  formatInstantDate,
  formatMoney,
  formatTime,
  readableRuleParams,
  wallClockParts,
} from '../../shared/kernel/display-format.ts';
import { renderCitation } from '../../shared/kernel/legal-acts.ts';
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
  /** How this browser's own date field orders day, month and year, in the page's letters: `dd.mm.gggg`, `mm/dd/yyyy`. */
  datePattern: string;
  /** Euro cents → 90,00 € / €90.00 */
  money(cents: number): string;
  /** A stored (Latvian) legal basis in the page's language: "Immigration Law, Section 23" on an English page. */
  citation(basis: string): string;
  /** A system check's values: its dates and sums of money in the page's convention. */
  ruleParams(rule: string, params: Record<string, string | number>): Record<string, string | number>;
  timeZone: string;
  /** Today (or `days` from today) on the office's calendar, as `YYYY-MM-DD`: what a date field's min and max take. */
  today(days?: number): string;
}

/** The browser's own language: a native date field shows its day, month and year in that language's order. */
function browserLocale(): string {
  return typeof navigator === 'undefined' ? 'lv-LV' : (navigator.language ?? 'lv-LV');
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
      datePattern: datePattern(browserLocale(), locale),
      money: (cents: number) => formatMoney(cents, locale),
      citation: (basis: string) => renderCitation(basis, locale),
      ruleParams: (rule: string, params: Record<string, string | number>) => readableRuleParams(rule, params, locale),
      timeZone,
      today: (days = 0) => addDays(wallClockParts(new Date(), timeZone).date as PlainDate, days),
    }),
    [locale, timeZone],
  );
}
