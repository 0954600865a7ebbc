import { describe, expect, it } from 'vitest';
import { applyNoise, buildDuplicateTestSet, NOISE_KINDS } from './duplicate-test-set.ts';
import { generatePopulation, type SyntheticPerson } from './synthetic-population.ts';
import { parsePlainDate, plainDate } from '../../../shared/kernel/plain-date.ts';
import { surnameStem, transliterationKey } from '../../../shared/kernel/name-keys.ts';

const population: SyntheticPerson[] = [
  ...generatePopulation({ seed: 11, persons: 5000, today: plainDate('2026-11-29') }),
];
const set = buildDuplicateTestSet(population, { seed: 3, duplicates: 400, negatives: 600 });
const fixed = () => 0;

describe('applyNoise', () => {
  const janis = { givenNames: 'Jānis Pēteris', surname: 'Bērziņš', birthDate: plainDate('1980-05-07') };
  it('drops diacritics', () =>
    expect(applyNoise('no-diacritics', janis, fixed)).toMatchObject({
      givenNames: 'Janis Peteris',
      surname: 'Berzins',
    }));
  it('swaps the gendered ending', () => expect(applyNoise('gender-ending', janis, fixed)?.surname).toBe('Bērziņa'));
  it('transliterates the way a Cyrillic document would', () => {
    expect(applyNoise('transliteration', { ...janis, surname: 'Vasiļjevs' }, fixed)?.surname).toBe('Vasilyev');
    expect(applyNoise('transliteration', { ...janis, surname: 'Kuzņecovs' }, fixed)?.surname).toBe('Kuznetsov');
  });
  it('drops the second given name, or does not apply', () => {
    expect(applyNoise('missing-second-given-name', janis, fixed)?.givenNames).toBe('Jānis');
    expect(applyNoise('missing-second-given-name', { ...janis, givenNames: 'Jānis' }, fixed)).toBeUndefined();
  });
  it('makes a birth-date typo that is still a real date', () => {
    const r = applyNoise('birth-date-typo', janis, fixed);
    expect(r?.birthDate).toBe('1980-07-05');
    expect(parsePlainDate(r?.birthDate ?? '')).toBeDefined();
  });
});

describe('buildDuplicateTestSet', () => {
  it('labels exactly the requested duplicates and negatives, each original used once', () => {
    const duplicates = set.filter((r) => r.duplicateOf !== null);
    expect(duplicates).toHaveLength(400);
    expect(set.filter((r) => r.duplicateOf === null)).toHaveLength(600);
    expect(new Set(duplicates.map((r) => r.duplicateOf)).size).toBe(400);
  });

  it('differs from its original in every duplicate, with every kind of noise represented', () => {
    for (const r of set.filter((x) => x.duplicateOf !== null)) {
      const o = population[r.duplicateOf as number] as SyntheticPerson;
      expect(r.noise.length).toBeGreaterThan(0);
      expect([r.givenNames, r.surname, r.birthDate]).not.toEqual([o.givenNames, o.surname, o.birthDate]);
    }
    const kinds = new Set(set.flatMap((r) => r.noise));
    expect([...kinds].sort()).toEqual([...NOISE_KINDS].sort());
  });

  it('is reproducible from its seed', () => {
    expect(buildDuplicateTestSet(population, { seed: 3, duplicates: 400, negatives: 600 })).toEqual(set);
  });

  it('keeps the name keys useful: most single-noise name variants share the surname stem or key with the original', () => {
    const nameOnly = set.filter(
      (r) =>
        r.noise.length === 1 && ['no-diacritics', 'gender-ending', 'transliteration'].includes(r.noise[0] as string),
    );
    const matching = nameOnly.filter((r) => {
      const o = population[r.duplicateOf as number] as SyntheticPerson;
      return (
        surnameStem(r.surname) === surnameStem(o.surname) ||
        transliterationKey(r.surname) === transliterationKey(o.surname)
      );
    });
    expect(matching.length / nameOnly.length).toBeGreaterThan(0.9);
  });
});
