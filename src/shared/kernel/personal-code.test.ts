import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  birthDateFromPersonalCode,
  buildLegacyCode,
  formatPersonalCode,
  generateNewFormatCode,
  legacyCheckDigit,
  newFormatCodeCandidate,
  validatePersonalCode,
} from './personal-code.ts';
import { makePlainDate } from './plain-date.ts';

describe('validatePersonalCode — DOMAIN.md §1 vectors', () => {
  it.each([
    '161175-19997',
    '180565-05610',
    '061193-06460',
    '290212-29381',
    '111111-11111',
    '280638-19406',
    '211244-14874',
    '290156-11605',
    '060287-06450',
    '140761-19428',
    '120768-18764',
    '240581-15799',
  ])('accepts the valid legacy code %s', (code) => {
    const r = validatePersonalCode(code);
    expect(r).toMatchObject({ valid: true, format: 'legacy' });
  });

  it('accepts legacy codes without the hyphen and with surrounding spaces', () => {
    expect(validatePersonalCode(' 16117519997 ')).toMatchObject({
      valid: true,
      code: '16117519997',
      display: '161175-19997',
    });
  });

  it('maps a remainder of 10 to check digit 0 (061193-06460, S = 233)', () => {
    expect(legacyCheckDigit('0611930646')).toBe(0);
  });

  it.each([
    ['180565-05611', 'CHECKSUM'],
    ['161375-19997', 'DATE'],
    ['290213-29381', 'DATE'],
    ['000112-10005', 'DATE'],
    ['010101-39990', 'CENTURY'],
    ['16117-519997', 'FORMAT'],
    ['1611751999', 'FORMAT'],
    ['abcdef-ghijk', 'FORMAT'],
    ['', 'FORMAT'],
  ])('rejects %s as %s', (code, problem) => {
    expect(validatePersonalCode(code)).toMatchObject({ valid: false, problem });
  });

  it.each(['32550128526', '329174-26924', '39012345678'])(
    'accepts the new-format code %s without a checksum',
    (code) => {
      expect(validatePersonalCode(code)).toMatchObject({ valid: true, format: 'new' });
    },
  );

  it('derives the birth date and century from legacy codes', () => {
    expect(birthDateFromPersonalCode('161175-19997')).toBe('1975-11-16');
    expect(birthDateFromPersonalCode('290212-29381')).toBe('2012-02-29');
    expect(birthDateFromPersonalCode('111111-11111')).toBe('1911-11-11');
    expect(birthDateFromPersonalCode('32550128526')).toBeUndefined();
  });

  it('formats as NNNNNN-NNNNN', () => {
    expect(formatPersonalCode('32550128526')).toBe('325501-28526');
  });
});

describe('property: legacy codes', () => {
  it('every code built for a real date validates and gives the date back', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (d, serial) => {
          const date = makePlainDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
          const code = buildLegacyCode(date, serial);
          const r = validatePersonalCode(code);
          return r.valid && r.format === 'legacy' && r.birthDate === date;
        },
      ),
    );
  });

  it('changing the check digit of a valid legacy code makes it invalid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 9 }), (serial, delta) => {
        const code = buildLegacyCode(makePlainDate(1980, 5, 17), serial);
        const wrong = code.slice(0, 10) + String((Number(code[10]) + delta) % 10);
        return validatePersonalCode(wrong).valid === false;
      }),
    );
  });
});

describe('generateNewFormatCode', () => {
  it('produces valid new-format codes starting 32–39', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 11, maxLength: 11 }), (values) => {
        let i = 0;
        const code = newFormatCodeCandidate((bound) => (values[i++] ?? 0) % bound);
        const r = validatePersonalCode(code);
        return r.valid && r.format === 'new' && /^3[2-9]/.test(code);
      }),
    );
  });

  it('never returns a code that is already taken', () => {
    const sequence = [
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ];
    let i = 0;
    const taken = new Set(['32000000000', '32000000000']);
    const code = generateNewFormatCode(
      () => sequence[i++] ?? 5,
      (c) => taken.has(c),
    );
    expect(taken.has(code)).toBe(false);
    expect(validatePersonalCode(code).valid).toBe(true);
  });

  it('gives up with an error when every candidate is taken', () => {
    expect(() =>
      generateNewFormatCode(
        () => 0,
        () => true,
        5,
      ),
    ).toThrow(/no free personal code/);
  });
});
