import { describe, expect, it } from 'vitest';
import { surnameForSex } from './surname-forms.ts';

describe('surnameForSex', () => {
  it.each([
    ['Bērziņš', 'F', 'Bērziņa'],
    ['Bērziņa', 'M', 'Bērziņš'],
    ['Ozols', 'F', 'Ozola'],
    ['Balodis', 'F', 'Balode'],
    ['Balode', 'M', 'Balodis'],
    ['Jansons', 'F', 'Jansone'],
    ['Ivanovs', 'F', 'Ivanova'],
    ['Ivanova', 'M', 'Ivanovs'],
    ['Dombrovskis', 'F', 'Dombrovska'],
    ['Birznieks', 'F', 'Birzniece'],
    ['Birzniece', 'M', 'Birznieks'],
    ['Ozols', 'M', 'Ozols'],
    ['Bērziņš-Ozols', 'F', 'Bērziņa-Ozola'],
  ] as const)('%s as %s is %s', (surname, sex, expected) => {
    expect(surnameForSex(surname, sex)).toBe(expected);
  });
});
