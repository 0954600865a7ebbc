/** All SQL for schema `documents`. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { DocumentTable, ProductionBatchTable, ProductionItemTable } from './documents.tables.ts';

export type DocumentRow = Selectable<DocumentTable>;

export function createDocumentsRepository() {
  return {
    /** The next number of a series: one statement, so the row's lock lasts no longer than it. */
    async nextNumber(db: DbExecutor, prefix: string, documentType: string): Promise<number> {
      const row = await db
        .insertInto('documents.numberSeries')
        .values({ prefix, documentType, last: 1 })
        .onConflict((oc) => oc.column('prefix').doUpdateSet({ last: sql`documents.number_series.last + 1` }))
        .returning('last')
        .executeTakeFirstOrThrow();
      return Number(row.last);
    },

    async insertBatch(db: DbExecutor, row: Insertable<ProductionBatchTable>): Promise<void> {
      await db.insertInto('documents.productionBatch').values(row).execute();
    },

    async insertItems(db: DbExecutor, rows: Array<Insertable<ProductionItemTable>>): Promise<void> {
      if (rows.length) await db.insertInto('documents.productionItem').values(rows).execute();
    },

    async batchById(db: DbExecutor, id: string, lock = false) {
      let q = db.selectFrom('documents.productionBatch').selectAll().where('id', '=', id);
      if (lock) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    async batchByKey(db: DbExecutor, key: string) {
      return db
        .selectFrom('documents.productionBatch')
        .selectAll()
        .where('idempotencyKey', '=', key)
        .executeTakeFirst();
    },

    /** The latest batches with how many of their documents the centre confirmed made or spoiled. */
    async recentBatches(db: DbExecutor, limit: number) {
      return db
        .selectFrom('documents.productionBatch as b')
        .select(['b.id', 'b.reference', 'b.createdAt', 'b.createdBy', 'b.itemCount', 'b.keyId', 'b.confirmedAt'])
        .select((eb) => [
          eb
            .selectFrom('documents.productionItem as i')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('i.batchId', '=', 'b.id')
            .where('i.result', '=', 'produced')
            .as('produced'),
          eb
            .selectFrom('documents.productionItem as i')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('i.batchId', '=', 'b.id')
            .where('i.result', '=', 'failed')
            .as('failed'),
        ])
        .orderBy('b.createdAt', 'desc')
        .limit(limit)
        .execute();
    },

    async itemsOf(db: DbExecutor, batchId: string) {
      return db
        .selectFrom('documents.productionItem')
        .selectAll()
        .where('batchId', '=', batchId)
        .orderBy('caseReference')
        .execute();
    },

    async productionItem(db: DbExecutor, caseId: string, documentNumber: string) {
      return db
        .selectFrom('documents.productionItem')
        .selectAll()
        .where('caseId', '=', caseId)
        .where('documentNumber', '=', documentNumber)
        .executeTakeFirst();
    },

    async setItemResult(
      db: DbExecutor,
      batchId: string,
      documentNumber: string,
      r: { result: 'produced' | 'failed'; reason: string | null; at: string },
    ): Promise<void> {
      await db
        .updateTable('documents.productionItem')
        .set({ result: r.result, resultReason: r.reason, resultAt: r.at })
        .where('batchId', '=', batchId)
        .where('documentNumber', '=', documentNumber)
        .execute();
    },

    async markBatchConfirmed(db: DbExecutor, batchId: string, at: string): Promise<void> {
      await db
        .updateTable('documents.productionBatch')
        .set({ confirmedAt: at })
        .where('id', '=', batchId)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('documents.productionItem')
                .select('batchId')
                .where('batchId', '=', batchId)
                .where('result', '=', 'ordered'),
            ),
          ),
        )
        .execute();
    },

    /** A document by number with its holder, for the identity check at the desk. */
    async byNumber(db: DbExecutor, number: string) {
      return db.selectFrom('documents.document').selectAll().where('number', '=', number).executeTakeFirst();
    },

    async insert(db: DbExecutor, row: DocumentRow): Promise<void> {
      await db.insertInto('documents.document').values(row).execute();
    },

    async byId(db: DbExecutor, id: string, lock = false): Promise<DocumentRow | undefined> {
      let q = db.selectFrom('documents.document').selectAll().where('id', '=', id);
      if (lock) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    /** The validity columns of documents by number: the public check's one index probe (batched). */
    async validityByNumbers(db: DbExecutor, numbers: readonly string[]) {
      if (numbers.length === 0) return [];
      return db
        .selectFrom('documents.document')
        .select(['number', 'documentType', 'validUntil', 'invalidatedOn'])
        .where('number', 'in', numbers)
        .execute();
    },

    async ofPersons(db: DbExecutor, personIds: readonly string[]): Promise<DocumentRow[]> {
      if (personIds.length === 0) return [];
      return db
        .selectFrom('documents.document')
        .selectAll()
        .where('personId', 'in', personIds)
        .orderBy('issuedOn', 'desc')
        .execute();
    },

    /** The holder's earlier documents of the same type that are still valid (a new one replaces them). */
    async validOfType(db: DbExecutor, personId: string, documentType: string, on: string): Promise<DocumentRow[]> {
      return db
        .selectFrom('documents.document')
        .selectAll()
        .where('personId', '=', personId)
        .where('documentType', '=', documentType)
        .where('invalidatedOn', 'is', null)
        .where('validUntil', '>=', on)
        .forUpdate()
        .execute();
    },

    /** A person's documents still valid on a day (locked: they are about to be invalidated). */
    async validOfPerson(db: DbExecutor, personId: string, on: string): Promise<DocumentRow[]> {
      return db
        .selectFrom('documents.document')
        .selectAll()
        .where('personId', '=', personId)
        .where('invalidatedOn', 'is', null)
        .where('validUntil', '>=', on)
        .forUpdate()
        .execute();
    },

    async invalidate(
      db: DbExecutor,
      id: string,
      v: { on: string; reason: string; note: string; by: string; at: string },
    ): Promise<void> {
      await db
        .updateTable('documents.document')
        .set({
          invalidatedOn: v.on,
          invalidationReason: v.reason,
          invalidationNote: v.note,
          invalidatedBy: v.by,
          invalidatedAt: v.at,
        })
        .where('id', '=', id)
        .where('invalidatedOn', 'is', null)
        .execute();
    },

    async recordChange(
      db: DbExecutor,
      documentId: string,
      change: 'issued' | 'invalidated',
      at: string,
    ): Promise<void> {
      await db.insertInto('documents.change').values({ documentId, change, at }).execute();
    },

    async changesAfter(db: DbExecutor, after: number, limit: number) {
      return db
        .selectFrom('documents.change as c')
        .innerJoin('documents.document as d', 'd.id', 'c.documentId')
        .select(['c.seq', 'c.change', 'c.at', 'd.number', 'd.documentType', 'd.invalidatedOn', 'd.invalidationReason'])
        .where('c.seq', '>', after)
        .orderBy('c.seq')
        .limit(limit)
        .execute();
    },

    /** One page of every document's validity, in number order after `afterNumber` (the index's first load). */
    async validityPage(db: DbExecutor, afterNumber: string, limit: number) {
      return db
        .selectFrom('documents.document')
        .select(['number', 'documentType', 'validUntil', 'invalidatedOn'])
        .where('number', '>', afterNumber)
        .orderBy('number')
        .limit(limit)
        .execute();
    },

    /** The current validity of documents changed at or after an instant (the index's refresh). */
    async changedSince(db: DbExecutor, since: string) {
      return db
        .selectFrom('documents.change as c')
        .innerJoin('documents.document as d', 'd.id', 'c.documentId')
        .select(['d.number', 'd.documentType', 'd.validUntil', 'd.invalidatedOn'])
        .where('c.at', '>=', since)
        .execute();
    },

    /** Valid documents whose last day falls between two days (the expiry reminders). */
    async expiringBetween(db: DbExecutor, from: string, to: string, limit: number): Promise<DocumentRow[]> {
      return db
        .selectFrom('documents.document')
        .selectAll()
        .where('invalidatedOn', 'is', null)
        .where('validUntil', '>=', from)
        .where('validUntil', '<=', to)
        .limit(limit)
        .execute();
    },

    async count(db: DbExecutor): Promise<number> {
      const row = await db
        .selectFrom('documents.document')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
