/** All SQL for schema `audit`. */
import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { AuditEntryTable } from './audit.tables.ts';

/** One lock id for the whole chain: appends are serialized so every entry links to the one before. */
const CHAIN_LOCK_ID = 7_201_626;

export function createAuditRepository() {
  return {
    /** Takes the chain lock for the rest of the transaction and returns the current head. */
    async lockHead(trx: DbExecutor): Promise<{ seq: number; hash: string }> {
      await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK_ID})`.execute(trx);
      return trx.selectFrom('audit.chainHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    },

    async insertEntry(trx: DbExecutor, entry: AuditEntryTable): Promise<void> {
      await trx.insertInto('audit.entry').values(entry).execute();
      await trx.updateTable('audit.chainHead').set({ seq: entry.seq, hash: entry.hash }).where('id', '=', 1).execute();
    },

    async readHead(db: DbExecutor): Promise<{ seq: number; hash: string }> {
      return db.selectFrom('audit.chainHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    },

    /** Entries in chain order after `afterSeq`, for the verifier. */
    async entriesAfter(db: DbExecutor, afterSeq: number, limit: number): Promise<AuditEntryTable[]> {
      return db.selectFrom('audit.entry').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
    },

    /** Newest first; `beforeSeq` pages backwards. Uses entry_subject_idx. */
    async entriesAboutPerson(db: DbExecutor, personId: string, limit: number, beforeSeq?: number): Promise<AuditEntryTable[]> {
      let q = db.selectFrom('audit.entry').selectAll().where('subjectPersonId', '=', personId);
      if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
      return q.orderBy('seq', 'desc').limit(limit).execute();
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
