import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE SCHEMA appointments;
    COMMENT ON SCHEMA appointments IS 'Appointments at branch offices: services, opening hours, bookings, the walk-in ticket queue';

    CREATE TABLE appointments.service (
      code text PRIMARY KEY,
      name_lv text NOT NULL,
      name_en text NOT NULL,
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240)
    );
    COMMENT ON TABLE appointments.service IS 'What a visit is for (a document application, a pickup …) and how long a slot lasts';

    CREATE TABLE appointments.branch_service (
      branch_id uuid NOT NULL,
      service_code text NOT NULL REFERENCES appointments.service (code),
      desks integer NOT NULL CHECK (desks BETWEEN 1 AND 50),
      PRIMARY KEY (branch_id, service_code)
    );
    COMMENT ON TABLE appointments.branch_service IS 'The services a branch offers and how many desks serve each at once (the bookings a slot holds)';

    CREATE TABLE appointments.opening_hours (
      branch_id uuid NOT NULL,
      iso_weekday integer NOT NULL CHECK (iso_weekday BETWEEN 1 AND 7),
      opens text NOT NULL CHECK (opens ~ '^[0-2][0-9]:[0-5][0-9]$'),
      closes text NOT NULL CHECK (closes ~ '^[0-2][0-9]:[0-5][0-9]$' AND closes > opens),
      PRIMARY KEY (branch_id, iso_weekday)
    );
    COMMENT ON TABLE appointments.opening_hours IS 'Weekly opening hours per branch (Riga wall-clock time); public holidays come from the working-day calendar';

    CREATE TABLE appointments.booking (
      id uuid PRIMARY KEY,
      branch_id uuid NOT NULL,
      service_code text NOT NULL REFERENCES appointments.service (code),
      starts_at timestamptz NOT NULL,
      desk integer NOT NULL CHECK (desk > 0),
      person_id uuid NOT NULL,
      booked_by_person_id uuid NOT NULL,
      contact_email text,
      language text NOT NULL CHECK (language IN ('lv', 'en')),
      status text NOT NULL CHECK (status IN ('booked', 'cancelled', 'arrived', 'no-show')),
      created_at timestamptz NOT NULL,
      changed_at timestamptz NOT NULL
    );
    COMMENT ON TABLE appointments.booking IS 'A booked visit: one desk of a service at a branch for one slot';
    COMMENT ON COLUMN appointments.booking.contact_email IS 'Personal data: where the confirmation and the reminder go';
    -- The same desk of a slot is never booked twice, however many requests race for it.
    CREATE UNIQUE INDEX booking_seat_idx ON appointments.booking (branch_id, service_code, starts_at, desk) WHERE status <> 'cancelled';
    CREATE INDEX booking_day_idx ON appointments.booking (branch_id, starts_at);
    CREATE INDEX booking_person_idx ON appointments.booking (person_id, starts_at);

    CREATE TABLE appointments.ticket (
      branch_id uuid NOT NULL,
      day date NOT NULL,
      number integer NOT NULL CHECK (number > 0),
      service_code text NOT NULL REFERENCES appointments.service (code),
      status text NOT NULL CHECK (status IN ('waiting', 'called')),
      issued_at timestamptz NOT NULL,
      called_at timestamptz,
      called_by text,
      PRIMARY KEY (branch_id, day, number)
    );
    COMMENT ON TABLE appointments.ticket IS 'The walk-in queue: numbered tickets per branch and day, called in order';
  `,
    )
    .execute(db);
}
