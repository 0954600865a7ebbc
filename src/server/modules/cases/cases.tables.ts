/** Kysely table types for schema `cases` (kept in step with the migrations by schema-drift.test.ts). */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<string, string, string>;
/** jsonb: written as a JSON string, read back as a parsed value. */
type Json<T> = ColumnType<T, string, string>;

export interface CaseTable {
  id: string;
  reference: string;
  caseType: string;
  status: string;
  version: number;
  applicantPersonId: string | null;
  applicantName: string;
  language: 'lv' | 'en';
  contactEmail: string | null;
  channel: 'portal' | 'desk';
  branchId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  subject: Json<Record<string, unknown>>;
  receivedOn: string;
  dueOn: string | null;
  suspended: boolean;
  deadlineAlert: 'none' | 'warned' | 'breached';
  appealOf: string | null;
  /** The version of the procedure's rules the case is decided under (the state's projection; null: lodged before versions). */
  rulesVersion: string | null;
  openedAt: Timestamp;
  updatedAt: Timestamp;
  closedAt: Timestamp | null;
}

export interface CaseActionTable {
  caseId: string;
  seq: number;
  kind: string;
  actorType: 'staff' | 'resident' | 'system';
  actorId: string;
  actorName: string | null;
  onDate: string;
  at: Timestamp;
  payload: Json<Record<string, unknown>>;
}

export interface CaseRepresentativeTable {
  caseId: string;
  personId: string;
  name: string;
  kind: 'parent' | 'guardian' | 'employer' | 'lawyer';
  may: string[];
}

export interface CaseDocumentTable {
  id: string;
  caseId: string;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploadedByType: string;
  uploadedById: string;
  uploadedAt: Timestamp;
}

export interface CaseCommandTable {
  actorType: string;
  actorId: string;
  idempotencyKey: string;
  requestHash: string;
  caseId: string;
  response: Json<unknown>;
  createdAt: Timestamp;
}

export interface ReferenceCounterTable {
  prefix: string;
  year: number;
  last: number;
}

export interface CasesTables {
  'cases.case': CaseTable;
  'cases.action': CaseActionTable;
  'cases.representative': CaseRepresentativeTable;
  'cases.document': CaseDocumentTable;
  'cases.command': CaseCommandTable;
  'cases.referenceCounter': ReferenceCounterTable;
}
