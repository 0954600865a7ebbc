/**
 * Visa applications with a realistic load of open migration cases (BENCH_VISAS_OPEN, default 50,000 on
 * PostgreSQL with BENCH_DATABASE_URL, 10,000 embedded). The server runs as shipped, logging on (to a file),
 * and is called over loopback HTTP; every figure stands next to a baseline doing the same work in the same
 * run, at the same concurrency:
 *   submit   POST /api/migration/visas (admissibility checks, fee, case, submit and payment actions, audit
 *            entry, receipt in the outbox, one transaction)   vs  the same rows and audit entry by bare SQL
 *   queue    GET /api/cases/queue?type=visa-c (the officer's first page by deadline and the count)
 *                                                              vs  the queue's SELECTs by bare SQL
 * Goals (issue 16): submit p95 < 50 ms, queue p95 < 20 ms with 50,000 open migration cases on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { parseConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { createArgon2Hasher } from '../src/server/platform/password.ts';
import { seedDemoIdentity } from '../src/server/modules/identity/index.ts';
import { seedRegister } from '../src/server/modules/register/index.ts';
import { benchDatabase, fmt, percentile } from './lib.ts';

const database = await benchDatabase();
const postgres = Boolean(database.url);
const OPEN = Number(process.env['BENCH_VISAS_OPEN'] ?? (postgres ? 50_000 : 10_000));
const SECONDS = Number(process.env['BENCH_VISAS_SECONDS'] ?? 5);
const CONCURRENCY = [1, 4, 16];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'civitas-bench-visas-'));
const out = (line: string) => process.stdout.write(`${line}\n`);
const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;
const addDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Runs `task` from `clients` concurrent clients for SECONDS: the rate and the sorted latencies. */
async function sustained(clients: number, task: (i: number) => Promise<void>) {
  const times: number[] = [];
  let n = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await task(n++);
        times.push(performance.now() - t);
      }
    }),
  );
  return { rate: times.length / ((performance.now() - started) / 1000), times: times.sort((a, b) => a - b) };
}

const application = (i: number) => ({
  visaType: 'C',
  givenNames: 'Bench',
  surname: `Applicant${i}`,
  sex: i % 2 ? 'M' : 'F',
  birthDate: '1985-05-05',
  nationality: 'IND',
  travelDocument: { number: `BX${String(1_000_000 + i)}`, country: 'IND', validUntil: addDays(2000) },
  purpose: 'tourism',
  intendedEntry: addDays(30),
  intendedExit: addDays(40),
  insurance: {
    insurer: 'Bench Insurance',
    policyNumber: `B-${i}`,
    coverageEur: 30000,
    validFrom: addDays(30),
    validUntil: addDays(40),
  },
  means: { kind: 'bank-statement', amountEur: 2000 },
  contactEmail: 'bench@example.invalid',
  payment: { method: 'card' },
});

const handle = await openDatabase({ databaseUrl: database.url, dataDir, poolSize: 12 });
const logFile = createWriteStream(path.join(dataDir, 'server.log'));
try {
  await migrateToLatest(handle.db);
  const hasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });
  await seedDemoIdentity(handle.db, hasher);
  await seedRegister(handle.db, handle.pool, {
    engine: handle.engine,
    persons: 2000,
    seed: 1,
    today: addDays(0),
    now: new Date().toISOString(),
  });
  // As shipped: request logging on (JSON lines to a file here, so the bench's own output stays readable).
  const config = parseConfig({
    DATA_DIR: dataDir,
    DEMO_MODE: 'true',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    OUTBOX_INTERVAL_SECONDS: '0',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  });
  const app = await buildApp({ config, db: handle.db, clock: systemClock, hasher, logDestination: logFile });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const signIn = await fetch(`${base}/api/auth/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'migration.officer', password: 'civitas-demo' }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const csrf = ((await signIn.json()) as { session: { csrfToken: string } }).session.csrfToken;
  const branchId = (await sql<{ id: string }>`SELECT id FROM identity.branch WHERE code = 'RIGA-2'`.execute(handle.db))
    .rows[0]?.id as string;

  // The open migration cases the queue and the reference counter work among.
  await sql`INSERT INTO cases."case" (id, reference, case_type, status, version, applicant_person_id, applicant_name, language, channel, branch_id, assignee_id, assignee_name, subject, received_on, due_on, suspended, opened_at, updated_at)
    SELECT gen_random_uuid(), 'VC-BENCH-' || g, (ARRAY['visa-c', 'visa-c', 'visa-c', 'visa-d', 'visa-invitation'])[1 + g % 5], (ARRAY['submitted', 'in-review', 'awaiting-applicant', 'proposed'])[1 + g % 4], 1,
      NULL, 'Bench Applicant ' || g, 'en', 'desk', ${branchId}::uuid, CASE WHEN g % 3 = 0 THEN NULL ELSE gen_random_uuid() END, CASE WHEN g % 3 = 0 THEN NULL ELSE 'Officer ' || (g % 40) END,
      '{}', now()::date - (g % 15), now()::date + (g % 45), g % 4 = 2, now(), now()
    FROM generate_series(1, ${OPEN}) AS g`.execute(handle.db);
  await sql`ANALYZE cases."case"`.execute(handle.db);
  out(
    `Visa applications (${handle.engine} engine; ${OPEN.toLocaleString('en')} open migration cases; over loopback HTTP, request logging on; ${SECONDS} s per row)`,
  );

  const submit = async (i: number) => {
    const res = await fetch(`${base}/api/migration/visas`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify(application(i)),
    });
    if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 50; i++) await submit(1_000_000 + i);
  // The baseline: the case, its two actions, the audit entry on the chain head and the outbox row, by bare SQL.
  const bare = async () => {
    const id = randomUUID();
    const client = await handle.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO cases."case" (id, reference, case_type, status, version, applicant_name, language, channel, branch_id, subject, received_on, due_on, opened_at, updated_at)
        VALUES ($1, $2, 'bench-bare', 'submitted', 3, 'x', 'en', 'desk', $3, $4, now()::date, now()::date + 15, now(), now())`,
        [id, `BARE-${id}`, branchId, JSON.stringify(application(0))],
      );
      await client.query(
        `INSERT INTO cases.action (case_id, seq, kind, actor_type, actor_id, on_date, at, payload) VALUES ($1, 1, 'submit', 'staff', 'bench', now()::date, now(), '{}'), ($1, 2, 'record-payment', 'staff', 'bench', now()::date, now(), '{}')`,
        [id],
      );
      const head = await client.query<{ seq: string }>(
        'UPDATE audit.chain_head SET seq = seq + 1 WHERE id = 1 RETURNING seq',
      );
      await client.query(
        `INSERT INTO audit.entry (seq, id, occurred_at, actor_type, actor_id, institution, action, purpose, legal_basis, case_reference, resource, prev_hash, hash)
        VALUES ($1, $2, now(), 'staff', 'bench', 'PMLP', 'create', 'case-processing', 'bench', $3, 'cases.case', repeat('0', 64), repeat('0', 64))`,
        [head.rows[0]?.seq, randomUUID(), `BARE-${id}`],
      );
      await client.query(
        `INSERT INTO notifications.outbox (id, event_key, channel, recipient, language, template, params, next_attempt_at, created_at) VALUES ($1::uuid, $1::text, 'email', 'b@example.invalid', 'en', 'case-received', '{}', now(), now())`,
        [id],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  out(
    '  submit a visa application            clients   service: rate, p50, p95            bare SQL, same rows: rate, p50, p95     share',
  );
  let n = 2_000_000;
  for (const clients of CONCURRENCY) {
    const service = await sustained(clients, () => submit(n++));
    const raw = await sustained(clients, bare);
    out(
      `                                        ${String(clients).padStart(4)}   ${fmt(service.rate, 0).padStart(5)}/s, ${ms(percentile(service.times, 50))}, ${ms(percentile(service.times, 95)).padEnd(9)}   ${fmt(raw.rate, 0).padStart(5)}/s, ${ms(percentile(raw.times, 50))}, ${ms(percentile(raw.times, 95)).padEnd(9)}   ${fmt((100 * service.rate) / raw.rate, 0)} %`,
    );
  }
  out(
    '                                        goal: p95 < 50 ms (the service also checks the application, reads the reference counter and answers with the case)',
  );

  const queue = async () => {
    const res = await fetch(`${base}/api/cases/queue?type=visa-c`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`queue failed: ${res.status}`);
    await res.arrayBuffer();
  };
  const rawQueue = async () => {
    await handle.pool.query(
      `SELECT id, reference, case_type, status, applicant_name, assignee_name, received_on, due_on, suspended, deadline_alert, version FROM cases."case"
      WHERE branch_id = $1 AND closed_at IS NULL AND case_type = 'visa-c' ORDER BY due_on, reference LIMIT 50`,
      [branchId],
    );
    await handle.pool.query(
      `SELECT count(*) FROM (SELECT id FROM cases."case" WHERE branch_id = $1 AND closed_at IS NULL AND case_type = 'visa-c' LIMIT 10001) AS m`,
      [branchId],
    );
  };
  for (let i = 0; i < 20; i++) await queue();
  out(
    '  work queue, first 50 by deadline     clients   service: rate, p50, p95            bare SQL, same queries: rate, p50, p95  share',
  );
  for (const clients of CONCURRENCY) {
    const service = await sustained(clients, queue);
    const raw = await sustained(clients, rawQueue);
    out(
      `                                        ${String(clients).padStart(4)}   ${fmt(service.rate, 0).padStart(5)}/s, ${ms(percentile(service.times, 50))}, ${ms(percentile(service.times, 95)).padEnd(9)}   ${fmt(raw.rate, 0).padStart(5)}/s, ${ms(percentile(raw.times, 50))}, ${ms(percentile(raw.times, 95)).padEnd(9)}   ${fmt((100 * service.rate) / raw.rate, 0)} %`,
    );
  }
  out('                                        goal: p95 < 20 ms');
  await app.close();
} finally {
  logFile.end();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
  await database.drop();
}
