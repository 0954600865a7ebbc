/**
 * The CLI's kernel commands as functions: each returns a result with its human text and its JSON,
 * or throws CliError with a one-line reason. main.ts prints.
 */
import { z } from 'zod';
import { validatePersonalCode } from '../../shared/kernel/personal-code.ts';
import { buildMrz, parseMrz, MrzBuildError, MrzParseError, type MrzInput } from '../../shared/kernel/mrz.ts';
import { PlainDateSchema, parsePlainDate, type PlainDate } from '../../shared/kernel/plain-date.ts';
import { addWorkingDays, workingDaysBetween } from '../../shared/kernel/working-days.ts';
import {
  assessShortStay,
  ShortStayError,
  VISA_ENTRIES,
  MAX_DAYS_IN_WINDOW,
  type StayAllowance,
  type StayLimit,
} from '../../shared/kernel/short-stay.ts';
import { describeFieldIssue } from '../platform/field-messages.ts';

export class CliError extends Error {
  override name = 'CliError';
}

export interface CliResult {
  text: string;
  json: unknown;
}

export function checkPersonalCode(code: string): CliResult {
  const r = validatePersonalCode(code);
  if (!r.valid) throw new CliError(`invalid personal code: ${r.message}`);
  const birth = r.format === 'legacy' ? `, born ${r.birthDate}` : '';
  return { text: `${r.display}: valid ${r.format}-format personal code${birth}`, json: r };
}

export function mrzParse(input: string, today: PlainDate): CliResult {
  const lines = input
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) throw new CliError('no MRZ lines on standard input');
  try {
    const r = parseMrz(lines, { today });
    const text = [
      `${r.format} ${r.valid ? 'valid' : 'INVALID'}`,
      `document ${r.documentCode} ${r.documentNumber} issued by ${r.issuingState}`,
      `holder ${r.surname}, ${r.givenNames}; nationality ${r.nationality}; sex ${r.sex}`,
      `born ${r.birthDate ?? '?'}; expires ${r.expiryDate ?? '?'}`,
      ...r.errors.map((e) => `error: ${e}`),
    ].join('\n');
    return { text, json: r };
  } catch (error) {
    if (error instanceof MrzParseError) throw new CliError(error.message);
    throw error;
  }
}

const MrzBuildInput = z.strictObject({
  format: z.enum(['TD1', 'TD2', 'TD3']),
  documentCode: z.string().min(1).max(2),
  issuingState: z.string().min(1).max(3),
  surname: z.string().min(1),
  givenNames: z.string().default(''),
  documentNumber: z.string().min(1),
  nationality: z.string().min(1).max(3),
  birthDate: PlainDateSchema,
  sex: z.enum(['M', 'F', 'X', '<']),
  expiryDate: PlainDateSchema,
  optionalData: z.string().optional(),
  optionalData2: z.string().optional(),
});

/** A schema's first problem as the one-line error a command prints. */
export function firstIssue(error: z.ZodError): CliError {
  const issue = error.issues[0];
  const path = issue?.path.join('.') || '(root)';
  if (!issue) return new CliError(`invalid field ${path}: not valid`);
  // The catalogue's catch-all points at a form's hint, which a command line has not got: zod's own words
  // ("expected string, received undefined", "unrecognized key") say more there.
  const described = describeFieldIssue(issue, path);
  return new CliError(
    `invalid field ${path}: ${described.ref.key === 'validation.invalid' ? issue.message : described.english}`,
  );
}

/** Standard input as JSON checked against a schema; the first problem becomes a one-line CliError. */
function parseJsonInput<T extends z.ZodType>(input: string, schema: T): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch {
    throw new CliError('standard input is not JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw firstIssue(parsed.error);
  return parsed.data;
}

export function mrzBuild(input: string): CliResult {
  const fields = parseJsonInput(input, MrzBuildInput);
  try {
    const built = buildMrz(fields as MrzInput);
    return { text: built.lines.join('\n'), json: built };
  } catch (error) {
    if (error instanceof MrzBuildError) throw new CliError(error.message);
    throw error;
  }
}

function dateArg(text: string, name: string): PlainDate {
  const d = parsePlainDate(text);
  if (!d) throw new CliError(`${name} must be a real date as YYYY-MM-DD, not "${text}"`);
  return d;
}

export function workingDaysAdd(date: string, n: string): CliResult {
  const start = dateArg(date, 'date');
  if (!/^-?\d+$/.test(n)) throw new CliError(`the number of working days must be a whole number, not "${n}"`);
  const result = addWorkingDays(start, Number(n));
  return { text: result, json: { start, workingDays: Number(n), result } };
}

export function workingDaysCount(from: string, to: string): CliResult {
  const a = dateArg(from, 'from');
  const b = dateArg(to, 'to');
  const count = workingDaysBetween(a, b);
  return { text: String(count), json: { from: a, to: b, workingDays: count } };
}

const StayDaysInput = z.strictObject({
  controlDate: PlainDateSchema,
  stays: z.array(z.strictObject({ entry: PlainDateSchema, exit: PlainDateSchema.nullable() })),
  visa: z
    .strictObject({
      validFrom: PlainDateSchema,
      validUntil: PlainDateSchema,
      durationOfStay: z.number().int().min(1).max(MAX_DAYS_IN_WINDOW),
      entries: z.enum(VISA_ENTRIES),
    })
    .optional(),
  plannedEntry: PlainDateSchema.optional(),
});

const LIMIT_WORDS = {
  'rule-90-180': 'the 90/180-day rule',
  'visa-validity': "the visa's validity",
  'visa-entries': "the visa's number of entries",
  'visa-duration': "the visa's duration of stay",
} as const satisfies Record<StayLimit, string>;

function describeAllowance(allowance: StayAllowance, what: string): string {
  if (allowance.latestExit === null)
    return `${what}: no day of stay is allowed from ${allowance.from} (${LIMIT_WORDS[allowance.limitedBy]})`;
  return `${what}: possible stay until ${allowance.latestExit}, ${allowance.days} day(s) from ${allowance.from} (then ${LIMIT_WORDS[allowance.limitedBy]})`;
}

/** `stay days`: the 90/180-day rule on a control date, worded like the Commission's calculator. */
export function stayDays(input: string): CliResult {
  const data = parseJsonInput(input, StayDaysInput);
  let r: ReturnType<typeof assessShortStay>;
  try {
    r = assessShortStay(data);
  } catch (error) {
    if (error instanceof ShortStayError) throw new CliError(`${error.message} [${error.code}]`);
    throw error;
  }
  const lines = [
    `Days of stay in the 180-day period ${r.window.first} to ${r.window.last}: ${r.daysUsed} day(s), ${r.daysLeft} left`,
    r.overstay
      ? `Possible overstay in the period from ${r.window.first} to ${r.window.last} (${r.overstay.days} days), over 90 since ${r.overstay.since}`
      : 'No overstay in the period',
  ];
  if (r.currentStay) lines.push(describeAllowance(r.currentStay, 'Stay in progress'));
  if (r.plannedStay) lines.push(describeAllowance(r.plannedStay, `Planned entry ${r.plannedStay.from}`));
  return { text: lines.join('\n'), json: r };
}
