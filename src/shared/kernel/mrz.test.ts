import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as oracleParse } from 'mrz';
import { buildMrz, buildMrzName, mrzCheckDigit, parseMrz, transliterateForMrz, type MrzInput } from './mrz.ts';
import { makePlainDate, plainDate } from './plain-date.ts';

const today = plainDate('2026-11-29');

describe('mrzCheckDigit — ICAO 9303 Part 3 App. A', () => {
  it.each([
    ['520727', 3],
    ['AB2134<<<', 5],
    ['HA672242<658022549601086<<<<<<<<<<<<<<0', 8],
    ['D231458907<<<<<<<<<<<<<<<34071279507122<<<<<<<<<<<', 2],
    ['HA672242<658022549601086<<<<<<<0', 8],
  ])('%s → %i', (text, digit) => expect(mrzCheckDigit(text)).toBe(digit));
});

const specimens = {
  td1: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  td1Extended: ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'],
  td2: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  td2Extended: ['I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<', 'D23145890<UTO3407127M95071227349<<<8'],
  td3: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  td1Swiss: ['IDCHEA1234567<6<<<<<<<<<<<<<<<', '7510256M2009018CHE<<<<<<<<<<<8', 'SMITH<<JOHN<ALBERT<<<<<<<<<<<<'],
  td3German1: ['P<D<<SCHMIDT<<FINN<<<<<<<<<<<<<<<<<<<<<<<<<<', 'AA89BXHZ56D<<7503201M2511188<<<<<<<<<<<<<<<8'],
  td3German2: ['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', 'C01X0006H1D<<6408125F1710319<<<<<<<<<<<<<<<0'],
  latvianTd3: ['P<LVABERZINS<<JANIS<<<<<<<<<<<<<<<<<<<<<<<<<', 'LV12345678LVA8001014M300101901018012345<<<32'],
  latvianTd1: ['IDLVAPA1234567332123456789<<<<', '9005156F3305153LVA<<<<<<<<<<<2', 'OZOLA<<ANNA<MARIJA<<<<<<<<<<<<'],
};

describe('parseMrz — DOMAIN.md §2.3 specimens', () => {
  it.each(Object.entries(specimens))('%s is valid', (_name, lines) => {
    const r = parseMrz(lines, { today });
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('reads the TD1 specimen fields', () => {
    expect(parseMrz(specimens.td1, { today })).toMatchObject({
      format: 'TD1',
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      nationality: 'UTO',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
  });
  it('reads the extended document number D23145890734 (TD1 and TD2)', () => {
    expect(parseMrz(specimens.td1Extended, { today })).toMatchObject({
      documentNumber: 'D23145890734',
      birthDate: '1934-07-12',
      expiryDate: '2095-07-12',
    });
    expect(parseMrz(specimens.td2Extended, { today }).documentNumber).toBe('D23145890734');
  });
  it('reads the TD3 personal number', () => {
    expect(parseMrz(specimens.td3, { today })).toMatchObject({
      documentNumber: 'L898902C3',
      optionalData: 'ZE184226B',
      surname: 'ERIKSSON',
    });
  });

  const negative: Array<[string, string[], string]> = [
    [
      'TD1 document number',
      ['I<UTOD231458902<<<<<<<<<<<<<<<', specimens.td1[1] as string, specimens.td1[2] as string],
      'documentNumber',
    ],
    [
      'TD1 birth date',
      [specimens.td1[0] as string, '7408123F1204159UTO<<<<<<<<<<<6', specimens.td1[2] as string],
      'birthDate',
    ],
    [
      'TD1 expiry',
      [specimens.td1[0] as string, '7408122F1204158UTO<<<<<<<<<<<6', specimens.td1[2] as string],
      'expiryDate',
    ],
    [
      'TD3 document number',
      [specimens.td3[0] as string, 'L898902C35UTO7408122F1204159ZE184226B<<<<<10'],
      'documentNumber',
    ],
    [
      'TD3 personal number',
      [specimens.td3[0] as string, 'L898902C36UTO7408122F1204159ZE184226B<<<<<20'],
      'optionalData',
    ],
    ['TD3 composite', [specimens.td3[0] as string, 'L898902C36UTO7408122F1204159ZE184226B<<<<<12'], 'composite'],
  ];
  it.each(negative)('catches a wrong %s check digit', (_label, lines, check) => {
    const r = parseMrz(lines, { today });
    expect(r.valid).toBe(false);
    expect(r.checks[check as keyof typeof r.checks]).toBe(false);
  });

  it('refuses a zone of the wrong shape with a clear message', () => {
    expect(() => parseMrz(['P<UTOERIKSSON', 'L898902C3'], { today })).toThrow(/unrecognised MRZ shape/);
    expect(() =>
      parseMrz(['p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<', specimens.td3[1] as string], { today }),
    ).toThrow(/only A–Z/);
  });
});

describe('buildMrz reproduces the specimens', () => {
  it('TD1 UTO specimen', () => {
    const built = buildMrz({
      format: 'TD1',
      documentCode: 'I',
      issuingState: 'UTO',
      surname: 'Eriksson',
      givenNames: 'Anna Maria',
      documentNumber: 'D23145890',
      nationality: 'UTO',
      birthDate: makePlainDate(1974, 8, 12),
      sex: 'F',
      expiryDate: makePlainDate(2012, 4, 15),
    });
    expect(built.lines).toEqual(specimens.td1);
  });
  it('TD1 with an extended document number', () => {
    const built = buildMrz({
      format: 'TD1',
      documentCode: 'I',
      issuingState: 'UTO',
      surname: 'Stevenson',
      givenNames: 'Peter John',
      documentNumber: 'D23145890734',
      nationality: 'UTO',
      birthDate: makePlainDate(1934, 7, 12),
      sex: 'M',
      expiryDate: makePlainDate(2095, 7, 12),
    });
    expect(built.lines).toEqual(specimens.td1Extended);
  });
  it('TD2 specimen and its extended variant', () => {
    const base = { format: 'TD2', documentCode: 'I', issuingState: 'UTO', nationality: 'UTO' } as const;
    expect(
      buildMrz({
        ...base,
        surname: 'Eriksson',
        givenNames: 'Anna Maria',
        documentNumber: 'D23145890',
        birthDate: makePlainDate(1974, 8, 12),
        sex: 'F',
        expiryDate: makePlainDate(2012, 4, 15),
      }).lines,
    ).toEqual(specimens.td2);
    expect(
      buildMrz({
        ...base,
        surname: 'Stevenson',
        givenNames: 'Peter John',
        documentNumber: 'D23145890734',
        birthDate: makePlainDate(1934, 7, 12),
        sex: 'M',
        expiryDate: makePlainDate(2095, 7, 12),
      }).lines,
    ).toEqual(specimens.td2Extended);
  });
  it('TD3 specimen with personal number', () => {
    const built = buildMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      surname: 'Eriksson',
      givenNames: 'Anna Maria',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      birthDate: makePlainDate(1974, 8, 12),
      sex: 'F',
      expiryDate: makePlainDate(2012, 4, 15),
      optionalData: 'ZE184226B',
    });
    expect(built.lines).toEqual(specimens.td3);
  });
  it('Latvian synthetic passport with diacritics transliterated', () => {
    const built = buildMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'LVA',
      surname: 'Bērziņš',
      givenNames: 'Jānis',
      documentNumber: 'LV1234567',
      nationality: 'LVA',
      birthDate: makePlainDate(1980, 1, 1),
      sex: 'M',
      expiryDate: makePlainDate(2030, 1, 1),
      optionalData: '01018012345',
    });
    expect(built.lines).toEqual(specimens.latvianTd3);
  });
  it('refuses a TD3 document number over 9 characters', () => {
    expect(() =>
      buildMrz({
        format: 'TD3',
        documentCode: 'P',
        issuingState: 'LVA',
        surname: 'A',
        givenNames: 'B',
        documentNumber: 'LV12345678',
        nationality: 'LVA',
        birthDate: makePlainDate(1980, 1, 1),
        sex: 'M',
        expiryDate: makePlainDate(2030, 1, 1),
      }),
    ).toThrow(/at most 9/);
  });
});

describe('names', () => {
  it.each([
    ['Bērziņš', 'BERZINS'],
    ['Ķēniņa', 'KENINA'],
    ['Žubīte-Ļaviņa', 'ZUBITE<LAVINA'],
    ['Müller', 'MUELLER'],
    ["O'Brien", 'OBRIEN'],
    ['Ģirts Čakste', 'GIRTS<CAKSTE'],
  ])('%s → %s', (name, mrz) => expect(transliterateForMrz(name)).toBe(mrz));
  it('shortens later given names to initials before cutting', () => {
    const r = buildMrzName('Vasiļjevs-Ozoliņš', 'Aleksandrs Konstantīns Mārtiņš', 30);
    // Even initials do not fit, so the later given names go; the cut falls on a filler and is padded.
    expect(r).toEqual({ field: 'VASILJEVS<OZOLINS<<ALEKSANDRS<', truncated: true });
    expect(buildMrzName('Bērziņš', 'Anna Marija Elizabete Katrīna', 30)).toEqual({
      field: 'BERZINS<<ANNA<MARIJA<E<K<<<<<<',
      truncated: true,
    });
    expect(r.field).toHaveLength(30);
  });
  it('ends a truncated field in a letter', () => {
    const r = buildMrzName('Abcdefghijklmnopqrstuvwxyzabc', 'Dace', 30);
    expect(r.truncated).toBe(true);
    expect(r.field).toMatch(/[A-Z]<*$/);
    expect(r.field).toHaveLength(30);
  });
});

describe('property: build → parse round trip, checked by the independent `mrz` package', () => {
  const letters = fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTUVZĀČĒĢĪĶĻŅŠŪŽ'),
    minLength: 1,
    maxLength: 12,
  });
  const docNumber = fc.string({
    unit: fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'),
    minLength: 9,
    maxLength: 9,
  });
  const date = (min: number, max: number) =>
    fc
      .integer({ min, max })
      .chain((y) =>
        fc
          .integer({ min: 1, max: 12 })
          .chain((m) => fc.integer({ min: 1, max: 28 }).map((dd) => makePlainDate(y, m, dd))),
      );
  it('TD1, TD2 and TD3 built from random fields parse back to the same fields and pass the oracle', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('TD1', 'TD2', 'TD3'),
        letters,
        letters,
        docNumber,
        date(1930, 2025),
        date(2027, 2040),
        fc.constantFrom('M', 'F'),
        (format, surname, given, number, birth, expiry, sex) => {
          const input: MrzInput = {
            format: format as MrzInput['format'],
            documentCode: format === 'TD3' ? 'P' : 'ID',
            issuingState: 'LVA',
            surname,
            givenNames: given,
            documentNumber: number,
            nationality: 'LVA',
            birthDate: birth,
            sex: sex as 'M' | 'F',
            expiryDate: expiry,
          };
          const built = buildMrz(input);
          const parsed = parseMrz(built.lines, { today });
          const oracle = oracleParse(built.lines);
          return (
            parsed.valid &&
            parsed.documentNumber === number &&
            parsed.birthDate === birth &&
            parsed.expiryDate === expiry &&
            parsed.surname === transliterateForMrz(surname).replace(/</g, ' ') &&
            oracle.valid
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
