/** Kysely table types for schema `identity` (kept in step with the migrations by schema-drift.test.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string | undefined, string>;
type NullableTimestamp = ColumnType<string | null, string | null | undefined, string | null>;

export interface BranchTable {
  id: Generated<string>;
  code: string;
  nameLv: string;
  nameEn: string;
  municipalityCode: string;
  address: string;
  /** Whose office it is: 'PMLP' (the office's own), or a partner institution's (a municipality's). */
  institution: Generated<string>;
  createdAt: Timestamp;
}

export interface StaffAccountTable {
  id: Generated<string>;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  roles: string[];
  branchId: string;
  institution: Generated<string>;
  totpSecret: string | null;
  totpEnabled: Generated<boolean>;
  totpLastStep: number | null;
  isDemo: Generated<boolean>;
  failedLoginCount: Generated<number>;
  lockedUntil: NullableTimestamp;
  oidcSubject: string | null;
  createdAt: Timestamp;
  disabledAt: NullableTimestamp;
}

export interface SessionTable {
  id: Generated<string>;
  tokenHash: string;
  kind: 'staff' | 'resident';
  staffAccountId: string | null;
  personId: string | null;
  personalCode: string | null;
  displayName: string;
  authMethod: 'password' | 'password+totp' | 'demo-eid' | 'oidc';
  csrfToken: string;
  mfaPending: Generated<boolean>;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: string;
  endedAt: NullableTimestamp;
  endReason: 'signed-out' | 'idle' | 'expired' | 'revoked' | null;
  ip: string | null;
  userAgent: string | null;
}

export interface DemoEidPersonTable {
  personId: string;
  personalCode: string;
  givenNames: string;
  surname: string;
  birthDate: string;
}

export interface OidcPendingLoginTable {
  state: string;
  kind: 'staff' | 'resident';
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  createdAt: Timestamp;
}

export interface ResidentContactTable {
  personId: string;
  email: string;
  language: 'lv' | 'en';
  updatedAt: string;
}

export interface IdentityTables {
  'identity.branch': BranchTable;
  'identity.staffAccount': StaffAccountTable;
  'identity.session': SessionTable;
  'identity.demoEidPerson': DemoEidPersonTable;
  'identity.oidcPendingLogin': OidcPendingLoginTable;
  'identity.residentContact': ResidentContactTable;
}
