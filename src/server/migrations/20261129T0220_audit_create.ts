import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE SCHEMA audit;
    COMMENT ON SCHEMA audit IS 'Tamper-evident log of every read and write of personal data';

    CREATE TABLE audit.entry (
      seq bigint PRIMARY KEY CHECK (seq > 0),
      id uuid NOT NULL UNIQUE,
      occurred_at timestamptz NOT NULL,
      actor_type text NOT NULL CHECK (actor_type IN ('staff', 'resident', 'partner', 'system')),
      actor_id text NOT NULL,
      actor_name text,
      actor_role text,
      institution text NOT NULL,
      action text NOT NULL,
      purpose text NOT NULL CHECK (length(btrim(purpose)) > 0),
      legal_basis text NOT NULL CHECK (length(btrim(legal_basis)) > 0),
      case_reference text,
      reason text,
      subject_person_id uuid,
      resource text NOT NULL,
      touched text[] NOT NULL DEFAULT '{}',
      request_id text,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      CHECK (actor_type <> 'staff' OR case_reference IS NOT NULL OR reason IS NOT NULL)
    );
    CREATE INDEX entry_subject_idx ON audit.entry (subject_person_id, seq DESC) WHERE subject_person_id IS NOT NULL;
    CREATE INDEX entry_actor_idx ON audit.entry (actor_type, actor_id, seq DESC);
    COMMENT ON TABLE audit.entry IS 'Append-only: each entry carries the SHA-256 of the previous one; UPDATE, DELETE and TRUNCATE are refused';
    COMMENT ON COLUMN audit.entry.actor_name IS 'Personal data: the name of who accessed';
    COMMENT ON COLUMN audit.entry.subject_person_id IS 'Personal data: whose data was read or written';
    COMMENT ON COLUMN audit.entry.reason IS 'Recorded reason of a staff access without a case';

    CREATE TABLE audit.chain_head (
      id integer PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL,
      hash text NOT NULL
    );
    INSERT INTO audit.chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));
    COMMENT ON TABLE audit.chain_head IS 'The last entry''s number and hash, updated in the same transaction; reveals a deleted tail';

    CREATE FUNCTION audit.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit.entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER entry_no_update BEFORE UPDATE OR DELETE ON audit.entry FOR EACH ROW EXECUTE FUNCTION audit.reject_change();
    CREATE TRIGGER entry_no_truncate BEFORE TRUNCATE ON audit.entry FOR EACH STATEMENT EXECUTE FUNCTION audit.reject_change();
  `,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP SCHEMA audit CASCADE;').execute(db);
}
