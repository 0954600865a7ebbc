/**
 * The staff search over HTTP with its data-use entries (issue 24: one entry per listed person, group-committed in
 * one statement per answer). Run it on two trees to compare before and after; within one run each figure is
 * printed next to the search alone (the same queries through the search service, no HTTP, no audit).
 *   one at a time   p50 / p95 of GET /api/register/persons, per kind of query (what an officer waits)
 *   under load      10 connections for 5 s over the mixed queries (req/s, p50, p99)
 * Persons: BENCH_SEARCH_PERSONS (default 20,000 embedded, 200,000 on PostgreSQL via BENCH_DATABASE_URL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import { createPersonSearch, createRegisterRepository } from '../src/server/modules/register/index.ts';
import { benchApp } from './bench-app.ts';
import { benchDatabase, fmt, load, percentile } from './lib.ts';

const database = await benchDatabase();
const N = Number(process.env['BENCH_SEARCH_PERSONS'] ?? (database.url ? 200_000 : 20_000));
const ROUNDS = 150;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'civitas-bench-search-'));
const handle = await openDatabase({ databaseUrl: database.url, dataDir, poolSize: 10 });
const out = (line: string) => process.stdout.write(`${line}\n`);

type Sample = { personalCode: string; givenNames: string; surname: string; birthDate: string };
type Query = { q?: string; code?: string; birthYear?: number; limit: number };

function pathOf(query: Query): string {
  const p = new URLSearchParams({ reason: 'bench', limit: String(query.limit) });
  if (query.q) p.set('q', query.q);
  if (query.code) p.set('code', query.code);
  if (query.birthYear) p.set('birthYear', String(query.birthYear));
  return `/api/register/persons?${p}`;
}

async function sequential(n: number, op: (i: number) => Promise<number>): Promise<{ times: number[]; listed: number }> {
  const times: number[] = [];
  let listed = 0;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    listed += await op(i);
    times.push(performance.now() - t);
  }
  return { times: times.sort((a, b) => a - b), listed: listed / n };
}

try {
  const { app, cookie } = await benchApp(handle, {
    dataDir,
    databaseUrl: database.url,
    username: 'registrar',
    persons: N,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const samples = (
    await sql<Sample>`SELECT personal_code AS "personalCode", given_names AS "givenNames", surname, birth_date::text AS "birthDate"
      FROM register.person ORDER BY md5(id::text) LIMIT 200`.execute(handle.db)
  ).rows;
  const kinds: Record<string, (s: Sample) => Query> = {
    'exact personal code': (s) => ({ code: s.personalCode, limit: 20 }),
    'full name and birth year': (s) => ({
      q: `${s.givenNames} ${s.surname}`,
      birthYear: Number(s.birthDate.slice(0, 4)),
      limit: 20,
    }),
    'surname only, page of 50': (s) => ({ q: s.surname, limit: 50 }),
  };
  const search = createPersonSearch(createRegisterRepository());
  const entries = async () =>
    Number((await sql<{ n: string }>`SELECT seq AS n FROM audit.chain_head`.execute(handle.db)).rows[0]?.n ?? 0);
  out(
    `Staff search over HTTP with its data-use entries (${handle.engine} engine, ${N.toLocaleString('en')} persons, ${ROUNDS} each)`,
  );
  for (const [kind, make] of Object.entries(kinds)) {
    const queries = samples.map(make);
    const bare = await sequential(
      ROUNDS,
      async (i) => (await search.search(handle.db, queries[i % queries.length] as Query)).results.length,
    );
    const before = await entries();
    const http = await sequential(ROUNDS, async (i) => {
      const res = await fetch(`${base}${pathOf(queries[i % queries.length] as Query)}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`search answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { results: unknown[] }).results.length;
    });
    const written = ((await entries()) - before) / ROUNDS;
    const p = (t: number[], q: number) => percentile(t, q);
    out(
      `  ${kind.padEnd(26)} HTTP p50 ${fmt(p(http.times, 50))} ms  p95 ${fmt(p(http.times, 95))} ms   search alone p50 ${fmt(p(bare.times, 50))} ms  p95 ${fmt(p(bare.times, 95))} ms   ${fmt(http.listed)} listed, ${fmt(written)} entries per search`,
    );
  }
  const mixed = samples.flatMap((s) => Object.values(kinds).map((make) => pathOf(make(s))));
  await load(`${base}/api/register/persons`, { seconds: 1, headers: { cookie }, paths: mixed });
  const loaded = await load(`${base}/api/register/persons`, { seconds: 5, headers: { cookie }, paths: mixed });
  out(
    `  under load (10 connections, mixed, ${loaded.generator}) ${fmt(loaded.requestsPerSecond, 0)} req/s  p50 ${fmt(loaded.p50)} ms  p99 ${fmt(loaded.p99)} ms${loaded.errors ? `  ERRORS ${loaded.errors}` : ''}`,
  );
  await app.close();
} finally {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
  await database.drop();
}
