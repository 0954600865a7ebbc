/**
 * The rules of a residence application that do not depend on the case's history (DOMAIN-PROCEDURES §4): which
 * grounds a kind has, which examination tiers it offers and their state fee (MK 557, the PMLP table §4.6; the
 * Blue Card's own row; a repatriant's exemption), the deadline of a tier (and the four months of a Russian
 * citizen's permanent or EU long-term file), the documents a ground asks for (§4.4, §4.9), the monthly income
 * and a Blue Card's salary asked for, who must be named as sponsor, the suspension of first temporary permits for
 * citizens of Russia and Belarus, five years' continuous residence read from the register's history, and what a
 * decision may grant. Pure: the day and the register's rights are passed in.
 */
import type { DeadlineRule } from '../cases/index.ts';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  toEpochDay,
  type PlainDate,
} from '../../../shared/kernel/plain-date.ts';
import {
  GROUNDS_OF_KIND,
  hasEnd,
  type PermitGround,
  type PermitKind,
} from '../../../shared/kernel/migration-grounds.ts';
import {
  blueCardThresholdOf,
  EU_CITIZEN_KINDS,
  FIXED_TERM_YEARS,
  hasCard,
  maxTermYears,
  sponsorMissingReason,
  SPONSOR_OF,
  termEnd,
  type SponsorRole,
} from '../../../shared/kernel/permit-grounds.ts';
import type { PermitDocument, PermitTier } from '../../../shared/contracts/permit-subjects.ts';
import type { ApplicationProblem } from './visa.rules.ts';
import type { PermitFeeRow, PermitRuleVersion } from './permit-rules/version.ts';

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

/** The fee row of a kind and ground under a version of the rules. */
function feeRow(rules: PermitRuleVersion, kind: PermitKind, ground: PermitGround): PermitFeeRow {
  switch (kind) {
    case 'temporary':
      if (ground === 'blue-card') return rules.fees.blueCard;
      if (ground === 'repatriant') return rules.fees.repatriant;
      return ground === 'study' || ground === 'family' ? rules.fees.reduced : rules.fees.general;
    case 'permanent':
      return rules.fees.permanent;
    case 'eu-long-term-resident':
      return rules.fees.longTerm;
    default:
      return rules.fees.euCitizen;
  }
}

/** The tiers a kind offers under a version of the rules, fastest last. */
export function tiersOf(rules: PermitRuleVersion, kind: PermitKind, ground: PermitGround): PermitTier[] {
  return Object.keys(feeRow(rules, kind, ground).cents) as PermitTier[];
}

/** The state fee of a tier under a version of the rules, or null when the kind does not offer it. */
export function permitFee(
  rules: PermitRuleVersion,
  kind: PermitKind,
  ground: PermitGround,
  tier: PermitTier,
): { amountCents: number; legalAct: string } | null {
  const { cents, legalAct } = feeRow(rules, kind, ground);
  const amountCents = cents[tier];
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

/**
 * Russian citizens' permanent residence and EU long-term resident files are examined in four months (the
 * transitional rule after the 2022–2024 amendments, §4.5 and the deadline table); no extension is given for them
 * in the sources. Configuration: the nationalities and kinds it covers.
 */
export const FOUR_MONTH_FILES = {
  nationalities: ['RUS'] as readonly string[],
  kinds: ['permanent', 'eu-long-term-resident'] as readonly PermitKind[],
  months: 4,
};

/** The first decision's deadline of an application: its tier's, or the four months of a Russian citizen's permanent or long-term file. */
export function permitDeadlineOf(a: { permitKind: PermitKind; nationality: string; tier: PermitTier }): DeadlineRule {
  if (FOUR_MONTH_FILES.nationalities.includes(a.nationality) && FOUR_MONTH_FILES.kinds.includes(a.permitKind))
    return { unit: 'months', limit: FOUR_MONTH_FILES.months };
  return permitDeadline(a.tier);
}

/** The documents an application of this kind and ground encloses (§4.4 for third-country nationals, §4.9 for EU citizens and family). */
export function requiredDocuments(
  rules: PermitRuleVersion,
  kind: PermitKind,
  ground: PermitGround,
  application: 'first' | 'renewal',
  nationality?: string,
): PermitDocument[] {
  const base: PermitDocument[] = EU_CITIZEN_KINDS.includes(kind)
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
    nationality && rules.additionalFormFor.includes(nationality) && !EU_CITIZEN_KINDS.includes(kind)
      ? ['additional-form']
      : [];
  return [...base, ...extra, ...record, ...rules.documentsForGround[ground], ...cover];
}

/**
 * The regular monthly income an application shows, in euros, where the ground asks for means: a first temporary
 * permit the subsistence amount on PMLP's page (620 EUR, §4.4), a Blue Card the general salary threshold of the
 * year (`BLUE_CARD_SALARY`; null for a year with none recorded), a
 * permanent permit and EU long-term residence the minimum wage (750 EUR, §4.8). Null where it rests on the sponsor
 * (family), for a repatriant (the sources ask no means of them: UNSOURCED) and where the source gives no amount.
 */
export function incomeNeededEur(kind: PermitKind, ground: PermitGround, today?: PlainDate): number | null {
  // A Blue Card's threshold is the lodging year's; none is asked where no threshold is recorded for it.
  if (ground === 'blue-card') return today ? (blueCardThresholdOf(today)?.eur ?? null) : null;
  if (kind === 'temporary') return ground === 'family' || ground === 'repatriant' ? null : 620;
  if (kind === 'permanent' || kind === 'eu-long-term-resident') return ground === 'family-of-citizen' ? null : 750;
  return null;
}

export { hasCard, hasEnd };
export { MAX_TERM_YEARS } from '../../../shared/kernel/permit-grounds.ts';

/**
 * First temporary residence permits for citizens of Russia and Belarus are suspended (2022, extended; §4.3): the
 * exceptions the sources name are the family of citizens, non-citizens and permanent residents (spouses; parents
 * of pension age) and students. The list of exceptions is longer ("…", UNSOURCED beyond these) and the article of
 * the Immigration Law's transitional provisions is not in the sources: configuration, named in the refusal.
 */
export const FIRST_PERMIT_SUSPENSION = {
  nationalities: ['RUS', 'BLR'] as readonly string[],
  exemptGrounds: ['family', 'study'] as readonly PermitGround[],
  basis:
    'Imigrācijas likums, pārejas noteikumi: pirmreizēju termiņuzturēšanās atļauju izsniegšana Krievijas un Baltkrievijas pilsoņiem apturēta',
};

/** Whether a first temporary permit on this ground is suspended for this nationality. */
export const firstPermitSuspended = (a: {
  permitKind: PermitKind;
  ground: PermitGround;
  application: 'first' | 'renewal';
  nationality: string;
}): boolean =>
  a.permitKind === 'temporary' &&
  a.application === 'first' &&
  FIRST_PERMIT_SUSPENSION.nationalities.includes(a.nationality) &&
  !FIRST_PERMIT_SUSPENSION.exemptGrounds.includes(a.ground);

export interface PermitApplicationFacts {
  permitKind: PermitKind;
  ground: PermitGround;
  application: 'first' | 'renewal';
  tier: PermitTier;
  nationality: string;
  travelDocumentValidUntil: PlainDate;
  requestedUntil: PlainDate | null;
  /** Who the ground rests on, as named (absent or empty: nobody named). */
  sponsor?: string | null | undefined;
}

/** Whether the kind, ground, application and tier fit together (what the quote and the application both check). */
export function kindProblems(
  rules: PermitRuleVersion,
  a: Pick<PermitApplicationFacts, 'permitKind' | 'ground' | 'application' | 'tier'>,
): ApplicationProblem[] {
  const problems: ApplicationProblem[] = [];
  if (!GROUNDS_OF_KIND[a.permitKind].includes(a.ground))
    problems.push({
      path: 'ground',
      reason: 'ground-not-for-kind',
      message: 'This ground does not fit the kind of permit',
    });
  else if (!permitFee(rules, a.permitKind, a.ground, a.tier))
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

/** Whom a missing sponsor's English message asks to name (the browser says it from `fieldReason.<reason>`). */
const SPONSOR_WORDS: Readonly<Record<SponsorRole, string>> = {
  employer: 'employer, as in the approved sponsorship and the employment contract',
  school: 'school or university that confirmed the enrolment',
  'family-member': 'family member, as in the documents of the relationship',
  'eu-citizen': 'EU citizen whose family member is applying',
};

/** What makes an application inadmissible as lodged, each on its field. */
export function permitApplicationProblems(
  rules: PermitRuleVersion,
  a: PermitApplicationFacts,
  today: PlainDate,
): ApplicationProblem[] {
  const problems = kindProblems(rules, a);
  const eu = EU_EEA_CH.has(a.nationality);
  const euKind = EU_CITIZEN_KINDS.includes(a.permitKind);
  if (euKind && !eu)
    problems.push({
      path: 'nationality',
      reason: 'eu-nationality-needed',
      message: 'This certificate is for citizens of the EU, the EEA and Switzerland',
    });
  if (!euKind && eu)
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
  if (firstPermitSuspended(a))
    problems.push({
      path: 'ground',
      reason: 'first-permit-suspended',
      message: `First temporary residence permits for citizens of Russia and Belarus are suspended (${FIRST_PERMIT_SUSPENSION.basis}); this ground is not among the exceptions`,
    });
  const sponsorReason = sponsorMissingReason(a.ground);
  if (GROUNDS_OF_KIND[a.permitKind].includes(a.ground) && sponsorReason && !a.sponsor?.trim())
    problems.push({
      path: 'sponsor',
      reason: sponsorReason,
      message: `This ground rests on someone in Latvia: name the ${SPONSOR_WORDS[SPONSOR_OF[a.ground] ?? 'employer']}`,
    });
  return [...problems, ...requestedTermProblems(a, today)];
}

/** The last day asked for: none for a right without end or a term the law fixes; otherwise after today and within the ground's longest term. */
function requestedTermProblems(a: PermitApplicationFacts, today: PlainDate): ApplicationProblem[] {
  if (!a.requestedUntil) return [];
  if (!hasEnd(a.permitKind))
    return [
      { path: 'requestedUntil', reason: 'term-has-no-end', message: 'This right has no end: leave the last day empty' },
    ];
  const fixed = FIXED_TERM_YEARS[a.ground];
  if (fixed)
    return [
      { path: 'requestedUntil', reason: 'term-fixed', message: `The law sets this permit's term: ${fixed} years` },
    ];
  if (compareDates(a.requestedUntil, today) <= 0)
    return [{ path: 'requestedUntil', reason: 'not-after-today', message: 'The last day must be after today' }];
  const years = maxTermYears(a.ground);
  if (compareDates(a.requestedUntil, termEnd(today, years)) > 0)
    return [{ path: 'requestedUntil', reason: 'term-too-long', message: `At most ${years} years` }];
  return [];
}

/**
 * What a grant may say: from today up to half a year on; a term within the ground's longest (five years) for a
 * right that ends, exactly the law's term where it fixes one (a repatriant's five years), no last day for a
 * right without end.
 */
export function grantTermsProblems(
  kind: PermitKind,
  ground: PermitGround,
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
  const fixed = FIXED_TERM_YEARS[ground];
  const years = maxTermYears(ground);
  if (!terms.validUntil)
    problems.push({ path: 'terms.validUntil', reason: 'term-needs-end', message: 'Say the last day of the permit' });
  else if (fixed && terms.validUntil !== termEnd(terms.validFrom, fixed))
    problems.push({
      path: 'terms.validUntil',
      reason: 'term-fixed',
      message: `The law sets this permit's term: ${fixed} years, to ${termEnd(terms.validFrom, fixed)}`,
    });
  else if (compareDates(terms.validUntil, terms.validFrom) < 0)
    problems.push({
      path: 'terms.validUntil',
      reason: 'ends-before-start',
      message: 'The permit ends before it starts',
    });
  else if (compareDates(terms.validUntil, termEnd(terms.validFrom, years)) > 0)
    problems.push({
      path: 'terms.validUntil',
      reason: 'term-too-long',
      message: `A permit is granted for at most ${years} years`,
    });
  return problems;
}

/** A right to reside as the register holds it: its kind and period (the last day inclusive; null: no end). */
export interface RightPeriod {
  kind: string;
  validFrom: PlainDate;
  validUntil: PlainDate | null;
}

/**
 * What "five years" means for a ground: the register's rights that count, and how long a gap between them may be.
 * A permanent permit (Immigration Law s.24(1) cl. 7): five years' continuous temporary permit immediately before
 * applying, no gap. EU long-term status (law of 22.06.2006 s.1): five years' continuous lawful residence, absences
 * up to six consecutive months and ten months in all; the register knows rights, not journeys, so a gap between
 * rights within those limits passes (it may be an absence abroad: the officer checks it against the proof of
 * residence), a longer one fails. Visas are not counted (UNSOURCED whether a long-stay visa's months count). The EU
 * citizen's permanent certificate: five years with a registration certificate; the family member's permanent card:
 * five years with a family member's card (§4.9; Dir. 2004/38 Art. 16(3)'s tolerance of absences is not in the
 * sources, so no gap is tolerated).
 */
export const FIVE_YEARS_RULES: Readonly<
  Partial<Record<PermitGround, { counts: readonly string[]; maxGapMonths: number; maxTotalGapDays: number }>>
> = {
  'five-years-temporary': { counts: ['temporary-permit'], maxGapMonths: 0, maxTotalGapDays: 0 },
  'five-years-residence': {
    counts: ['temporary-permit', 'permanent-permit', 'eu-family-residence-card', 'eu-family-permanent-residence-card'],
    maxGapMonths: 6,
    // Ten months in days, counted as 30.4 days a month (the law counts months; the register's gaps are days).
    maxTotalGapDays: 304,
  },
  'five-years-eu-residence': { counts: ['eu-registration-certificate'], maxGapMonths: 0, maxTotalGapDays: 0 },
  'five-years-family-of-eu-citizen': { counts: ['eu-family-residence-card'], maxGapMonths: 0, maxTotalGapDays: 0 },
};

export const FIVE_YEARS = 5;

export interface ContinuityResult {
  /** The five years looked at: from this day up to and including `until` (the day before the application). */
  from: PlainDate;
  until: PlainDate;
  /** Days in the five years not covered by a right that counts, as periods (first and last day inclusive). */
  gaps: Array<{ from: PlainDate; until: PlainDate; days: number }>;
  passed: boolean;
}

const daysIn = (from: PlainDate, until: PlainDate) => toEpochDay(until) - toEpochDay(from) + 1;

/**
 * Whether the rights that count cover the five years before the day of application, and the gaps found. A gap
 * fails when it is longer than the ground allows (in months from its first day) or the gaps add up to too much.
 */
export function fiveYearsContinuity(
  ground: PermitGround,
  rights: readonly RightPeriod[],
  appliedOn: PlainDate,
): ContinuityResult | null {
  const rule = FIVE_YEARS_RULES[ground];
  if (!rule) return null;
  const from = addMonthsClamped(appliedOn, -12 * FIVE_YEARS);
  const until = addDays(appliedOn, -1);
  const periods = rights
    .filter((r) => rule.counts.includes(r.kind))
    .sort((a, b) => compareDates(a.validFrom, b.validFrom));
  const gaps: ContinuityResult['gaps'] = [];
  let covered = addDays(from, -1); // the last day covered so far
  for (const p of periods) {
    if (compareDates(covered, until) >= 0) break;
    if (compareDates(p.validFrom, addDays(covered, 1)) > 0) {
      const gapUntil = compareDates(p.validFrom, until) > 0 ? until : addDays(p.validFrom, -1);
      gaps.push({ from: addDays(covered, 1), until: gapUntil, days: daysIn(addDays(covered, 1), gapUntil) });
    }
    if (p.validUntil === null) covered = until;
    else if (compareDates(p.validUntil, covered) > 0) covered = p.validUntil;
  }
  if (compareDates(covered, until) < 0)
    gaps.push({ from: addDays(covered, 1), until, days: daysIn(addDays(covered, 1), until) });
  const total = gaps.reduce((n, g) => n + g.days, 0);
  const withinMonths = (g: { from: PlainDate; until: PlainDate }) =>
    rule.maxGapMonths > 0 && compareDates(g.until, addDays(addMonthsClamped(g.from, rule.maxGapMonths), -1)) <= 0;
  const passed = gaps.every(withinMonths) && total <= rule.maxTotalGapDays;
  return { from, until, gaps, passed };
}
