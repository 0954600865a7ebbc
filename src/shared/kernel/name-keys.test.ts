import { describe, expect, it } from 'vitest';
import { foldName, givenNameKeys, surnameStem, transliterationKey } from './name-keys.ts';

describe('foldName', () => {
  it('removes Latvian diacritics and case', () => {
    expect(foldName('Ģirts  BĒRZIŅŠ')).toBe('girts berzins');
    expect(foldName('Žubīte - Ļaviņa')).toBe('zubite-lavina');
  });
});

describe('surnameStem meets gendered and transliterated forms', () => {
  it.each([
    ['Bērziņš', 'Bērziņa'],
    ['Bērziņš', 'Berzins'],
    ['Ozols', 'Ozola'],
    ['Balodis', 'Balode'],
    ['Jansons', 'Jansone'],
    ['Birznieks', 'Birzniece'],
    ['Dombrovskis', 'Dombrovska'],
    ['Ivanovs', 'Ivanova'],
    ['Vasiļjevs', 'Vasiljev'],
    ['Vasiļjevs', 'Vasilyev'],
    ['Kuzņecovs', 'Kuznetsov'],
    ['Ševčenko', 'Shevchenko'],
    ['Zvaigzne', 'Zvaigzne'],
    ['Liepa', 'Liepa'],
    ['Krūmiņš-Ozola', 'Krumina-Ozols'],
  ])('%s ~ %s', (a, b) => expect(surnameStem(a)).toBe(surnameStem(b)));

  it.each([
    ['Ozols', 'Ozoliņš'],
    ['Kalniņš', 'Kalns'],
    ['Liepa', 'Liepiņa'],
    ['Ivanovs', 'Ivanenko'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(surnameStem(a)).not.toBe(surnameStem(b));
  });

  it('never stems a short word to nothing', () => {
    expect(surnameStem('Is')).toBe('is');
    expect(surnameStem('A')).toBe('a');
  });
});

describe('transliterationKey and givenNameKeys', () => {
  it('evens out Cyrillic transliterations and doubled letters', () => {
    expect(transliterationKey('Jeļena')).toBe(transliterationKey('Yelena'));
    expect(transliterationKey('Aleksandrs')).toBe(transliterationKey('Alexandrs'));
    expect(transliterationKey('Anna')).toBe(transliterationKey('Ana'));
  });
  it('splits given names so a missing second name can still match', () => {
    expect(givenNameKeys('Anna Marija')).toEqual(['ana', 'marija']);
    expect(givenNameKeys('Jānis')).toEqual(['janis']);
  });
});
