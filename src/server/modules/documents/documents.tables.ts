/** Kysely table types for schema `documents` (kept in step with the migrations by schema-drift.test.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string, string>;

export interface NumberSeriesTable {
  documentType: string;
  prefix: string;
  last: number;
}

export interface ProductionBatchTable {
  id: string;
  reference: string;
  createdAt: Timestamp;
  createdBy: string;
  idempotencyKey: string | null;
  itemCount: number;
  keyId: string;
  signedExport: string;
  confirmedAt: Timestamp | null;
}

export interface ProductionItemTable {
  batchId: string;
  caseId: string;
  caseReference: string;
  documentType: string;
  documentNumber: string;
  personId: string;
  issuedOn: string;
  validUntil: string;
  result: Generated<'ordered' | 'produced' | 'failed'>;
  resultReason: string | null;
  resultAt: Timestamp | null;
}

export interface DocumentTable {
  id: string;
  documentType: string;
  number: string;
  personId: string;
  surname: string;
  givenNames: string;
  nationality: string;
  issuedOn: string;
  validUntil: string;
  issuingBranchId: string | null;
  mrz: string[];
  invalidatedOn: string | null;
  invalidationReason: string | null;
  invalidationNote: string | null;
  invalidatedBy: string | null;
  issuedAt: Timestamp;
  invalidatedAt: Timestamp | null;
}

export interface DocumentChangeTable {
  seq: Generated<number>;
  documentId: string;
  change: 'issued' | 'invalidated';
  at: Timestamp;
}

export interface DocumentsTables {
  'documents.numberSeries': NumberSeriesTable;
  'documents.document': DocumentTable;
  'documents.change': DocumentChangeTable;
  'documents.productionBatch': ProductionBatchTable;
  'documents.productionItem': ProductionItemTable;
}
