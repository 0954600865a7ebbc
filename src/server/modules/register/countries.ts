/**
 * ISO 3166-1 alpha-3 countries with Latvian and English names, from i18n-iso-countries (no hand-typed
 * tables). ICAO's special codes for stateless persons and refugees are not countries and are refused here.
 */
import { createRequire } from 'node:module';

interface CountriesLib {
  getAlpha3Codes(): Record<string, string>;
  getName(code: string, lang: string): string | undefined;
  registerLocale(locale: unknown): void;
}
const require = createRequire(import.meta.url);
// The library's node entry loads every locale; we only need two.
const countries = require('i18n-iso-countries/index.js') as CountriesLib;
countries.registerLocale(require('i18n-iso-countries/langs/lv.json'));
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

const ALPHA3 = new Set(Object.keys(countries.getAlpha3Codes()));

export function isKnownCountry(code: string): boolean {
  return ALPHA3.has(code);
}

let options: Array<{ code: string; lv: string; en: string }> | undefined;
/** All countries, sorted by their Latvian name (Latvian collation in the app, not the database). */
export function countryOptions(): Array<{ code: string; lv: string; en: string }> {
  if (!options) {
    const collator = new Intl.Collator('lv');
    options = [...ALPHA3]
      .map((code) => ({ code, lv: countries.getName(code, 'lv') ?? code, en: countries.getName(code, 'en') ?? code }))
      .sort((a, b) => collator.compare(a.lv, b.lv));
  }
  return options;
}

export function countryName(code: string, lang: 'lv' | 'en'): string {
  return countries.getName(code, lang) ?? code;
}
