import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE SCHEMA cases;
    COMMENT ON SCHEMA cases IS 'The case engine: cases as append-only actions, their documents, decisions and idempotent commands';

    CREATE TABLE cases.reference_counter (
      prefix text NOT NULL,
      year integer NOT NULL,
      last integer NOT NULL,
      PRIMARY KEY (prefix, year)
    );
    COMMENT ON TABLE cases.reference_counter IS 'Numbers case references per type prefix and year (KL-2026-000123); never reused';

    CREATE TABLE cases."case" (
      id uuid PRIMARY KEY,
      reference text NOT NULL UNIQUE,
      case_type text NOT NULL,
      status text NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      applicant_person_id uuid,
      applicant_name text NOT NULL,
      language text NOT NULL CHECK (language IN ('lv', 'en')),
      contact_email text,
      channel text NOT NULL CHECK (channel IN ('portal', 'desk')),
      branch_id uuid NOT NULL,
      assignee_id uuid,
      assignee_name text,
      subject jsonb NOT NULL,
      received_on date NOT NULL,
      due_on date,
      suspended boolean NOT NULL DEFAULT false,
      deadline_alert text NOT NULL DEFAULT 'none' CHECK (deadline_alert IN ('none', 'warned', 'breached')),
      appeal_of uuid REFERENCES cases."case" (id),
      opened_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      closed_at timestamptz,
      CHECK ((due_on IS NULL) = (closed_at IS NOT NULL))
    );
    COMMENT ON TABLE cases."case" IS 'One row per case: the projection of its actions (status, assignee, deadline) for queues; the actions are the truth';
    COMMENT ON COLUMN cases."case".applicant_name IS 'Personal data: the applicant''s name as given';
    COMMENT ON COLUMN cases."case".contact_email IS 'Personal data: where notifications go';
    COMMENT ON COLUMN cases."case".subject IS 'The case type''s facts (for a correction: the person, the field, its value and the value asked for)';
    COMMENT ON COLUMN cases."case".due_on IS 'The statutory deadline after suspensions and extensions; null once the case is closed';
    -- Work queues: open cases of a branch by deadline, of an officer by deadline; a resident's applications.
    CREATE INDEX case_queue_idx ON cases."case" (branch_id, due_on, reference) WHERE closed_at IS NULL;
    -- A queue filtered by status (a decision-maker's proposals), and its count, without walking the branch.
    CREATE INDEX case_status_queue_idx ON cases."case" (branch_id, status, due_on) WHERE closed_at IS NULL;
    CREATE INDEX case_assignee_idx ON cases."case" (assignee_id, due_on) WHERE closed_at IS NULL;
    CREATE INDEX case_applicant_idx ON cases."case" (applicant_person_id, opened_at DESC);

    CREATE TABLE cases.action (
      case_id uuid NOT NULL REFERENCES cases."case" (id),
      seq integer NOT NULL CHECK (seq > 0),
      kind text NOT NULL,
      actor_type text NOT NULL CHECK (actor_type IN ('staff', 'resident', 'system')),
      actor_id text NOT NULL,
      actor_name text,
      on_date date NOT NULL,
      at timestamptz NOT NULL,
      payload jsonb NOT NULL,
      PRIMARY KEY (case_id, seq)
    );
    COMMENT ON TABLE cases.action IS 'Append-only: what was done to a case, by whom and when; the state is derived from these rows by the case type''s lifecycle';

    CREATE FUNCTION cases.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'cases.action is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER action_no_update BEFORE UPDATE OR DELETE ON cases.action FOR EACH ROW EXECUTE FUNCTION cases.reject_change();

    CREATE TABLE cases.representative (
      case_id uuid NOT NULL REFERENCES cases."case" (id),
      person_id uuid NOT NULL,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('parent', 'guardian', 'employer', 'lawyer')),
      may text[] NOT NULL,
      PRIMARY KEY (case_id, person_id)
    );
    COMMENT ON TABLE cases.representative IS 'Who acts for the applicant and what each may do (see, answer, withdraw)';

    CREATE TABLE cases.document (
      id uuid PRIMARY KEY,
      case_id uuid NOT NULL REFERENCES cases."case" (id),
      kind text NOT NULL,
      file_name text NOT NULL,
      media_type text NOT NULL,
      size integer NOT NULL CHECK (size > 0),
      sha256 text NOT NULL,
      content bytea NOT NULL,
      uploaded_by_type text NOT NULL,
      uploaded_by_id text NOT NULL,
      uploaded_at timestamptz NOT NULL
    );
    CREATE INDEX document_case_idx ON cases.document (case_id, uploaded_at);
    COMMENT ON TABLE cases.document IS 'Files attached to a case, type and size checked, with their SHA-256';

    CREATE TABLE cases.command (
      actor_type text NOT NULL,
      actor_id text NOT NULL,
      idempotency_key text NOT NULL,
      request_hash text NOT NULL,
      case_id uuid NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (actor_type, actor_id, idempotency_key)
    );
    COMMENT ON TABLE cases.command IS 'Idempotent commands: a repeated key with the same request gets the first answer, with another request a conflict';

    CREATE SCHEMA notifications;
    COMMENT ON SCHEMA notifications IS 'Messages to people: an outbox written with the action that causes them, delivered with retries';

    CREATE TABLE notifications.outbox (
      id uuid PRIMARY KEY,
      event_key text NOT NULL UNIQUE,
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      recipient text NOT NULL,
      language text NOT NULL CHECK (language IN ('lv', 'en')),
      template text NOT NULL,
      params jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      last_error text,
      subject text,
      body text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz
    );
    CREATE INDEX outbox_due_idx ON notifications.outbox (next_attempt_at) WHERE status = 'pending';
    CREATE INDEX outbox_recent_idx ON notifications.outbox (created_at DESC);
    COMMENT ON TABLE notifications.outbox IS 'One row per event and recipient (event_key is unique: never sent twice); status, attempts and the last error are visible to administrators';
    COMMENT ON COLUMN notifications.outbox.recipient IS 'Personal data: an e-mail address or phone number';
  `,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP SCHEMA notifications CASCADE; DROP SCHEMA cases CASCADE;`).execute(db);
}
