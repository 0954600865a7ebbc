/**
 * A labelled test set for duplicate detection and fuzzy search: from a synthetic population, noisy
 * copies of some persons — the kinds of difference a second registration of the same person shows —
 * each labelled with the original it duplicates, plus distinct persons as negatives.
 * Noise kinds: diacritics dropped, gendered ending swapped, Cyrillic transliteration, a typo, the second
 * given name missing, given name and surname swapped, a birth-date typo (day ±1, or day/month swapped).
 */
import { addDays, dateParts, isRealDate, makePlainDate, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { foldName } from '../../../shared/kernel/name-keys.ts';
import type { SyntheticPerson } from './synthetic-population.ts';

export const NOISE_KINDS = [
  'no-diacritics',
  'gender-ending',
  'transliteration',
  'typo',
  'missing-second-given-name',
  'swapped-names',
  'birth-date-typo',
] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

export interface NoisyRecord {
  givenNames: string;
  surname: string;
  birthDate: PlainDate;
  sex: 'M' | 'F';
  /** The original's index when this record is a duplicate; null for a distinct person. */
  duplicateOf: number | null;
  noise: NoiseKind[];
}

const TRANSLITERATIONS: ReadonlyArray<[RegExp, string]> = [
  [/ļj/g, 'ly'],
  [/ņ/g, 'n'],
  [/šč/g, 'shch'],
  [/š/g, 'sh'],
  [/č/g, 'ch'],
  [/ž/g, 'zh'],
  [/c/g, 'ts'],
  [/j(?=[aeiou])/g, 'y'],
];
const ENDING_SWAPS: ReadonlyArray<[RegExp, string]> = [
  [/iņš$/, 'iņa'],
  [/iņa$/, 'iņš'],
  [/ovs$/, 'ova'],
  [/ova$/, 'ovs'],
  [/evs$/, 'eva'],
  [/eva$/, 'evs'],
  [/ons$/, 'one'],
  [/one$/, 'ons'],
  [/is$/, 'e'],
  [/s$/, 'a'],
  [/a$/, 's'],
];

function capitalize(word: string): string {
  return word.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toLocaleUpperCase('lv'));
}

/** Applies one kind of noise; returns undefined when it does not apply to this person. */
export function applyNoise(
  kind: NoiseKind,
  r: { givenNames: string; surname: string; birthDate: PlainDate },
  randomInt: (bound: number) => number,
) {
  switch (kind) {
    case 'no-diacritics': {
      const out = { ...r, givenNames: capitalize(foldName(r.givenNames)), surname: capitalize(foldName(r.surname)) };
      return out.givenNames === r.givenNames && out.surname === r.surname ? undefined : out;
    }
    case 'gender-ending': {
      const rule = ENDING_SWAPS.find(([re]) => re.test(r.surname));
      return rule ? { ...r, surname: r.surname.replace(rule[0], rule[1]) } : undefined;
    }
    case 'transliteration': {
      let s = r.surname.toLowerCase();
      for (const [re, to] of TRANSLITERATIONS) s = s.replace(re, to);
      s = s.replace(/s$/, '');
      const out = capitalize(foldName(s));
      return out === r.surname ? undefined : { ...r, surname: out };
    }
    case 'typo': {
      const s = r.surname;
      if (s.length < 4) return undefined;
      const i = 1 + randomInt(s.length - 2);
      const op = randomInt(3);
      const letters = 'abdegiklmnoprstuv';
      const typo =
        op === 0
          ? s.slice(0, i) + s.slice(i + 1) // deletion
          : op === 1
            ? s.slice(0, i) + (s[i + 1] ?? '') + (s[i] ?? '') + s.slice(i + 2) // transposition
            : s.slice(0, i) + letters[randomInt(letters.length)] + s.slice(i + 1); // substitution
      return typo === s ? undefined : { ...r, surname: typo };
    }
    case 'missing-second-given-name': {
      const parts = r.givenNames.split(' ');
      return parts.length > 1 ? { ...r, givenNames: parts[0] as string } : undefined;
    }
    case 'swapped-names':
      return { ...r, givenNames: r.surname, surname: r.givenNames };
    case 'birth-date-typo': {
      const { year, month, day } = dateParts(r.birthDate);
      if (randomInt(2) === 0 && day <= 12 && day !== month && isRealDate(year, day, month))
        return { ...r, birthDate: makePlainDate(year, day, month) };
      return { ...r, birthDate: addDays(r.birthDate, randomInt(2) === 0 ? -1 : 1) };
    }
  }
}

/**
 * Builds the labelled set: `duplicates` noisy copies (one or two kinds of noise each) of distinct
 * originals, and `negatives` further persons from the population that are not duplicated.
 */
export function buildDuplicateTestSet(
  population: readonly SyntheticPerson[],
  options: { seed: number; duplicates: number; negatives: number },
): NoisyRecord[] {
  let state = options.seed >>> 0;
  const randomInt = (bound: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 4294967296) * bound);
  };
  const used = new Set<number>();
  const take = (): SyntheticPerson => {
    for (;;) {
      const p = population[randomInt(population.length)] as SyntheticPerson;
      if (!used.has(p.index)) {
        used.add(p.index);
        return p;
      }
    }
  };
  if (options.duplicates + options.negatives > population.length)
    throw new RangeError('the population is smaller than the test set');
  const records: NoisyRecord[] = [];
  while (records.filter((r) => r.duplicateOf !== null).length < options.duplicates) {
    const original = take();
    let record = { givenNames: original.givenNames, surname: original.surname, birthDate: original.birthDate };
    const noise: NoiseKind[] = [];
    const wanted = 1 + randomInt(2);
    for (let attempt = 0; attempt < 10 && noise.length < wanted; attempt++) {
      const kind = NOISE_KINDS[randomInt(NOISE_KINDS.length)] as NoiseKind;
      if (noise.includes(kind)) continue;
      const changed = applyNoise(kind, record, randomInt);
      if (changed) {
        record = changed;
        noise.push(kind);
      }
    }
    if (noise.length) records.push({ ...record, sex: original.sex, duplicateOf: original.index, noise });
  }
  for (let i = 0; i < options.negatives; i++) {
    const p = take();
    records.push({
      givenNames: p.givenNames,
      surname: p.surname,
      birthDate: p.birthDate,
      sex: p.sex,
      duplicateOf: null,
      noise: [],
    });
  }
  return records;
}
