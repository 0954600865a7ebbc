import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE TABLE identity.resident_contact (
      person_id uuid PRIMARY KEY,
      email text NOT NULL,
      language text NOT NULL CHECK (language IN ('lv', 'en')),
      updated_at timestamptz NOT NULL
    );
    COMMENT ON TABLE identity.resident_contact IS 'Where a resident wants the office''s reminders (an expiring document …), set by themselves in the portal';
    COMMENT ON COLUMN identity.resident_contact.email IS 'Personal data: the resident''s e-mail address';
  `,
    )
    .execute(db);
}
