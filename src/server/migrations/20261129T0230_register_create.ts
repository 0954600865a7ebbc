import { sql, type Kysely } from 'kysely';

/** The columns every bitemporal fact table shares (valid time × recorded time), see decision 0009. */
const FACT_COLUMNS = `
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES register.person(id),
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to IS NULL OR valid_to > valid_from),
  recorded_at timestamptz NOT NULL,
  superseded_at timestamptz CHECK (superseded_at IS NULL OR superseded_at >= recorded_at),
  event_id uuid REFERENCES register.life_event(id)`;

const FACT_TABLES = ['code_fact', 'name_fact', 'core_fact', 'status_fact', 'address_fact', 'relation_fact'] as const;

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE SCHEMA register;
    COMMENT ON SCHEMA register IS 'Population register: persons, bitemporal facts, life events, residence declarations, duplicates';

    CREATE FUNCTION register.fact_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- The only change allowed is closing a row's recorded-time interval once (superseded_at NULL → a time).
      IF TG_OP = 'UPDATE' AND OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL
         AND (to_jsonb(NEW) - 'superseded_at') = (to_jsonb(OLD) - 'superseded_at') THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'register.% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE FUNCTION register.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'register.% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$;

    CREATE TABLE register.person (
      id uuid PRIMARY KEY,
      personal_code text NOT NULL UNIQUE CHECK (personal_code ~ '^[0-9]{11}$'),
      given_names text NOT NULL,
      surname text NOT NULL,
      original_name text,
      sex text NOT NULL CHECK (sex IN ('M', 'F')),
      birth_date date NOT NULL,
      legal_status text NOT NULL,
      citizenships text[] NOT NULL DEFAULT '{}',
      municipality_code text,
      abroad_country text,
      death_date date,
      surname_stem text NOT NULL,
      name_fold text NOT NULL,
      search_keys text[] NOT NULL,
      birth_year smallint NOT NULL,
      version integer NOT NULL DEFAULT 1,
      registered_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    COMMENT ON TABLE register.person IS 'One row per person: the anchor of every fact and a projection of the current facts for lookup, search and lists (rebuilt from the fact tables on every change)';
    COMMENT ON COLUMN register.person.search_keys IS 'Blocking keys for fuzzy search and duplicates: surname stem|given key, surname stem|given prefix, surname prefix|given key';

    CREATE TABLE register.life_event (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL REFERENCES register.person(id),
      kind text NOT NULL,
      effective_date date NOT NULL,
      recorded_at timestamptz NOT NULL,
      legal_basis text NOT NULL CHECK (length(btrim(legal_basis)) > 0),
      source_document text,
      channel text NOT NULL CHECK (channel IN ('desk', 'portal', 'system')),
      actor_type text NOT NULL CHECK (actor_type IN ('staff', 'resident', 'partner', 'system')),
      actor_id text NOT NULL,
      institution text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX life_event_person_idx ON register.life_event (person_id, recorded_at);
    COMMENT ON TABLE register.life_event IS 'Recorded actions that changed the register (birth, death, name change, address declaration …), with legal basis and source document; append-only';
  `,
    )
    .execute(db);

  for (const table of FACT_TABLES) {
    const payload: Record<(typeof FACT_TABLES)[number], string> = {
      code_fact: `personal_code text NOT NULL CHECK (personal_code ~ '^[0-9]{11}$')`,
      name_fact: `given_names text NOT NULL, surname text NOT NULL, original_name text`,
      core_fact: `sex text NOT NULL CHECK (sex IN ('M', 'F')), birth_date date NOT NULL, birth_country text NOT NULL, birth_municipality text,
        birth_place text, birth_surname text, ethnicity text, death_date date`,
      status_fact: `legal_status text NOT NULL, citizenships text[] NOT NULL DEFAULT '{}'`,
      address_fact: `is_additional boolean NOT NULL DEFAULT false, country text NOT NULL DEFAULT 'LVA', municipality_code text, settlement text,
        street text, building text, flat text, postcode text, address_line text, legal_basis text,
        CHECK (country <> 'LVA' OR municipality_code IS NOT NULL)`,
      relation_fact: `kind text NOT NULL CHECK (kind IN ('parent', 'spouse', 'guardian')), related_person_id uuid NOT NULL REFERENCES register.person(id)`,
    };
    await sql
      .raw(
        `
      CREATE TABLE register.${table} (${FACT_COLUMNS}, ${payload[table]});
      CREATE INDEX ${table}_person_idx ON register.${table} (person_id, valid_from);
      CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON register.${table} FOR EACH ROW EXECUTE FUNCTION register.fact_append_only();
      CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON register.${table} FOR EACH STATEMENT EXECUTE FUNCTION register.fact_append_only();
    `,
      )
      .execute(db);
  }

  await sql
    .raw(
      `
    COMMENT ON TABLE register.code_fact IS 'Personal codes with their periods: an earlier code stays findable';
    CREATE INDEX code_fact_code_idx ON register.code_fact (personal_code);
    CREATE INDEX relation_fact_related_idx ON register.relation_fact (related_person_id);
    COMMENT ON TABLE register.address_fact IS 'Declared residence (one at a time) and additional addresses (is_additional, with periods); abroad when country <> LVA';

    CREATE TRIGGER life_event_append_only BEFORE UPDATE OR DELETE ON register.life_event FOR EACH ROW EXECUTE FUNCTION register.reject_change();

    CREATE INDEX person_stem_year_idx ON register.person (surname_stem text_pattern_ops, birth_year);
    CREATE INDEX person_birth_date_idx ON register.person (birth_date);
    CREATE INDEX person_search_keys_idx ON register.person USING gin (search_keys) WITH (fastupdate = off);
    COMMENT ON INDEX register.person_search_keys_idx IS 'fastupdate off: a pending list would be read in full by every search (seen: 512 pages, 140 ms at 20 k persons)';

    CREATE TABLE register.population_period (
      person_id uuid NOT NULL REFERENCES register.person(id),
      valid_from date NOT NULL,
      valid_to date,
      municipality_code text,
      legal_status text NOT NULL
    );
    CREATE INDEX population_period_person_idx ON register.population_period (person_id);
    COMMENT ON TABLE register.population_period IS 'Projection for statistics: periods in which a living person had one residence municipality and one legal status (current knowledge); rebuilt per person on every change';

    CREATE TABLE register.residence_declaration (
      id uuid PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE REFERENCES register.life_event(id),
      person_id uuid NOT NULL REFERENCES register.person(id),
      declarant_person_id uuid REFERENCES register.person(id),
      declarant_role text NOT NULL CHECK (declarant_role IN ('self', 'parent', 'guardian', 'officer')),
      valid_from date NOT NULL,
      country text NOT NULL,
      municipality_code text,
      address_line text NOT NULL,
      housing_basis text NOT NULL,
      declared_at timestamptz NOT NULL
    );
    CREATE INDEX residence_declaration_municipality_idx ON register.residence_declaration (municipality_code, declared_at DESC);
    CREATE INDEX residence_declaration_person_idx ON register.residence_declaration (person_id, declared_at DESC);
    CREATE TRIGGER residence_declaration_append_only BEFORE UPDATE OR DELETE ON register.residence_declaration FOR EACH ROW EXECUTE FUNCTION register.reject_change();
    COMMENT ON TABLE register.residence_declaration IS 'Residence declarations as submitted (the municipality of the new address reads them here)';

    CREATE TABLE register.pending_registration (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      payload jsonb NOT NULL,
      submitted_by text NOT NULL,
      submitted_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'registered', 'merged')),
      decided_by text,
      decided_at timestamptz,
      decision_note text,
      person_id uuid REFERENCES register.person(id),
      CHECK ((status = 'held') = (decided_at IS NULL)),
      CHECK (decided_by IS NULL OR decided_by <> submitted_by)
    );
    COMMENT ON TABLE register.pending_registration IS 'A registration that looked like an existing person: held until a second officer decides';

    CREATE TABLE register.duplicate_candidate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid REFERENCES register.person(id),
      pending_registration_id uuid REFERENCES register.pending_registration(id),
      other_person_id uuid NOT NULL REFERENCES register.person(id),
      score real NOT NULL,
      reasons text[] NOT NULL,
      source text NOT NULL CHECK (source IN ('registration', 'scan')),
      found_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'same-person', 'different-persons')),
      decided_by text,
      decided_at timestamptz,
      CHECK ((person_id IS NULL) <> (pending_registration_id IS NULL))
    );
    CREATE UNIQUE INDEX duplicate_candidate_pair_idx ON register.duplicate_candidate (person_id, other_person_id) WHERE person_id IS NOT NULL;
    CREATE INDEX duplicate_candidate_open_idx ON register.duplicate_candidate (status, score DESC);
    CREATE INDEX duplicate_candidate_pending_idx ON register.duplicate_candidate (pending_registration_id) WHERE pending_registration_id IS NOT NULL;
    COMMENT ON TABLE register.duplicate_candidate IS 'Pairs that may be one person: from the check on registration or the full scan; decided by an officer';
  `,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP SCHEMA register CASCADE;').execute(db);
}
