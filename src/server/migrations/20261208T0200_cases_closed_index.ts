import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    -- A branch's closed cases, latest first (the queue's "closed" list pages through them).
    CREATE INDEX case_closed_idx ON cases."case" (branch_id, closed_at DESC, reference DESC) WHERE closed_at IS NOT NULL;
    -- Filtered by status (the refused, the withdrawn), the same order.
    CREATE INDEX case_closed_status_idx ON cases."case" (branch_id, status, closed_at DESC, reference DESC) WHERE closed_at IS NOT NULL;
  `,
    )
    .execute(db);
}
