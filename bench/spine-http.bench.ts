/**
 * HTTP spine: what the platform layers cost. Each figure is measured in the same run as the physical
 * limit on this machine — a bare Fastify route returning a constant — and reported as a ratio.
 *   /health/live       Civitas routing, hooks, headers, metrics (no database)
 *   /api/session       + a session lookup in the database on every request (principal resolution)
 * and the database's own limit for that lookup: the same SELECT as raw SQL through `pg`, 10 at a time.
 */

/** Raw SQL throughput of the session lookup with `connections` concurrent clients for `seconds`. */
async function rawLookupRate(pool: pg.Pool, tokenHash: string, seconds: number, connections: number): Promise<number> {
  const text = `SELECT s.*, a.username, a.roles, b.code FROM identity.session s LEFT JOIN identity.staff_account a ON a.id = s.staff_account_id
    LEFT JOIN identity.branch b ON b.id = a.branch_id WHERE s.token_hash = $1`;
  const until = performance.now() + seconds * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        await pool.query(text, [tokenHash]);
        count++;
      }
    }),
  );
  return count / seconds;
}
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { benchDatabase, load, startChild, fmt } from './lib.ts';
import { openDatabase } from '../src/server/db/database.ts';

const database = await benchDatabase();
const engineEnv: Record<string, string> = database.url ? { BENCH_DATABASE_URL: database.url } : {};
const bare = await startChild<{ url: string }>('bench/servers/bare.ts');
const civitas = await startChild<{
  url: string;
  cookie: string;
  token: string;
  engine: string;
  dataDir: string;
  databaseUrl?: string;
}>('bench/servers/civitas.ts', engineEnv).catch((error: unknown) => {
  bare.child.kill();
  throw error;
});
try {
  await load(`${bare.info.url}/c`, { seconds: 1 });
  await load(`${civitas.info.url}/health/live`, { seconds: 1 });
  const limit = await load(`${bare.info.url}/c`);
  const live = await load(`${civitas.info.url}/health/live`);
  const session = await load(`${civitas.info.url}/api/session`, { headers: { cookie: civitas.info.cookie } });
  // Joins the server's running engine (embedded: through its socket) to measure the bare lookup.
  const direct = await openDatabase({
    databaseUrl: civitas.info.databaseUrl,
    dataDir: civitas.info.dataDir,
    poolSize: 10,
  });
  const tokenHash = createHash('sha256').update(civitas.info.token).digest('hex');
  await rawLookupRate(direct.pool, tokenHash, 1, 10);
  const raw = await rawLookupRate(direct.pool, tokenHash, 5, 10);
  await direct.close();
  const row = (name: string, r: { requestsPerSecond: number; p50: number; p99: number; errors: number }) =>
    `  ${name.padEnd(34)} ${fmt(r.requestsPerSecond, 0).padStart(8)} req/s   p50 ${fmt(r.p50)} ms   p99 ${fmt(r.p99)} ms   ${fmt((100 * r.requestsPerSecond) / limit.requestsPerSecond, 0)} % of limit${r.errors ? `   ERRORS ${r.errors}` : ''}`;
  process.stdout.write(
    `HTTP spine (${civitas.info.engine} engine; 10 connections, 5 s each, loopback, load from ${limit.generator})\n`,
  );
  process.stdout.write(
    `${row('bare Fastify constant (limit)', limit)}\n${row('GET /health/live', live)}\n${row('GET /api/session (session in DB)', session)}\n`,
  );
  process.stdout.write(
    `  ${'raw SQL session lookup (DB limit)'.padEnd(34)} ${fmt(raw, 0).padStart(8)} q/s     GET /api/session reaches ${fmt((100 * session.requestsPerSecond) / raw, 0)} % of it\n`,
  );
} finally {
  bare.child.kill();
  civitas.child.kill();
  await new Promise((r) => setTimeout(r, 500));
  await database.drop();
}
