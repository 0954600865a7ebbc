/**
 * Blocking keys for fuzzy search and duplicate detection (decision 0010). A person gets, for each of
 * their given names: `stem|given`, `stem|giv~` and `ste~|given`, where `stem` is the surname without
 * diacritics, Cyrillic transliteration variants and gendered ending (Bērziņš, Berzina and Berzins all
 * give `berzin`). A query builds the same keys from every ordering of its words, so swapped names, a
 * missing second given name and a typo after the third letter of either name still meet the person in
 * one GIN index lookup; the candidates are then ranked by `scoreMatch`. Every key also exists with the
 * birth year appended (`berzin|janis@1980`): a search that knows the year (an officer usually does) asks
 * for the years around it and reads a handful of rows even for the commonest names at national scale.
 * The keys are stored and looked up as 32-bit hashes (`searchKeyHash`, decision 0016). Pure.
 */
import { foldName, givenNameKeys, memoize, surnameStem, transliterationKey } from '../../../shared/kernel/name-keys.ts';

const PREFIX = 3;

function keysFor(stem: string, given: string): string[] {
  const keys = [`${stem}|${given}`];
  if (given.length > PREFIX) keys.push(`${stem}|${given.slice(0, PREFIX)}~`);
  if (stem.length > PREFIX) keys.push(`${stem.slice(0, PREFIX)}~|${given}`);
  return keys;
}

/** Name keys of a person. Each part of a double surname counts as a surname of its own. */
export function personNameKeys(givenNames: string, surname: string): string[] {
  const stems = new Set([surnameStem(surname), ...surnameStem(surname).split(' ')].filter(Boolean));
  const keys = new Set<string>();
  for (const stem of stems)
    for (const given of givenNameKeys(givenNames)) for (const k of keysFor(stem, given)) keys.add(k);
  return [...keys];
}

/** Keys stored on the person row: the name keys, and each again with the birth year. */
export function personSearchKeys(givenNames: string, surname: string, birthYear: number): string[] {
  const keys = personNameKeys(givenNames, surname);
  return [...keys, ...keys.map((k) => `${k}@${birthYear}`)];
}

/**
 * A search key as a 32-bit integer: FNV-1a over the key's code points, as a signed int4. The GIN index
 * compares integers instead of strings, which builds it 2.5 times as fast at national scale (decision
 * 0016). Two keys sharing a hash only add a candidate that `scoreMatch` then ranks on the names, so
 * collisions cost nothing in results. Migration 20261130T0100 has the same function in SQL
 * (`register.search_key_hash`) for rows that existed before; search-keys.test.ts holds the two equal.
 */
export function searchKeyHash(key: string): number {
  return fnv1a(0x811c9dc5, key);
}

/** FNV-1a continued over `text` from `hash` (the hash of a key is the state after its last letter). */
function fnv1a(hash: number, text: string): number {
  for (const ch of text) {
    hash ^= ch.codePointAt(0) as number;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** The distinct hashes of keys (what the person row stores and a query asks for). */
export function searchKeyHashes(keys: readonly string[]): number[] {
  return [...new Set(keys.map(searchKeyHash))];
}

const rememberedNameKeys = memoize((name: string): readonly string[] => {
  const [givenNames, surname] = name.split('\u0000') as [string, string];
  return personNameKeys(givenNames, surname);
});

/**
 * `personNameKeys`, remembered per name (a bulk load and the full duplicate scan ask for millions of
 * persons with a few thousand distinct names). The array is shared: do not change it.
 */
export function nameKeysOf(givenNames: string, surname: string): readonly string[] {
  return rememberedNameKeys(`${givenNames}\u0000${surname}`);
}

const nameKeyHashes = memoize((name: string): number[] => rememberedNameKeys(name).map(searchKeyHash));

/**
 * What the person row stores: `searchKeyHashes(personSearchKeys(…))`, computed without building the
 * year keys (each is its name key's hash continued over `@year`) and remembered per name, since a bulk
 * load computes it millions of times for a few thousand distinct names.
 */
export function personSearchHashes(givenNames: string, surname: string, birthYear: number): number[] {
  const names = nameKeyHashes(`${givenNames}\u0000${surname}`);
  const year = `@${birthYear}`;
  return [...new Set([...names, ...names.map((h) => fnv1a(h, year))])];
}

/** Name keys restricted to birth years (a query that knows the year, give or take one). */
export function withYears(keys: readonly string[], years: readonly number[]): string[] {
  return keys.flatMap((k) => years.map((y) => `${k}@${y}`));
}

/** The words of a free-text name query, as transliteration keys. */
export function queryWords(text: string): string[] {
  return transliterationKey(text)
    .split(/[\s-]+/)
    .filter((w) => w.length > 0);
}

/** Keys for a query: every ordered pair of words, either one taken as the surname. */
export function querySearchKeys(words: readonly string[]): string[] {
  const keys = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let j = 0; j < words.length; j++) {
      if (i === j) continue;
      const stem = surnameStem(words[i] as string);
      const given = words[j] as string;
      for (const k of keysFor(stem, given)) keys.add(k);
      // A three-letter word may be the start of a longer name, or a longer name with a letter lost
      // ("Liea" for Liepa gives the stem "lie"): it also meets the stored prefix keys.
      if (stem.length === PREFIX) keys.add(`${stem}~|${given}`);
      if (given.length === PREFIX) keys.add(`${stem}|${given}~`);
    }
  }
  return [...keys];
}

const foldMemo = memoize(foldName);

export function nameFold(givenNames: string, surname: string): string {
  return foldMemo(`${surname} ${givenNames}`);
}
