import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildMrv } from './mrv.ts';
import { readMrvIndependently } from '../../test/mrv-reader.ts';
import { plainDate } from './plain-date.ts';

describe('the machine-readable zone of a visa (ICAO 9303 Part 7)', () => {
  it('lays out an MRV-A zone field by field, as the specimen in Part 7 is laid out', () => {
    const { lines } = buildMrv({
      format: 'MRV-A',
      issuingState: 'UTO',
      surname: 'Eriksson',
      givenNames: 'Anna María',
      visaNumber: 'L8988901C',
      nationality: 'XXX',
      birthDate: plainDate('1940-09-07'),
      sex: 'F',
      validUntil: plainDate('1996-12-10'),
      optionalData: '6ZE184226B',
    });
    expect(lines).toEqual([
      'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L8988901C4XXX4009078F96121096ZE184226B<<<<<<',
    ]);
  });

  it('is read back by an independent reader, in both formats, for any name and dates', () => {
    const name = fc.stringMatching(/^[A-Za-zĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽž]{1,12}( [A-Za-z]{1,10})?$/);
    const day = fc
      .integer({ min: 0, max: 36_000 })
      .map((n) => plainDate(new Date(Date.UTC(1930, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)));
    fc.assert(
      fc.property(
        fc.constantFrom('MRV-A' as const, 'MRV-B' as const),
        fc.constantFrom('C', 'D'),
        name,
        name,
        fc.stringMatching(/^[0-9]{9}$/),
        day,
        day,
        (format, type, surname, given, number, birth, until) => {
          const { lines } = buildMrv({
            format,
            visaType: type,
            issuingState: 'LVA',
            surname,
            givenNames: given,
            visaNumber: number,
            nationality: 'UKR',
            birthDate: birth,
            sex: 'M',
            validUntil: until,
          });
          const read = readMrvIndependently(lines);
          expect(read).toMatchObject({
            format,
            type,
            issuingState: 'LVA',
            number,
            nationality: 'UKR',
            sex: 'M',
            valid: true,
            birth: birth.slice(2).replaceAll('-', ''),
            validUntil: until.slice(2).replaceAll('-', ''),
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a visa number longer than the zone’s nine characters', () => {
    expect(() =>
      buildMrv({
        format: 'MRV-B',
        issuingState: 'LVA',
        surname: 'A',
        givenNames: 'B',
        visaNumber: '1234567890',
        nationality: 'UKR',
        birthDate: plainDate('1990-01-01'),
        sex: 'F',
        validUntil: plainDate('2030-01-01'),
      }),
    ).toThrow(/visa number/);
  });
});
