/**
 * What the server's rules and the screens both need to know about a kind of right to reside and its ground:
 * who in Latvia the ground rests on (and so whether the application names them), whether a card is made for it,
 * whether the law fixes its term, how long a grant may be, and which kinds rest on years the register knows.
 * Pure data and small functions over the closed lists of `migration-grounds.ts`.
 */
import { addDays, addMonthsClamped, compareDates, type PlainDate } from './plain-date.ts';
import { addWorkingDays } from './working-days.ts';
import type { PermitGround, PermitKind } from './migration-grounds.ts';

/** Who in Latvia a ground rests on, as the application names them. */
export const SPONSOR_ROLES = ['employer', 'school', 'family-member', 'eu-citizen'] as const;
export type SponsorRole = (typeof SPONSOR_ROLES)[number];

/**
 * The sponsor (izsaukums) or the person a ground rests on, or null where nobody vouches for the applicant: an
 * employment ground and the Blue Card rest on the employer's approved sponsorship (§4.3, §4.7), study on the
 * school, family grounds on the family member; an investor, a repatriant and every five-years ground (permanent
 * permit cl. 7, EU long-term status, the EU permanent documents) rest on the applicant's own facts. The EU
 * citizen's grounds follow MK 675 (§4.9): a worker names the employer, a student the school, the family member
 * the EU citizen; the self-employed and the self-sufficient name nobody.
 */
export const SPONSOR_OF: Readonly<Record<PermitGround, SponsorRole | null>> = {
  employment: 'employer',
  'blue-card': 'employer',
  study: 'school',
  family: 'family-member',
  'family-of-temporary-resident': 'family-member',
  investment: null,
  repatriant: null,
  'five-years-temporary': null,
  'family-of-citizen': 'family-member',
  'five-years-residence': null,
  worker: 'employer',
  'self-employed': null,
  student: 'school',
  'self-sufficient': null,
  'family-of-eu-citizen': 'eu-citizen',
  'five-years-eu-residence': null,
  'five-years-family-of-eu-citizen': null,
};

/** Whether the application must name the person or institution the ground rests on. */
export const needsSponsor = (ground: PermitGround): boolean => SPONSOR_OF[ground] !== null;

/**
 * The field reason a missing sponsor is refused with, by whom the ground rests on: the message names whom to name
 * (the employer of a Blue Card or an employment ground, the school, the family member, the EU citizen), not a list.
 */
export const SPONSOR_MISSING_REASON = {
  employer: 'employer-needed',
  school: 'school-needed',
  'family-member': 'family-member-needed',
  'eu-citizen': 'eu-citizen-needed',
} as const satisfies Record<SponsorRole, string>;
export type SponsorMissingReason = (typeof SPONSOR_MISSING_REASON)[SponsorRole];

/** The reason a ground's missing sponsor is refused with, or null where the ground rests on nobody. */
export function sponsorMissingReason(ground: PermitGround): SponsorMissingReason | null {
  const role = SPONSOR_OF[ground];
  return role ? SPONSOR_MISSING_REASON[role] : null;
}

/** Whether a card is made for this kind: an EU citizen's certificates (registration, permanent residence) are papers, not cards. */
export const hasCard = (kind: PermitKind): boolean =>
  kind !== 'eu-registration-certificate' && kind !== 'eu-permanent-residence-certificate';

/** The longest term a decision may grant: five years for a temporary permit (investors' too) and a family member's card (Dir. 2004/38 Art. 11). */
export const MAX_TERM_YEARS = 5;

/**
 * A ground whose law sets its term, not the applicant: a repatriant and their family get a five-year temporary
 * permit (Repatriation Law as amended 1.7.2023, §8). The application asks for no last day; the grant runs five
 * years from its first day.
 */
export const FIXED_TERM_YEARS: Readonly<Partial<Record<PermitGround, number>>> = { repatriant: 5 };

/**
 * The longest term of a ground, where it differs from the kind's: the EU Blue Card's right is granted for up to
 * five years (PMLP, §4.7). One secondary source says two years from 1.7.2023 (UNSOURCED in the law we hold):
 * change it here if that is confirmed.
 */
export const GROUND_MAX_TERM_YEARS: Readonly<Partial<Record<PermitGround, number>>> = { 'blue-card': 5 };

export const maxTermYears = (ground: PermitGround): number =>
  FIXED_TERM_YEARS[ground] ?? GROUND_MAX_TERM_YEARS[ground] ?? MAX_TERM_YEARS;

/** The last day of a term of `years` from its first day. */
export const termEnd = (from: PlainDate, years: number): PlainDate => addDays(addMonthsClamped(from, years * 12), -1);

/** Kinds that rest on years of residence the register knows: the applicant is found there first. */
export const REGISTERED_ONLY: readonly PermitKind[] = [
  'permanent',
  'eu-long-term-resident',
  'eu-permanent-residence-certificate',
  'eu-family-permanent-residence-card',
];

/**
 * Whether an application at the desk must name the person in the register: a renewal renews a right the register
 * holds, and the kinds of `REGISTERED_ONLY` rest on years it knows (the server refuses without the person:
 * `registered-person-needed`). A first temporary permit need not: a grant registers the applicant.
 */
export const needsRegisteredPerson = (kind: PermitKind, application: 'first' | 'renewal'): boolean =>
  application === 'renewal' || REGISTERED_ONLY.includes(kind);

/** The EU citizen's documents and their family's (MK 675), examined as the `eu-residence` case type. */
export const EU_DOCUMENT_KINDS: readonly PermitKind[] = [
  'eu-registration-certificate',
  'eu-family-residence-card',
  'eu-permanent-residence-certificate',
  'eu-family-permanent-residence-card',
];
/** Kinds held only by a citizen of the EU, the EEA or Switzerland (the others are for their non-EU family or third-country nationals). */
export const EU_CITIZEN_KINDS: readonly PermitKind[] = [
  'eu-registration-certificate',
  'eu-permanent-residence-certificate',
];

/**
 * An EU Blue Card's gross monthly salary thresholds by the year they apply in: at least the previous year's average
 * gross monthly wage × 1.5, or × 1.2 in an occupation the Cabinet lists as short of workers (DOMAIN-PROCEDURES
 * §4.7). The amounts are published each April after the statistics office's figures; the sources give those of
 * 2023 only (2 060 / 1 648 EUR). Add a year only with its source: a year with no row has no threshold recorded,
 * and the check says so rather than reuse another year's amounts.
 */
export const BLUE_CARD_SALARY: ReadonlyArray<BlueCardThreshold> = [{ year: 2023, eur: 2_060, shortageEur: 1_648 }];

export interface BlueCardThreshold {
  year: number;
  eur: number;
  shortageEur: number;
}

/** The Blue Card thresholds recorded for the year of a day (the day the application was lodged), or null when none is. */
export function blueCardThresholdOf(day: PlainDate): BlueCardThreshold | null {
  const year = Number(day.slice(0, 4));
  return BLUE_CARD_SALARY.find((r) => r.year === year) ?? null;
}

/**
 * A Blue Card salary against the threshold of the year the application is lodged in: met, below it (with the
 * amount needed and the factor of the average wage), or not checkable because no threshold is recorded for that
 * year (never a pass, never another year's amount).
 */
export type BlueCardSalaryOutcome =
  | { outcome: 'met' | 'below'; year: number; needed: number; factor: 1.5 | 1.2 }
  | { outcome: 'no-threshold'; year: number };

export function blueCardSalaryOutcome(
  salaryEur: number,
  shortageOccupation: boolean,
  lodgedOn: PlainDate,
): BlueCardSalaryOutcome {
  const threshold = blueCardThresholdOf(lodgedOn);
  const year = Number(lodgedOn.slice(0, 4));
  if (!threshold) return { outcome: 'no-threshold', year };
  const needed = shortageOccupation ? threshold.shortageEur : threshold.eur;
  return { outcome: salaryEur >= needed ? 'met' : 'below', year, needed, factor: shortageOccupation ? 1.2 : 1.5 };
}

/**
 * How many working days a residence permit card takes to make by the document application's tier: 10, or 2 when
 * urgent, not counting the day of submission (DOMAIN.md §3.3, the same rule as the documents module's ready day).
 */
export const CARD_PRODUCTION_WORKING_DAYS = { standard: 10, urgent: 2 } as const;

/**
 * The register's kinds of right a residence permit card is made for (a temporary or permanent permit, EU long-term
 * status, a family member's residence cards; an EU citizen's certificates are papers): the register's card rights.
 */
export const CARD_RIGHT_KINDS: readonly string[] = [
  'temporary-permit',
  'permanent-permit',
  'eu-long-term-resident',
  'eu-family-residence-card',
  'eu-family-permanent-residence-card',
];

/**
 * The last day of the right a card would be made for, as the register reads it: of the card rights held, one
 * without end (null) if any, else the one that ends last; undefined when none is held.
 */
export function cardRightEnd(
  rights: ReadonlyArray<{ kind: string; validUntil: string | null }>,
): PlainDate | null | undefined {
  const held = rights.filter((r) => CARD_RIGHT_KINDS.includes(r.kind));
  if (!held.length) return undefined;
  if (held.some((r) => r.validUntil === null)) return null;
  return held.map((r) => r.validUntil as PlainDate).reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
}

/** The day a residence permit card applied for on `appliedOn` in `tier` is expected ready. */
export const cardReadyOn = (appliedOn: PlainDate, tier: keyof typeof CARD_PRODUCTION_WORKING_DAYS): PlainDate =>
  addWorkingDays(appliedOn, CARD_PRODUCTION_WORKING_DAYS[tier]);

/**
 * Whether a card applied for today would be ready only after the permit it is for has ended (its last day before
 * the ready day): the desk warns, it does not refuse (the officer may still take it, for instance with a renewal
 * under way). Null when the card is ready in time or the right has no end.
 */
export function cardLateForPermit(
  permitEndsOn: PlainDate | null,
  appliedOn: PlainDate,
  tier: keyof typeof CARD_PRODUCTION_WORKING_DAYS,
): { endsOn: PlainDate; readyOn: PlainDate } | null {
  if (!permitEndsOn) return null;
  const readyOn = cardReadyOn(appliedOn, tier);
  return compareDates(permitEndsOn, readyOn) < 0 ? { endsOn: permitEndsOn, readyOn } : null;
}
