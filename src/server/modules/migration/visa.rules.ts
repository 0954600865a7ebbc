/**
 * The visa rules as data and pure functions (DOMAIN-PROCEDURES §1): the fee by the day of lodging and the
 * applicant's age, what an application must hold before it is lodged (a D visa: a stay within its national
 * ground, lodged in Latvia 3 working days before the current stay ends), how a D visa's ground stands (§1.8),
 * the checks a proposal's rule trace shows, and what a decision may grant. No I/O: the service passes in today and what it read.
 */
import {
  IN_COUNTRY_NOTICE_WORKING_DAYS,
  NATIONAL_GROUND_RULES,
  NATIONAL_VISA_MAX_DAYS,
  visaGroundsFor,
  type NationalGroundRule,
  type NationalVisaDocument,
  type NationalVisaGround,
} from '../../../shared/kernel/migration-grounds.ts';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  toEpochDay,
  type PlainDate,
} from '../../../shared/kernel/plain-date.ts';
import { workingDaysBetween } from '../../../shared/kernel/working-days.ts';

export type VisaType = 'C' | 'D';

/** The visa fee's rates in one version of the rules (visa-rules/): adults, and children from 6 to under 12 on a C visa. */
export interface VisaFeeRates {
  adultCents: number;
  childCents: number;
}

export interface Fee {
  amountCents: number;
  /** The day the rules that set the fee apply from, and their act. */
  tableFrom: PlainDate;
  legalAct: string;
  exemption: string | null;
}

/** Whole years of age on a day. */
export function ageOn(birthDate: PlainDate, day: PlainDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The fee under one version of the rules for an application lodged on a day: a C visa costs nothing under 6
 * and the child rate from 6 to under 12; a granted exemption makes it nothing.
 */
export function visaFeeUnder(
  rules: { validFrom: PlainDate; legalAct: string; fee: VisaFeeRates },
  type: VisaType,
  birthDate: PlainDate,
  lodgedOn: PlainDate,
  exemption: string | null,
): Fee {
  const age = ageOn(birthDate, lodgedOn);
  const base = type === 'C' && age < 6 ? 0 : type === 'C' && age < 12 ? rules.fee.childCents : rules.fee.adultCents;
  // The Visa Code's exemptions are the Schengen visa's; the long-stay visa's state fee has none of them.
  const exempt = type === 'C' ? exemption : null;
  return { amountCents: exempt ? 0 : base, tableFrom: rules.validFrom, legalAct: rules.legalAct, exemption: exempt };
}

/** The longest short stay (SBC Art. 6: 90 days in any 180). */
export const SHORT_STAY_DAYS = 90;
/** Travel medical insurance covers at least EUR 30 000 (Visa Code Art. 15(2)). */
export const MIN_INSURANCE_EUR = 30_000;
/** An application is lodged no earlier than six months before the trip (Art. 9(1) since 2020; the rules' version says). */
export const LODGING_WINDOW_MONTHS = 6;
/** The travel document is valid at least three months after the intended departure (Art. 12(a)). */
export const DOCUMENT_MARGIN_MONTHS = 3;
/** A D visa is valid for at most a year (PMLP, extension of stay); a ground may allow less (`NATIONAL_GROUND_RULES`). */
export const D_VISA_MAX_DAYS = NATIONAL_VISA_MAX_DAYS;
/** UNSOURCED: the means of subsistence asked per day of stay; configuration in a law-change (issue 25). */
export const MEANS_PER_DAY_EUR = 30;

export interface ApplicationFacts {
  visaType: VisaType;
  intendedEntry: PlainDate;
  intendedExit: PlainDate;
  travelDocumentValidUntil: PlainDate;
  insurance: { coverageEur: number; validFrom: PlainDate; validUntil: PlainDate } | null;
  means: { amountEur: number };
  /** A D visa's national ground (null or absent on a C visa). */
  nationalGround?: NationalVisaGround | null;
  /** A D visa applied for in Latvia: the last day of the stay the applicant holds now. */
  currentStayUntil?: PlainDate | null;
}

/** A refused field of the application: its path, the reason code, the English message and what its message says. */
export interface ApplicationProblem {
  path: string;
  reason: string;
  message: string;
  values?: Record<string, string | number>;
}

/** Days of the stay, entry and exit day both counted. */
export const stayDays = (f: Pick<ApplicationFacts, 'intendedEntry' | 'intendedExit'>): number =>
  toEpochDay(f.intendedExit) - toEpochDay(f.intendedEntry) + 1;

/** What makes an application inadmissible as lodged (Art. 19): each problem with its field. */
export function applicationProblems(
  f: ApplicationFacts,
  today: PlainDate,
  window: { lodgingWindowMonths: number } = { lodgingWindowMonths: LODGING_WINDOW_MONTHS },
): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  if (compareDates(f.intendedExit, f.intendedEntry) < 0)
    problems.push({
      path: 'intendedExit',
      reason: 'exit-before-entry',
      message: 'The exit day is before the entry day',
    });
  if (f.visaType === 'C' && stayDays(f) > SHORT_STAY_DAYS)
    problems.push({
      path: 'intendedExit',
      reason: 'stay-too-long',
      message: `A short-stay visa covers at most ${SHORT_STAY_DAYS} days`,
    });
  if (f.visaType === 'D' && f.nationalGround) problems.push(...nationalLodgingProblems(f, f.nationalGround, today));
  if (compareDates(f.intendedEntry, addMonthsClamped(today, window.lodgingWindowMonths)) > 0) {
    problems.push({
      path: 'intendedEntry',
      reason: 'lodged-too-early',
      message: `An application is lodged at most ${window.lodgingWindowMonths} months before the trip`,
    });
  }
  if (compareDates(f.travelDocumentValidUntil, addMonthsClamped(f.intendedExit, DOCUMENT_MARGIN_MONTHS)) < 0) {
    problems.push({
      path: 'travelDocument.validUntil',
      reason: 'document-expires-too-soon',
      message: `The travel document must be valid ${DOCUMENT_MARGIN_MONTHS} months after the exit day`,
    });
  }
  if (f.visaType === 'C' && !f.insurance)
    problems.push({
      path: 'insurance',
      reason: 'insurance-missing',
      message: 'A short-stay visa needs travel medical insurance',
    });
  if (f.insurance) {
    if (f.insurance.coverageEur < MIN_INSURANCE_EUR)
      problems.push({
        path: 'insurance.coverageEur',
        reason: 'insurance-too-low',
        message: `The insurance must cover at least EUR ${MIN_INSURANCE_EUR}`,
      });
    if (
      compareDates(f.insurance.validFrom, f.intendedEntry) > 0 ||
      compareDates(f.insurance.validUntil, f.intendedExit) < 0
    ) {
      problems.push({
        path: 'insurance.validUntil',
        reason: 'insurance-not-covering',
        message: 'The insurance must cover the whole stay',
      });
    }
  }
  return problems;
}

/** What a national ground allows and asks for. */
export const nationalGroundRule = (ground: NationalVisaGround): NationalGroundRule => NATIONAL_GROUND_RULES[ground];

/**
 * The last day an application in Latvia may be lodged: at least `IN_COUNTRY_NOTICE_WORKING_DAYS` working days
 * must follow it up to the last day of the current stay (that day counted when it is a working day).
 */
export function lastInCountryLodgingDay(currentStayUntil: PlainDate): PlainDate {
  let day = currentStayUntil;
  while (workingDaysBetween(day, currentStayUntil) < IN_COUNTRY_NOTICE_WORKING_DAYS) day = addDays(day, -1);
  return day;
}

/** What refuses a D application as lodged: a stay longer than its ground allows, an application in Latvia lodged too late. */
function nationalLodgingProblems(
  f: ApplicationFacts,
  ground: NationalVisaGround,
  today: PlainDate,
): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  const { maxDays } = nationalGroundRule(ground);
  if (stayDays(f) > maxDays)
    problems.push({
      path: 'intendedExit',
      reason: 'stay-beyond-ground',
      message: `A long-stay visa on this ground covers at most ${maxDays} days`,
      values: { max: maxDays },
    });
  if (f.currentStayUntil && compareDates(today, lastInCountryLodgingDay(f.currentStayUntil)) > 0)
    problems.push({
      path: 'currentStayUntil',
      reason: 'in-country-too-late',
      message: `An application in Latvia is lodged at least ${IN_COUNTRY_NOTICE_WORKING_DAYS} working days before the current stay ends`,
      values: { days: IN_COUNTRY_NOTICE_WORKING_DAYS },
    });
  return problems;
}

/** How a D application's national ground stands on what it shows: the documents missing, and whether the stay fits the ground's bounds. */
export interface NationalGroundStanding {
  rule: NationalGroundRule;
  days: number;
  missing: NationalVisaDocument[];
  fits: boolean;
  holds: boolean;
}

export function nationalGroundStanding(
  ground: NationalVisaGround,
  enclosed: readonly NationalVisaDocument[],
  stay: Pick<ApplicationFacts, 'intendedEntry' | 'intendedExit'>,
): NationalGroundStanding {
  const rule = nationalGroundRule(ground);
  const days = stayDays(stay);
  const missing = rule.documents.filter((d) => !enclosed.includes(d));
  const fits = days >= rule.minDays && days <= rule.maxDays;
  return { rule, days, missing, fits, holds: fits && missing.length === 0 };
}

/** The means a stay needs (UNSOURCED per-day amount). */
export const meansNeededEur = (f: Pick<ApplicationFacts, 'intendedEntry' | 'intendedExit'>): number =>
  stayDays(f) * MEANS_PER_DAY_EUR;

export interface IssueTerms {
  territory: 'uniform' | 'limited' | 'national';
  entries: 'single' | 'double' | 'multiple';
  validFrom: PlainDate;
  validUntil: PlainDate;
  durationDays: number;
}

/** What a decision to issue may grant: problems with each term, or none. */
export function issueTermsProblems(
  type: VisaType,
  t: IssueTerms,
  travelDocumentValidUntil: PlainDate,
  today: PlainDate,
  ground: NationalVisaGround | null = null,
): ApplicationProblem[] {
  // A D visa's validity is its ground's (at most a year); a D case lodged before grounds were named has the year.
  const dMaxDays = ground ? nationalGroundRule(ground).maxDays : D_VISA_MAX_DAYS;
  const problems: ApplicationProblem[] = [];
  const span = toEpochDay(t.validUntil) - toEpochDay(t.validFrom) + 1;
  if (compareDates(t.validUntil, t.validFrom) < 0)
    problems.push({ path: 'terms.validUntil', reason: 'ends-before-start', message: 'The visa ends before it starts' });
  if (compareDates(t.validFrom, today) < 0)
    problems.push({ path: 'terms.validFrom', reason: 'not-after-today', message: 'A visa cannot start in the past' });
  if (compareDates(t.validUntil, travelDocumentValidUntil) > 0)
    problems.push({
      path: 'terms.validUntil',
      reason: 'beyond-travel-document',
      message: 'A visa cannot outlast the travel document',
    });
  if (type === 'C' && t.territory === 'national')
    problems.push({
      path: 'terms.territory',
      reason: 'wrong-territory',
      message: 'A short-stay visa is uniform or of limited territorial validity',
    });
  if (type === 'D' && t.territory !== 'national')
    problems.push({ path: 'terms.territory', reason: 'wrong-territory', message: 'A long-stay visa is national' });
  const maxDays = type === 'C' ? SHORT_STAY_DAYS : dMaxDays;
  if (t.durationDays > Math.min(maxDays, Math.max(span, 0))) {
    problems.push({
      path: 'terms.durationDays',
      reason: 'duration-too-long',
      message: `The stay may be at most ${Math.min(maxDays, Math.max(span, 0))} days`,
    });
  }
  if (type === 'D' && span > dMaxDays)
    problems.push({
      path: 'terms.validUntil',
      reason: 'duration-too-long',
      message: `A long-stay visa on this ground is valid at most ${dMaxDays} days`,
    });
  return problems;
}

/** Grounds that fit a refusal of this visa type (the D visa's own national ground; a holder's request only ends a visa). */
export function refusalGroundsProblems(type: VisaType, grounds: readonly string[]): ApplicationProblem[] {
  if (grounds.includes('holder-requested'))
    return [
      {
        path: 'terms.grounds',
        reason: 'ground-not-for-refusal',
        message: 'A holder’s request ends a visa; it is not a ground to refuse one',
      },
    ];
  const fitting: readonly string[] = visaGroundsFor(type);
  if (grounds.some((g) => !fitting.includes(g)))
    return [
      {
        path: 'terms.grounds',
        reason: 'ground-not-for-refusal',
        message: type === 'C' ? 'That ground is for long-stay visas' : 'That ground is for Schengen visas',
      },
    ];
  return [];
}

/** An applicant born after today: the day is mistyped (a travel document is never issued for the unborn). */
export function bornInFuture(birthDate: string, today: PlainDate): ApplicationProblem[] {
  return birthDate > today
    ? [{ path: 'birthDate', reason: 'future-date', message: 'The date of birth cannot be in the future' }]
    : [];
}
