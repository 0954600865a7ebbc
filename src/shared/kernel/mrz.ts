/**
 * ICAO Doc 9303 machine-readable zones (DOMAIN.md §2): check digits, TD1/TD2/TD3 build and parse,
 * name transliteration and truncation, extended document numbers (Part 11 App. D).
 */
import { makePlainDate, isRealDate, dateParts, type PlainDate } from './plain-date.ts';

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';
export type MrzSex = 'M' | 'F' | 'X' | '<';

export const MRZ_LAYOUT = {
  TD1: { lines: 3, length: 30, nameLength: 30 },
  TD2: { lines: 2, length: 36, nameLength: 31 },
  TD3: { lines: 2, length: 44, nameLength: 39 },
} as const satisfies Record<MrzFormat, { lines: number; length: number; nameLength: number }>;

const CHECK_WEIGHTS = [7, 3, 1] as const;

function charValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  if (ch === '<') return 0;
  throw new RangeError(`character not allowed in an MRZ: ${JSON.stringify(ch)}`);
}

/** Check digit over MRZ characters: values 0–9, A=10…Z=35, `<`=0; weights 7-3-1; mod 10. */
export function mrzCheckDigit(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += charValue(text[i] as string) * (CHECK_WEIGHTS[i % 3] as number);
  return sum % 10;
}

/**
 * ICAO 9303 Part 3 transliteration for Latin letters. Latvian letters lose their diacritic
 * (Ā→A … Ž→Z); the table's multi-letter mappings (Ä→AE, Ö→OE, Ü→UE, Å→AA, ß→SS …) apply to others.
 */
const MULTI_LETTER: Record<string, string> = {
  Ä: 'AE',
  Æ: 'AE',
  Å: 'AA',
  Ö: 'OE',
  Ø: 'OE',
  Œ: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Þ: 'TH',
  Ĳ: 'IJ',
  Ð: 'D',
  Đ: 'D',
  Ħ: 'H',
  Ł: 'L',
  Ŀ: 'L',
  Ŧ: 'T',
  Ŋ: 'N',
  ı: 'I',
};

/** Uppercases and transliterates a name into MRZ characters; spaces and hyphens become `<`, other punctuation is dropped. */
export function transliterateForMrz(name: string): string {
  let out = '';
  for (const raw of name.normalize('NFC')) {
    const upper = raw.toLocaleUpperCase('en');
    if (MULTI_LETTER[upper] !== undefined) {
      out += MULTI_LETTER[upper];
      continue;
    }
    const base = upper.normalize('NFD').replace(/\p{M}+/gu, '');
    if (/^[A-Z0-9]+$/.test(base)) out += base;
    else if (raw === ' ' || raw === '-' || raw === '<') out += '<';
    // apostrophes, commas, dots and letters outside the Latin table carry no MRZ character
  }
  return out.replace(/<{2,}/g, '<').replace(/^<|<$/g, '');
}

export interface MrzNameField {
  field: string;
  truncated: boolean;
}

/**
 * Builds `SURNAME<<GIVEN<NAMES` for a field of `length` characters. When it does not fit, later
 * given names shrink to initials, then the given names are cut, then the surname. A cut that falls
 * inside a name ends the field on that letter, so a reader can see it was cut (Doc 9303 Part 3 §4.6).
 */
export function buildMrzName(surname: string, givenNames: string, length: number): MrzNameField {
  const primary = transliterateForMrz(surname);
  const secondary = transliterateForMrz(givenNames);
  const compose = (p: string, s: string): string => (s ? `${p}<<${s}` : p);
  const full = compose(primary, secondary);
  if (full.length <= length) return { field: full.padEnd(length, '<'), truncated: false };

  const parts = secondary.split('<').filter(Boolean);
  for (let keep = parts.length - 1; keep >= 1; keep--) {
    const initials = [...parts.slice(0, keep), ...parts.slice(keep).map((p) => p[0])].join('<');
    const candidate = compose(primary, initials);
    if (candidate.length <= length) return { field: candidate.padEnd(length, '<'), truncated: true };
  }
  let cut = full.slice(0, length);
  while (cut.endsWith('<')) cut = cut.slice(0, -1);
  return { field: cut.padEnd(length, '<'), truncated: true };
}

export function parseMrzName(field: string): { surname: string; givenNames: string } {
  const trimmed = field.replace(/<+$/, '');
  const sep = trimmed.indexOf('<<');
  const primary = sep === -1 ? trimmed : trimmed.slice(0, sep);
  const secondary = sep === -1 ? '' : trimmed.slice(sep + 2);
  return { surname: primary.replace(/</g, ' ').trim(), givenNames: secondary.replace(/</g, ' ').trim() };
}

function toYymmdd(date: PlainDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/**
 * Reads a YYMMDD date. Birth dates take the latest century that is not after `today`; expiry dates
 * are 20YY (DOMAIN.md §2.6). Returns undefined when the digits do not form a real date.
 */
export function parseMrzDate(yymmdd: string, kind: 'birth' | 'expiry', today: PlainDate): PlainDate | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  let year: number;
  if (kind === 'expiry') {
    year = 2000 + yy;
  } else {
    const t = dateParts(today);
    year = Math.floor(t.year / 100) * 100 + yy;
    const mmdd = month * 100 + day;
    if (year > t.year || (year === t.year && mmdd > t.month * 100 + t.day)) year -= 100;
  }
  return isRealDate(year, month, day) ? makePlainDate(year, month, day) : undefined;
}

function field(text: string, length: number, what: string): string {
  const t = text.toUpperCase().replace(/ /g, '<');
  if (!/^[A-Z0-9<]*$/.test(t)) throw new MrzBuildError(`${what} may contain only A–Z, 0–9 and <`);
  if (t.length > length) throw new MrzBuildError(`${what} is longer than ${length} characters`);
  return t.padEnd(length, '<');
}

export class MrzBuildError extends Error {
  override name = 'MrzBuildError';
}

export interface MrzInput {
  format: MrzFormat;
  /** `P`, `PP`, `ID`, `I`, `IR`, `AC` … (1–2 letters). */
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  birthDate: PlainDate;
  sex: MrzSex;
  expiryDate: PlainDate;
  /** TD3: personal number (14). TD1: optional data 1 (15). TD2: optional data (7). */
  optionalData?: string;
  /** TD1 only: optional data 2 (11). */
  optionalData2?: string;
}

export interface BuiltMrz {
  lines: string[];
  nameTruncated: boolean;
}

/** Places a document number; numbers over 9 characters use the extended form (Part 11 App. D) on TD1 and TD2. */
function documentNumberFields(
  documentNumber: string,
  format: MrzFormat,
): { number9: string; check: string; overflow: string } {
  const n = field(documentNumber, Math.max(documentNumber.length, 9), 'document number');
  if (documentNumber.length <= 9)
    return { number9: n.slice(0, 9), check: String(mrzCheckDigit(n.slice(0, 9))), overflow: '' };
  if (format === 'TD3') throw new MrzBuildError('a TD3 document number has at most 9 characters');
  const whole = documentNumber.toUpperCase();
  return { number9: whole.slice(0, 9), check: '<', overflow: `${whole.slice(9)}${mrzCheckDigit(whole)}<` };
}

/** Builds the MRZ lines for the given fields, computing every check digit and the composite. */
export function buildMrz(input: MrzInput): BuiltMrz {
  const layout = MRZ_LAYOUT[input.format];
  const code = field(input.documentCode, 2, 'document code');
  if (!/^[A-Z]/.test(code)) throw new MrzBuildError('document code must start with a letter');
  const state = field(input.issuingState, 3, 'issuing state');
  const nationality = field(input.nationality, 3, 'nationality');
  if (!['M', 'F', 'X', '<'].includes(input.sex)) throw new MrzBuildError('sex must be M, F, X or <');
  const birth = toYymmdd(input.birthDate);
  const expiry = toYymmdd(input.expiryDate);
  const birthCheck = String(mrzCheckDigit(birth));
  const expiryCheck = String(mrzCheckDigit(expiry));
  const name = buildMrzName(input.surname, input.givenNames, layout.nameLength);
  const doc = documentNumberFields(input.documentNumber, input.format);

  if (input.format === 'TD3') {
    const personal = field(input.optionalData ?? '', 14, 'personal number');
    const personalCheck = /^<*$/.test(personal) ? '<' : String(mrzCheckDigit(personal));
    const line1 = `${code}${state}${name.field}`;
    const body = `${doc.number9}${doc.check}${nationality}${birth}${birthCheck}${input.sex}${expiry}${expiryCheck}${personal}${personalCheck}`;
    const composite = mrzCheckDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
    return { lines: [line1, body + composite], nameTruncated: name.truncated };
  }
  if (input.format === 'TD2') {
    const optional = field(doc.overflow + (input.optionalData ?? ''), 7, 'optional data');
    const line1 = `${code}${state}${name.field}`;
    const body = `${doc.number9}${doc.check}${nationality}${birth}${birthCheck}${input.sex}${expiry}${expiryCheck}${optional}`;
    const composite = mrzCheckDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 35));
    return { lines: [line1, body + composite], nameTruncated: name.truncated };
  }
  const optional1 = field(doc.overflow + (input.optionalData ?? ''), 15, 'optional data 1');
  const optional2 = field(input.optionalData2 ?? '', 11, 'optional data 2');
  const line1 = `${code}${state}${doc.number9}${doc.check}${optional1}`;
  const line2body = `${birth}${birthCheck}${input.sex}${expiry}${expiryCheck}${nationality}${optional2}`;
  const composite = mrzCheckDigit(
    line1.slice(5, 30) + line2body.slice(0, 7) + line2body.slice(8, 15) + line2body.slice(18, 29),
  );
  return { lines: [line1, line2body + composite, name.field], nameTruncated: name.truncated };
}

export type MrzCheckName = 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData' | 'composite';

export interface ParsedMrz {
  format: MrzFormat;
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  birthDate: PlainDate | undefined;
  sex: string;
  expiryDate: PlainDate | undefined;
  optionalData: string;
  optionalData2: string;
  checks: Record<MrzCheckName, boolean>;
  /** Problems in reading order; empty when the zone is valid. */
  errors: string[];
  valid: boolean;
}

export class MrzParseError extends Error {
  override name = 'MrzParseError';
}

function detectFormat(lines: string[]): MrzFormat {
  const lengths = lines.map((l) => l.length);
  if (lines.length === 3 && lengths.every((n) => n === 30)) return 'TD1';
  if (lines.length === 2 && lengths.every((n) => n === 36)) return 'TD2';
  if (lines.length === 2 && lengths.every((n) => n === 44)) return 'TD3';
  throw new MrzParseError(
    `unrecognised MRZ shape: ${lines.length} line(s) of ${lengths.join('/')} characters (TD1 3×30, TD2 2×36, TD3 2×44)`,
  );
}

const strip = (s: string): string => s.replace(/<+$/, '');
const digitOk = (checkChar: string, data: string): boolean => checkChar === String(mrzCheckDigit(data));

/** Parses and verifies an MRZ given as lines; never throws for bad check digits, only for a wrong shape or alphabet. */
export function parseMrz(rawLines: string[], options: { today: PlainDate }): ParsedMrz {
  const lines = rawLines.map((l) => l.trim()).filter((l) => l.length > 0);
  const format = detectFormat(lines);
  for (const line of lines) {
    if (!/^[A-Z0-9<]+$/.test(line)) throw new MrzParseError('an MRZ contains only A–Z, 0–9 and <');
  }
  const errors: string[] = [];
  const [l1, l2, l3] = lines as [string, string, string | undefined];

  let documentNumber: string;
  let docCheckOk: boolean;
  let optionalData: string;
  let optionalData2 = '';
  let birthRaw: string;
  let expiryRaw: string;
  let birthOk: boolean;
  let expiryOk: boolean;
  let optionalOk = true;
  let compositeOk: boolean;
  let nationality: string;
  let sex: string;
  let nameField: string;

  /** Extended numbers: check position holds `<`, the rest of the number and its check digit open the optional field. */
  const readNumber = (
    number9: string,
    check: string,
    optional: string,
  ): { number: string; ok: boolean; optionalRest: string } => {
    if (check !== '<' || /^<*$/.test(optional)) {
      return { number: strip(number9), ok: digitOk(check, number9), optionalRest: optional };
    }
    const end = optional.indexOf('<');
    const tail = end === -1 ? optional : optional.slice(0, end);
    const extra = tail.slice(0, -1);
    const number = number9 + extra;
    return {
      number,
      ok: tail.length >= 2 && digitOk(tail.slice(-1), number),
      optionalRest: end === -1 ? '' : optional.slice(end + 1),
    };
  };

  if (format === 'TD1') {
    const n = readNumber(l1.slice(5, 14), l1.slice(14, 15), l1.slice(15, 30));
    documentNumber = n.number;
    docCheckOk = n.ok;
    optionalData = strip(n.optionalRest);
    birthRaw = l2.slice(0, 6);
    birthOk = digitOk(l2.slice(6, 7), birthRaw);
    sex = l2.slice(7, 8);
    expiryRaw = l2.slice(8, 14);
    expiryOk = digitOk(l2.slice(14, 15), expiryRaw);
    nationality = strip(l2.slice(15, 18));
    optionalData2 = strip(l2.slice(18, 29));
    compositeOk = digitOk(l2.slice(29, 30), l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29));
    nameField = l3 ?? '';
  } else if (format === 'TD2') {
    const n = readNumber(l2.slice(0, 9), l2.slice(9, 10), l2.slice(28, 35));
    documentNumber = n.number;
    docCheckOk = n.ok;
    optionalData = strip(n.optionalRest);
    nationality = strip(l2.slice(10, 13));
    birthRaw = l2.slice(13, 19);
    birthOk = digitOk(l2.slice(19, 20), birthRaw);
    sex = l2.slice(20, 21);
    expiryRaw = l2.slice(21, 27);
    expiryOk = digitOk(l2.slice(27, 28), expiryRaw);
    compositeOk = digitOk(l2.slice(35, 36), l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35));
    nameField = l1.slice(5, 36);
  } else {
    documentNumber = strip(l2.slice(0, 9));
    docCheckOk = digitOk(l2.slice(9, 10), l2.slice(0, 9));
    nationality = strip(l2.slice(10, 13));
    birthRaw = l2.slice(13, 19);
    birthOk = digitOk(l2.slice(19, 20), birthRaw);
    sex = l2.slice(20, 21);
    expiryRaw = l2.slice(21, 27);
    expiryOk = digitOk(l2.slice(27, 28), expiryRaw);
    const personal = l2.slice(28, 42);
    const personalCheck = l2.slice(42, 43);
    optionalData = strip(personal);
    optionalOk = /^<*$/.test(personal)
      ? personalCheck === '<' || personalCheck === '0'
      : digitOk(personalCheck, personal);
    compositeOk = digitOk(l2.slice(43, 44), l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43));
    nameField = l1.slice(5, 44);
  }

  const birthDate = parseMrzDate(birthRaw, 'birth', options.today);
  const expiryDate = parseMrzDate(expiryRaw, 'expiry', options.today);
  if (!docCheckOk) errors.push('document number check digit is wrong');
  if (!birthOk) errors.push('birth date check digit is wrong');
  if (birthOk && !birthDate && !/</.test(birthRaw)) errors.push('birth date is not a real date');
  if (!['M', 'F', 'X', '<'].includes(sex)) errors.push(`sex must be M, F, X or <, not ${sex}`);
  if (!expiryOk) errors.push('expiry date check digit is wrong');
  if (expiryOk && !expiryDate) errors.push('expiry date is not a real date');
  if (!optionalOk) errors.push('personal number check digit is wrong');
  if (!compositeOk) errors.push('composite check digit is wrong');

  const { surname, givenNames } = parseMrzName(nameField);
  return {
    format,
    documentCode: strip(l1.slice(0, 2)),
    issuingState: strip(l1.slice(2, 5)),
    surname,
    givenNames,
    documentNumber,
    nationality,
    birthDate,
    sex,
    expiryDate,
    optionalData,
    optionalData2,
    checks: {
      documentNumber: docCheckOk,
      birthDate: birthOk,
      expiryDate: expiryOk,
      optionalData: optionalOk,
      composite: compositeOk,
    },
    errors,
    valid: errors.length === 0,
  };
}
