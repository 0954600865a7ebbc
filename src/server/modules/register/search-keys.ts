/**
 * Blocking keys for fuzzy search and duplicate detection (decision 0010). A person gets, for each of
 * their given names: `stem|given`, `stem|giv~` and `ste~|given`, where `stem` is the surname without
 * diacritics, Cyrillic transliteration variants and gendered ending (Bērziņš, Berzina and Berzins all
 * give `berzin`). A query builds the same keys from every ordering of its words, so swapped names, a
 * missing second given name and a typo after the third letter of either name still meet the person in
 * one GIN index lookup; the candidates are then ranked by `scoreMatch`. Every key also exists with the
 * birth year appended (`berzin|janis@1980`): a search that knows the year (an officer usually does) asks
 * for the years around it and reads a handful of rows even for the commonest names at national scale.
 * Pure.
 */
import { foldName, givenNameKeys, surnameStem, transliterationKey } from '../../../shared/kernel/name-keys.ts';

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
  for (const stem of stems) for (const given of givenNameKeys(givenNames)) for (const k of keysFor(stem, given)) keys.add(k);
  return [...keys];
}

/** Keys stored on the person row: the name keys, and each again with the birth year. */
export function personSearchKeys(givenNames: string, surname: string, birthYear: number): string[] {
  const keys = personNameKeys(givenNames, surname);
  return [...keys, ...keys.map((k) => `${k}@${birthYear}`)];
}

/** Name keys restricted to birth years (a query that knows the year, give or take one). */
export function withYears(keys: readonly string[], years: readonly number[]): string[] {
  return keys.flatMap((k) => years.map((y) => `${k}@${y}`));
}

/** The words of a free-text name query, as transliteration keys. */
export function queryWords(text: string): string[] {
  return transliterationKey(text).split(/[\s-]+/).filter((w) => w.length > 0);
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

export function nameFold(givenNames: string, surname: string): string {
  return foldName(`${surname} ${givenNames}`);
}
