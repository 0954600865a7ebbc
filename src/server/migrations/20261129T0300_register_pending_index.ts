import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE TABLE register.pending_index (
      statement text PRIMARY KEY,
      queued_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON TABLE register.pending_index IS 'Index builds a bulk load committed together with its rows; built in parallel after it, and again at start-up if a crash interrupted them (decision 0013)';
  `,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE register.pending_index`.execute(db);
}
