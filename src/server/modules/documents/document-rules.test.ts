import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainDate, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { parseMrz } from '../../../shared/kernel/mrz.ts';
import { documentMrz, documentTypesFor, mrzNationality, validityOn, validUntilByAge } from './document-rules.ts';

describe('validity by age at issue (DOMAIN.md §3.2)', () => {
  it('gives 2 years under 5, 5 years from 5 to 19, 10 years from 20, to the day before the anniversary', () => {
    expect(validUntilByAge(plainDate('2023-06-01'), plainDate('2026-11-30'))).toBe('2028-11-29');
    expect(validUntilByAge(plainDate('2021-11-30'), plainDate('2026-11-30'))).toBe('2031-11-29');
    expect(validUntilByAge(plainDate('2006-12-01'), plainDate('2026-11-30'))).toBe('2031-11-29');
    expect(validUntilByAge(plainDate('2006-11-30'), plainDate('2026-11-30'))).toBe('2036-11-29');
  });
  it('a document issued on 29 February ends on the last day of February', () => {
    expect(validUntilByAge(plainDate('1980-01-01'), plainDate('2024-02-29'))).toBe('2034-02-27');
  });
});

describe('who may hold what', () => {
  it('follows the legal status', () => {
    expect(documentTypesFor('citizen')).toEqual(['passport', 'identity-card']);
    expect(documentTypesFor('non-citizen')).toEqual(['identity-card', 'non-citizen-passport']);
    // A refugee travels on their travel document and lives here on a residence permit (its card).
    expect(documentTypesFor('refugee')).toEqual(['refugee-travel-document', 'residence-permit-card']);
    expect(documentTypesFor('stateless')).toEqual(['stateless-travel-document', 'residence-permit-card']);
    expect(documentTypesFor('asylum-seeker')).toEqual([]);
  });
  it('writes the MRZ nationality by status, with the unsettled ones from configuration', () => {
    expect(mrzNationality('citizen', ['LVA'], {})).toBe('LVA');
    expect(mrzNationality('stateless', [], {})).toBe('XXA');
    expect(mrzNationality('non-citizen', [], { 'non-citizen': 'XXX' })).toBe('XXX');
    expect(mrzNationality('foreigner', ['UKR'], {})).toBe('UKR');
  });
});

describe('validity on a day', () => {
  const doc = { validUntil: '2030-05-31', invalidatedOn: null };
  it('is valid through the last day and invalid from the next', () => {
    expect(validityOn(doc, plainDate('2030-05-31'))).toEqual({ status: 'valid' });
    expect(validityOn(doc, plainDate('2030-06-01'))).toEqual({ status: 'invalid', since: '2030-06-01', expired: true });
  });
  it('an invalidation counts from its day', () => {
    const stolen = { ...doc, invalidatedOn: '2027-01-10' };
    expect(validityOn(stolen, plainDate('2027-01-09'))).toEqual({ status: 'valid' });
    expect(validityOn(stolen, plainDate('2027-01-10'))).toEqual({
      status: 'invalid',
      since: '2027-01-10',
      expired: false,
    });
  });
});

describe('the machine-readable zone', () => {
  it('of every passport and card, for any name and dates, reads back valid with the same fields', () => {
    const day = fc
      .integer({ min: 0, max: 36_500 })
      .map((n) => new Date(Date.UTC(1930, 0, 1) + n * 86_400_000).toISOString().slice(0, 10) as PlainDate);
    const name = fc.constantFrom(
      'Bērziņš',
      'Ozola',
      'Jānis Pēteris',
      'Anna Marija',
      'Šteinberga-Kļaviņa',
      'O’Brien',
      'Lī',
    );
    fc.assert(
      fc.property(
        fc.constantFrom<'passport' | 'identity-card' | 'non-citizen-passport'>(
          'passport',
          'identity-card',
          'non-citizen-passport',
        ),
        name,
        name,
        day,
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.constantFrom<'M' | 'F'>('M', 'F'),
        (type, surname, givenNames, birthDate, n, sex) => {
          const number = `LV${String(n).padStart(7, '0')}`;
          const validUntil = validUntilByAge(birthDate, plainDate('2026-11-30'));
          const lines = documentMrz({
            type,
            number,
            surname,
            givenNames,
            nationality: 'LVA',
            birthDate,
            sex,
            validUntil,
            personalCode: '32550128526',
          });
          const parsed = parseMrz(lines, { today: plainDate('2026-11-30') });
          expect(parsed.errors).toEqual([]);
          expect(parsed).toMatchObject({
            valid: true,
            documentNumber: number,
            issuingState: 'LVA',
            nationality: 'LVA',
            sex,
            expiryDate: validUntil,
          });
          expect(lines.every((l) => l.length === (type === 'identity-card' ? 30 : 44))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
