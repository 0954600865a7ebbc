/** "Who used my data" and the audit chain verifier. */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';

/** What a resident sees about one use of their data: the institution and role, never the officer's name. */
export const DataUseEntry = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  actorType: z.enum(['staff', 'resident', 'partner', 'system']),
  actorRole: z.string().nullable(),
  institution: z.string(),
  action: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  caseReference: z.string().nullable(),
  resource: z.string(),
  touched: z.array(z.string()),
});
export type DataUseEntry = z.infer<typeof DataUseEntry>;

export const DataUsePage = z.object({
  entries: z.array(DataUseEntry),
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextBefore: z.number().int().optional(),
});

const PageQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const listMyDataUse = defineEndpoint({
  method: 'GET', path: '/api/portal/me/data-use', summary: 'Who used my data: every access to the signed-in resident’s data, newest first', tags: ['audit'],
  query: PageQuery, response: DataUsePage,
});

/** The full entry, for auditors and the data protection officer. */
export const AuditEntry = DataUseEntry.extend({
  seq: z.number().int(),
  actorId: z.string(),
  actorName: z.string().nullable(),
  reason: z.string().nullable(),
  subjectPersonId: z.string().nullable(),
  requestId: z.string().nullable(),
});

export const listPersonAuditEntries = defineEndpoint({
  method: 'GET', path: '/api/audit/persons/{personId}/entries', summary: 'Audit entries about one person (the reading itself is audited)', tags: ['audit'],
  params: z.strictObject({ personId: z.uuid() }),
  query: PageQuery.extend({
    caseReference: z.string().trim().max(100).optional(),
    reason: z.string().trim().max(500).optional(),
  }),
  response: z.object({ entries: z.array(AuditEntry), nextBefore: z.number().int().optional() }),
});

export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  firstBrokenSeq: z.number().int().optional(),
  message: z.string(),
});

export const verifyAuditChain = defineEndpoint({
  method: 'GET', path: '/api/audit/verify', summary: 'Verify the whole audit hash chain', tags: ['audit'],
  response: AuditVerifyResponse,
});
