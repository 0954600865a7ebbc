/** The migration module's tables: issued visas and the sticker number counter. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { PermitCancellation, ResidencePermitTable, VisaEnding, VisaTable } from './migration.tables.ts';

export type VisaRow = Selectable<VisaTable>;
export type PermitRow = Selectable<ResidencePermitTable>;

export function createMigrationRepository() {
  return {
    /** The next serial of an issuing state's stickers: one statement, so the counter row is locked only for it. */
    async nextVisaSerial(db: DbExecutor, issuingState: string): Promise<number> {
      const row = await db
        .insertInto('migration.visaNumberCounter')
        .values({ issuingState, last: 1 })
        .onConflict((oc) =>
          oc.column('issuingState').doUpdateSet({ last: sql`migration.visa_number_counter.last + 1` }),
        )
        .returning('last')
        .executeTakeFirstOrThrow();
      return Number(row.last);
    },
    async insertVisa(
      db: DbExecutor,
      row: Omit<Insertable<VisaTable>, 'ended' | 'mrz'> & { ended: null; mrz: string[] },
    ): Promise<void> {
      await db
        .insertInto('migration.visa')
        .values({ ...row, ended: null })
        .execute();
    },
    visaOfCase: (db: DbExecutor, caseId: string): Promise<VisaRow | undefined> =>
      db.selectFrom('migration.visa').selectAll().where('caseId', '=', caseId).executeTakeFirst(),
    visaByNumber: (db: DbExecutor, visaNumber: string, lock = false): Promise<VisaRow | undefined> => {
      const q = db.selectFrom('migration.visa').selectAll().where('visaNumber', '=', visaNumber);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    async endVisa(db: DbExecutor, visaNumber: string, ending: VisaEnding): Promise<void> {
      await db
        .updateTable('migration.visa')
        .set({ status: ending.kind === 'annulment' ? 'annulled' : 'revoked', ended: JSON.stringify(ending) })
        .where('visaNumber', '=', visaNumber)
        .execute();
    },
    async insertPermit(
      db: DbExecutor,
      row: Omit<Insertable<ResidencePermitTable>, 'cancelled' | 'status'>,
    ): Promise<void> {
      await db
        .insertInto('migration.residencePermit')
        .values({ ...row, cancelled: null })
        .execute();
    },
    permitOfCase: (db: DbExecutor, caseId: string): Promise<PermitRow | undefined> =>
      db.selectFrom('migration.residencePermit').selectAll().where('caseId', '=', caseId).executeTakeFirst(),
    permitByNumber: (db: DbExecutor, permitNumber: string, lock = false): Promise<PermitRow | undefined> => {
      const q = db.selectFrom('migration.residencePermit').selectAll().where('permitNumber', '=', permitNumber);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },
    async cancelPermit(db: DbExecutor, permitNumber: string, cancellation: PermitCancellation): Promise<void> {
      await db
        .updateTable('migration.residencePermit')
        .set({ status: 'cancelled', cancelled: JSON.stringify(cancellation) })
        .where('permitNumber', '=', permitNumber)
        .execute();
    },
  };
}
export type MigrationRepository = ReturnType<typeof createMigrationRepository>;
