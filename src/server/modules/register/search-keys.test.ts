/**
 * Search keys as stored: 32-bit hashes (decision 0016). The TypeScript hash is FNV-1a, the SQL copy in
 * migration 20261130T0100 gives the same numbers, and the migration turns the text keys of persons that
 * existed before it into the hashes the search now asks for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../../migrations/index.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { createEmptyDatabase, type TestDatabase } from '../../../test/test-database.ts';
import {
  personSearchHashes,
  personSearchKeys,
  querySearchKeys,
  queryWords,
  searchKeyHash,
  searchKeyHashes,
} from './search-keys.ts';

describe('searchKeyHash', () => {
  it('is 32-bit FNV-1a (published vectors for ASCII), as a signed integer', () => {
    expect(searchKeyHash('')).toBe(0x811c9dc5 | 0);
    expect(searchKeyHash('a')).toBe(0xe40c292c | 0);
    expect(searchKeyHash('foobar')).toBe(0xbf9cf968 | 0);
    expect(searchKeyHash('berzin|janis@1980')).toBeGreaterThanOrEqual(-(2 ** 31));
    expect(searchKeyHash('berzin|janis@1980')).toBeLessThan(2 ** 31);
  });

  it('gives a person and a query for them the same hashes, and leaves out repeats', () => {
    const stored = new Set(searchKeyHashes(personSearchKeys('Jānis', 'Bērziņš', 1980)));
    const asked = searchKeyHashes(querySearchKeys(queryWords('berzins janis')));
    expect(asked.some((h) => stored.has(h))).toBe(true);
    expect(searchKeyHashes(['x', 'x', 'y'])).toEqual([searchKeyHash('x'), searchKeyHash('y')]);
  });

  it('stores for a person exactly the hashes of their keys (the fast path equals the definition)', () => {
    for (const [given, surname, year] of [
      ['Jānis', 'Bērziņš', 1980],
      ['Anna Marija', 'Ozola', 1990],
      ['Sergejs', 'Vasiļjevs-Ivanovs', 1965],
      ['李', '明', 2001],
    ] as const) {
      // Twice: the second answer comes from the memory per name.
      for (let pass = 0; pass < 2; pass++)
        expect(personSearchHashes(given, surname, year)).toEqual(
          searchKeyHashes(personSearchKeys(given, surname, year)),
        );
    }
  });
});

// One database: the SQL function is checked as the migration left it.
describe('migration 20261130T0100', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createEmptyDatabase();
  });
  afterAll(() => database.close());

  it('turns the text keys of existing persons into the hashes a search asks for', async () => {
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('20261129T0300_register_pending_index');
    expect(before.error).toBeUndefined();
    const keys = personSearchKeys('Jānis', 'Bērziņš', 1980);
    await sql`INSERT INTO register.person (id, personal_code, given_names, surname, sex, birth_date, legal_status, surname_stem, name_fold, search_keys, birth_year, registered_at, updated_at)
      VALUES ('00000000-0000-4000-8000-0000000000aa', '12058012345', 'Jānis', 'Bērziņš', 'M', '1980-05-12', 'citizen', 'berzin', 'berzins janis', ${keys}::text[], 1980, now(), now())`.execute(
      database.db,
    );
    await migrateToLatest(database.db);
    const row = (
      await sql<{ hashes: number[] }>`SELECT search_hashes AS hashes FROM register.person`.execute(database.db)
    ).rows[0];
    expect([...(row?.hashes ?? [])].sort()).toEqual([...searchKeyHashes(keys)].sort());
    const found =
      await sql`SELECT id FROM register.person WHERE search_hashes && ${searchKeyHashes(querySearchKeys(queryWords('Berzins Janis')))}::int4[]`.execute(
        database.db,
      );
    expect(found.rows).toHaveLength(1);
  });

  it('leaves register.search_key_hash (SQL) equal to searchKeyHash, also for letters outside Latin-1 and the BMP', async () => {
    const keys = [
      ...personSearchKeys('Anna Marija', 'Ozola', 1990),
      ...personSearchKeys('Sergejs', 'Vasiļjevs', 1965),
      '',
      'ž',
      'Ωμέγα|ü',
      '李|明',
      '😀|x@2001',
      'a\tb',
    ];
    const rows = (
      await sql<{
        k: string;
        h: number;
      }>`SELECT k, register.search_key_hash(k) AS h FROM unnest(${keys}::text[]) AS k`.execute(database.db)
    ).rows;
    expect(rows.map((r) => [r.k, r.h])).toEqual(keys.map((k) => [k, searchKeyHash(k)]));
  });
});
