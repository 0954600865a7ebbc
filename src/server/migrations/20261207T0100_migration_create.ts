import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE SCHEMA migration;

    CREATE TABLE migration.visa_number_counter (
      issuing_state text PRIMARY KEY,
      last bigint NOT NULL CHECK (last >= 0)
    );
    COMMENT ON TABLE migration.visa_number_counter IS 'The last visa sticker number used per issuing state; numbers are never reused';

    CREATE TABLE migration.visa (
      visa_number text PRIMARY KEY,
      case_id uuid NOT NULL UNIQUE,
      case_reference text NOT NULL,
      person_id uuid,
      visa_type text NOT NULL CHECK (visa_type IN ('C', 'D')),
      territory text NOT NULL CHECK (territory IN ('uniform', 'limited', 'national')),
      entries text NOT NULL CHECK (entries IN ('single', 'double', 'multiple')),
      valid_from date NOT NULL,
      valid_until date NOT NULL,
      duration_days integer NOT NULL CHECK (duration_days > 0),
      issued_on date NOT NULL,
      given_names text NOT NULL,
      surname text NOT NULL,
      birth_date date NOT NULL,
      nationality text NOT NULL,
      travel_document_number text NOT NULL,
      language text NOT NULL CHECK (language IN ('lv', 'en')),
      mrz text[] NOT NULL,
      status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'annulled', 'revoked')),
      ended jsonb,
      created_at timestamptz NOT NULL,
      CHECK (valid_from <= valid_until),
      CHECK ((status = 'valid') = (ended IS NULL))
    );
    COMMENT ON TABLE migration.visa IS 'Visas issued on a decision of a visa case: the sticker data and zone; annulled or revoked visas keep their row with the ending';
    COMMENT ON COLUMN migration.visa.person_id IS 'Personal data: the holder, when registered';
    COMMENT ON COLUMN migration.visa.given_names IS 'Personal data: the holder''s given names as on the sticker';
    COMMENT ON COLUMN migration.visa.surname IS 'Personal data: the holder''s surname as on the sticker';
    COMMENT ON COLUMN migration.visa.birth_date IS 'Personal data: the holder''s date of birth';
    COMMENT ON COLUMN migration.visa.nationality IS 'Personal data: the holder''s nationality';
    COMMENT ON COLUMN migration.visa.travel_document_number IS 'Personal data: the travel document the visa is in';
    COMMENT ON COLUMN migration.visa.mrz IS 'Personal data: the machine-readable zone (name, birth date, nationality)';
    CREATE INDEX visa_person_idx ON migration.visa (person_id) WHERE person_id IS NOT NULL;
    CREATE INDEX visa_travel_document_idx ON migration.visa (travel_document_number);

    -- A consulted authority's open consultations, and a consultation's case (the partner API).
    CREATE INDEX action_consultation_idx ON cases.action ((payload->>'authority'), at) WHERE kind = 'request-consultation';
    CREATE INDEX action_consultation_id_idx ON cases.action ((payload->>'consultationId')) WHERE kind IN ('request-consultation', 'answer-consultation');
  `,
    )
    .execute(db);
}
