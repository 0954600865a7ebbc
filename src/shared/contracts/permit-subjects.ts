/**
 * What a residence case is about, as each reader sees it, and the closed lists it uses: the kinds of right to
 * reside the office grants (DOMAIN-PROCEDURES §4), their grounds, the examination tiers, the documents each
 * ground asks for, the grounds of a refusal and of a cancellation. Kept apart from the endpoints so the case
 * contract can list the subject without importing them.
 */
import { z } from 'zod';
import { PERMIT_GROUNDS, PERMIT_KINDS } from '../kernel/migration-grounds.ts';

export {
  GROUNDS_OF_KIND,
  PERMIT_GROUNDS,
  PERMIT_KINDS,
  type PermitGround,
  type PermitKind,
} from '../kernel/migration-grounds.ts';

export const PermitKindSchema = z.enum(PERMIT_KINDS);

export const PermitGroundSchema = z.enum(PERMIT_GROUNDS);

/** How fast the office examines, by the state fee paid (MK 557): 30 days, 10 working days, 5 working days. */
export const PERMIT_TIERS = ['standard', 'fast', 'express'] as const;
export type PermitTier = (typeof PERMIT_TIERS)[number];
export const PermitTierSchema = z.enum(PERMIT_TIERS);

/** A first application, or the renewal of a permit the person holds. */
export const PERMIT_APPLICATIONS = ['first', 'renewal'] as const;

/** The documents an application encloses: which ones a ground asks for is the procedure's rule. */
export const PERMIT_DOCUMENTS = [
  'application-form',
  'additional-form',
  'travel-document-copy',
  'photo',
  'criminal-record',
  'means-of-subsistence',
  'health-insurance',
  'invitation',
  'employment-contract',
  'enrolment-confirmation',
  'family-relationship',
  'sponsor-status',
  'investment-proof',
  'residence-history',
  'latvian-language',
  'income-proof',
  'eu-identity-document',
  'activity-proof',
  'eu-citizen-registration',
  'higher-education',
  'repatriant-status',
  'family-residence-card',
] as const;
export type PermitDocument = (typeof PERMIT_DOCUMENTS)[number];
export const PermitDocumentSchema = z.enum(PERMIT_DOCUMENTS);

/** Why a permit may be refused (Immigration Law; Dir. 2004/38 Art. 27 for EU citizens; a decision ticks one or more). */
export const PERMIT_REFUSAL_GROUNDS = [
  'documents-incomplete',
  'ground-not-proven',
  'no-means-of-subsistence',
  'language-not-proven',
  'false-information',
  'threat',
  'sis-alert',
  'entry-ban',
] as const;
export const PermitRefusalGroundSchema = z.enum(PERMIT_REFUSAL_GROUNDS);

/** Why a granted permit is cancelled (Immigration Law). */
export const PERMIT_CANCELLATION_GROUNDS = [
  'ground-ceased',
  'false-information',
  'threat',
  'left-latvia',
  'holder-requested',
] as const;
export const PermitCancellationGroundSchema = z.enum(PERMIT_CANCELLATION_GROUNDS);

/** A right to reside granted on a decision: its number is the case's reference; a card is made for it through the documents. */
export const GrantedPermitView = z.object({
  permitNumber: z.string(),
  /** The day of the decision that granted it. */
  grantedOn: z.string(),
  kind: PermitKindSchema,
  ground: PermitGroundSchema,
  validFrom: z.string(),
  /** Null: the right has no end (a permanent permit, EU long-term resident status, a registration certificate). */
  validUntil: z.string().nullable(),
  /** The last day a residence card made for this right may be valid (a card of a right without end is renewed every five years). */
  cardValidUntil: z.string().nullable(),
  status: z.enum(['valid', 'cancelled']),
  /** The holder's language of the application: the cancellation decision is written in it. */
  language: z.enum(['lv', 'en']),
  cancelled: z
    .object({
      grounds: z.array(PermitCancellationGroundSchema),
      reasoning: z.string(),
      /** The day it takes effect. */
      on: z.string(),
      by: z.string(),
      /** The day the decision-maker decided it (null for a cancellation recorded before the day was kept). */
      decidedOn: z.string().nullable(),
    })
    .nullable(),
});
export type GrantedPermitView = z.infer<typeof GrantedPermitView>;

/** What a residence case is about: the applicant as they presented themselves, the kind and ground, what they enclosed, the fee. */
export const PermitSubject = z.object({
  kind: z.literal('residence-permit'),
  permitKind: PermitKindSchema,
  ground: PermitGroundSchema,
  application: z.enum(PERMIT_APPLICATIONS),
  tier: PermitTierSchema,
  /** The registered person, when the applicant is in the register (or once the decision registered them). */
  personId: z.uuid().nullable(),
  personalCode: z.string().nullable(),
  personName: z.string(),
  givenNames: z.string(),
  surname: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  birthCountry: z.string(),
  nationality: z.string(),
  travelDocument: z.object({ number: z.string(), country: z.string(), validUntil: z.string() }),
  requestedUntil: z.string().nullable(),
  /** The person, company or institution in Latvia the ground rests on (employer, school, family member, EU citizen); null where the ground rests on nobody (`SPONSOR_OF`). */
  sponsor: z.string().nullable(),
  monthlyIncomeEur: z.number().int().nullable(),
  /** An EU Blue Card in an occupation the Cabinet lists as short of workers: the lower salary threshold applies (§4.7). */
  shortageOccupation: z.boolean(),
  addressInLatvia: z.string(),
  /**
   * Every document the ground asks for, and whether the application says it is enclosed: ticked by the officer
   * who took it at the desk, or by the applicant online. A tick is a statement, not a file: the files uploaded
   * with the case are counted apart (`filesUploaded`) and listed with the case's documents.
   */
  documents: z.array(z.object({ code: PermitDocumentSchema, enclosed: z.boolean() })),
  enclosedBy: z.enum(['officer', 'applicant']),
  filesUploaded: z.number().int(),
  fee: z.object({ amountCents: z.number().int(), legalAct: z.string() }),
  payment: z
    .object({ amountCents: z.number().int(), method: z.string(), reference: z.string(), paidOn: z.string() })
    .nullable(),
  permit: GrantedPermitView.nullable(),
});
export type PermitSubjectView = z.infer<typeof PermitSubject>;
