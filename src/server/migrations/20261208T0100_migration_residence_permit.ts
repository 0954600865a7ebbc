import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE TABLE migration.residence_permit (
      permit_number text PRIMARY KEY,
      case_id uuid NOT NULL UNIQUE REFERENCES cases."case"(id),
      person_id uuid NOT NULL REFERENCES register.person(id),
      kind text NOT NULL CHECK (kind IN ('temporary', 'permanent', 'eu-long-term-resident', 'eu-registration-certificate', 'eu-family-residence-card')),
      ground text NOT NULL CHECK (ground IN ('employment', 'study', 'family', 'family-of-temporary-resident', 'investment', 'five-years-temporary', 'family-of-citizen',
        'five-years-residence', 'worker', 'self-employed', 'student', 'self-sufficient', 'family-of-eu-citizen')),
      valid_from date NOT NULL,
      valid_until date,
      card_valid_until date,
      granted_on date NOT NULL,
      language text NOT NULL CHECK (language IN ('lv', 'en')),
      status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'cancelled')),
      cancelled jsonb,
      created_at timestamptz NOT NULL,
      CHECK (valid_until IS NULL OR valid_from <= valid_until),
      CHECK ((status = 'valid') = (cancelled IS NULL))
    );
    COMMENT ON TABLE migration.residence_permit IS 'Rights to reside granted on a decision of a residence case (permit, EU status, registration certificate, family member card); a cancelled one keeps its row with the cancellation. Its number is the case reference';
    COMMENT ON COLUMN migration.residence_permit.person_id IS 'Personal data: the holder (registered by the decision when not yet in the register)';
    COMMENT ON COLUMN migration.residence_permit.ground IS 'Personal data: why the person lives here (work, study, family)';
    COMMENT ON COLUMN migration.residence_permit.card_valid_until IS 'The last day a card made for it may be valid: the permit''s own end; null for a right without end (five years from each card''s issue) or without a card';
    COMMENT ON COLUMN migration.residence_permit.cancelled IS 'Personal data: the cancellation''s grounds, reasoning and the decision-maker''s name';
    CREATE INDEX residence_permit_person_idx ON migration.residence_permit (person_id);
  `,
    )
    .execute(db);
}
