/**
 * The closed lists of migration law that the rules, the contracts and the screens all use: the grounds a visa
 * may be refused or ended on, and which fit each visa type; the national grounds a long-stay visa is asked on,
 * with their documents and bounds; the kinds of right to reside and their grounds. Pure data and one filter.
 */

/**
 * The grounds a visa may be refused, annulled or revoked on: Visa Code Art. 32(1)(a)(i)–(vii) and (b) (the
 * boxes of the standard form, Annex VI as replaced by Reg. 2019/1155); `no-national-ground` is the D visa's
 * (no ground of Immigration Law s.11(2) applies); `holder-requested` is a revocation the holder asked for.
 */
export const VISA_REFUSAL_GROUNDS = [
  'false-travel-document',
  'purpose-not-justified',
  'no-means-of-subsistence',
  'already-stayed-90-days',
  'sis-alert',
  'threat',
  'no-travel-medical-insurance',
  'doubts-documents',
  'doubts-statements',
  'doubts-intention-to-leave',
  'no-national-ground',
  'holder-requested',
] as const;
export type VisaGround = (typeof VISA_REFUSAL_GROUNDS)[number];
/** Grounds of the Schengen form only: a long-stay visa is national (Immigration Law s.11), with no 90/180 rule or travel insurance test. */
const SCHENGEN_ONLY: readonly VisaGround[] = [
  'already-stayed-90-days',
  'no-travel-medical-insurance',
  'doubts-intention-to-leave',
];
/** The grounds that fit a visa type: `no-national-ground` is the long-stay visa's, the Schengen-only ones the short-stay visa's. */
export function visaGroundsFor(visaType: 'C' | 'D'): VisaGround[] {
  return VISA_REFUSAL_GROUNDS.filter((g) =>
    visaType === 'D' ? !SCHENGEN_ONLY.includes(g) : g !== 'no-national-ground',
  );
}

/**
 * What a long-stay (D) visa is asked on (DOMAIN-PROCEDURES §1.8): the clauses of Immigration Law s.11(2) —
 * (1) international law, state interests or humanitarian reasons (`humanitarian`), (2) force majeure or important
 * personal reasons (`personal-reasons`), (3) employment in Latvia (`employment`, `seasonal-work`) or remote work for
 * an employer registered abroad (`remote-work`), (4) pupil or student exchange (`study-exchange`) or volunteering
 * (`volunteering`) longer than the Visa Code allows — and PMLP's further categories of a new D visa to stay on
 * (`research`: a researcher's mobility over 180 days; `family`).
 */
export const NATIONAL_VISA_GROUNDS = [
  'employment',
  'seasonal-work',
  'remote-work',
  'research',
  'study-exchange',
  'volunteering',
  'family',
  'humanitarian',
  'personal-reasons',
] as const;
export type NationalVisaGround = (typeof NATIONAL_VISA_GROUNDS)[number];

/** The documents a national ground asks for (which ground asks which: `NATIONAL_GROUND_RULES`). */
export const NATIONAL_VISA_DOCUMENTS = [
  'employer-sponsorship',
  'employment-contract',
  'foreign-employer-contract',
  'remote-income-proof',
  'hosting-agreement',
  'exchange-confirmation',
  'volunteering-agreement',
  'family-relationship',
  'written-justification',
] as const;
export type NationalVisaDocument = (typeof NATIONAL_VISA_DOCUMENTS)[number];

export interface NationalGroundRule {
  /** The clause of Immigration Law s.11(2) the ground falls under; null: a PMLP category whose clause the sources do not give. */
  clause: 1 | 2 | 3 | 4 | null;
  /** UNSOURCED per ground (§1.8 names the grounds, not their enclosures): configuration, like the permits' lists. */
  documents: readonly NationalVisaDocument[];
  /** The shortest stay the ground fits: over the Visa Code's 90 days (s.11(2) cl. 4), over 180 for a researcher's mobility. */
  minDays: number;
  /** The longest validity: a D visa is valid at most a year (PMLP), remote work explicitly so (s.11(2) cl. 3). */
  maxDays: number;
}

/** A year of validity (PMLP, extension of stay): the cap of every ground. */
export const NATIONAL_VISA_MAX_DAYS = 365;

const rule = (
  clause: NationalGroundRule['clause'],
  documents: readonly NationalVisaDocument[],
  minDays = 1,
): NationalGroundRule => ({ clause, documents, minDays, maxDays: NATIONAL_VISA_MAX_DAYS });

/**
 * Each ground's clause, documents and bounds (the form's checklist, the proposal's checks and the decision's terms
 * read them). The clauses are those §1.8 quotes from s.11(2) as worded by the 2021 amendment (draft 21-TA-63):
 * clause 3 names both employment in Latvia and remote work for an employer registered abroad, so `employment`,
 * `seasonal-work` (employment in Latvia for a season) and `remote-work` cite it; PMLP's further categories, whose
 * clause the sources do not give, cite none.
 */
export const NATIONAL_GROUND_RULES: Readonly<Record<NationalVisaGround, NationalGroundRule>> = {
  employment: rule(3, ['employer-sponsorship', 'employment-contract']),
  'seasonal-work': rule(3, ['employer-sponsorship', 'employment-contract']),
  'remote-work': rule(3, ['foreign-employer-contract', 'remote-income-proof']),
  research: rule(null, ['hosting-agreement'], 181),
  'study-exchange': rule(4, ['exchange-confirmation'], 91),
  volunteering: rule(4, ['volunteering-agreement'], 91),
  family: rule(null, ['family-relationship']),
  humanitarian: rule(1, ['written-justification']),
  'personal-reasons': rule(2, ['written-justification']),
};

/**
 * An application in Latvia (the applicant stays on a visa or another lawful stay) is lodged at least 3 working
 * days before that stay ends (PMLP, extension of stay).
 */
export const IN_COUNTRY_NOTICE_WORKING_DAYS = 3;

/**
 * `temporary` and `permanent`: residence permits under the Immigration Law (ss. 23, 24); `eu-long-term-resident`:
 * the status under the law of 22.06.2006 (Dir. 2003/109); the last two are an EU citizen's registration
 * certificate and their non-EU family member's residence card (Dir. 2004/38; MK 675/2011), and after five years
 * the permanent variants of both: the EU citizen's permanent residence certificate (pastāvīgās uzturēšanās
 * apliecība) and the family member's permanent residence card (§4.9).
 */
export const PERMIT_KINDS = [
  'temporary',
  'permanent',
  'eu-long-term-resident',
  'eu-registration-certificate',
  'eu-family-residence-card',
  'eu-permanent-residence-certificate',
  'eu-family-permanent-residence-card',
] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];
/**
 * The grounds each kind is applied for on (s.23 temporary, with the EU Blue Card §4.7 and a repatriant §8; s.24(1)
 * cl. 7 and cl. 2 permanent; MK 675 for EU citizens, with five years' residence for the permanent documents).
 */
export const PERMIT_GROUNDS = [
  'employment',
  'study',
  'family',
  'family-of-temporary-resident',
  'investment',
  'five-years-temporary',
  'family-of-citizen',
  'five-years-residence',
  'worker',
  'self-employed',
  'student',
  'self-sufficient',
  'family-of-eu-citizen',
  'blue-card',
  'repatriant',
  'five-years-eu-residence',
  'five-years-family-of-eu-citizen',
] as const;
export type PermitGround = (typeof PERMIT_GROUNDS)[number];
/** The grounds of each kind, in the order the forms offer them. */
export const GROUNDS_OF_KIND: Readonly<Record<PermitKind, readonly PermitGround[]>> = {
  // Family of a citizen, non-citizen or permanent resident pays the reduced fee; family of a temporary resident does not (§4.3, §4.6).
  temporary: ['employment', 'blue-card', 'study', 'family', 'family-of-temporary-resident', 'investment', 'repatriant'],
  permanent: ['five-years-temporary', 'family-of-citizen'],
  'eu-long-term-resident': ['five-years-residence'],
  'eu-registration-certificate': ['worker', 'self-employed', 'student', 'self-sufficient'],
  'eu-family-residence-card': ['family-of-eu-citizen'],
  'eu-permanent-residence-certificate': ['five-years-eu-residence'],
  'eu-family-permanent-residence-card': ['five-years-family-of-eu-citizen'],
};

/** Whether a right of this kind ends: a temporary permit and a family member's card do; the others have no end (the screens ask for a last day only for these). */
export const hasEnd = (kind: PermitKind): boolean => kind === 'temporary' || kind === 'eu-family-residence-card';
