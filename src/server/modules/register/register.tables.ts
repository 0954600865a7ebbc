/** Kysely table types for schema `register` (kept in step with the migrations by schema-drift.test.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string, string>;
/** jsonb: written as a JSON string, read back as a parsed value. */
type Json<T> = ColumnType<T, string, string>;

export interface PersonTable {
  id: string;
  personalCode: string;
  givenNames: string;
  surname: string;
  originalName: string | null;
  sex: 'M' | 'F';
  birthDate: string;
  legalStatus: string;
  citizenships: string[];
  municipalityCode: string | null;
  abroadCountry: string | null;
  deathDate: string | null;
  surnameStem: string;
  nameFold: string;
  /** Search keys as 32-bit hashes (search-keys.ts, decision 0016). */
  searchHashes: number[];
  birthYear: number;
  version: Generated<number>;
  registeredAt: Timestamp;
  updatedAt: Timestamp;
}

export interface LifeEventTable {
  id: string;
  personId: string;
  kind: string;
  effectiveDate: string;
  recordedAt: Timestamp;
  legalBasis: string;
  sourceDocument: string | null;
  channel: 'desk' | 'portal' | 'system';
  actorType: 'staff' | 'resident' | 'partner' | 'system';
  actorId: string;
  institution: string;
  details: Json<Record<string, unknown>>;
}

/** Columns every bitemporal fact row has: valid time [validFrom, validTo) and recorded time [recordedAt, supersededAt). */
export interface FactColumns {
  id: Generated<number>;
  personId: string;
  validFrom: string;
  validTo: string | null;
  recordedAt: Timestamp;
  supersededAt: string | null;
  eventId: string | null;
}

export interface CodeFactTable extends FactColumns {
  personalCode: string;
}

export interface NameFactTable extends FactColumns {
  givenNames: string;
  surname: string;
  originalName: string | null;
}

export interface CoreFactTable extends FactColumns {
  sex: 'M' | 'F';
  birthDate: string;
  birthCountry: string;
  birthMunicipality: string | null;
  birthPlace: string | null;
  birthSurname: string | null;
  ethnicity: string | null;
  deathDate: string | null;
}

export interface StatusFactTable extends FactColumns {
  legalStatus: string;
  citizenships: string[];
}

export interface AddressFactTable extends FactColumns {
  isAdditional: boolean;
  country: string;
  municipalityCode: string | null;
  settlement: string | null;
  street: string | null;
  building: string | null;
  flat: string | null;
  postcode: string | null;
  addressLine: string | null;
  legalBasis: string | null;
}

/** A right to reside: its validity is the fact's valid time; the document that carries it and the case that granted it. */
export interface ResidenceFactTable extends FactColumns {
  kind:
    | 'long-stay-visa'
    | 'temporary-permit'
    | 'permanent-permit'
    | 'eu-long-term-resident'
    | 'eu-registration-certificate'
    | 'eu-family-residence-card'
    | 'eu-permanent-residence-certificate'
    | 'eu-family-permanent-residence-card';
  documentNumber: string;
  issuedBy: string | null;
  legalBasis: string;
}

export interface RelationFactTable extends FactColumns {
  kind: 'parent' | 'spouse' | 'guardian';
  relatedPersonId: string;
}

export interface PopulationPeriodTable {
  personId: string;
  validFrom: string;
  validTo: string | null;
  municipalityCode: string | null;
  legalStatus: string;
}

export interface ResidenceDeclarationTable {
  id: string;
  eventId: string;
  personId: string;
  declarantPersonId: string | null;
  declarantRole: 'self' | 'parent' | 'guardian' | 'officer';
  validFrom: string;
  country: string;
  municipalityCode: string | null;
  addressLine: string;
  housingBasis: string;
  declaredAt: Timestamp;
}

export interface PendingRegistrationTable {
  id: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  submittedBy: string;
  submittedAt: Timestamp;
  status: Generated<'held' | 'registered' | 'merged'>;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  personId: string | null;
}

export interface DuplicateCandidateTable {
  id: Generated<string>;
  personId: string | null;
  pendingRegistrationId: string | null;
  otherPersonId: string;
  score: number;
  reasons: string[];
  source: 'registration' | 'scan';
  foundAt: Timestamp;
  status: Generated<'open' | 'same-person' | 'different-persons'>;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** An index build a bulk load committed with its rows and has not finished yet (decision 0013). */
export interface PendingIndexTable {
  statement: string;
  queuedAt: Generated<Timestamp>;
}

export interface RegisterTables {
  'register.person': PersonTable;
  'register.lifeEvent': LifeEventTable;
  'register.codeFact': CodeFactTable;
  'register.nameFact': NameFactTable;
  'register.coreFact': CoreFactTable;
  'register.statusFact': StatusFactTable;
  'register.addressFact': AddressFactTable;
  'register.relationFact': RelationFactTable;
  'register.residenceFact': ResidenceFactTable;
  'register.populationPeriod': PopulationPeriodTable;
  'register.residenceDeclaration': ResidenceDeclarationTable;
  'register.pendingRegistration': PendingRegistrationTable;
  'register.duplicateCandidate': DuplicateCandidateTable;
  'register.pendingIndex': PendingIndexTable;
}

export type FactTableName =
  | 'register.codeFact'
  | 'register.nameFact'
  | 'register.coreFact'
  | 'register.statusFact'
  | 'register.addressFact'
  | 'register.relationFact'
  | 'register.residenceFact';
