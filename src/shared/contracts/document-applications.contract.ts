/**
 * Document applications over HTTP: the resident applies online (for themselves or a minor child or ward) and
 * pays; the officer at the desk takes a new application or receives a prepared one (identity, photo, fee) and
 * hands the document over; production batches go to the personalization centre as signed exports.
 */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { CaseStatusSchema, CaseView, UploadInput } from './cases.contract.ts';
import { DocumentNumber, DocumentTypeSchema } from './documents.contract.ts';

export const TIERS = ['standard', 'urgent'] as const;
export const APPLICATION_REASONS = ['first', 'renewal', 'lost-or-stolen', 'damaged', 'data-changed'] as const;
/** Reduced fee grounds the applicant declares (under-20 follows from the birth date). */
export const REDUCED_GROUNDS = ['pensioner', 'disability'] as const;
export const IDENTITY_METHODS = ['identity-document', 'biometric-match', 'parent-present'] as const;
export const DESK_PAYMENT_METHODS = ['card', 'cash'] as const;

const Fee = z.object({
  amountCents: z.number().int(),
  tableFrom: z.string(),
  reducedFor: z.enum(['under-20', 'pensioner', 'disability']).nullable(),
});
/** A photo for the document: JPEG or PNG, at least 413 × 531 pixels, 7 : 9 (checked from the bytes). */
const Photo = UploadInput;

/** How the officer established who stands at the desk. */
export const IdentityCheckInput = z
  .strictObject({
    method: z.enum(IDENTITY_METHODS),
    /** The document presented (required with `identity-document`). */
    documentNumber: DocumentNumber.optional(),
  })
  .refine((v) => v.method !== 'identity-document' || Boolean(v.documentNumber), {
    path: ['documentNumber'],
    message: 'validation.required',
  });

export const ApplicationOptions = z.object({
  /** For whom the resident may apply: themselves, their minor children and wards, with the documents each may hold and the fees today. */
  subjects: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      relation: z.enum(['self', 'child', 'ward']),
      documentTypes: z.array(
        z.object({ type: DocumentTypeSchema, fees: z.object({ standard: Fee.nullable(), urgent: Fee.nullable() }) }),
      ),
    }),
  ),
  /** Where the document can be collected: each branch's name in Latvian (`name`) and in English, for the page's language. */
  branches: z.array(z.object({ id: z.uuid(), name: z.string(), nameEn: z.string() })),
  /** If submitted today: the ready day per tier. */
  readyOn: z.object({ standard: z.string(), urgent: z.string() }),
});

const ApplicationFields = {
  documentType: DocumentTypeSchema,
  tier: z.enum(TIERS).default('standard'),
  reason: z.enum(APPLICATION_REASONS),
  reducedGround: z.enum(REDUCED_GROUNDS).optional(),
  language: z.enum(['lv', 'en']).default('lv'),
  contactEmail: z.email().max(254).optional(),
  explanation: z.string().trim().max(1000).default(''),
};

export const OnlineApplicationRequest = z.strictObject({
  ...ApplicationFields,
  /** A minor child or ward; absent: the resident themselves. */
  subjectPersonId: z.uuid().optional(),
  pickupBranchId: z.uuid(),
  photo: Photo.optional(),
});
export type OnlineApplicationRequest = z.input<typeof OnlineApplicationRequest>;

export const DeskApplicationRequest = z.strictObject({
  ...ApplicationFields,
  personId: z.uuid(),
  identity: IdentityCheckInput,
  photo: Photo,
  payment: z.strictObject({ method: z.enum(DESK_PAYMENT_METHODS) }),
  /** The officer proposes issuing as they submit (a second officer approves). */
  propose: z.boolean().default(true),
});
export type DeskApplicationRequest = z.input<typeof DeskApplicationRequest>;

export const ReceptionRequest = z.strictObject({
  expectedVersion: z.number().int().positive(),
  identity: IdentityCheckInput,
  /** Absent: the photo uploaded online is used. */
  photo: Photo.optional(),
  /** Required when the fee was not paid online. */
  payment: z.strictObject({ method: z.enum(DESK_PAYMENT_METHODS) }).optional(),
  propose: z.boolean().default(true),
});

export const HandOverRequest = z.strictObject({
  expectedVersion: z.number().int().positive(),
  identity: IdentityCheckInput,
  /** Who took the document: the holder, or the parent or guardian of a child or ward. */
  receivedBy: z.string().trim().min(1).max(200),
});

export const BatchSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  itemCount: z.number().int(),
  keyId: z.string(),
  produced: z.number().int(),
  failed: z.number().int(),
  confirmedAt: z.string().nullable(),
});
export const BatchView = BatchSummary.extend({
  items: z.array(
    z.object({
      caseId: z.uuid(),
      caseReference: z.string(),
      documentType: DocumentTypeSchema,
      documentNumber: z.string(),
      result: z.enum(['ordered', 'produced', 'failed']),
      resultReason: z.string().nullable(),
    }),
  ),
});
export const ConfirmationRequest = z.strictObject({
  items: z
    .array(
      z.strictObject({
        documentNumber: DocumentNumber,
        result: z.enum(['produced', 'failed']),
        reason: z.string().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(10_000),
});

const CaseIdParam = z.object({ caseId: z.uuid() });
const BatchParam = z.object({ batchId: z.uuid() });

export const applicationOptions = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/document-applications/options',
  summary: 'For whom I may apply, which documents, the fees in force today and the ready days',
  tags: ['documents'],
  response: ApplicationOptions,
});
export const applyOnline = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/document-applications',
  summary:
    'Prepare a document application online (for me, my minor child or ward); it is received at the desk visit (idempotent with an Idempotency-Key header)',
  tags: ['documents'],
  body: OnlineApplicationRequest,
  response: CaseView,
  successStatus: 201,
});
export const payOnline = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/document-applications/{caseId}/payment',
  summary:
    'Pay the state fee of my application through the payment provider (idempotent with an Idempotency-Key header)',
  tags: ['documents'],
  params: CaseIdParam,
  body: z.strictObject({ expectedVersion: z.number().int().positive() }),
  response: CaseView,
});
export const personApplications = defineEndpoint({
  method: 'GET',
  path: '/api/documents/applications',
  summary:
    'A person’s open document applications and the documents they may apply for, for the desk (audited); those of other branches by reference, status and branch only',
  tags: ['documents'],
  query: z.object({ personId: z.uuid() }),
  response: z.object({
    applications: z.array(CaseView),
    /** Open applications another branch handles (the pickup branch the applicant chose): the desk tells the applicant where to go. */
    elsewhere: z.array(z.object({ reference: z.string(), status: CaseStatusSchema, branch: z.string() })),
    /** The documents the person may apply for today (their legal status allows them and the fee table prices them): the desk offers only these. */
    documentTypes: z.array(DocumentTypeSchema),
  }),
});
export const applyAtDesk = defineEndpoint({
  method: 'POST',
  path: '/api/documents/applications',
  summary:
    'Take a document application at the desk: identity checked, photo, fee, submitted (and proposed) in one step (idempotent with an Idempotency-Key header)',
  tags: ['documents'],
  body: DeskApplicationRequest,
  response: CaseView,
  successStatus: 201,
});
export const receiveApplication = defineEndpoint({
  method: 'POST',
  path: '/api/documents/applications/{caseId}/reception',
  summary: 'Receive an application prepared online: identity checked, photo, fee if unpaid; its clock starts',
  tags: ['documents'],
  params: CaseIdParam,
  body: ReceptionRequest,
  response: CaseView,
});
export const handOverDocument = defineEndpoint({
  method: 'POST',
  path: '/api/documents/applications/{caseId}/hand-over',
  summary:
    'Hand the made document over at the desk with the holder’s identity confirmed: it is issued and valid from now',
  tags: ['documents'],
  params: CaseIdParam,
  body: HandOverRequest,
  response: CaseView,
});
export const listBatches = defineEndpoint({
  method: 'GET',
  path: '/api/documents/production-batches',
  summary: 'Production batches sent to the personalization centre, and how many applications wait for the next',
  tags: ['documents'],
  response: z.object({ batches: z.array(BatchSummary), waiting: z.number().int() }),
});
export const createBatch = defineEndpoint({
  method: 'POST',
  path: '/api/documents/production-batches',
  summary:
    'Order the approved applications’ documents in one batch: numbers assigned, signed export stored (idempotent with an Idempotency-Key header)',
  tags: ['documents'],
  response: BatchView,
  successStatus: 201,
});
export const readBatch = defineEndpoint({
  method: 'GET',
  path: '/api/documents/production-batches/{batchId}',
  summary: 'A production batch and the centre’s answer for each document',
  tags: ['documents'],
  params: BatchParam,
  response: BatchView,
});
export const exportBatch = defineEndpoint({
  method: 'GET',
  path: '/api/documents/production-batches/{batchId}/export',
  summary: 'The batch’s signed export (JWS, flattened JSON, EdDSA): the same bytes every time',
  tags: ['documents'],
  params: BatchParam,
  response: null,
});
export const confirmBatch = defineEndpoint({
  method: 'POST',
  path: '/api/documents/production-batches/{batchId}/confirmations',
  summary:
    'Record the centre’s confirmation per document number: made (ready for pickup) or spoiled (ordered again under a new number); repeats are harmless',
  tags: ['documents'],
  params: BatchParam,
  body: ConfirmationRequest,
  response: BatchView,
});
/** The personalization centre's own system, with its partner key (`PRODUCTION_CENTRE_PARTNER`): it fetches the signed export and confirms each number. */
export const centreExportBatch = defineEndpoint({
  method: 'GET',
  path: '/api/exchange/production-batches/{batchId}/export',
  summary:
    'For the personalization centre’s system (partner key): the batch’s signed export, the same bytes as the staff download',
  tags: ['documents'],
  params: BatchParam,
  response: null,
});
export const centreConfirmBatch = defineEndpoint({
  method: 'POST',
  path: '/api/exchange/production-batches/{batchId}/confirmations',
  summary:
    'For the personalization centre’s system (partner key): made or spoiled per document number, as on the staff screen; repeats are harmless',
  tags: ['documents'],
  params: BatchParam,
  body: ConfirmationRequest,
  response: BatchView,
});
export const signingKey = defineEndpoint({
  method: 'GET',
  path: '/api/documents/production-batches/signing-key',
  summary: 'The public key (JWK) that verifies production exports',
  tags: ['documents'],
  response: z.object({
    kty: z.string(),
    crv: z.string().optional(),
    x: z.string().optional(),
    kid: z.string(),
    alg: z.string().optional(),
    use: z.string().optional(),
  }),
});
