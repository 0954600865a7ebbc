import { describe, expect, it } from 'vitest';
import { createScanBlocker, type ScanPerson } from './duplicate-blocking.ts';
import { surnameStem } from '../../../shared/kernel/name-keys.ts';

let n = 0;
function person(givenNames: string, surname: string, birthDate: string): ScanPerson {
  n++;
  return { id: `p${n}`, givenNames, surname, birthDate, surnameStem: surnameStem(surname) };
}

function pairsOf(persons: ScanPerson[]): string[] {
  const pairs: string[] = [];
  const blocker = createScanBlocker((a, b) =>
    pairs.push(`${a.givenNames} ${a.surname} ${a.birthDate} ~ ${b.givenNames} ${b.surname} ${b.birthDate}`),
  );
  for (const p of [...persons].sort((a, b) => a.birthDate.localeCompare(b.birthDate))) blocker.add(p);
  expect(blocker.finish()).toBe(pairs.length);
  return pairs.sort();
}

describe('duplicate scan blocking', () => {
  it('pairs persons born the same day who share a name, and no one else', () => {
    const pairs = pairsOf([
      person('Jānis', 'Bērziņš', '1980-05-12'),
      person('Janis', 'Berzins', '1980-05-12'), // diacritics: same keys
      person('Jānis', 'Kalniņš', '1980-05-12'), // same given name, same day: compared (the surname may be a typo)
      person('Anna', 'Ozola', '1980-05-12'), // nothing in common
      person('Jānis', 'Bērziņš', '1985-05-12'), // same name, another year
    ]);
    expect(pairs).toEqual([
      'Janis Berzins 1980-05-12 ~ Jānis Kalniņš 1980-05-12',
      'Jānis Bērziņš 1980-05-12 ~ Janis Berzins 1980-05-12',
      'Jānis Bērziņš 1980-05-12 ~ Jānis Kalniņš 1980-05-12',
    ]);
  });

  it('pairs the same name a day apart or with day and month swapped, within the year', () => {
    const pairs = pairsOf([
      person('Marija', 'Zariņa', '1937-10-29'),
      person('Marija', 'Zariņa', '1937-10-30'), // a day later
      person('Marija', 'Zariņa', '1937-11-10'), // neither a day apart nor day and month swapped
      person('Ilze', 'Liepa', '1990-03-04'),
      person('Ilze', 'Liepa', '1990-04-03'), // day and month swapped
      person('Ilze', 'Liepa', '1990-06-04'), // neither
    ]);
    expect(pairs).toEqual([
      'Ilze Liepa 1990-03-04 ~ Ilze Liepa 1990-04-03',
      'Marija Zariņa 1937-10-29 ~ Marija Zariņa 1937-10-30',
    ]);
  });

  it('catches swapped given name and surname on the same day', () => {
    expect(pairsOf([person('Pēteris', 'Ozols', '1975-01-20'), person('Ozols', 'Pēteris', '1975-01-20')])).toHaveLength(
      1,
    );
  });

  it('refuses persons out of birth-date order', () => {
    const blocker = createScanBlocker(() => undefined);
    blocker.add(person('A', 'B', '1990-01-02'));
    expect(() => blocker.add(person('A', 'B', '1990-01-01'))).toThrow(/birth-date order/);
  });
});
