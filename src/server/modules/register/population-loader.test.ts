/**
 * The bulk population load (decision 0011, 0013): into an empty register it is all or nothing, the keys
 * and indexes come back exactly as the migrations made them, the identity numbering continues after it,
 * and index builds a crash interrupted are finished later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { buildPendingIndexes, loadPersons } from './population-loader.ts';
import { demoRegisterPersons } from './register-seed.ts';
import { generatePopulation } from './synthetic-population.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';

let database: TestDatabase;
const TODAY = '2026-11-29';
const NOW = '2026-11-29T10:00:00.000Z';
const INDEXES = sql<{
  name: string;
  def: string;
}>`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'register' ORDER BY indexname`;
const count = async (table: string) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(database.db)).rows[0]?.n);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('bulk population load', () => {
  it('loads a generated population with every fact, and leaves keys, indexes and numbering as before', async () => {
    const indexesBefore = (await INDEXES.execute(database.db)).rows;
    await loadPersons(
      database.pool,
      { kind: 'list', persons: demoRegisterPersons() },
      { engine: database.engine, today: TODAY, now: NOW },
    );
    const population = {
      seed: 3,
      persons: 1500,
      today: TODAY as PlainDate,
      reservedCodes: demoRegisterPersons().map((p) => p.personalCode),
    };
    // Batches of 400: four batches, encoded by two workers taking turns on PostgreSQL.
    const loaded = await loadPersons(
      database.pool,
      { kind: 'generated', options: population },
      { engine: database.engine, today: TODAY, now: NOW, bulk: true, batchSize: 400 },
    );
    expect(loaded.persons).toBe(1500);
    const demoIds = new Set(demoRegisterPersons().map((p) => p.personId));
    const stored = (
      await sql<{ id: string; personalCode: string }>`SELECT id, personal_code FROM register.person`.execute(
        database.db,
      )
    ).rows.filter((r) => !demoIds.has(r.id));
    expect(stored.map((r) => `${r.id} ${r.personalCode}`).sort()).toEqual(
      [...generatePopulation(population)].map((p) => `${p.personId} ${p.personalCode}`).sort(),
    );
    const all = 1500 + demoRegisterPersons().length;
    expect(await count('register.person')).toBe(all);
    expect(await count('register.code_fact')).toBeGreaterThanOrEqual(all);
    expect(await count('register.pending_index')).toBe(0);
    expect((await INDEXES.execute(database.db)).rows).toEqual(indexesBefore);

    // Identity numbering continues after the rows the loader numbered itself.
    const maxId = Number(
      (await sql<{ m: string }>`SELECT max(id) AS m FROM register.code_fact`.execute(database.db)).rows[0]?.m,
    );
    const next = await sql<{
      id: string;
    }>`INSERT INTO register.code_fact (person_id, valid_from, recorded_at, personal_code)
      SELECT id, birth_date, now(), '32000000000' FROM register.person LIMIT 1 RETURNING id`.execute(database.db);
    expect(Number(next.rows[0]?.id)).toBeGreaterThan(maxId);

    // Every fact row belongs to a loaded person (the foreign keys were not checked during the load).
    const orphans = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM register.relation_fact r LEFT JOIN register.person p ON p.id = r.related_person_id WHERE p.id IS NULL`.execute(
      database.db,
    );
    expect(Number(orphans.rows[0]?.n)).toBe(0);
  });

  it('rolls a failed bulk load back whole: no rows, and the indexes still there', async () => {
    const persons = await count('register.person');
    const indexesBefore = (await INDEXES.execute(database.db)).rows;
    const clash = demoRegisterPersons().map((p) => ({ ...p, personId: crypto.randomUUID() }));
    // The demo persons' personal codes again: the unique key, rebuilt at the end of a bulk load, refuses them.
    await expect(
      loadPersons(
        database.pool,
        { kind: 'list', persons: clash },
        { engine: database.engine, today: TODAY, now: NOW, bulk: true },
      ),
    ).rejects.toThrow(/personal_code/);
    expect(await count('register.person')).toBe(persons);
    expect((await INDEXES.execute(database.db)).rows).toEqual(indexesBefore);
  });

  it('builds index builds a crash left queued, and only once', async () => {
    const [index] = (await INDEXES.execute(database.db)).rows.filter((i) => i.name === 'person_birth_date_idx');
    expect(index).toBeDefined();
    // What a crash after the load's commit leaves: the index gone, its statement queued.
    await sql`DROP INDEX register.person_birth_date_idx`.execute(database.db);
    await sql`INSERT INTO register.pending_index (statement) VALUES (${index?.def})`.execute(database.db);
    expect(await buildPendingIndexes(database.pool)).toBe(1);
    expect(await buildPendingIndexes(database.pool)).toBe(0);
    expect((await INDEXES.execute(database.db)).rows.filter((i) => i.name === 'person_birth_date_idx')).toEqual([
      index,
    ]);
    expect(await count('register.pending_index')).toBe(0);
  });
});
