import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    -- The version of its procedure's rules each case is decided under (issue 25): stamped at lodging, changed
    -- only by a recorded transitional move. Null for a case lodged before versions were stamped: it is read as
    -- the version in force on its day of receipt.
    ALTER TABLE cases."case" ADD COLUMN rules_version text;
    -- A transitional move looks for one procedure's open cases lodged before a day.
    CREATE INDEX case_open_type_received_idx ON cases."case" (case_type, received_on) WHERE closed_at IS NULL;
  `,
    )
    .execute(db);
}
