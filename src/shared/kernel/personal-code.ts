/**
 * Latvian personal code (personas kods), DOMAIN.md §1.
 * Legacy `DDMMYY-CNNNX` carries the birth date and a check digit; the new format (since 2017-07-01)
 * is `3[2-9]` followed by random digits, with no date and no check digit.
 */
import { makePlainDate, isRealDate, type PlainDate } from './plain-date.ts';

export type PersonalCodeFormat = 'legacy' | 'new';

export type PersonalCodeProblem = 'FORMAT' | 'DATE' | 'CHECKSUM' | 'CENTURY';

export type PersonalCodeResult =
  | { valid: true; code: string; display: string; format: 'legacy'; birthDate: PlainDate }
  | { valid: true; code: string; display: string; format: 'new' }
  | { valid: false; problem: PersonalCodeProblem; message: string };

const LEGACY_WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const NEW_FORMAT = /^3[2-9]\d{9}$/;
const SHAPE = /^\d{6}-?\d{5}$/;

/** Strips spaces and the optional hyphen after the sixth digit; returns undefined if the shape is wrong. */
export function normalizePersonalCode(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '');
  if (!SHAPE.test(compact)) return undefined;
  return compact.replace('-', '');
}

/** Always `NNNNNN-NNNNN`, the printed form. */
export function formatPersonalCode(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/**
 * The legacy check digit: ((1101 − Σ w·d) mod 11) mod 10, where a remainder of 10 maps to 0
 * (the majority reading of the published implementations; see DOMAIN.md §1.1 "Open question").
 */
export function legacyCheckDigit(firstTenDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (LEGACY_WEIGHTS[i] ?? 0) * Number(firstTenDigits[i]);
  return ((((1101 - sum) % 11) + 11) % 11) % 10;
}

/** Validates either format and explains the first problem found. */
export function validatePersonalCode(input: string): PersonalCodeResult {
  const code = normalizePersonalCode(input);
  if (code === undefined) {
    return {
      valid: false,
      problem: 'FORMAT',
      message: 'A personal code has 11 digits, optionally with a hyphen after the sixth',
    };
  }
  if (NEW_FORMAT.test(code)) return { valid: true, code, display: formatPersonalCode(code), format: 'new' };

  const day = Number(code.slice(0, 2));
  const month = Number(code.slice(2, 4));
  const yy = Number(code.slice(4, 6));
  const century = Number(code[6]);
  if (century > 2) {
    return {
      valid: false,
      problem: 'CENTURY',
      message: 'The seventh digit of a legacy code must be 0, 1 or 2 (century)',
    };
  }
  const year = 1800 + 100 * century + yy;
  if (!isRealDate(year, month, day)) {
    return {
      valid: false,
      problem: 'DATE',
      message: `The code does not start with a real date of birth (${code.slice(0, 6)})`,
    };
  }
  if (legacyCheckDigit(code) !== Number(code[10])) {
    return { valid: false, problem: 'CHECKSUM', message: 'The check digit of the legacy code is wrong' };
  }
  return {
    valid: true,
    code,
    display: formatPersonalCode(code),
    format: 'legacy',
    birthDate: makePlainDate(year, month, day),
  };
}

export function isValidPersonalCode(input: string): boolean {
  return validatePersonalCode(input).valid;
}

/** Birth date encoded in a legacy code; undefined for new-format or invalid codes. */
export function birthDateFromPersonalCode(input: string): PlainDate | undefined {
  const result = validatePersonalCode(input);
  return result.valid && result.format === 'legacy' ? result.birthDate : undefined;
}

/** A source of random integers in [0, bound). Injected so generation is deterministic in tests and seeds. */
export type RandomInt = (bound: number) => number;

/** One random new-format code candidate: `3`, a digit 2–9, then nine random digits. */
export function newFormatCodeCandidate(randomInt: RandomInt): string {
  let code = `3${2 + randomInt(8)}`;
  for (let i = 0; i < 9; i++) code += String(randomInt(10));
  return code;
}

/**
 * Generates a new-format code that `isTaken` does not know. The register passes a lookup over all
 * codes ever issued (including replaced ones), so a code is never reused.
 */
export function generateNewFormatCode(
  randomInt: RandomInt,
  isTaken: (code: string) => boolean,
  maxAttempts = 1000,
): string {
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const candidate = newFormatCodeCandidate(randomInt);
    if (!isTaken(candidate)) return candidate;
  }
  throw new Error(`no free personal code found in ${maxAttempts} attempts`);
}

/** Builds a valid legacy code for a birth date and serial (used by synthetic data and tests). */
export function buildLegacyCode(birthDate: PlainDate, serial: number): string {
  const [y, m, d] = birthDate.split('-');
  const year = Number(y);
  const century = Math.floor((year - 1800) / 100);
  if (century < 0 || century > 2) throw new RangeError(`legacy codes cover 1800–2099, not ${year}`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 999) throw new RangeError('serial must be 0–999');
  const first10 = `${d}${m}${String(year % 100).padStart(2, '0')}${century}${String(serial).padStart(3, '0')}`;
  return first10 + String(legacyCheckDigit(first10));
}
