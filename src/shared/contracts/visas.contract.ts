/**
 * The migration procedures over HTTP: a visa application (C, the Schengen short-stay visa; D, the Latvian
 * long-stay visa) lodged at the desk or online, an invitation from a person in Latvia, the fee quote, the
 * issued visa and its annulment or revocation, and the consultations other authorities answer from their
 * own systems. The cases themselves are read and acted on through the case endpoints.
 */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { CaseView, ConsultedAuthoritySchema, CONSULTATION_OUTCOMES, UploadInput } from './cases.contract.ts';
import { CountryCode } from './register.contract.ts';
import { PlainDateSchema } from '../kernel/plain-date.ts';
import {
  INVITATION_PURPOSES,
  IssuedVisaView,
  MEANS_KINDS,
  NATIONAL_VISA_DOCUMENTS,
  NationalVisaDocumentSchema,
  NationalVisaGroundSchema,
  VISA_ENTRIES,
  VISA_PURPOSES,
  VISA_REFUSAL_GROUNDS,
  VisaRefusalGroundSchema,
  VisaTypeSchema,
} from './migration-subjects.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Name = z.string().trim().min(1).max(100);
/** A travel document's number as printed: letters and digits; spaces people type between groups are dropped. */
export const TravelDocumentNumber = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{5,15}$/, 'format.documentNumber'));
/** A whole number of euros. */
const Euros = z.number().int().min(0).max(100_000_000);

/** Fee exemptions an applicant may claim (Visa Code Art. 16(2), (5), (6)); which apply is configuration. */
export const VISA_FEE_EXEMPTIONS = [
  'student-or-teacher-on-study-trip',
  'researcher',
  'ngo-participant-under-25',
  'family-of-eu-citizen',
] as const;

const VisaApplicationFields = {
  visaType: VisaTypeSchema,
  givenNames: Name,
  surname: Name,
  sex: z.enum(['M', 'F']),
  birthDate: PlainDateSchema,
  nationality: CountryCode,
  travelDocument: z.strictObject({ number: TravelDocumentNumber, country: CountryCode, validUntil: PlainDateSchema }),
  /** A C visa: the purpose of the journey (the form's list). Not for a D visa (`visaTypeFits`). */
  purpose: z.enum(VISA_PURPOSES).optional(),
  purposeDetail: z.string().trim().max(1000).default(''),
  /** A D visa: the national ground it is asked on (Immigration Law s.11(2); PMLP's categories). Not for a C visa. */
  nationalGround: NationalVisaGroundSchema.optional(),
  /** A D visa: which of the documents the ground asks for are enclosed (handed in at the desk, attached online). */
  enclosed: z.array(NationalVisaDocumentSchema).max(NATIONAL_VISA_DOCUMENTS.length).optional(),
  /** A D visa applied for in Latvia: the last day of the visa or lawful stay the applicant holds now. */
  currentStayUntil: PlainDateSchema.optional(),
  intendedEntry: PlainDateSchema,
  intendedExit: PlainDateSchema,
  entriesRequested: z.enum(VISA_ENTRIES).default('single'),
  /** Travel medical insurance (Art. 15: at least EUR 30 000, for the whole stay); a D visa applicant may show it later. */
  insurance: z
    .strictObject({
      insurer: Text(200),
      policyNumber: Text(60),
      coverageEur: Euros,
      validFrom: PlainDateSchema,
      validUntil: PlainDateSchema,
    })
    .optional(),
  means: z.strictObject({ kind: z.enum(MEANS_KINDS), amountEur: Euros }),
  /** The reference of an approved invitation from a person in Latvia (e.g. IL-2026-000012). */
  invitationReference: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^IL-\d{4}-\d{6}$/, 'format.caseReference')
    .optional(),
  feeExemption: z.enum(VISA_FEE_EXEMPTIONS).optional(),
  language: z.enum(['lv', 'en']).default('en'),
  contactEmail: z.email().max(254),
  documents: z.array(UploadInput).max(10).default([]),
};

type TypedFields = {
  visaType?: unknown;
  purpose?: unknown;
  nationalGround?: unknown;
  enclosed?: unknown;
  currentStayUntil?: unknown;
};
type TypeCheck = [
  (v: TypedFields) => boolean,
  { path: PropertyKey[]; message?: string; params?: { reason: string }; when: () => boolean },
];
const given = (x: unknown): boolean => x !== undefined && x !== '' && !(Array.isArray(x) && x.length === 0);
const isC = (v: TypedFields) => v.visaType === 'C';
const isD = (v: TypedFields) => v.visaType === 'D';
/** Checked whatever else is wrong, so every problem shows at once. */
const always = () => true;

/**
 * What each visa type asks: a C visa the purpose of its journey, a D visa its national ground (and, only for a
 * D visa, the ground's documents and the stay it follows on). What the other type asks is refused by name —
 * `only-for-short-stay`, `only-for-long-stay` — and what the type needs and lacks is asked for. The browser's
 * forms apply the same checks (the fields of the other type are not on the page, so not sent).
 */
export const VISA_TYPE_CHECKS: readonly TypeCheck[] = [
  [(v) => !isD(v) || !given(v.purpose), { path: ['purpose'], params: { reason: 'only-for-short-stay' }, when: always }],
  [
    (v) => !isC(v) || !given(v.nationalGround),
    { path: ['nationalGround'], params: { reason: 'only-for-long-stay' }, when: always },
  ],
  [
    (v) => !isC(v) || !given(v.enclosed),
    { path: ['enclosed'], params: { reason: 'only-for-long-stay' }, when: always },
  ],
  [
    (v) => !isC(v) || !given(v.currentStayUntil),
    { path: ['currentStayUntil'], params: { reason: 'only-for-long-stay' }, when: always },
  ],
  [(v) => !isC(v) || v.purpose !== undefined, { path: ['purpose'], message: 'validation.choose', when: always }],
  [
    (v) => !isD(v) || v.nationalGround !== undefined,
    { path: ['nationalGround'], message: 'validation.choose', when: always },
  ],
];

/** A visa application's schema with the checks of its type (`VISA_TYPE_CHECKS`) added. */
export function fitsVisaType<S extends z.ZodType>(schema: S): S {
  return VISA_TYPE_CHECKS.reduce<S>((s, [check, params]) => s.refine(check as never, params) as S, schema);
}

/** The desk application's fields, before the checks of its type (the desk form builds on them). */
export const DeskVisaApplicationFields = z.strictObject({
  ...VisaApplicationFields,
  /** The registered person, when the applicant is in the register. */
  personId: z.uuid().optional(),
  payment: z.strictObject({ method: z.enum(['card', 'cash']) }),
});
/** An officer lodges an application for a person at the desk (they need not be in the register); the fee is paid there. */
export const DeskVisaApplication = fitsVisaType(DeskVisaApplicationFields);
export type DeskVisaApplication = z.input<typeof DeskVisaApplication>;
export type DeskVisaApplicationData = z.output<typeof DeskVisaApplication>;

/** The online application's fields, before the checks of its type (the portal form builds on them). */
export const OnlineVisaApplicationFields = z.strictObject(VisaApplicationFields);
/** A registered foreigner applies online for themselves (a D visa to stay on, a C visa's extension of stay); pays online. */
export const OnlineVisaApplication = fitsVisaType(OnlineVisaApplicationFields);
export type OnlineVisaApplication = z.input<typeof OnlineVisaApplication>;

/** The decision's terms on a visa: what is issued, or the grounds ticked on the standard refusal form. */
export const VisaIssueTerms = z.strictObject({
  territory: z.enum(['uniform', 'limited', 'national']),
  entries: z.enum(VISA_ENTRIES),
  validFrom: PlainDateSchema,
  validUntil: PlainDateSchema,
  durationDays: z.number().int().min(1).max(365),
});
export const VisaRefusalTerms = z.strictObject({
  grounds: z.array(VisaRefusalGroundSchema).min(1, 'validation.choose').max(VISA_REFUSAL_GROUNDS.length),
});

/** A person in Latvia invites a foreigner (ielūgums, Immigration Law s.1; MK 552): the office approves or refuses it. */
export const InvitationRequest = z.strictObject({
  invitee: z.strictObject({
    givenNames: Name,
    surname: Name,
    sex: z.enum(['M', 'F']),
    birthDate: PlainDateSchema,
    nationality: CountryCode,
    travelDocumentNumber: TravelDocumentNumber,
  }),
  purpose: z.enum(INVITATION_PURPOSES),
  periodFrom: PlainDateSchema,
  periodUntil: PlainDateSchema,
  addressInLatvia: Text(300),
  undertakings: z.strictObject({ accommodation: z.boolean(), returnTravel: z.boolean(), healthCare: z.boolean() }),
  language: z.enum(['lv', 'en']).default('lv'),
  contactEmail: z.email().max(254).optional(),
  documents: z.array(UploadInput).max(10).default([]),
});
export type InvitationRequest = z.input<typeof InvitationRequest>;
export type InvitationRequestData = z.output<typeof InvitationRequest>;

export const FeeQuoteQuery = z.object({
  visaType: VisaTypeSchema,
  birthDate: PlainDateSchema,
  lodgedOn: PlainDateSchema.optional(),
  exemption: z.enum(VISA_FEE_EXEMPTIONS).optional(),
});
export const FeeQuote = z.object({
  amountCents: z.number().int(),
  tableFrom: z.string(),
  legalAct: z.string(),
  exemption: z.string().nullable(),
});

/** Ending a valid visa: annulment (the conditions were never met) or revocation (they are no longer met), Visa Code Art. 34. */
export const EndVisaRequest = z.strictObject({
  kind: z.enum(['annulment', 'revocation']),
  grounds: z.array(VisaRefusalGroundSchema).min(1, 'validation.choose').max(VISA_REFUSAL_GROUNDS.length),
  /** The holder is told why: a sentence at least, as on a decision. */
  reasoning: z.string().trim().min(20).max(4000),
});

export const PartnerConsultation = z.object({
  consultationId: z.uuid(),
  caseReference: z.string(),
  authority: ConsultedAuthoritySchema,
  question: z.string(),
  askedOn: z.string(),
  dueOn: z.string(),
  /** Who is asked about: as the applicant presented themselves. */
  applicant: z.object({
    givenNames: z.string(),
    surname: z.string(),
    sex: z.string(),
    birthDate: z.string(),
    nationality: z.string(),
    travelDocumentNumber: z.string(),
  }),
});
export type PartnerConsultationView = z.infer<typeof PartnerConsultation>;
export const PartnerConsultationAnswer = z.strictObject({
  outcome: z.enum(CONSULTATION_OUTCOMES),
  remarks: z.string().trim().max(2000).default(''),
});

const VisaNumberParam = z.object({
  visaNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6,12}$/, 'format.documentNumber'),
});

export const lodgeVisaAtDesk = defineEndpoint({
  method: 'POST',
  path: '/api/migration/visas',
  summary: 'Lodge a visa application at the desk, fee paid (idempotent with an Idempotency-Key header)',
  tags: ['migration'],
  body: DeskVisaApplication,
  response: CaseView,
  successStatus: 201,
});
export const applyForVisaOnline = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/visas',
  summary: 'Apply online for a visa for myself (a registered foreigner), paying the fee online',
  tags: ['migration'],
  body: OnlineVisaApplication,
  response: CaseView,
  successStatus: 201,
});
export const visaFeeQuote = defineEndpoint({
  method: 'GET',
  path: '/api/public/visas/fee',
  summary: 'The visa fee for an applicant born on a date, lodging on a date (default today), with any exemption',
  tags: ['migration'],
  query: FeeQuoteQuery,
  response: FeeQuote,
});
export const readVisa = defineEndpoint({
  method: 'GET',
  path: '/api/migration/visas/{visaNumber}',
  summary: 'An issued visa by its sticker number (audited)',
  tags: ['migration'],
  params: VisaNumberParam,
  response: IssuedVisaView,
});
export const endVisa = defineEndpoint({
  method: 'POST',
  path: '/api/migration/visas/{visaNumber}/end',
  summary: 'Annul or revoke a visa on the standard form’s grounds (a decision-maker)',
  tags: ['migration'],
  params: VisaNumberParam,
  body: EndVisaRequest,
  response: IssuedVisaView,
});
export const visaEndingPdf = defineEndpoint({
  method: 'GET',
  path: '/api/migration/visas/{visaNumber}/ending.pdf',
  summary: 'The annulment or revocation of a visa on the standard form (PDF)',
  tags: ['migration'],
  params: VisaNumberParam,
  response: null,
});
export const inviteOnline = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/invitations',
  summary: 'Invite a foreigner to Latvia (an invitation for a visa): the office approves or refuses it',
  tags: ['migration'],
  body: InvitationRequest,
  response: CaseView,
  successStatus: 201,
});
/** A partner's check of a visa at the border or in the country: the visa and whom it was issued to. */
export const PartnerVisaCheck = IssuedVisaView.extend({
  holder: z.object({
    givenNames: z.string(),
    surname: z.string(),
    birthDate: z.string(),
    nationality: z.string(),
    travelDocumentNumber: z.string(),
  }),
  /** Whether the visa may be used on the day asked (valid and within its validity). */
  validOn: z.object({ date: z.string(), valid: z.boolean() }),
});
export const checkVisa = defineEndpoint({
  method: 'GET',
  path: '/api/exchange/visas/{visaNumber}',
  summary: 'Check a visa by its sticker number: its status, validity and holder (partner systems; audited)',
  tags: ['exchange'],
  params: VisaNumberParam,
  query: z.object({ on: PlainDateSchema.optional() }),
  response: PartnerVisaCheck,
});
export const partnerConsultations = defineEndpoint({
  method: 'GET',
  path: '/api/exchange/consultations',
  summary: 'Open consultations addressed to my institution (partner systems)',
  tags: ['exchange'],
  response: z.object({ consultations: z.array(PartnerConsultation) }),
});
export const answerPartnerConsultation = defineEndpoint({
  method: 'POST',
  path: '/api/exchange/consultations/{consultationId}/answer',
  summary: 'Answer a consultation: no objection, or an objection with remarks (partner systems)',
  tags: ['exchange'],
  params: z.object({ consultationId: z.uuid() }),
  body: PartnerConsultationAnswer,
  response: z.object({ caseReference: z.string(), answered: z.literal(true) }),
});
