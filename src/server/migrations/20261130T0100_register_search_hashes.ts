import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
// Decision 0016: search keys are stored as 32-bit hashes (a GIN index over integers builds 2.5 times as
// fast as one over text at 2.1 M persons), and personal codes compare bytewise (COLLATE "C": their unique
// key builds 3 times as fast, and every lookup compares without the locale).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    -- FNV-1a over the key's code points, as a signed int4: the same function as searchKeyHash in
    -- src/server/modules/register/search-keys.ts (search-keys.test.ts checks that they agree). Here for the
    -- rows that exist before this migration, and for looking a key up by hand.
    CREATE FUNCTION register.search_key_hash(key text) RETURNS integer LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
    DECLARE
      h bigint := 2166136261;
    BEGIN
      FOR i IN 1..length(key) LOOP
        h := ((h # ascii(substr(key, i, 1))) * 16777619) % 4294967296;
      END LOOP;
      RETURN CASE WHEN h >= 2147483648 THEN h - 4294967296 ELSE h END;
    END $$;
    COMMENT ON FUNCTION register.search_key_hash(text) IS 'A search key as stored in person.search_hashes (FNV-1a over code points; decision 0016)';

    DROP INDEX register.person_search_keys_idx;
    ALTER TABLE register.person ADD COLUMN search_hashes integer[];
    UPDATE register.person SET search_hashes = ARRAY(SELECT DISTINCT register.search_key_hash(k) FROM unnest(search_keys) AS k);
    ALTER TABLE register.person ALTER COLUMN search_hashes SET NOT NULL, DROP COLUMN search_keys;
    COMMENT ON COLUMN register.person.search_hashes IS 'Blocking keys for fuzzy search (surname stem|given key, stem|given prefix, stem prefix|given key, each also with the birth year), as 32-bit hashes (decision 0016)';
    CREATE INDEX person_search_hashes_idx ON register.person USING gin (search_hashes) WITH (fastupdate = off);
    -- With the default statistics a key outside the most common ones is guessed at ~900 persons, so a query
    -- of 54 keys (three names, three years) looked like 48,000 matches and got a sequential scan: 4-9 s at
    -- 2.1 M persons for 200-500 real matches. A longer list of common keys brings the guess near the truth
    -- (500: the slowest of those queries 10 ms; ANALYZE of the person table 3.5 s, against 9 s at 1000).
    ALTER TABLE register.person ALTER COLUMN search_hashes SET STATISTICS 500;
    COMMENT ON INDEX register.person_search_hashes_idx IS 'fastupdate off: a pending list would be read in full by every search (seen: 512 pages, 140 ms at 20 k persons)';

    ALTER TABLE register.person ALTER COLUMN personal_code TYPE text COLLATE "C";
    ALTER TABLE register.code_fact ALTER COLUMN personal_code TYPE text COLLATE "C";
  `,
    )
    .execute(db);
}

// Hashes cannot be turned back into keys: after a down migration the keys are empty until the persons'
// projections are written again.
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    ALTER TABLE register.code_fact ALTER COLUMN personal_code TYPE text COLLATE "default";
    ALTER TABLE register.person ALTER COLUMN personal_code TYPE text COLLATE "default";
    DROP INDEX register.person_search_hashes_idx;
    ALTER TABLE register.person ADD COLUMN search_keys text[] NOT NULL DEFAULT '{}', DROP COLUMN search_hashes;
    CREATE INDEX person_search_keys_idx ON register.person USING gin (search_keys) WITH (fastupdate = off);
    DROP FUNCTION register.search_key_hash(text);
  `,
    )
    .execute(db);
}
