/** All SQL for schema `identity`. */
import { sql, type Insertable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { SessionTable } from './identity.tables.ts';
import { precompiled } from '../../db/precompiled.ts';
import type { Role } from '../../../shared/kernel/permissions.ts';

const staffColumns = [
  'a.id',
  'a.username',
  'a.displayName',
  'a.email',
  'a.passwordHash',
  'a.roles',
  'a.branchId',
  'b.code as branchCode',
  'a.institution',
  'a.totpSecret',
  'a.totpEnabled',
  'a.totpLastStep',
  'a.isDemo',
  'a.failedLoginCount',
  'a.lockedUntil',
  'a.oidcSubject',
  'a.createdAt',
  'a.disabledAt',
] as const;

export interface StaffAccountRow {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  roles: Role[];
  branchId: string;
  branchCode: string;
  institution: string;
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  isDemo: boolean;
  failedLoginCount: number;
  lockedUntil: string | null;
  oidcSubject: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export type NewSession = Omit<Insertable<SessionTable>, 'id' | 'endedAt' | 'endReason'> & {
  createdAt: string;
  lastSeenAt: string;
};

const sessionColumns = (db: DbExecutor) =>
  db
    .selectFrom('identity.session as s')
    .leftJoin('identity.staffAccount as a', 'a.id', 's.staffAccountId')
    .leftJoin('identity.branch as b', 'b.id', 'a.branchId')
    .select([
      's.id',
      's.kind',
      's.staffAccountId',
      's.personId',
      's.personalCode',
      's.displayName',
      's.csrfToken',
      's.mfaPending',
      's.lastSeenAt',
      's.expiresAt',
      's.endedAt',
      's.endReason',
      's.tokenHash',
      'a.username',
      'a.displayName as accountDisplayName',
      'a.roles',
      'a.branchId',
      'b.code as branchCode',
      'b.municipalityCode as branchMunicipalityCode',
      'a.institution',
      'a.isDemo',
      'a.totpEnabled',
      'a.disabledAt',
    ]);

const sessionsByTokenHashes = precompiled((db: DbExecutor) =>
  sessionColumns(db).where(sql<boolean>`s.token_hash = ANY(${[] as string[]}::text[])`),
);

export type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionColumns>['executeTakeFirstOrThrow']>>;

export function createIdentityRepository() {
  const staffQuery = (db: DbExecutor) =>
    db
      .selectFrom('identity.staffAccount as a')
      .innerJoin('identity.branch as b', 'b.id', 'a.branchId')
      .select(staffColumns);

  return {
    async findStaffByUsername(db: DbExecutor, username: string): Promise<StaffAccountRow | undefined> {
      return (await staffQuery(db).where('a.username', '=', username).executeTakeFirst()) as
        StaffAccountRow | undefined;
    },
    async findStaffById(db: DbExecutor, id: string): Promise<StaffAccountRow | undefined> {
      return (await staffQuery(db).where('a.id', '=', id).executeTakeFirst()) as StaffAccountRow | undefined;
    },
    async findStaffByOidcSubject(db: DbExecutor, subject: string): Promise<StaffAccountRow | undefined> {
      return (await staffQuery(db).where('a.oidcSubject', '=', subject).executeTakeFirst()) as
        StaffAccountRow | undefined;
    },
    async listStaff(db: DbExecutor, branchId?: string): Promise<StaffAccountRow[]> {
      let q = staffQuery(db);
      if (branchId) q = q.where('a.branchId', '=', branchId);
      return (await q.orderBy('a.username').execute()) as StaffAccountRow[];
    },
    async insertStaff(
      db: DbExecutor,
      row: {
        username: string;
        displayName: string;
        email: string | null;
        passwordHash: string;
        roles: Role[];
        branchId: string;
        isDemo?: boolean;
        oidcSubject?: string | null;
      },
    ): Promise<string> {
      const { id } = await db
        .insertInto('identity.staffAccount')
        .values({
          ...row,
          isDemo: row.isDemo ?? false,
          oidcSubject: row.oidcSubject ?? null,
          totpSecret: null,
          lockedUntil: null,
          disabledAt: null,
          totpLastStep: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    async setLoginFailures(db: DbExecutor, id: string, count: number, lockedUntil: string | null): Promise<void> {
      await db
        .updateTable('identity.staffAccount')
        .set({ failedLoginCount: count, lockedUntil })
        .where('id', '=', id)
        .execute();
    },
    /** Adds one failure atomically (parallel wrong attempts all count) and returns the new count. */
    async incrementLoginFailures(db: DbExecutor, id: string): Promise<number> {
      const row = await db
        .updateTable('identity.staffAccount')
        .set((eb) => ({ failedLoginCount: eb('failedLoginCount', '+', 1) }))
        .where('id', '=', id)
        .returning('failedLoginCount')
        .executeTakeFirstOrThrow();
      return row.failedLoginCount;
    },
    /**
     * Records a TOTP time step as used, only if it is newer than the last one: a code works once, even
     * when two requests bring it at the same moment. Returns false for a replay.
     */
    async claimTotpStep(db: DbExecutor, id: string, step: number): Promise<boolean> {
      const r = await db
        .updateTable('identity.staffAccount')
        .set({ totpLastStep: step, totpEnabled: true })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async setTotp(
      db: DbExecutor,
      id: string,
      values: { totpSecret?: string | null; totpEnabled?: boolean; totpLastStep?: number | null },
    ): Promise<void> {
      await db.updateTable('identity.staffAccount').set(values).where('id', '=', id).execute();
    },

    async insertSession(db: DbExecutor, s: NewSession): Promise<string> {
      const { id } = await db
        .insertInto('identity.session')
        .values({ ...s, endedAt: null, endReason: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
    /**
     * Sessions with their staff account and branch, for many token hashes in one round trip: this runs on
     * every API request, and requests arriving together share it.
     */
    async findSessionsByTokenHashes(db: DbExecutor, tokenHashes: readonly string[]) {
      const rows = await sessionsByTokenHashes(db, [[...tokenHashes]]);
      return new Map(rows.map((r) => [r.tokenHash, r]));
    },
    async touchSession(db: DbExecutor, id: string, at: string): Promise<void> {
      await db
        .updateTable('identity.session')
        .set({ lastSeenAt: at })
        .where('id', '=', id)
        .where('endedAt', 'is', null)
        .execute();
    },
    async completeMfa(db: DbExecutor, id: string): Promise<void> {
      await db
        .updateTable('identity.session')
        .set({ mfaPending: false, authMethod: 'password+totp' })
        .where('id', '=', id)
        .execute();
    },
    async endSession(
      db: DbExecutor,
      id: string,
      at: string,
      reason: 'signed-out' | 'idle' | 'expired' | 'revoked',
    ): Promise<void> {
      await db
        .updateTable('identity.session')
        .set({ endedAt: at, endReason: reason })
        .where('id', '=', id)
        .where('endedAt', 'is', null)
        .execute();
    },

    async listDemoPersons(db: DbExecutor) {
      return db.selectFrom('identity.demoEidPerson').selectAll().orderBy('surname').orderBy('givenNames').execute();
    },
    async findDemoPerson(db: DbExecutor, personId: string) {
      return db.selectFrom('identity.demoEidPerson').selectAll().where('personId', '=', personId).executeTakeFirst();
    },

    async listBranches(db: DbExecutor) {
      return db
        .selectFrom('identity.branch')
        .select(['id', 'code', 'nameLv', 'nameEn', 'municipalityCode', 'address', 'institution'])
        .orderBy('code')
        .execute();
    },
    async findBranch(db: DbExecutor, id: string) {
      return db.selectFrom('identity.branch').select(['id', 'code']).where('id', '=', id).executeTakeFirst();
    },

    async contactOf(db: DbExecutor, personId: string) {
      return db
        .selectFrom('identity.residentContact')
        .select(['email', 'language'])
        .where('personId', '=', personId)
        .executeTakeFirst();
    },
    async contactsOf(db: DbExecutor, personIds: readonly string[]) {
      if (personIds.length === 0) return [];
      return db
        .selectFrom('identity.residentContact')
        .select(['personId', 'email', 'language'])
        .where('personId', 'in', [...personIds])
        .execute();
    },
    async saveContact(
      db: DbExecutor,
      row: { personId: string; email: string; language: 'lv' | 'en'; updatedAt: string },
    ): Promise<void> {
      await db
        .insertInto('identity.residentContact')
        .values(row)
        .onConflict((oc) =>
          oc.column('personId').doUpdateSet({ email: row.email, language: row.language, updatedAt: row.updatedAt }),
        )
        .execute();
    },
    async deleteContact(db: DbExecutor, personId: string): Promise<void> {
      await db.deleteFrom('identity.residentContact').where('personId', '=', personId).execute();
    },

    async insertPendingOidc(
      db: DbExecutor,
      row: {
        state: string;
        kind: 'staff' | 'resident';
        codeVerifier: string;
        nonce: string;
        returnTo: string;
        createdAt: string;
      },
    ): Promise<void> {
      await db.insertInto('identity.oidcPendingLogin').values(row).execute();
    },
    /** Takes (deletes and returns) a pending login, so a state value works once. */
    async takePendingOidc(db: DbExecutor, state: string, notBefore: string) {
      await db.deleteFrom('identity.oidcPendingLogin').where('createdAt', '<', notBefore).execute();
      return db.deleteFrom('identity.oidcPendingLogin').where('state', '=', state).returningAll().executeTakeFirst();
    },
  };
}
export type IdentityRepository = ReturnType<typeof createIdentityRepository>;
