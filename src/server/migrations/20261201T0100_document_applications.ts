import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A case may be open without a running deadline (an application waiting for the applicant's visit, a
  // document waiting for pickup): only a closed case must have none.
  const rows = await sql<{ conname: string }>`
    SELECT conname FROM pg_constraint
    WHERE conrelid = 'cases."case"'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%closed_at IS NOT NULL%'`.execute(
    db,
  );
  for (const r of rows.rows) await sql.raw(`ALTER TABLE cases."case" DROP CONSTRAINT "${r.conname}"`).execute(db);
  await sql
    .raw(
      `
    ALTER TABLE cases."case" ADD CONSTRAINT case_closed_has_no_deadline CHECK (closed_at IS NULL OR due_on IS NULL);
    CREATE INDEX case_type_status_idx ON cases."case" (case_type, status, opened_at) WHERE closed_at IS NULL;

    CREATE TABLE documents.production_batch (
      id uuid PRIMARY KEY,
      reference text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      created_by text NOT NULL,
      idempotency_key text UNIQUE,
      item_count integer NOT NULL CHECK (item_count > 0),
      key_id text NOT NULL,
      signed_export text NOT NULL,
      confirmed_at timestamptz
    );
    COMMENT ON TABLE documents.production_batch IS 'Orders to the personalization centre: the signed export (JWS, kept byte for byte so a repeat export is identical)';

    CREATE TABLE documents.production_item (
      batch_id uuid NOT NULL REFERENCES documents.production_batch (id),
      case_id uuid NOT NULL,
      case_reference text NOT NULL,
      document_type text NOT NULL,
      document_number text NOT NULL UNIQUE,
      person_id uuid NOT NULL,
      issued_on date NOT NULL,
      valid_until date NOT NULL,
      result text NOT NULL DEFAULT 'ordered' CHECK (result IN ('ordered', 'produced', 'failed')),
      result_reason text,
      result_at timestamptz,
      PRIMARY KEY (batch_id, case_id)
    );
    COMMENT ON TABLE documents.production_item IS 'One document ordered in a batch: the number it carries (never reused, even when the centre spoils the blank) and the centre''s answer';
    CREATE INDEX production_item_case_idx ON documents.production_item (case_id);

    ALTER TABLE appointments.booking ADD COLUMN application_case_id uuid;
    COMMENT ON COLUMN appointments.booking.application_case_id IS 'The application the resident prepared online for this visit (cases.case), so the desk visit is short';
  `,
    )
    .execute(db);
}
