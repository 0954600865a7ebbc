import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    -- Every case view asks whether the case has been appealed (the appeal names the case it appeals);
    -- without this the question scanned the whole case table. Few cases are appeals, so the index is partial.
    CREATE INDEX case_appeal_of_idx ON cases."case" (appeal_of) WHERE appeal_of IS NOT NULL;
    -- A queue filtered by case type (an officer's usual view: one procedure's cases), by deadline; its count
    -- reads the index alone instead of every open case of the branch.
    CREATE INDEX case_type_queue_idx ON cases."case" (branch_id, case_type, due_on, reference) WHERE closed_at IS NULL;
  `,
    )
    .execute(db);
}
