/**
 * The audit gate's cost: appending hash-chained entries (advisory lock, head read, SHA-256, insert,
 * head update, all in one transaction) against the physical limit — plain INSERTs of the same rows into
 * an unchained scratch table, one transaction each — on the same engine in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { createAuditRepository, createAuditService, type AccessRecord } from '../src/server/modules/audit/index.ts';
import { benchDatabase, fmt, percentile } from './lib.ts';

const N = Number(process.env['BENCH_AUDIT_N'] ?? 2000);
const CONCURRENCY = 8;
const database = await benchDatabase();
const url = database.url;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'civitas-bench-audit-'));
const handle = await openDatabase({ databaseUrl: url, dataDir, poolSize: CONCURRENCY + 2 });
await migrateToLatest(handle.db);
const audit = createAuditService({ repository: createAuditRepository(), clock: systemClock });
await sql`CREATE TABLE IF NOT EXISTS public.bench_plain_entry (LIKE audit.entry INCLUDING DEFAULTS)`.execute(handle.db);
await sql`TRUNCATE public.bench_plain_entry`.execute(handle.db);

const access = (i: number): AccessRecord => ({
  actor: { type: 'staff', id: `officer-${i % 50}`, name: 'Bench Officer', role: 'registrar', institution: 'PMLP' },
  action: 'read',
  purpose: 'case-processing',
  legalBasis: 'Fizisko personu reģistra likums',
  caseReference: `KL-2026-${i}`,
  subjectPersonId: '00000000-0000-4000-8000-000000000001',
  resource: 'register.person',
  touched: ['name'],
  requestId: `bench-${i}`,
});

async function run(
  label: string,
  op: (i: number) => Promise<unknown>,
): Promise<{ perSecond: number; p50: number; p95: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  void label;
  return { perSecond: N / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

try {
  const plain = await run('plain', (i) =>
    handle.db.transaction().execute((trx) =>
      sql`
    INSERT INTO public.bench_plain_entry (seq, id, occurred_at, actor_type, actor_id, institution, action, purpose, legal_basis, case_reference, resource, prev_hash, hash)
    VALUES (${i + 1}, gen_random_uuid(), now(), 'staff', 'x', 'PMLP', 'read', 'p', 'l', 'c', 'r', '', '')`.execute(trx),
    ),
  );
  const chained = await run('chained', (i) => handle.db.transaction().execute((trx) => audit.record(trx, access(i))));
  const verifyStart = performance.now();
  const verified = await audit.verify(handle.db);
  const verifySeconds = (performance.now() - verifyStart) / 1000;
  process.stdout.write(`Audit gate (${handle.engine} engine; ${N} entries, ${CONCURRENCY} concurrent writers)\n`);
  process.stdout.write(
    `  plain INSERT, own transaction (limit)   ${fmt(plain.perSecond, 0).padStart(6)} /s   p50 ${fmt(plain.p50)} ms   p95 ${fmt(plain.p95)} ms\n`,
  );
  process.stdout.write(
    `  audit.record, hash-chained              ${fmt(chained.perSecond, 0).padStart(6)} /s   p50 ${fmt(chained.p50)} ms   p95 ${fmt(chained.p95)} ms   ${fmt((100 * chained.perSecond) / plain.perSecond, 0)} % of limit\n`,
  );
  process.stdout.write(
    `  audit verify: ${verified.entriesChecked} entries in ${fmt(verifySeconds, 2)} s (${fmt(verified.entriesChecked / verifySeconds, 0)} /s), ${verified.ok ? 'intact' : 'BROKEN'}\n`,
  );
} finally {
  await sql`DROP TABLE IF EXISTS public.bench_plain_entry`.execute(handle.db);
  await handle.close();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
