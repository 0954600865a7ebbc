/**
 * Latvian-aware comparison keys for names, used by search and duplicate detection:
 *  - `foldName`: lowercase, no diacritics (Bērziņš → berzins), one space between words;
 *  - `transliterationKey`: also evens out common Latin spellings of Cyrillic names
 *    (Kuznetsov / Kuzņecovs, Vasilyev / Vasiļjevs, Shevchenko / Ševčenko);
 *  - `surnameStem`: also drops the gendered ending, so Bērziņš/Bērziņa, Ozols/Ozola, Balodis/Balode,
 *    Jansons/Jansone, Birznieks/Birzniece, Dombrovskis/Dombrovska and Ivanovs/Ivanova meet.
 * Pure string functions; the register indexes their results.
 */

/** Lowercase, diacritics removed, whitespace collapsed; hyphens kept as word separators. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9\s-]/g, '')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Ordered rewrites from English/German-style transliterations of Cyrillic to the Latvian letters they stand for (after folding). */
const TRANSLITERATION_RULES: ReadonlyArray<[RegExp, string]> = [
  [/shch/g, 'sc'],
  [/sch/g, 's'],
  [/tch/g, 'c'],
  [/kh/g, 'h'],
  [/zh/g, 'z'],
  [/sh/g, 's'],
  [/ch/g, 'c'],
  [/ts/g, 'c'],
  [/tz/g, 'c'],
  [/yu/g, 'ju'],
  [/ya/g, 'ja'],
  [/ye/g, 'je'],
  [/yo/g, 'jo'],
  [/iy\b/g, 'ijs'],
  [/y/g, 'j'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  // A Latvian ļ before j folds to "lj" already; collapse doubled letters so Anna/Ana, Villis/Vilis meet.
  [/([a-z])\1+/g, '$1'],
];

/**
 * Names repeat heavily (a few thousand distinct forms cover a population), and bulk loads and duplicate
 * scans compute keys millions of times: the keys of recent names are remembered. Bounded, pure.
 */
export function memoize<T>(fn: (s: string) => T): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size >= 20_000) cache = new Map();
      cache.set(s, v);
    }
    return v;
  };
}

export const transliterationKey = memoize((name: string): string => {
  let key = foldName(name);
  for (const [pattern, replacement] of TRANSLITERATION_RULES) key = key.replace(pattern, replacement);
  return key;
});

/** Gendered endings, longest first: [ending, stem replacement]. Masculine and feminine forms map to one stem. */
const SURNAME_ENDINGS: ReadonlyArray<[string, string]> = [
  ['nieks', 'niek'],
  ['niece', 'niek'],
  ['skis', 'sk'],
  ['ska', 'sk'],
  ['ckis', 'ck'],
  ['cka', 'ck'],
  ['ovs', 'ov'],
  ['ova', 'ov'],
  ['evs', 'ev'],
  ['eva', 'ev'],
  ['ins', 'in'],
  ['ina', 'in'],
  ['ons', 'on'],
  ['one', 'on'],
  ['is', ''],
  ['s', ''],
  ['a', ''],
  ['e', ''],
];

/** The stem of one surname word, its gendered ending removed (after transliteration). */
function stemWord(word: string): string {
  for (const [ending, replacement] of SURNAME_ENDINGS) {
    if (word.length > ending.length + 1 && word.endsWith(ending)) return word.slice(0, -ending.length) + replacement;
  }
  return word;
}

/** Gender-neutral key of a surname; each part of a double surname is stemmed. */
export const surnameStem = memoize((surname: string): string =>
  transliterationKey(surname)
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(stemWord)
    .join(' '),
);

/** Given names as separate transliterated keys (a missing second given name should still match). */
export function givenNameKeys(givenNames: string): string[] {
  return transliterationKey(givenNames)
    .split(/[\s-]+/)
    .filter(Boolean);
}
