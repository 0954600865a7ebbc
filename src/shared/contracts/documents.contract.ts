/** Identity and travel documents over HTTP: the public validity check, a person's documents, invalidation, the partners' change feed. */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { PlainDateSchema } from '../kernel/plain-date.ts';

export const DOCUMENT_TYPES = [
  'passport',
  'identity-card',
  'non-citizen-passport',
  'stateless-travel-document',
  'refugee-travel-document',
  'alternative-status-travel-document',
  'residence-permit-card',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);

/** Why a document stopped being valid (DOMAIN.md §3.4). `expired` is never recorded: it follows from the date. */
export const INVALIDATION_REASONS = [
  'lost',
  'stolen',
  'damaged',
  'data-changed',
  'holder-died',
  'annulled',
  'replaced',
] as const;
export type InvalidationReason = (typeof INVALIDATION_REASONS)[number];
/** What a resident may report themselves; the rest is an officer's finding. */
export const RESIDENT_REPORTS = ['lost', 'stolen'] as const;

/** A document number as printed: letters and digits, 5 to 12 characters. */
export const DocumentNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{5,12}$/, 'format.issuedDocumentNumber');

export const ValidityAnswer = z.object({
  number: z.string(),
  /** `unknown`: no such document of that type (the check never says whose it is). */
  status: z.enum(['valid', 'invalid', 'unknown']),
  type: DocumentTypeSchema.nullable(),
  /** For an invalid document: the day since which it is invalid. */
  invalidSince: z.string().nullable(),
  checkedOn: z.string(),
});
export type ValidityAnswer = z.infer<typeof ValidityAnswer>;

export const DocumentView = z.object({
  id: z.uuid(),
  type: DocumentTypeSchema,
  number: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  issuingBranch: z.string().nullable(),
  status: z.enum(['valid', 'invalid']),
  invalidSince: z.string().nullable(),
  invalidationReason: z.enum([...INVALIDATION_REASONS, 'expired']).nullable(),
  /** The machine-readable zone as printed (staff only; empty for the resident's own list). */
  mrz: z.array(z.string()),
});
export type DocumentView = z.infer<typeof DocumentView>;

const PersonParam = z.object({ personId: z.uuid() });
const DocumentParam = z.object({ documentId: z.uuid() });

export const checkDocumentValidity = defineEndpoint({
  method: 'GET',
  path: '/api/public/documents/{number}/validity',
  summary:
    'Is this document valid? Anyone may ask, without signing in (rate-limited); partner systems send their X-Api-Key for higher limits. Answers valid, invalid (with the date) or unknown, never whose it is',
  tags: ['documents'],
  params: z.object({ number: DocumentNumber }),
  query: z.object({ type: DocumentTypeSchema.optional() }),
  response: ValidityAnswer,
});

export const listPersonDocuments = defineEndpoint({
  method: 'GET',
  path: '/api/documents/persons/{personId}',
  summary:
    'A person’s identity and travel documents with their validity and MRZ (audited; needs a case reference or reason)',
  tags: ['documents'],
  params: PersonParam,
  query: z.object({
    caseReference: z.string().trim().max(40).optional(),
    reason: z.string().trim().max(200).optional(),
  }),
  response: z.object({ documents: z.array(DocumentView) }),
});

export const InvalidationBody = z.strictObject({
  reason: z.enum(INVALIDATION_REASONS),
  /** The day it became invalid: today, or the day the holder says it was lost or stolen (not in the future). */
  effectiveOn: PlainDateSchema,
  note: z.string().trim().min(1).max(500),
});
export const invalidateDocument = defineEndpoint({
  method: 'POST',
  path: '/api/documents/{documentId}/invalidation',
  summary:
    'Invalidate a document (lost, stolen, damaged, data changed, annulled …); partners learn of it through the change feed',
  tags: ['documents'],
  params: DocumentParam,
  body: InvalidationBody,
  response: DocumentView,
});

export const listMyDocuments = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/documents',
  summary: 'My identity and travel documents, and my minor children’s and wards’, with their validity',
  tags: ['documents'],
  response: z.object({ documents: z.array(DocumentView.extend({ holderName: z.string(), holderPersonId: z.uuid() })) }),
});
export const reportMyDocument = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/documents/{documentId}/report',
  summary: 'Report my document (or my child’s) lost or stolen: it is invalid at once',
  tags: ['documents'],
  params: DocumentParam,
  body: z.strictObject({ reason: z.enum(RESIDENT_REPORTS), circumstances: z.string().trim().min(1).max(1000) }),
  response: DocumentView,
});

export const DocumentChange = z.object({
  seq: z.number().int(),
  number: z.string(),
  type: DocumentTypeSchema,
  change: z.enum(['issued', 'invalidated']),
  invalidSince: z.string().nullable(),
  reason: z.enum(INVALIDATION_REASONS).nullable(),
  at: z.string(),
});
export const documentChanges = defineEndpoint({
  method: 'GET',
  path: '/api/exchange/document-changes',
  summary: 'Partners’ feed of issued and invalidated documents after a sequence number (X-Api-Key)',
  tags: ['documents'],
  query: z.object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  }),
  response: z.object({ changes: z.array(DocumentChange), last: z.number().int() }),
});
