import { describe, expect, it } from 'vitest';
import { generatePopulation, type SyntheticPerson } from './synthetic-population.ts';
import { plainDate, toEpochDay, yearsBetween } from '../../../shared/kernel/plain-date.ts';
import { validatePersonalCode } from '../../../shared/kernel/personal-code.ts';
import { MUNICIPALITIES } from '../../../shared/kernel/municipalities.ts';
import { surnameStem } from '../../../shared/kernel/name-keys.ts';

const today = plainDate('2026-11-29');
const people: SyntheticPerson[] = [...generatePopulation({ seed: 42, persons: 20_000, today })];
const share = (f: (p: SyntheticPerson) => boolean): number => people.filter(f).length / people.length;

describe('generatePopulation', () => {
  it('makes exactly the requested number, numbered in order', () => {
    expect(people).toHaveLength(20_000);
    expect(people.every((p, i) => p.index === i)).toBe(true);
  });

  it('is deterministic: the same seed gives the same persons, another seed others', () => {
    const again = [...generatePopulation({ seed: 42, persons: 500, today })];
    expect(again).toEqual([...generatePopulation({ seed: 42, persons: 500, today })]);
    // A smaller run is the larger one's beginning; only a link to a person past its end is dropped.
    expect(again.map((p) => p.personalCode)).toEqual(people.slice(0, 500).map((p) => p.personalCode));
    const other = [...generatePopulation({ seed: 43, persons: 500, today })];
    expect(other.map((p) => p.personalCode)).not.toEqual(again.map((p) => p.personalCode));
  });

  it('gives every person a valid, unique personal code; legacy codes carry the birth date; new ones from 2017-07-01', () => {
    const codes = new Set<string>();
    for (const p of people) {
      const r = validatePersonalCode(p.personalCode);
      expect(r.valid, p.personalCode).toBe(true);
      if (r.valid && r.format === 'legacy') expect(r.birthDate).toBe(p.birthDate);
      if (p.birthDate >= '2017-07-01') expect(r.valid && r.format).toBe('new');
      expect(codes.has(p.personalCode)).toBe(false);
      codes.add(p.personalCode);
      if (p.previousPersonalCode) {
        expect(validatePersonalCode(p.previousPersonalCode.code)).toMatchObject({
          valid: true,
          format: 'legacy',
          birthDate: p.birthDate,
        });
        expect(codes.has(p.previousPersonalCode.code)).toBe(false);
        codes.add(p.previousPersonalCode.code);
      }
    }
    expect(people.some((p) => p.previousPersonalCode)).toBe(true);
  });

  it('has a status mix like the published one', () => {
    expect(share((p) => p.legalStatus === 'citizen')).toBeGreaterThan(0.8);
    expect(share((p) => p.legalStatus === 'non-citizen')).toBeGreaterThan(0.06);
    expect(share((p) => p.legalStatus === 'non-citizen')).toBeLessThan(0.12);
    expect(share((p) => p.legalStatus === 'foreigner')).toBeGreaterThan(0.02);
    expect(share((p) => p.legalStatus === 'temporary-protection')).toBeGreaterThan(0.005);
    expect(
      new Set(people.filter((p) => p.legalStatus === 'foreigner').map((p) => p.citizenship)).size,
    ).toBeGreaterThanOrEqual(6);
    expect(
      people
        .filter((p) => p.legalStatus === 'non-citizen')
        .every((p) => p.citizenship === null && p.birthDate < '2020-01-01'),
    ).toBe(true);
  });

  it('sizes municipalities like the real ones: Rīga largest, every municipality present', () => {
    const current = new Map<string, number>();
    for (const p of people) {
      const code = p.addresses.at(-1)?.municipalityCode as string;
      current.set(code, (current.get(code) ?? 0) + 1);
    }
    expect(current.size).toBe(MUNICIPALITIES.length);
    expect((current.get('LV-RIX') ?? 0) / people.length).toBeGreaterThan(0.3);
  });

  it('uses the gendered surname form of each person, and links children to older parents', () => {
    for (const p of people) {
      if (p.motherIndex !== null) {
        const mother = people[p.motherIndex] as SyntheticPerson;
        expect(mother.sex).toBe('F');
        expect(yearsBetween(mother.birthDate, p.birthDate)).toBeGreaterThanOrEqual(20);
      }
      if (p.fatherIndex !== null) {
        const father = people[p.fatherIndex] as SyntheticPerson;
        expect(father.sex).toBe('M');
        // Latvian and Slavic naming (Lithuanian forms such as -ienė/-aitė follow other rules).
        if (p.birthCountry === 'LVA') expect(surnameStem(p.surname)).toBe(surnameStem(father.surname));
      }
      if (p.spouseIndex !== null) expect((people[p.spouseIndex] as SyntheticPerson).spouseIndex).toBe(p.index);
    }
    const bySex = (sex: 'M' | 'F', surname: string) =>
      people.filter((p) => p.sex === sex && p.surname === surname).length;
    expect(bySex('M', 'Bērziņš')).toBeGreaterThan(0);
    expect(bySex('F', 'Bērziņa')).toBeGreaterThan(0);
    expect(bySex('F', 'Bērziņš')).toBe(0);
  });

  it('keeps every date in order: births, moves and deaths no later than today', () => {
    const t = toEpochDay(today);
    for (const p of people) {
      expect(toEpochDay(p.birthDate)).toBeLessThanOrEqual(t);
      const moves = p.addresses.map((a) => a.validFrom);
      expect([...moves].sort()).toEqual(moves);
      expect(moves.every((d) => d >= p.birthDate && toEpochDay(d) <= t)).toBe(true);
      if (p.deathDate) expect(p.deathDate > p.birthDate && toEpochDay(p.deathDate) <= t).toBe(true);
    }
    expect(share((p) => p.deathDate !== null)).toBeGreaterThan(0);
  });
});

describe('generatePopulation at scale', () => {
  it('produces 300,000 persons without exhausting any birth date’s legacy serials', () => {
    // Before a fix, thousands of partners shared one clamped birth date and generation hung at ~100k.
    let count = 0;
    const perDate = new Map<string, number>();
    for (const p of generatePopulation({ seed: 7, persons: 300_000, today })) {
      count++;
      perDate.set(p.birthDate, (perDate.get(p.birthDate) ?? 0) + 1);
    }
    expect(count).toBe(300_000);
    expect(Math.max(...perDate.values())).toBeLessThan(200);
  }, 60_000);
});
