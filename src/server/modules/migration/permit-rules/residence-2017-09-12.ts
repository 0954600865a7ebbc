/**
 * The residence procedures' rules as they stand under Cabinet Regulation No. 557 of 12 September 2017 (the state
 * fees, PMLP table §4.6) and the documents of DOMAIN-PROCEDURES §4.4, §4.7 and §4.9. EU citizens' documents are
 * issued under Cabinet Regulation No. 675 of 30 August 2011 (free of charge). A change to the fees or the
 * documents is a new file beside this one (issue 25): cases lodged before it keep these rules.
 */
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { PermitTier } from '../../../../shared/contracts/permit-subjects.ts';
import type { PermitRuleVersion } from './version.ts';

const FEE_ACT = 'Ministru kabineta 2017. gada 12. septembra noteikumi Nr. 557';
const LTR_FEE_ACT = 'Ministru kabineta noteikumi Nr. 731 (ES pastāvīgā iedzīvotāja statuss)';
const EU_FEE_ACT = 'Ministru kabineta 2011. gada 30. augusta noteikumi Nr. 675 (bez maksas)';
/**
 * Repatriants are exempt from the state fee for examining residence permit documents (MFA consular page, §4.6 and
 * §8). The article of MK 557 or of the Repatriation Law that grants it is UNSOURCED: the basis is named as the law.
 */
const REPATRIANT_FEE_ACT =
  'Repatriācijas likums: repatriants ir atbrīvots no valsts nodevas par uzturēšanās atļaujas dokumentu izskatīšanu';

/** Fees in euro cents by tier. The reduced row: a family member of a citizen, non-citizen or PR holder, a pupil or full-time student. */
const GENERAL: Partial<Record<PermitTier, number>> = { standard: 10_000, fast: 20_000, express: 40_000 };
const REDUCED: Partial<Record<PermitTier, number>> = { standard: 7_000, fast: 20_000, express: 40_000 };
const PERMANENT: Partial<Record<PermitTier, number>> = { standard: 10_000 };
const LONG_TERM: Partial<Record<PermitTier, number>> = { standard: 16_000, fast: 28_000 };
const EU_FREE: Partial<Record<PermitTier, number>> = { fast: 0 };
/** The EU Blue Card's row of the PMLP table: no 30-day tier; 100 EUR in 10 working days, 200 EUR in 5 (§4.6, §4.7). */
const BLUE_CARD: Partial<Record<PermitTier, number>> = { fast: 10_000, express: 20_000 };
/** A repatriant pays nothing; whether a faster tier is open to them at the usual price is UNSOURCED, so only the 30 days are offered. */
const REPATRIANT: Partial<Record<PermitTier, number>> = { standard: 0 };

/** What both residence procedures read: the fee rows and the documents. */
export const PERMIT_RULES_2017: Omit<PermitRuleVersion, 'validFrom' | 'legalAct'> = {
  fees: {
    general: { cents: GENERAL, legalAct: FEE_ACT },
    reduced: { cents: REDUCED, legalAct: FEE_ACT },
    permanent: { cents: PERMANENT, legalAct: FEE_ACT },
    longTerm: { cents: LONG_TERM, legalAct: LTR_FEE_ACT },
    euCitizen: { cents: EU_FREE, legalAct: EU_FEE_ACT },
    blueCard: { cents: BLUE_CARD, legalAct: FEE_ACT },
    repatriant: { cents: REPATRIANT, legalAct: REPATRIANT_FEE_ACT },
  },
  documentsForGround: {
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
    // A Blue Card: the approved sponsorship, the contract with its salary, higher education in the field (§4.7).
    'blue-card': ['invitation', 'employment-contract', 'higher-education'],
    // A repatriant shows the decision or certificate of their status (§8).
    repatriant: ['repatriant-status'],
    // The EU permanent documents: the registration certificate or card held, and the five years (§4.9).
    'five-years-eu-residence': ['eu-citizen-registration', 'residence-history'],
    'five-years-family-of-eu-citizen': ['family-relationship', 'family-residence-card', 'residence-history'],
  },
  // Citizens of Russia and Belarus fill in an additional form (§4.4).
  additionalFormFor: ['RUS', 'BLR'],
};

/** Residence permits and EU long-term resident status (Immigration Law; MK 557). */
export const RESIDENCE_2017: PermitRuleVersion = {
  ...PERMIT_RULES_2017,
  validFrom: '2017-09-12' as PlainDate,
  legalAct: 'Ministru kabineta 2017. gada 12. septembra noteikumi Nr. 557',
};
