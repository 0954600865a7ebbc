/** Kysely table types for schema `audit`. */
export interface AuditEntryTable {
  seq: number;
  id: string;
  occurredAt: string;
  actorType: 'staff' | 'resident' | 'partner' | 'system';
  actorId: string;
  actorName: string | null;
  actorRole: string | null;
  institution: string;
  action: string;
  purpose: string;
  legalBasis: string;
  caseReference: string | null;
  reason: string | null;
  subjectPersonId: string | null;
  resource: string;
  touched: string[];
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditTables {
  'audit.entry': AuditEntryTable;
  'audit.chainHead': AuditChainHeadTable;
}
