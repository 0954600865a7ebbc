/**
 * Machine-readable visas (ICAO Doc 9303 Part 7): the two-line zone of a visa sticker. MRV-A fills a 44-column
 * line (the format of the Schengen visa sticker); MRV-B a 36-column line for stickers that must leave a clear
 * margin. Line 1: `V`, the visa's type letter (C, D …; `<` when none), the issuing state and the name. Line 2:
 * the visa number with its check digit, nationality, birth date, sex, the last day of validity with their
 * check digits, and optional data. Unlike passports, a visa zone has no composite check digit.
 */
import { buildMrzName, mrzCheckDigit, MrzBuildError } from './mrz.ts';
import { dateParts, type PlainDate } from './plain-date.ts';

export type MrvFormat = 'MRV-A' | 'MRV-B';

export const MRV_LAYOUT = {
  'MRV-A': { length: 44, nameLength: 39, optionalLength: 16 },
  'MRV-B': { length: 36, nameLength: 31, optionalLength: 8 },
} as const satisfies Record<MrvFormat, { length: number; nameLength: number; optionalLength: number }>;

export interface MrvInput {
  format: MrvFormat;
  /** The visa's category letter shown after `V` (C, D); omitted: `<`. */
  visaType?: string | undefined;
  issuingState: string;
  surname: string;
  givenNames: string;
  /** The visa (sticker) number as printed in the zone: at most 9 characters. */
  visaNumber: string;
  nationality: string;
  birthDate: PlainDate;
  sex: 'M' | 'F' | 'X' | '<';
  validUntil: PlainDate;
  optionalData?: string | undefined;
}

function fill(text: string, length: number, what: string): string {
  const t = text.toUpperCase().replace(/ /g, '<');
  if (!/^[A-Z0-9<]*$/.test(t)) throw new MrzBuildError(`${what} may contain only A–Z, 0–9 and <`);
  if (t.length > length) throw new MrzBuildError(`${what} is longer than ${length} characters`);
  return t.padEnd(length, '<');
}

function yymmdd(date: PlainDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** Builds the two lines of a visa's machine-readable zone, with every check digit. */
export function buildMrv(input: MrvInput): { lines: [string, string]; nameTruncated: boolean } {
  const layout = MRV_LAYOUT[input.format];
  const type = fill(input.visaType ?? '', 1, 'visa type');
  if (type !== '<' && !/^[A-Z]$/.test(type)) throw new MrzBuildError('the visa type is one letter');
  const name = buildMrzName(input.surname, input.givenNames, layout.nameLength);
  const line1 = `V${type}${fill(input.issuingState, 3, 'issuing state')}${name.field}`;
  const number = fill(input.visaNumber, 9, 'visa number');
  const birth = yymmdd(input.birthDate);
  const until = yymmdd(input.validUntil);
  const line2 =
    `${number}${mrzCheckDigit(number)}${fill(input.nationality, 3, 'nationality')}${birth}${mrzCheckDigit(birth)}${input.sex}${until}${mrzCheckDigit(until)}` +
    fill(input.optionalData ?? '', layout.optionalLength, 'optional data');
  return { lines: [line1, line2], nameTruncated: name.truncated };
}
