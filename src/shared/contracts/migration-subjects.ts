/**
 * What the migration procedures' cases are about, as each reader sees it (the case view's `subject`), and the
 * closed lists they use: visa purposes, entries, the grounds of a refusal on the standard form. Kept apart from
 * `visas.contract.ts` so the case contract can list these subjects without importing the endpoints.
 */
import { z } from 'zod';
import { NATIONAL_VISA_DOCUMENTS, NATIONAL_VISA_GROUNDS, VISA_REFUSAL_GROUNDS } from '../kernel/migration-grounds.ts';

export {
  IN_COUNTRY_NOTICE_WORKING_DAYS,
  NATIONAL_GROUND_RULES,
  NATIONAL_VISA_DOCUMENTS,
  NATIONAL_VISA_GROUNDS,
  VISA_REFUSAL_GROUNDS,
  visaGroundsFor,
  type NationalVisaDocument,
  type NationalVisaGround,
} from '../kernel/migration-grounds.ts';

/** C: the Schengen short-stay (uniform) visa, Visa Code (Reg. 810/2009); D: the Latvian long-stay visa, Immigration Law s.11. */
export const VISA_TYPES = ['C', 'D'] as const;
export const VisaTypeSchema = z.enum(VISA_TYPES);

/**
 * The purposes of a Schengen (C) journey, as on the harmonised application form (Visa Code Annex I). A long-stay
 * (D) visa names its national ground instead (`NATIONAL_VISA_GROUNDS`): work and remote work are grounds of it.
 */
export const VISA_PURPOSES = [
  'tourism',
  'business',
  'family-or-friends',
  'culture',
  'sport',
  'official-visit',
  'medical',
  'study',
  'transit',
  'other',
] as const;
export type VisaPurpose = (typeof VISA_PURPOSES)[number];
export const NationalVisaGroundSchema = z.enum(NATIONAL_VISA_GROUNDS);
export const NationalVisaDocumentSchema = z.enum(NATIONAL_VISA_DOCUMENTS);
export const VISA_ENTRIES = ['single', 'double', 'multiple'] as const;
export const MEANS_KINDS = ['cash', 'bank-statement', 'sponsor', 'prepaid-accommodation'] as const;

export const VisaRefusalGroundSchema = z.enum(VISA_REFUSAL_GROUNDS);

/** A visa issued on a decision: the sticker's number and its printed data with the machine-readable zone (ICAO 9303 MRV-A). */
export const IssuedVisaView = z.object({
  visaNumber: z.string(),
  visaType: VisaTypeSchema,
  /** `uniform` (all Schengen states), `limited` (LTV, Art. 25), `national` (D). */
  territory: z.enum(['uniform', 'limited', 'national']),
  entries: z.enum(VISA_ENTRIES),
  validFrom: z.string(),
  validUntil: z.string(),
  durationDays: z.number().int(),
  issuedOn: z.string(),
  /** The holder's language of the application. */
  language: z.enum(['lv', 'en']),
  mrz: z.array(z.string()),
  status: z.enum(['valid', 'annulled', 'revoked']),
  ended: z
    .object({
      kind: z.enum(['annulment', 'revocation']),
      grounds: z.array(VisaRefusalGroundSchema),
      reasoning: z.string(),
      on: z.string(),
      by: z.string(),
    })
    .nullable(),
});
export type IssuedVisaView = z.infer<typeof IssuedVisaView>;

/** What a visa case is about: the applicant as they presented themselves, the trip, its cover, the fee. */
export const VisaSubject = z.object({
  kind: z.literal('visa'),
  visaType: VisaTypeSchema,
  /** The registered person, when the applicant is in the register. */
  personId: z.uuid().nullable(),
  personName: z.string(),
  givenNames: z.string(),
  surname: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  nationality: z.string(),
  travelDocument: z.object({ number: z.string(), country: z.string(), validUntil: z.string() }),
  /** A C visa's purpose of the journey; null on a D visa, which names its national ground. */
  purpose: z.enum(VISA_PURPOSES).nullable(),
  purposeDetail: z.string(),
  /** A D visa's national ground, its bounds and the documents it asks for, each enclosed or not; null on a C visa. */
  national: z
    .object({
      ground: NationalVisaGroundSchema,
      /** The clause of Immigration Law s.11(2); null for PMLP's further categories. */
      clause: z.number().int().nullable(),
      minDays: z.number().int(),
      maxDays: z.number().int(),
      documents: z.array(z.object({ code: NationalVisaDocumentSchema, enclosed: z.boolean() })),
      /** Applied for in Latvia: the last day of the visa or lawful stay the applicant holds. */
      currentStayUntil: z.string().nullable(),
      /** Whether the ground holds on what the application shows: the stay fits it and every document is enclosed. */
      holds: z.boolean(),
    })
    .nullable(),
  intendedEntry: z.string(),
  intendedExit: z.string(),
  entriesRequested: z.enum(VISA_ENTRIES),
  insurance: z
    .object({
      insurer: z.string(),
      policyNumber: z.string(),
      coverageEur: z.number().int(),
      validFrom: z.string(),
      validUntil: z.string(),
    })
    .nullable(),
  means: z.object({ kind: z.enum(MEANS_KINDS), amountEur: z.number().int() }),
  /** The approved invitation the application cites, as the office found it. */
  invitation: z
    .object({
      reference: z.string(),
      inviterName: z.string(),
      status: z.string(),
      periodFrom: z.string(),
      periodUntil: z.string(),
    })
    .nullable(),
  fee: z.object({ amountCents: z.number().int(), tableFrom: z.string(), exemption: z.string().nullable() }),
  payment: z
    .object({ amountCents: z.number().int(), method: z.string(), reference: z.string(), paidOn: z.string() })
    .nullable(),
  visa: IssuedVisaView.nullable(),
  /** An appeal: the applicant's reasons for contesting the refusal. */
  appealReason: z.string().nullable(),
});

export const INVITATION_PURPOSES = [
  'family-visit',
  'private-visit',
  'business',
  'employment',
  'study',
  'culture-or-sport',
  'medical',
  'other',
] as const;

/** What an invitation case is about: the inviter in Latvia, the person invited, and the visit they vouch for. */
export const InvitationSubject = z.object({
  kind: z.literal('invitation'),
  inviterPersonId: z.uuid(),
  inviterName: z.string(),
  invitee: z.object({
    givenNames: z.string(),
    surname: z.string(),
    sex: z.enum(['M', 'F']),
    birthDate: z.string(),
    nationality: z.string(),
    travelDocumentNumber: z.string(),
  }),
  purpose: z.enum(INVITATION_PURPOSES),
  periodFrom: z.string(),
  periodUntil: z.string(),
  addressInLatvia: z.string(),
  /** The inviter's undertakings (Immigration Law s.1: the inviter takes on obligations for the person invited). */
  undertakings: z.object({ accommodation: z.boolean(), returnTravel: z.boolean(), healthCare: z.boolean() }),
  fee: z.object({ amountCents: z.number().int(), tableFrom: z.string() }),
  payment: z
    .object({ amountCents: z.number().int(), method: z.string(), reference: z.string(), paidOn: z.string() })
    .nullable(),
});
