/**
 * The closed lists of migration law that the rules, the contracts and the screens all use: the grounds a visa
 * may be refused or ended on, and which fit each visa type; the kinds of right to reside and their grounds.
 * Pure data and one filter.
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
 * `temporary` and `permanent`: residence permits under the Immigration Law (ss. 23, 24); `eu-long-term-resident`:
 * the status under the law of 22.06.2006 (Dir. 2003/109); the last two are an EU citizen's registration
 * certificate and their non-EU family member's residence card (Dir. 2004/38; MK 675/2011).
 */
export const PERMIT_KINDS = [
  'temporary',
  'permanent',
  'eu-long-term-resident',
  'eu-registration-certificate',
  'eu-family-residence-card',
] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];
/** The grounds each kind is applied for on (s.23 temporary, s.24(1) cl. 7 and cl. 2 permanent, MK 675 for EU citizens). */
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
] as const;
export type PermitGround = (typeof PERMIT_GROUNDS)[number];
/** The grounds of each kind, in the order the forms offer them. */
export const GROUNDS_OF_KIND: Readonly<Record<PermitKind, readonly PermitGround[]>> = {
  // Family of a citizen, non-citizen or permanent resident pays the reduced fee; family of a temporary resident does not (§4.3, §4.6).
  temporary: ['employment', 'study', 'family', 'family-of-temporary-resident', 'investment'],
  permanent: ['five-years-temporary', 'family-of-citizen'],
  'eu-long-term-resident': ['five-years-residence'],
  'eu-registration-certificate': ['worker', 'self-employed', 'student', 'self-sufficient'],
  'eu-family-residence-card': ['family-of-eu-citizen'],
};

/** Whether a right of this kind ends: a temporary permit and a family member's card do; the others have no end (the screens ask for a last day only for these). */
export const hasEnd = (kind: PermitKind): boolean => kind === 'temporary' || kind === 'eu-family-residence-card';
