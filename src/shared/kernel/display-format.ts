/**
 * The one formatting layer for what people read: pages, PDFs and e-mails show dates and times through
 * these functions, on the office's time zone, in each language's convention (STYLE §13):
 *   Latvian 17.05.1980 and 14:05; English 17 May 1980 and 14:05 (24-hour clock in both).
 * Values are stored and sent as ISO (`YYYY-MM-DD`, ISO instants); only this layer turns them into text.
 */
import { renderCitation } from './legal-acts.ts';

export type DisplayLocale = 'lv' | 'en';

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formatters are costly to build; one per zone, kept. */
const WALL_CLOCK = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = WALL_CLOCK.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    WALL_CLOCK.set(timeZone, f);
  }
  return f;
}

/** The calendar date and wall-clock time of an instant in a zone, as `YYYY-MM-DD` and `HH:MM`. */
export function wallClockParts(instant: Date | string, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    wallClock(timeZone)
      .formatToParts(typeof instant === 'string' ? new Date(instant) : instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, time: `${parts['hour']}:${parts['minute']}` };
}

/** An instant that cannot be read is shown as it came (Intl would throw on it and take the page down). */
function unreadable(instant: Date | string): string | undefined {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return Number.isNaN(d.getTime()) ? String(instant) : undefined;
}

/** A calendar date (`YYYY-MM-DD`) as people write it: `17.05.1980` (lv), `17 May 1980` (en). Other text is returned as it is. */
export function formatDate(date: string, locale: DisplayLocale): string {
  const m = DATE_PATTERN.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  return locale === 'lv' ? `${d}.${mo}.${y}` : `${Number(d)} ${MONTHS_EN[Number(mo) - 1]} ${y}`;
}

/** The wall-clock time of an instant in the office's zone: `14:05`. */
export function formatTime(instant: Date | string, timeZone: string): string {
  return unreadable(instant) ?? wallClockParts(instant, timeZone).time;
}

/** An instant as date and time in the office's zone: `17.05.2026 14:05` (lv), `17 May 2026, 14:05` (en). */
export function formatDateTime(instant: Date | string, locale: DisplayLocale, timeZone: string): string {
  const bad = unreadable(instant);
  if (bad !== undefined) return bad;
  const { date, time } = wallClockParts(instant, timeZone);
  return locale === 'lv' ? `${formatDate(date, locale)} ${time}` : `${formatDate(date, locale)}, ${time}`;
}

/** The calendar day of an instant in the office's zone, without the time: `17.05.2026` / `17 May 2026`. */
export function formatInstantDate(instant: Date | string, locale: DisplayLocale, timeZone: string): string {
  return unreadable(instant) ?? formatDate(wallClockParts(instant, timeZone).date, locale);
}

/** The example a date field's hint and message give, in the language's own form. */
export function dateExample(locale: DisplayLocale): string {
  return formatDate('1980-05-17', locale);
}

/** One number format per language: Latvian `90,00 €`, English `€90.00` (always the euro, always two decimals). */
const MONEY = {
  lv: new Intl.NumberFormat('lv-LV', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
} as const;

/** An amount in euro cents as people write money: `90,00 €` (lv), `€90.00` (en). Pages, rule traces and PDFs print money only so. */
export function formatMoney(cents: number, locale: DisplayLocale): string {
  return MONEY[locale].format(cents / 100);
}

/**
 * The values of a system check (a rule trace's `params`) that are sums of money, in whole euros or as
 * `"90.00"`: the server keeps them as numbers so each reader sees them in their own convention.
 */
const MONEY_PARAMS: Readonly<Record<string, readonly string[]>> = {
  'fee-paid': ['paid', 'due'],
  'means-sufficient': ['shown', 'needed'],
  'income-sufficient': ['shown', 'needed'],
  'blue-card-salary': ['shown', 'needed'],
  'insurance-covers-stay': ['coverage'],
};

/** The values of a system check that are legal citations (stored in Latvian as the office wrote them). */
const CITATION_PARAMS: Readonly<Record<string, readonly string[]>> = { 'rules-version': ['act'] };
/** Values that are codes the catalogue names by an ICU select, whose keys carry no hyphens. */
const CODE_PARAMS: Readonly<Record<string, readonly string[]>> = {
  'identity-checked': ['method'],
  'status-allows-document': ['status', 'type'],
};

/** A check's values as the reader reads them: a calendar day in the language's date format, a sum of money in its money format. */
export function readableRuleParams(
  rule: string,
  params: Record<string, string | number>,
  locale: DisplayLocale,
): Record<string, string | number> {
  const money = MONEY_PARAMS[rule] ?? [];
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => {
      if (money.includes(k) && Number.isFinite(Number(v))) return [k, formatMoney(Math.round(Number(v) * 100), locale)];
      // The act that brought a version of the rules, cited by its title in the reader's language.
      if (CITATION_PARAMS[rule]?.includes(k) && typeof v === 'string') return [k, renderCitation(v, locale)];
      if (CODE_PARAMS[rule]?.includes(k) && typeof v === 'string') return [k, v.replaceAll('-', '')];
      return [k, typeof v === 'string' ? formatDate(v, locale) : v];
    }),
  );
}

/** What a date field's letters are called in each language: Latvian diena, mēnesis, gads. */
const DATE_LETTERS = { lv: { day: 'dd', month: 'mm', year: 'gggg' }, en: { day: 'dd', month: 'mm', year: 'yyyy' } };

/**
 * The order a browser in `browserLocale` shows a native date field in, spelt in the page's language:
 * an English browser on a Latvian page shows `mm/dd/gggg`, a Latvian one on an English page `dd.mm.yyyy`.
 * The native field follows the browser's locale, not the page's (decision 0026), so its hint says which.
 */
export function datePattern(browserLocale: string, locale: DisplayLocale): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(browserLocale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
      new Date(Date.UTC(2006, 10, 22, 12)),
    );
  } catch {
    parts = new Intl.DateTimeFormat('lv-LV', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
      new Date(Date.UTC(2006, 10, 22, 12)),
    );
  }
  const letters = DATE_LETTERS[locale];
  const text = parts
    .map((p) =>
      p.type === 'day' || p.type === 'month' || p.type === 'year'
        ? letters[p.type]
        : p.type === 'literal'
          ? p.value
          : '',
    )
    .join('');
  // Latvian writes a full stop after the year (`22.11.2006.`); the field does not show it.
  return text.replace(/[.\s]+$/, '');
}
