/** All SQL for schema `audit`. */
import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { precompiled } from '../../db/precompiled.ts';
import type { AuditEntryTable } from './audit.tables.ts';

/**
 * The chain's head row, locked: appends are serialized so every entry links to the one before. Under
 * READ COMMITTED a waiting FOR UPDATE returns the head as the previous append committed it.
 */
const lockedHead = precompiled((db: DbExecutor) =>
  db.selectFrom('audit.chainHead').select(['seq', 'hash']).where('id', '=', 1).forUpdate(),
);

/**
 * Appends entries and moves the head in one statement (one round trip however many entries); the
 * entries travel as one JSON array whose keys are the column names.
 */
const appendEntries = precompiled((db: DbExecutor) =>
  db
    .with('moved', (q) => q.updateTable('audit.chainHead').set({ seq: 0, hash: '' }).where('id', '=', 1))
    .insertInto('audit.entry')
    .expression(sql`SELECT * FROM json_populate_recordset(NULL::audit.entry, ${''}::json)`),
);

/**
 * Appends entries only if the head is still (seq, hash): the UPDATE waits for any other writer holding
 * the head and re-checks its condition against what that writer committed, so a moved head matches no
 * row and nothing is inserted. One statement, so it commits or fails whole.
 */
const appendIfHeadIs = precompiled((db: DbExecutor) => ({
  compile: () =>
    sql<{ seq: number }>`
    WITH moved AS (
      UPDATE audit.chain_head SET seq = ${0}, hash = ${''} WHERE id = 1 AND seq = ${0} AND hash = ${''} RETURNING id
    )
    INSERT INTO audit.entry SELECT e.* FROM json_populate_recordset(NULL::audit.entry, ${''}::json) AS e, moved
    RETURNING seq`.compile(db),
}));

const columnsOf = (e: AuditEntryTable) => ({
  seq: e.seq,
  id: e.id,
  occurred_at: e.occurredAt,
  actor_type: e.actorType,
  actor_id: e.actorId,
  actor_name: e.actorName,
  actor_role: e.actorRole,
  institution: e.institution,
  action: e.action,
  purpose: e.purpose,
  legal_basis: e.legalBasis,
  case_reference: e.caseReference,
  reason: e.reason,
  subject_person_id: e.subjectPersonId,
  resource: e.resource,
  touched: e.touched,
  request_id: e.requestId,
  prev_hash: e.prevHash,
  hash: e.hash,
});

export function createAuditRepository() {
  return {
    /** Takes the chain lock for the rest of the transaction and returns the current head. */
    async lockHead(trx: DbExecutor): Promise<{ seq: number; hash: string }> {
      const [head] = await lockedHead(trx, [1]);
      if (!head) throw new Error('the audit chain has no head row');
      return head;
    },

    /** Appends entries (in chain order, linked to the locked head) and moves the head to the last. */
    async insertEntries(trx: DbExecutor, entries: readonly AuditEntryTable[]): Promise<void> {
      const last = entries.at(-1);
      if (!last) return;
      await appendEntries(trx, [last.seq, last.hash, 1, JSON.stringify(entries.map(columnsOf))]);
    },

    /** Appends `entries` (linked after `head`) if the head has not moved; says whether it did. */
    async appendIfHead(
      db: DbExecutor,
      head: { seq: number; hash: string },
      entries: readonly AuditEntryTable[],
    ): Promise<boolean> {
      const last = entries.at(-1);
      if (!last) return true;
      const rows = await appendIfHeadIs(db, [
        last.seq,
        last.hash,
        head.seq,
        head.hash,
        JSON.stringify(entries.map(columnsOf)),
      ]);
      return rows.length === entries.length;
    },

    async readHead(db: DbExecutor): Promise<{ seq: number; hash: string }> {
      return db.selectFrom('audit.chainHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    },

    /** Entries in chain order after `afterSeq`, for the verifier. */
    async entriesAfter(db: DbExecutor, afterSeq: number, limit: number): Promise<AuditEntryTable[]> {
      return db.selectFrom('audit.entry').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
    },

    /** Newest first; `beforeSeq` pages backwards. Uses entry_subject_idx. */
    async entriesAboutPerson(
      db: DbExecutor,
      personId: string,
      limit: number,
      beforeSeq?: number,
    ): Promise<AuditEntryTable[]> {
      let q = db.selectFrom('audit.entry').selectAll().where('subjectPersonId', '=', personId);
      if (beforeSeq !== undefined) q = q.where('seq', '<', beforeSeq);
      return q.orderBy('seq', 'desc').limit(limit).execute();
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
