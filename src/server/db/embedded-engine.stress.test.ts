/**
 * Keeps the embedded engine honest (STACK.md §1.3): PGlite 0.5.17 returned empty results and then
 * hung with several contrib extensions loaded. This runs many queries with every extension we load,
 * concurrently through the socket, and checks each answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('database engine stress', () => {
  it('answers 600 mixed extension queries from 8 concurrent connections correctly', async () => {
    const worker = async (w: number): Promise<number> => {
      let ok = 0;
      for (let i = 0; i < 75; i++) {
        const r = await sql<{ m: boolean; s: number; u: string; l: number; h: string; t: string }>`
          SELECT ('Kalniņa' % 'Kalnina') AS m, similarity('Bērziņš', 'Berzins') AS s, f_unaccent(${`Ģirts Bērziņš ${w}-${i}`}) AS u,
                 levenshtein('Jānis', 'Janis') AS l, encode(digest(${`x${i}`}, 'sha256'), 'hex') AS h, show_trgm('Ozols')::text AS t`.execute(
          database.db,
        );
        const row = r.rows[0];
        if (
          row &&
          row.m === true &&
          Math.abs(row.s - 0.14285715) < 1e-6 &&
          row.u === `Girts Berzins ${w}-${i}` &&
          row.l === 1 &&
          row.h.length === 64 &&
          row.t.includes('ozo')
        )
          ok++;
      }
      return ok;
    };
    const results = await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    expect(results).toEqual(Array(8).fill(75));
  });

  it('keeps transactions isolated: concurrent increments under FOR UPDATE are not lost, a rollback leaves nothing', async () => {
    await sql`CREATE TABLE IF NOT EXISTS public.stress_counter (id int PRIMARY KEY, n int NOT NULL)`.execute(
      database.db,
    );
    await sql`INSERT INTO public.stress_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0`.execute(
      database.db,
    );
    await Promise.all(
      Array.from({ length: 20 }, () =>
        database.db.transaction().execute(async (trx) => {
          const r = await sql<{ n: number }>`SELECT n FROM public.stress_counter WHERE id = 1 FOR UPDATE`.execute(trx);
          await sql`UPDATE public.stress_counter SET n = ${(r.rows[0]?.n ?? 0) + 1} WHERE id = 1`.execute(trx);
        }),
      ),
    );
    const r = await sql<{ n: number }>`SELECT n FROM public.stress_counter WHERE id = 1`.execute(database.db);
    expect(r.rows[0]?.n).toBe(20);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO public.stress_counter VALUES (2, 1)`.execute(trx);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const gone = await sql<{ c: number }>`SELECT count(*)::int AS c FROM public.stress_counter WHERE id = 2`.execute(
      database.db,
    );
    expect(gone.rows[0]?.c).toBe(0);
    await sql`DROP TABLE public.stress_counter`.execute(database.db);
  });
});
