import { describe, expect, it } from 'vitest';
import {
  dateExample,
  datePattern,
  formatMoney,
  readableRuleParams,
  formatDate,
  formatDateTime,
  formatInstantDate,
  formatTime,
  wallClockParts,
} from './display-format.ts';

const RIGA = 'Europe/Riga';

describe('display format', () => {
  it('writes a calendar date in each language’s convention', () => {
    expect(formatDate('1980-05-17', 'lv')).toBe('17.05.1980');
    expect(formatDate('1980-05-17', 'en')).toBe('17 May 1980');
    expect(formatDate('2026-01-05', 'lv')).toBe('05.01.2026');
    expect(formatDate('2026-01-05', 'en')).toBe('5 January 2026');
    expect(dateExample('lv')).toBe('17.05.1980');
    expect(dateExample('en')).toBe('17 May 1980');
  });

  it('returns text that is not a date as it is', () => {
    expect(formatDate('—', 'lv')).toBe('—');
    expect(formatDate('Jānis Bērziņš', 'en')).toBe('Jānis Bērziņš');
    expect(formatTime('not a time', RIGA)).toBe('not a time');
    expect(formatDateTime('', 'lv', RIGA)).toBe('');
  });

  it('shows an instant on the office’s wall clock, summer (UTC+3) and winter (UTC+2)', () => {
    expect(formatTime('2026-05-17T11:05:00Z', RIGA)).toBe('14:05');
    expect(formatTime('2026-12-06T11:05:00Z', RIGA)).toBe('13:05');
    expect(formatDateTime('2026-05-17T11:05:00Z', 'lv', RIGA)).toBe('17.05.2026 14:05');
    expect(formatDateTime('2026-05-17T11:05:00Z', 'en', RIGA)).toBe('17 May 2026, 14:05');
    expect(formatDateTime(new Date('2026-05-17T11:05:00Z'), 'en', RIGA)).toBe('17 May 2026, 14:05');
  });

  it('follows the clock change in spring and autumn', () => {
    // 29 March 2026: 03:00 EET becomes 04:00 EEST at 01:00 UTC.
    expect(formatTime('2026-03-29T00:59:00Z', RIGA)).toBe('02:59');
    expect(formatTime('2026-03-29T01:00:00Z', RIGA)).toBe('04:00');
    // 25 October 2026: 04:00 EEST becomes 03:00 EET at 01:00 UTC (03:xx happens twice).
    expect(formatTime('2026-10-25T00:30:00Z', RIGA)).toBe('03:30');
    expect(formatTime('2026-10-25T01:30:00Z', RIGA)).toBe('03:30');
    expect(formatDateTime('2026-10-25T01:30:00Z', 'lv', RIGA)).toBe('25.10.2026 03:30');
  });

  it('puts an instant late in the UTC evening on the next day in Riga', () => {
    expect(wallClockParts('2026-05-16T22:30:00Z', RIGA)).toEqual({ date: '2026-05-17', time: '01:30' });
    expect(formatDateTime('2026-05-16T22:30:00Z', 'lv', RIGA)).toBe('17.05.2026 01:30');
    expect(formatDateTime('2026-12-31T22:15:00Z', 'en', RIGA)).toBe('1 January 2027, 00:15');
    expect(formatInstantDate('2026-12-31T22:15:00Z', 'lv', RIGA)).toBe('01.01.2027');
    // Midnight is 00:00, never 24:00.
    expect(formatTime('2026-05-16T21:00:00Z', RIGA)).toBe('00:00');
  });

  it('uses the zone it is given', () => {
    expect(formatDateTime('2026-05-16T22:30:00Z', 'en', 'UTC')).toBe('16 May 2026, 22:30');
  });

  it('writes money in each language’s convention, from euro cents', () => {
    // Intl puts a no-break space between the number and the sign in Latvian, and between thousands.
    expect(formatMoney(9000, 'lv')).toBe('90,00\u00a0€');
    expect(formatMoney(9000, 'en')).toBe('€90.00');
    expect(formatMoney(3_000_000, 'lv')).toBe('30\u00a0000,00\u00a0€');
    expect(formatMoney(3_000_000, 'en')).toBe('€30,000.00');
    expect(formatMoney(4550, 'lv')).toBe('45,50\u00a0€');
    expect(formatMoney(0, 'en')).toBe('€0.00');
  });

  it('shows a rule trace’s sums of money and dates in the reader’s convention, other values as they are', () => {
    const fee = { paid: '90.00', due: '90.00' };
    expect(readableRuleParams('fee-paid', fee, 'lv')).toEqual({ paid: '90,00\u00a0€', due: '90,00\u00a0€' });
    expect(readableRuleParams('fee-paid', fee, 'en')).toEqual({ paid: '€90.00', due: '€90.00' });
    // Whole euros (income, means, insurance) as numbers.
    expect(readableRuleParams('income-sufficient', { shown: 1200, needed: 900 }, 'en')).toEqual({
      shown: '€1,200.00',
      needed: '€900.00',
    });
    expect(
      readableRuleParams('blue-card-salary', { shown: 2000, needed: 1648, year: '2026', factor: 1.2 }, 'lv'),
    ).toEqual({
      // Latvian groups thousands only from five digits on (30 000, but 2000).
      shown: '2000,00\u00a0€',
      needed: '1648,00\u00a0€',
      year: '2026',
      factor: 1.2,
    });
    expect(
      readableRuleParams('travel-document-current', { number: 'FA1234567', validUntil: '2033-10-11' }, 'lv'),
    ).toEqual({ number: 'FA1234567', validUntil: '11.10.2033' });
    // A count that happens to share a money parameter's name in another rule stays a count.
    expect(readableRuleParams('documents-enclosed', { missing: 2, required: 5 }, 'en')).toEqual({
      missing: 2,
      required: 5,
    });
  });

  it('spells the order a browser shows its own date field in, with the page’s letters', () => {
    expect(datePattern('en-US', 'lv')).toBe('mm/dd/gggg');
    expect(datePattern('en-US', 'en')).toBe('mm/dd/yyyy');
    expect(datePattern('lv-LV', 'lv')).toBe('dd.mm.gggg');
    expect(datePattern('lv-LV', 'en')).toBe('dd.mm.yyyy');
    expect(datePattern('en-GB', 'en')).toBe('dd/mm/yyyy');
    expect(datePattern('not a locale!', 'lv')).toBe('dd.mm.gggg');
  });
});
