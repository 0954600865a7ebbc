import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE SCHEMA identity;
    COMMENT ON SCHEMA identity IS 'Staff and resident accounts, sessions, roles, jurisdictions (branch offices)';

    CREATE TABLE identity.branch (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
      name_lv text NOT NULL,
      name_en text NOT NULL,
      municipality_code text NOT NULL CHECK (municipality_code ~ '^LV-[0-9A-Z]{3}$'),
      address text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON TABLE identity.branch IS 'Branch offices (territorial divisions): the jurisdiction of staff accounts';

    CREATE TABLE identity.staff_account (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL UNIQUE CHECK (username = lower(username) AND username ~ '^[a-z0-9._-]{3,64}$'),
      display_name text NOT NULL,
      email text,
      password_hash text NOT NULL,
      roles text[] NOT NULL CHECK (cardinality(roles) > 0),
      branch_id uuid NOT NULL REFERENCES identity.branch(id),
      institution text NOT NULL DEFAULT 'PMLP',
      totp_secret text,
      totp_enabled boolean NOT NULL DEFAULT false,
      totp_last_step bigint,
      is_demo boolean NOT NULL DEFAULT false,
      failed_login_count integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      oidc_subject text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz
    );
    COMMENT ON TABLE identity.staff_account IS 'Officers and other staff who sign in to the workbench';
    COMMENT ON COLUMN identity.staff_account.display_name IS 'Personal data: the officer''s name';
    COMMENT ON COLUMN identity.staff_account.email IS 'Personal data: work e-mail';
    COMMENT ON COLUMN identity.staff_account.password_hash IS 'argon2id hash (PHC string); never the password';
    COMMENT ON COLUMN identity.staff_account.totp_secret IS 'Secret of the TOTP second factor (base32)';
    COMMENT ON COLUMN identity.staff_account.totp_last_step IS 'Last accepted TOTP time step: a code is accepted once (no replay)';
    COMMENT ON COLUMN identity.staff_account.is_demo IS 'Demo accounts may skip the second factor and are flagged as demo in the UI';

    CREATE TABLE identity.session (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('staff', 'resident')),
      staff_account_id uuid REFERENCES identity.staff_account(id),
      person_id uuid,
      personal_code text,
      display_name text NOT NULL,
      auth_method text NOT NULL CHECK (auth_method IN ('password', 'password+totp', 'demo-eid', 'oidc')),
      csrf_token text NOT NULL,
      mfa_pending boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      end_reason text CHECK (end_reason IN ('signed-out', 'idle', 'expired', 'revoked')),
      ip text,
      user_agent text,
      CHECK ((kind = 'staff') = (staff_account_id IS NOT NULL)),
      CHECK (kind = 'staff' OR person_id IS NOT NULL)
    );
    CREATE INDEX session_staff_idx ON identity.session (staff_account_id) WHERE ended_at IS NULL;
    COMMENT ON TABLE identity.session IS 'Server-side sessions; the cookie holds a random token, this table its SHA-256';
    COMMENT ON COLUMN identity.session.personal_code IS 'Personal data: the signed-in resident''s personal code';
    COMMENT ON COLUMN identity.session.display_name IS 'Personal data: the signed-in person''s name';
    COMMENT ON COLUMN identity.session.ip IS 'Personal data: client address at sign-in';

    CREATE TABLE identity.demo_eid_person (
      person_id uuid PRIMARY KEY,
      personal_code text NOT NULL UNIQUE,
      given_names text NOT NULL,
      surname text NOT NULL,
      birth_date date NOT NULL
    );
    COMMENT ON TABLE identity.demo_eid_person IS 'Synthetic identities offered by the demo eID page (embedded/demo mode only)';

    CREATE TABLE identity.oidc_pending_login (
      state text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('staff', 'resident')),
      code_verifier text NOT NULL,
      nonce text NOT NULL,
      return_to text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON TABLE identity.oidc_pending_login IS 'OpenID Connect authorization requests in flight (state, PKCE verifier, nonce)';
  `,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP SCHEMA identity CASCADE;').execute(db);
}
