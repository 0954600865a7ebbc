/**
 * The rules of a residence application that do not depend on the case's history (DOMAIN-PROCEDURES §4): which
 * grounds a kind has, which examination tiers it offers and their state fee (MK 557, the PMLP table §4.6),
 * the deadline of a tier, the documents a ground asks for (§4.4, §4.9), the monthly income asked for, and
 * what a decision may grant. Pure: the day is passed in.
 */
import type { DeadlineRule } from '../cases/index.ts';
import { addDays, addMonthsClamped, compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import {
  GROUNDS_OF_KIND,
  hasEnd,
  type PermitGround,
  type PermitKind,
} from '../../../shared/kernel/migration-grounds.ts';
import type { PermitDocument, PermitTier } from '../../../shared/contracts/permit-subjects.ts';
import type { ApplicationProblem } from './visa.rules.ts';

/** EU, EEA and Swiss citizens (ISO 3166-1 alpha-3) live here under Dir. 2004/38; Latvia's own citizens need nothing. */
export const EU_EEA_CH: ReadonlySet<string> = new Set([
  'AUT',
  'BEL',
  'BGR',
  'HRV',
  'CYP',
  'CZE',
  'DNK',
  'EST',
  'FIN',
  'FRA',
  'DEU',
  'GRC',
  'HUN',
  'IRL',
  'ITA',
  'LTU',
  'LUX',
  'MLT',
  'NLD',
  'POL',
  'PRT',
  'ROU',
  'SVK',
  'SVN',
  'ESP',
  'SWE',
  'ISL',
  'LIE',
  'NOR',
  'CHE',
]);

const FEE_ACT = 'Ministru kabineta 2017. gada 12. septembra noteikumi Nr. 557';
const LTR_FEE_ACT = 'Ministru kabineta noteikumi Nr. 731 (ES pastāvīgā iedzīvotāja statuss)';
const EU_FEE_ACT = 'Ministru kabineta 2011. gada 30. augusta noteikumi Nr. 675 (bez maksas)';

/** Fees in euro cents by tier. The reduced row: a family member of a citizen, non-citizen or PR holder, a pupil or full-time student. */
const GENERAL: Partial<Record<PermitTier, number>> = { standard: 10_000, fast: 20_000, express: 40_000 };
const REDUCED: Partial<Record<PermitTier, number>> = { standard: 7_000, fast: 20_000, express: 40_000 };
const PERMANENT: Partial<Record<PermitTier, number>> = { standard: 10_000 };
const LONG_TERM: Partial<Record<PermitTier, number>> = { standard: 16_000, fast: 28_000 };
const EU_FREE: Partial<Record<PermitTier, number>> = { fast: 0 };

function feeTable(
  kind: PermitKind,
  ground: PermitGround,
): { table: Partial<Record<PermitTier, number>>; legalAct: string } {
  switch (kind) {
    case 'temporary':
      return { table: ground === 'study' || ground === 'family' ? REDUCED : GENERAL, legalAct: FEE_ACT };
    case 'permanent':
      return { table: PERMANENT, legalAct: FEE_ACT };
    case 'eu-long-term-resident':
      return { table: LONG_TERM, legalAct: LTR_FEE_ACT };
    default:
      return { table: EU_FREE, legalAct: EU_FEE_ACT };
  }
}

/** The tiers a kind offers, fastest last. */
export function tiersOf(kind: PermitKind, ground: PermitGround): PermitTier[] {
  return Object.keys(feeTable(kind, ground).table) as PermitTier[];
}

/** The state fee of a tier, or null when the kind does not offer it. */
export function permitFee(
  kind: PermitKind,
  ground: PermitGround,
  tier: PermitTier,
): { amountCents: number; legalAct: string } | null {
  const { table, legalAct } = feeTable(kind, ground);
  const amountCents = table[tier];
  return amountCents === undefined ? null : { amountCents, legalAct };
}

/**
 * The first decision's deadline by the tier paid: 30 days, 10 or 5 working days (PMLP; the tier binds only the
 * first decision, so an extension may follow: APL Art. 64 caps it at four months, the working-day tiers at the
 * service's 20 working days). EU citizens' documents: 10 working days (MK 675 service card).
 */
export function permitDeadline(tier: PermitTier): DeadlineRule {
  if (tier === 'express') return { unit: 'working-days', limit: 5, maxExtendedTo: 20 };
  if (tier === 'fast') return { unit: 'working-days', limit: 10, maxExtendedTo: 20 };
  return { unit: 'calendar-days', limit: 30, maxExtendedTo: 120 };
}

const FOR_GROUND: Readonly<Record<PermitGround, readonly PermitDocument[]>> = {
  employment: ['invitation', 'employment-contract', 'means-of-subsistence'],
  study: ['enrolment-confirmation', 'means-of-subsistence'],
  family: ['family-relationship', 'sponsor-status'],
  'family-of-temporary-resident': ['family-relationship', 'sponsor-status', 'means-of-subsistence'],
  investment: ['investment-proof', 'means-of-subsistence'],
  'five-years-temporary': ['residence-history', 'income-proof', 'latvian-language'],
  'family-of-citizen': ['family-relationship', 'sponsor-status', 'latvian-language'],
  'five-years-residence': ['residence-history', 'income-proof', 'latvian-language'],
  worker: ['activity-proof'],
  'self-employed': ['activity-proof'],
  student: ['enrolment-confirmation', 'means-of-subsistence'],
  'self-sufficient': ['means-of-subsistence'],
  'family-of-eu-citizen': ['family-relationship', 'eu-citizen-registration'],
};

/** Citizens of Russia and Belarus fill in an additional form (§4.4). */
const ADDITIONAL_FORM: ReadonlySet<string> = new Set(['RUS', 'BLR']);

/** The documents an application of this kind and ground encloses (§4.4 for third-country nationals, §4.9 for EU citizens and family). */
export function requiredDocuments(
  kind: PermitKind,
  ground: PermitGround,
  application: 'first' | 'renewal',
  nationality?: string,
): PermitDocument[] {
  const base: PermitDocument[] =
    kind === 'eu-registration-certificate'
      ? ['application-form', 'eu-identity-document']
      : ['application-form', 'travel-document-copy', 'photo'];
  // A first stay asks for the criminal record of the country of citizenship or residence; a renewal does not.
  const record: PermitDocument[] = kind === 'temporary' && application === 'first' ? ['criminal-record'] : [];
  const cover: PermitDocument[] =
    kind === 'temporary' ||
    kind === 'eu-long-term-resident' ||
    ground === 'student' ||
    ground === 'self-sufficient' ||
    kind === 'eu-family-residence-card'
      ? ['health-insurance']
      : [];
  const extra: PermitDocument[] =
    nationality && ADDITIONAL_FORM.has(nationality) && kind !== 'eu-registration-certificate'
      ? ['additional-form']
      : [];
  return [...base, ...extra, ...record, ...FOR_GROUND[ground], ...cover];
}

/**
 * The regular monthly income an application shows, in euros, where the ground asks for means: a first temporary
 * permit the subsistence amount on PMLP's page (620 EUR, §4.4), a permanent permit and EU long-term residence the
 * minimum wage (750 EUR, §4.8). Null where it rests on the sponsor (family) or the source gives no amount.
 */
export function incomeNeededEur(kind: PermitKind, ground: PermitGround): number | null {
  if (kind === 'temporary') return ground === 'family' ? null : 620;
  if (kind === 'permanent' || kind === 'eu-long-term-resident') return ground === 'family-of-citizen' ? null : 750;
  return null;
}

export { hasEnd };

/** The longest term a decision may grant: five years for a temporary permit (investors' too) and a family member's card (Dir. 2004/38 Art. 11). */
export const MAX_TERM_YEARS = 5;

/** The last day of a term of `years` from a first day. */
const termEnd = (from: PlainDate, years: number): PlainDate => addDays(addMonthsClamped(from, years * 12), -1);

/** Whether a card is made for this kind (a registration certificate is not a card). */
export const hasCard = (kind: PermitKind): boolean => kind !== 'eu-registration-certificate';

export interface PermitApplicationFacts {
  permitKind: PermitKind;
  ground: PermitGround;
  application: 'first' | 'renewal';
  tier: PermitTier;
  nationality: string;
  travelDocumentValidUntil: PlainDate;
  requestedUntil: PlainDate | null;
}

/** Whether the kind, ground, application and tier fit together (what the quote and the application both check). */
export function kindProblems(
  a: Pick<PermitApplicationFacts, 'permitKind' | 'ground' | 'application' | 'tier'>,
): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  if (!GROUNDS_OF_KIND[a.permitKind].includes(a.ground))
    problems.push({
      path: 'ground',
      reason: 'ground-not-for-kind',
      message: 'This ground does not fit the kind of permit',
    });
  else if (!permitFee(a.permitKind, a.ground, a.tier))
    problems.push({
      path: 'tier',
      reason: 'tier-not-offered',
      message: 'This examination tier is not offered for this kind of permit',
    });
  if (a.application === 'renewal' && !hasEnd(a.permitKind))
    problems.push({
      path: 'application',
      reason: 'renewal-not-offered',
      message: 'A right without end is not renewed: apply for a new card instead',
    });
  return problems;
}

/** What makes an application inadmissible as lodged, each on its field. */
export function permitApplicationProblems(a: PermitApplicationFacts, today: PlainDate): ApplicationProblem[] {
  const problems = kindProblems(a);
  const eu = EU_EEA_CH.has(a.nationality);
  if (a.permitKind === 'eu-registration-certificate' && !eu)
    problems.push({
      path: 'nationality',
      reason: 'eu-nationality-needed',
      message: 'A registration certificate is for citizens of the EU, the EEA and Switzerland',
    });
  if (a.permitKind !== 'eu-registration-certificate' && eu)
    problems.push({
      path: 'permitKind',
      reason: 'eu-citizen-registers',
      message: 'A citizen of the EU, the EEA or Switzerland registers for a registration certificate instead',
    });
  if (a.nationality === 'LVA')
    problems.push({ path: 'nationality', reason: 'not-for-status', message: 'A citizen of Latvia needs no permit' });
  if (compareDates(a.travelDocumentValidUntil, today) < 0)
    problems.push({
      path: 'travelDocument.validUntil',
      reason: 'document-expired',
      message: 'The travel document has expired',
    });
  if (a.requestedUntil) {
    if (!hasEnd(a.permitKind))
      problems.push({
        path: 'requestedUntil',
        reason: 'term-has-no-end',
        message: 'This right has no end: leave the last day empty',
      });
    else if (compareDates(a.requestedUntil, today) <= 0)
      problems.push({ path: 'requestedUntil', reason: 'not-after-today', message: 'The last day must be after today' });
    else if (compareDates(a.requestedUntil, termEnd(today, MAX_TERM_YEARS)) > 0)
      problems.push({ path: 'requestedUntil', reason: 'term-too-long', message: `At most ${MAX_TERM_YEARS} years` });
  }
  return problems;
}

/** What a grant may say: from today up to half a year on; a term within five years for a right that ends, no last day for one that does not. */
export function grantTermsProblems(
  kind: PermitKind,
  terms: { validFrom: PlainDate; validUntil: PlainDate | null },
  today: PlainDate,
): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  if (compareDates(terms.validFrom, today) < 0)
    problems.push({
      path: 'terms.validFrom',
      reason: 'not-after-today',
      message: 'The right cannot start before the decision',
    });
  else if (compareDates(terms.validFrom, addMonthsClamped(today, 6)) > 0)
    problems.push({
      path: 'terms.validFrom',
      reason: 'term-too-long',
      message: 'The right starts at most six months after the decision',
    });
  if (!hasEnd(kind)) {
    if (terms.validUntil)
      problems.push({
        path: 'terms.validUntil',
        reason: 'term-has-no-end',
        message: 'This right has no end: leave the last day empty',
      });
    return problems;
  }
  if (!terms.validUntil)
    problems.push({ path: 'terms.validUntil', reason: 'term-needs-end', message: 'Say the last day of the permit' });
  else if (compareDates(terms.validUntil, terms.validFrom) < 0)
    problems.push({
      path: 'terms.validUntil',
      reason: 'ends-before-start',
      message: 'The permit ends before it starts',
    });
  else if (compareDates(terms.validUntil, termEnd(terms.validFrom, MAX_TERM_YEARS)) > 0)
    problems.push({
      path: 'terms.validUntil',
      reason: 'term-too-long',
      message: `A permit is granted for at most ${MAX_TERM_YEARS} years`,
    });
  return problems;
}
