/** "Who used my data" and the audit chain verifier. */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { LIFE_EVENT_KINDS } from './register.contract.ts';

/**
 * The codes an audit entry may carry. The audit gate takes only these (typed), and each has a message in
 * both languages (`action.*`, `purpose.*`, `dataUse.activity.<resource>.<action>`; a test checks), so
 * "who used my data" never shows a raw code.
 */
/**
 * `list`: a person shown as one row of a list (a work queue, the resident's own applications); `export`: a
 * person's data sent out of the office in a file (the personalization centre's production export).
 */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'list',
  'export',
  'create',
  'update',
  'delete',
  'decide',
  'sign-in',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_PURPOSES = [
  'authentication',
  'data-subject-access',
  'legal-representative-access',
  'data-protection-supervision',
  'case-processing',
  'register-lookup',
  'person-search',
  'duplicate-check',
  'duplicate-review',
  'municipality-residence-register',
  'appointment-list',
  'document-issuance',
  'document-lookup',
  'document-invalidation',
  'document-production',
  ...LIFE_EVENT_KINDS.map((k) => `life-event:${k}` as const),
] as const;
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number];

/** What was touched, and what can be done to it: each pair is told as one activity ("Booked a visit"). */
export const AUDIT_ACTIVITIES = {
  'identity.session': ['sign-in'],
  'identity.resident_contact': ['read', 'update', 'delete'],
  'register.person': ['read', 'search', 'update'],
  'register.residenceDeclaration': ['read'],
  'register.pendingRegistration': ['decide'],
  'register.duplicateCandidate': ['decide'],
  'appointments.booking': ['create', 'read', 'update'],
  'cases.case': ['create', 'read', 'list', 'update', 'decide'],
  'documents.document': ['create', 'read', 'update'],
  'documents.productionBatch': ['export'],
  'migration.visa': ['read', 'update'],
  'migration.residencePermit': ['read', 'update'],
  'audit.entry': ['read'],
} as const satisfies Record<string, readonly AuditAction[]>;
export type AuditResource = keyof typeof AUDIT_ACTIVITIES;
export const AUDIT_RESOURCES = Object.keys(AUDIT_ACTIVITIES) as AuditResource[];

/**
 * Who acted, as the person reading the log should be told: they themselves, their legal representative
 * (a parent or guardian in the portal), an officer of an institution (the office, a municipality), a
 * partner institution's system (the personalization centre), or the office's own system (a background
 * job, the demo data).
 */
export const DATA_USE_ACTORS = ['self', 'representative', 'officer', 'partner', 'system'] as const;
export type DataUseActor = (typeof DATA_USE_ACTORS)[number];

/** What a resident sees about one use of their data: the institution and role, never the officer's name. */
export const DataUseEntry = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  actorType: z.enum(['staff', 'resident', 'partner', 'system']),
  /** Who acted, relative to the person the entry is about. */
  actor: z.enum(DATA_USE_ACTORS),
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
  method: 'GET',
  path: '/api/portal/me/data-use',
  summary: 'Who used my data: every access to the signed-in resident’s data, newest first',
  tags: ['audit'],
  query: PageQuery,
  response: DataUsePage,
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
  method: 'GET',
  path: '/api/audit/persons/{personId}/entries',
  summary: 'Audit entries about one person (the reading itself is audited)',
  tags: ['audit'],
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
  method: 'GET',
  path: '/api/audit/verify',
  summary: 'Verify the whole audit hash chain',
  tags: ['audit'],
  response: AuditVerifyResponse,
});
