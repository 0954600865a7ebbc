/** All SQL for the outbox. */
import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import type { OutboxTable } from './notifications.tables.ts';

export type OutboxRow = Selectable<OutboxTable>;
export interface NewOutboxRow {
  id: string;
  eventKey: string;
  channel: OutboxRow['channel'];
  recipient: string;
  language: OutboxRow['language'];
  template: string;
  params: Record<string, string | number>;
  nextAttemptAt: string;
  createdAt: string;
}

export function createNotificationsRepository() {
  return {
    /** Inserts messages; one whose event key is already there is left as it is (never sent twice). */
    async insert(db: DbExecutor, rows: readonly NewOutboxRow[]): Promise<number> {
      if (rows.length === 0) return 0;
      const r = await db
        .insertInto('notifications.outbox')
        .values(rows.map((m) => ({ ...m, params: JSON.stringify(m.params) })))
        .onConflict((oc) => oc.column('eventKey').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0);
    },

    /**
     * Claims due pending messages for one delivery round by moving their next attempt past `leaseUntil`,
     * in one statement: no transaction stays open while a message is on the wire, and another process
     * skips them. A round that dies mid-way leaves them to be claimed again when the lease ends.
     */
    async claimDue(db: DbExecutor, now: string, leaseUntil: string, limit: number): Promise<OutboxRow[]> {
      const due = db
        .selectFrom('notifications.outbox')
        .select('id')
        .where('status', '=', 'pending')
        .where('nextAttemptAt', '<=', now)
        .orderBy('nextAttemptAt')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      return db
        .updateTable('notifications.outbox')
        .set({ nextAttemptAt: leaseUntil })
        .where('id', 'in', due)
        .returningAll()
        .execute();
    },

    async markSent(db: DbExecutor, id: string, sent: { subject: string; body: string; at: string }): Promise<void> {
      await db
        .updateTable('notifications.outbox')
        .set((eb) => ({
          status: 'sent',
          subject: sent.subject,
          body: sent.body,
          sentAt: sent.at,
          attempts: eb('attempts', '+', 1),
          lastError: null,
        }))
        .where('id', '=', id)
        .execute();
    },

    async markFailedAttempt(
      db: DbExecutor,
      id: string,
      failure: { error: string; nextAttemptAt: string; givesUp: boolean },
    ): Promise<void> {
      await db
        .updateTable('notifications.outbox')
        .set((eb) => ({
          status: failure.givesUp ? 'failed' : 'pending',
          attempts: eb('attempts', '+', 1),
          lastError: failure.error.slice(0, 1000),
          nextAttemptAt: failure.nextAttemptAt,
        }))
        .where('id', '=', id)
        .execute();
    },

    async list(
      db: DbExecutor,
      filter: { status?: OutboxRow['status'] | undefined; channel?: OutboxRow['channel'] | undefined; limit: number },
    ): Promise<OutboxRow[]> {
      let q = db.selectFrom('notifications.outbox').selectAll();
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.channel) q = q.where('channel', '=', filter.channel);
      return q.orderBy('createdAt', 'desc').orderBy('id').limit(filter.limit).execute();
    },

    async countByStatus(db: DbExecutor): Promise<Record<OutboxRow['status'], number>> {
      const rows = await db
        .selectFrom('notifications.outbox')
        .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy('status')
        .execute();
      const counts = { pending: 0, sent: 0, failed: 0 };
      for (const r of rows) counts[r.status] = Number(r.n);
      return counts;
    },

    /** A failed message goes back into the queue (an administrator's retry). */
    async retry(db: DbExecutor, id: string, now: string): Promise<boolean> {
      const r = await db
        .updateTable('notifications.outbox')
        .set({ status: 'pending', nextAttemptAt: now })
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
