import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE TABLE register.residence_fact (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES register.person(id),
      valid_from date NOT NULL,
      valid_to date CHECK (valid_to IS NULL OR valid_to > valid_from),
      recorded_at timestamptz NOT NULL,
      superseded_at timestamptz CHECK (superseded_at IS NULL OR superseded_at >= recorded_at),
      event_id uuid REFERENCES register.life_event(id),
      kind text NOT NULL CHECK (kind IN ('long-stay-visa', 'temporary-permit', 'permanent-permit', 'eu-long-term-resident', 'eu-registration-certificate', 'eu-family-residence-card')),
      document_number text NOT NULL,
      issued_by text,
      legal_basis text NOT NULL CHECK (length(btrim(legal_basis)) > 0)
    );
    COMMENT ON TABLE register.residence_fact IS 'A person''s right to reside (a long-stay visa, a residence permit, an EU registration): bitemporal like every fact; valid time is the right''s validity';
    COMMENT ON COLUMN register.residence_fact.person_id IS 'Personal data: whose right to reside';
    COMMENT ON COLUMN register.residence_fact.document_number IS 'Personal data: the visa or permit that carries the right';
    CREATE INDEX residence_fact_person_idx ON register.residence_fact (person_id, valid_from);
    CREATE TRIGGER residence_fact_append_only BEFORE UPDATE OR DELETE ON register.residence_fact FOR EACH ROW EXECUTE FUNCTION register.fact_append_only();
    CREATE TRIGGER residence_fact_no_truncate BEFORE TRUNCATE ON register.residence_fact FOR EACH STATEMENT EXECUTE FUNCTION register.fact_append_only();
  `,
    )
    .execute(db);
}
