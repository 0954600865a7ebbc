/** Kysely table types for schema `migration` (kept in step with the migrations by schema-drift.test.ts). */
import type { ColumnType, Generated } from 'kysely';
import type { PermitKind } from '../../../shared/kernel/migration-grounds.ts';

type Timestamp = ColumnType<string, string, string>;
type DateColumn = ColumnType<string, string, string>;
/** jsonb: written as a JSON string (or null), read back as a parsed value. */
type Json<T> = ColumnType<T | null, string | null, string | null>;

export interface VisaNumberCounterTable {
  issuingState: string;
  /** bigint, read as a number (database.ts parses INT8). */
  last: number;
}

/** How a visa ended before its time: annulled or revoked on the standard form's grounds. */
export type VisaEnding = {
  kind: 'annulment' | 'revocation';
  grounds: string[];
  reasoning: string;
  on: string;
  by: string;
  byId: string;
};

export interface VisaTable {
  visaNumber: string;
  caseId: string;
  caseReference: string;
  personId: string | null;
  visaType: 'C' | 'D';
  territory: 'uniform' | 'limited' | 'national';
  entries: 'single' | 'double' | 'multiple';
  validFrom: DateColumn;
  validUntil: DateColumn;
  durationDays: number;
  issuedOn: DateColumn;
  givenNames: string;
  surname: string;
  birthDate: DateColumn;
  nationality: string;
  travelDocumentNumber: string;
  /** The language of the application: the holder's papers (an annulment form) are in it. */
  language: 'lv' | 'en';
  mrz: string[];
  status: Generated<'valid' | 'annulled' | 'revoked'>;
  ended: Json<VisaEnding>;
  createdAt: Timestamp;
}

/** How a permit was cancelled before its time (Immigration Law). */
export type PermitCancellation = {
  grounds: string[];
  reasoning: string;
  on: string;
  by: string;
  byId: string;
  /** The day it was decided (absent on cancellations recorded before it was kept). */
  decidedOn?: string;
};

export interface ResidencePermitTable {
  /** The reference of the case that granted it. */
  permitNumber: string;
  caseId: string;
  personId: string;
  kind: PermitKind;
  ground: string;
  validFrom: DateColumn;
  validUntil: DateColumn | null;
  cardValidUntil: DateColumn | null;
  grantedOn: DateColumn;
  language: 'lv' | 'en';
  status: Generated<'valid' | 'cancelled'>;
  cancelled: Json<PermitCancellation>;
  createdAt: Timestamp;
}

export interface MigrationTables {
  'migration.visaNumberCounter': VisaNumberCounterTable;
  'migration.visa': VisaTable;
  'migration.residencePermit': ResidencePermitTable;
}
