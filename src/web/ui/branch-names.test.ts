import { describe, expect, it } from 'vitest';
import { branchNameIn } from './branch-names.ts';

const BRANCHES = [
  { id: '00000000-0000-4000-8000-0000000000b1', nameLv: 'Rīgas 1. nodaļa', nameEn: 'Riga Division 1' },
  { id: '00000000-0000-4000-8000-0000000000b2', nameLv: 'Liepājas nodaļa', nameEn: 'Liepāja Division' },
];

describe('a branch’s name in the page’s language', () => {
  it('shows the English name on English pages, found by id or by the stored Latvian name', () => {
    expect(branchNameIn(BRANCHES, 'en', 'Rīgas 1. nodaļa', BRANCHES[0]?.id)).toBe('Riga Division 1');
    expect(branchNameIn(BRANCHES, 'en', 'Liepājas nodaļa')).toBe('Liepāja Division');
  });

  it('keeps the stored name in Latvian, before the list arrives, and for a branch the list does not hold', () => {
    expect(branchNameIn(BRANCHES, 'lv', 'Rīgas 1. nodaļa', BRANCHES[0]?.id)).toBe('Rīgas 1. nodaļa');
    expect(branchNameIn(undefined, 'en', 'Rīgas 1. nodaļa')).toBe('Rīgas 1. nodaļa');
    expect(branchNameIn(BRANCHES, 'en', 'Jelgavas valstspilsētas pašvaldība')).toBe(
      'Jelgavas valstspilsētas pašvaldība',
    );
  });
});
