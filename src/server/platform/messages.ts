/**
 * Server-side text from the same catalogues as the web apps (PDFs now, e-mails later), formatted with
 * ICU MessageFormat so Latvian plurals and dates come out right.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import lv from '../../shared/i18n/lv.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };

export type Locale = 'lv' | 'en';
export type MessageKey = keyof typeof lv;
const CATALOGUES: Record<Locale, Record<string, string>> = { lv, en };
const cache = new Map<string, IntlMessageFormat>();

export function translate(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const id = `${locale}:${key}`;
  let format = cache.get(id);
  if (!format) {
    const message = CATALOGUES[locale][key];
    if (message === undefined) throw new Error(`missing message ${key}`);
    format = new IntlMessageFormat(message, locale);
    cache.set(id, format);
  }
  return String(format.format(values));
}

export function translator(locale: Locale) {
  return (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
}
