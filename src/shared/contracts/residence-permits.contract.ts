/**
 * Residence over HTTP: an application for a residence permit, EU long-term resident status, an EU citizen's
 * registration certificate or their family member's residence card, lodged at the desk or online; what an
 * application needs (fee, deadline, documents); a granted permit and its cancellation. The cases themselves
 * are read and acted on through the case endpoints; the card is made through the document application.
 */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { CaseView, UploadInput } from './cases.contract.ts';
import { CountryCode } from './register.contract.ts';
import { PlainDateSchema } from '../kernel/plain-date.ts';
import { TravelDocumentNumber } from './visas.contract.ts';
import {
  GrantedPermitView,
  PERMIT_APPLICATIONS,
  PERMIT_CANCELLATION_GROUNDS,
  PERMIT_DOCUMENTS,
  PERMIT_REFUSAL_GROUNDS,
  PermitCancellationGroundSchema,
  PermitDocumentSchema,
  PermitGroundSchema,
  PermitKindSchema,
  PermitRefusalGroundSchema,
  PermitTierSchema,
} from './permit-subjects.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Name = z.string().trim().min(1).max(100);

const PermitApplicationFields = {
  permitKind: PermitKindSchema,
  ground: PermitGroundSchema,
  application: z.enum(PERMIT_APPLICATIONS).default('first'),
  /** Absent: the kind's first (slowest, cheapest) tier. */
  tier: PermitTierSchema.optional(),
  givenNames: Name,
  surname: Name,
  sex: z.enum(['M', 'F']),
  birthDate: PlainDateSchema,
  birthCountry: CountryCode,
  nationality: CountryCode,
  travelDocument: z.strictObject({ number: TravelDocumentNumber, country: CountryCode, validUntil: PlainDateSchema }),
  /** The last day the applicant asks to stay until (a temporary permit's term; none for a right without end). */
  requestedUntil: PlainDateSchema.optional(),
  /**
   * The employer, school, family member or EU citizen the ground rests on, as named in the documents; only for a
   * ground that rests on one (`SPONSOR_OF`: not for an investor, a repatriant or a five-years ground).
   */
  sponsor: Text(200).optional(),
  /** Regular monthly income in whole euros, where the ground asks for means (the gross monthly salary for a Blue Card). */
  monthlyIncomeEur: z.number().int().min(0).max(10_000_000).optional(),
  /** An EU Blue Card in a shortage occupation (the lower salary threshold); only for the `blue-card` ground. */
  shortageOccupation: z.boolean().optional(),
  addressInLatvia: Text(300),
  /** The documents the application encloses (the officer ticks those presented at the desk). */
  enclosed: z.array(PermitDocumentSchema).max(PERMIT_DOCUMENTS.length).default([]),
  language: z.enum(['lv', 'en']).default('en'),
  contactEmail: z.email().max(254),
  documents: z.array(UploadInput).max(10).default([]),
};

/** An officer lodges an application for a person at the desk (a first application need not be in the register); the fee is paid there. */
export const DeskPermitApplication = z.strictObject({
  ...PermitApplicationFields,
  personId: z.uuid().optional(),
  payment: z.strictObject({ method: z.enum(['card', 'cash']) }),
});
export type DeskPermitApplication = z.input<typeof DeskPermitApplication>;

/** A registered foreigner applies online for themselves (a renewal, a permanent permit, EU status); pays online. */
export const OnlinePermitApplication = z.strictObject(PermitApplicationFields);
export type OnlinePermitApplication = z.input<typeof OnlinePermitApplication>;

/** The decision's terms: the right's period (a right without end has no last day), or the grounds of a refusal. */
export const PermitGrantTerms = z.strictObject({ validFrom: PlainDateSchema, validUntil: PlainDateSchema.nullable() });
export const PermitRefusalTerms = z.strictObject({
  grounds: z.array(PermitRefusalGroundSchema).min(1, 'validation.choose').max(PERMIT_REFUSAL_GROUNDS.length),
});

export const PermitQuoteQuery = z.object({
  permitKind: PermitKindSchema,
  ground: PermitGroundSchema,
  application: z.enum(PERMIT_APPLICATIONS).default('first'),
  tier: PermitTierSchema.default('standard'),
  /** The applicant's nationality, when known: some ask for more (an additional form). */
  nationality: CountryCode.optional(),
});
/** What an application of a kind needs: the fee of the tier, the deadline, the documents to enclose. */
export const PermitQuote = z.object({
  amountCents: z.number().int(),
  legalAct: z.string(),
  tiers: z.array(PermitTierSchema),
  deadline: z.object({ unit: z.enum(['calendar-days', 'working-days', 'months']), limit: z.number().int() }),
  documents: z.array(PermitDocumentSchema),
  monthlyIncomeNeededEur: z.number().int().nullable(),
  /** An EU Blue Card's gross monthly salary thresholds and the year whose average wage they come from (§4.7). */
  salaryThreshold: z
    .object({ year: z.number().int(), eur: z.number().int(), shortageEur: z.number().int() })
    .nullable(),
});

/** Cancelling a granted permit from a day (Immigration Law): the grounds and the reasoning. */
export const CancelPermitRequest = z.strictObject({
  grounds: z.array(PermitCancellationGroundSchema).min(1, 'validation.choose').max(PERMIT_CANCELLATION_GROUNDS.length),
  effectiveOn: PlainDateSchema,
  reasoning: z.string().trim().min(20).max(4000),
});

const PermitNumberParam = z.object({
  permitNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}-\d{4}-\d{6}$/, 'format.caseReference'),
});

export const lodgePermitAtDesk = defineEndpoint({
  method: 'POST',
  path: '/api/migration/permits',
  summary: 'Lodge a residence application at the desk, fee paid (idempotent with an Idempotency-Key header)',
  tags: ['migration'],
  body: DeskPermitApplication,
  response: CaseView,
  successStatus: 201,
});
export const applyForPermitOnline = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/permits',
  summary: 'Apply online for a residence permit or status for myself (a registered foreigner), paying the fee online',
  tags: ['migration'],
  body: OnlinePermitApplication,
  response: CaseView,
  successStatus: 201,
});
export const permitQuote = defineEndpoint({
  method: 'GET',
  path: '/api/public/permits/quote',
  summary:
    'What a residence application needs: the fee of the tier, the deadline, the documents to enclose, the income asked for',
  tags: ['migration'],
  query: PermitQuoteQuery,
  response: PermitQuote,
});
export const readPermit = defineEndpoint({
  method: 'GET',
  path: '/api/migration/permits/{permitNumber}',
  summary: 'A granted residence permit by its number (audited)',
  tags: ['migration'],
  params: PermitNumberParam,
  response: GrantedPermitView,
});
export const cancelPermit = defineEndpoint({
  method: 'POST',
  path: '/api/migration/permits/{permitNumber}/cancel',
  summary: 'Cancel a granted residence permit from a day, on its grounds (a decision-maker); its card becomes invalid',
  tags: ['migration'],
  params: PermitNumberParam,
  body: CancelPermitRequest,
  response: GrantedPermitView,
});
export const permitCancellationPdf = defineEndpoint({
  method: 'GET',
  path: '/api/migration/permits/{permitNumber}/cancellation.pdf',
  summary: 'The decision cancelling a residence permit (PDF), in the holder’s language',
  tags: ['migration'],
  params: PermitNumberParam,
  response: null,
});
