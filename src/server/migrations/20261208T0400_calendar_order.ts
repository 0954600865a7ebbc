import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE SCHEMA IF NOT EXISTS calendar;
    -- The Cabinet's orders moving working days (Labour Law s.133(4)) that an administrator recorded after the
    -- release: the shipped orders live in the code; a recorded order for a year replaces the shipped one.
    CREATE TABLE calendar.moved_days_order (
      year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
      -- The order's title and number; NULL records that the Cabinet issued none for the year.
      act text CHECK (act IS NULL OR length(act) BETWEEN 5 AND 300),
      adopted_on date,
      -- [{"dayOff": "YYYY-MM-DD", "workingSaturday": "YYYY-MM-DD"}, ...]
      moves jsonb NOT NULL CHECK (jsonb_typeof(moves) = 'array'),
      sources text[] NOT NULL DEFAULT '{}',
      note text,
      recorded_by_id uuid NOT NULL,
      recorded_by_name text NOT NULL,
      recorded_at timestamptz NOT NULL,
      CHECK (act IS NOT NULL OR jsonb_array_length(moves) = 0)
    );
    COMMENT ON TABLE calendar.moved_days_order IS 'Cabinet orders moving working days, recorded by an administrator (the shipped ones are in the code)';
  `,
    )
    .execute(db);
}
