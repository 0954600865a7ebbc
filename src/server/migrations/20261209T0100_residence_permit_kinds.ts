import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    -- The EU Blue Card and a repatriant's permit (temporary grounds), and the EU citizen's permanent residence
    -- certificate and their family member's permanent residence card (new kinds, each with its five-years ground).
    ALTER TABLE migration.residence_permit DROP CONSTRAINT residence_permit_kind_check;
    ALTER TABLE migration.residence_permit ADD CONSTRAINT residence_permit_kind_check CHECK (kind IN ('temporary', 'permanent',
      'eu-long-term-resident', 'eu-registration-certificate', 'eu-family-residence-card', 'eu-permanent-residence-certificate',
      'eu-family-permanent-residence-card'));
    ALTER TABLE migration.residence_permit DROP CONSTRAINT residence_permit_ground_check;
    ALTER TABLE migration.residence_permit ADD CONSTRAINT residence_permit_ground_check CHECK (ground IN ('employment', 'study', 'family',
      'family-of-temporary-resident', 'investment', 'five-years-temporary', 'family-of-citizen', 'five-years-residence', 'worker',
      'self-employed', 'student', 'self-sufficient', 'family-of-eu-citizen', 'blue-card', 'repatriant', 'five-years-eu-residence',
      'five-years-family-of-eu-citizen'));
    ALTER TABLE register.residence_fact DROP CONSTRAINT residence_fact_kind_check;
    ALTER TABLE register.residence_fact ADD CONSTRAINT residence_fact_kind_check CHECK (kind IN ('long-stay-visa', 'temporary-permit',
      'permanent-permit', 'eu-long-term-resident', 'eu-registration-certificate', 'eu-family-residence-card',
      'eu-permanent-residence-certificate', 'eu-family-permanent-residence-card'));
  `,
    )
    .execute(db);
}
