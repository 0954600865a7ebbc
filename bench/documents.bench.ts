/**
 * The public document check (`GET /api/public/documents/{number}/validity` with a partner's API key, as
 * the border guard calls it) against the physical limit in the same run: a bare Fastify route returning a
 * constant (target: at least 60 % of it, p99 under 5 ms), and the database's own limit for the lookup
 * (the same SELECT through `pg`). PostgreSQL holds 2.1 million persons' passports and identity cards
 * (4.2 million documents, one in fifty invalidated); the embedded engine 20,000.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { sql } from 'kysely';
import { benchDatabase, fmt, load, startChild, type LoadResult } from './lib.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';

const database = await benchDatabase();
const postgres = Boolean(database.url);
const PERSONS = Number(process.env['BENCH_DOCUMENT_PERSONS'] ?? (postgres ? 2_100_000 : 10_000));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'civitas-bench-docs-'));
const out = (line: string) => process.stdout.write(`${line}\n`);

/** Raw SQL rate of the check's lookup, `connections` at a time, for `seconds`. */
async function rawRate(
  pool: pg.Pool,
  numbers: readonly string[],
  seconds: number,
  connections: number,
): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      let i = c;
      while (performance.now() < until) {
        await pool.query(
          'SELECT number, document_type, valid_until, invalidated_on FROM documents.document WHERE number = $1',
          [numbers[i++ % numbers.length]],
        );
        count++;
      }
    }),
  );
  return count / seconds;
}

let bare: Awaited<ReturnType<typeof startChild<{ url: string }>>> | undefined;
let server: Awaited<ReturnType<typeof startChild<{ url: string }>>> | undefined;
try {
  const handle = await openDatabase({ databaseUrl: database.url, dataDir, poolSize: 10 });
  await migrateToLatest(handle.db);
  const started = performance.now();
  // Every person a passport (LV…) and an identity card (PA…); numbers are the series' own form.
  for (const [type, prefix] of [
    ['passport', 'LV'],
    ['identity-card', 'PA'],
  ] as const) {
    await sql`
      INSERT INTO documents.document (id, document_type, number, person_id, surname, given_names, nationality, issued_on, valid_until, issuing_branch_id, mrz,
        invalidated_on, invalidation_reason, invalidation_note, invalidated_by, issued_at, invalidated_at)
      SELECT gen_random_uuid(), ${type}, ${prefix} || lpad(i::text, 7, '0'), gen_random_uuid(), 'BENCH', 'PERSON', 'LVA', date '2017-01-01' + (i % 3000), date '2027-01-01' + (i % 3000), NULL,
        ARRAY['SYNTHETIC'], CASE WHEN i % 50 = 0 THEN date '2025-06-01' END, CASE WHEN i % 50 = 0 THEN 'lost' END, NULL, NULL, now(), CASE WHEN i % 50 = 0 THEN now() END
      FROM generate_series(1, ${PERSONS}::int) AS i`.execute(handle.db);
    await sql`INSERT INTO documents.number_series (prefix, document_type, last) VALUES (${prefix}, ${type}, ${PERSONS})`.execute(
      handle.db,
    );
  }
  await sql`ANALYZE documents.document`.execute(handle.db);
  out(
    `Public document check (${handle.engine} engine; ${(2 * PERSONS).toLocaleString('en')} documents loaded in ${fmt((performance.now() - started) / 1000)} s)`,
  );
  // Numbers spread over the whole table (a few unknown ones too), taken in turn by the load generator.
  const numbers = Array.from({ length: 2000 }, (_, k) => {
    const n = 1 + Math.floor((((k * 7919) % 2000) / 2000) * PERSONS);
    return k % 100 === 0
      ? `LV${String(9_000_000 + k).padStart(7, '0')}`
      : `${k % 2 ? 'PA' : 'LV'}${String(n).padStart(7, '0')}`;
  });
  const raw = postgres ? await rawRate(handle.pool, numbers, 5, 10) : undefined;
  if (!postgres) await handle.close();

  bare = await startChild<{ url: string }>('bench/servers/bare.ts');
  server = await startChild<{ url: string }>('bench/servers/civitas.ts', {
    ...(database.url ? { BENCH_DATABASE_URL: database.url } : {}),
    BENCH_DATA_DIR: dataDir,
    PARTNER_CHECK_PER_MINUTE: '10000000',
  });
  const headers = { 'x-api-key': 'demo-border-guard-key' };
  const check = (seconds: number, connections: number) =>
    load(server?.info.url as string, {
      seconds,
      connections,
      headers,
      paths: numbers.map((n) => `/api/public/documents/${n}/validity`),
    });
  const limit = (seconds: number, connections: number) => load(`${bare?.info.url}/c`, { seconds, connections });
  await check(2, 10);
  await limit(1, 10);
  // The machine is shared and its speed drifts by tens of percent from one minute to the next, so the two
  // are measured in turns, a few seconds each, and compared round by round (the median of the rounds).
  const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  for (const connections of [10, 64]) {
    const bareRuns: LoadResult[] = [];
    const checkRuns: LoadResult[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      bareRuns.push(await limit(3, connections));
      checkRuns.push(await check(3, connections));
    }
    const shares = checkRuns.map((c, i) => (100 * c.requestsPerSecond) / (bareRuns[i] as LoadResult).requestsPerSecond);
    const errors = checkRuns.reduce((n, c) => n + c.errors, 0);
    out(
      `  ${connections} connections, ${ROUNDS} rounds of 3 s each in turn, loopback, load from ${bareRuns[0]?.generator} (medians of the rounds)`,
    );
    out(
      `  ${'bare Fastify constant (limit)'.padEnd(36)} ${fmt(median(bareRuns.map((b) => b.requestsPerSecond)), 0).padStart(8)} req/s   p50 ${fmt(median(bareRuns.map((b) => b.p50)))} ms   p99 ${fmt(median(bareRuns.map((b) => b.p99)))} ms`,
    );
    out(
      `  ${'GET …/documents/{number}/validity'.padEnd(36)} ${fmt(median(checkRuns.map((c) => c.requestsPerSecond)), 0).padStart(8)} req/s   p50 ${fmt(median(checkRuns.map((c) => c.p50)))} ms   p99 ${fmt(median(checkRuns.map((c) => c.p99)))} ms (worst round ${fmt(Math.max(...checkRuns.map((c) => c.p99)))} ms)${errors ? `   ERRORS ${errors}` : ''}`,
    );
    out(
      `  ${'share of the limit, round by round'.padEnd(36)} ${shares.map((x) => `${fmt(x, 0)} %`).join(', ')}: median ${fmt(median(shares), 0)} %`,
    );
  }
  out('  target: ≥ 60 % of the limit, p99 < 5 ms');
  if (raw !== undefined) out(`  ${'raw SQL lookup, 10 clients (DB limit)'.padEnd(36)} ${fmt(raw, 0).padStart(8)} q/s`);
} finally {
  bare?.child.kill();
  server?.child.kill();
  await new Promise((r) => setTimeout(r, 500));
  await database.drop();
}
