/**
 * What the server's rules and the screens both need to know about a kind of right to reside and its ground:
 * who in Latvia the ground rests on (and so whether the application names them), whether a card is made for it,
 * whether the law fixes its term, how long a grant may be, and which kinds rest on years the register knows.
 * Pure data and small functions over the closed lists of `migration-grounds.ts`.
 */
import { addDays, addMonthsClamped, type PlainDate } from './plain-date.ts';
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
