/**
 * The case engine (PostgreSQL with BENCH_DATABASE_URL; the embedded engine otherwise). Every figure is
 * printed next to the physical limit measured in the same run:
 *   create      POST /api/cases/corrections (register read, case, action, audit entry, outbox row,
 *               all in one transaction), 16 clients      vs  the same rows inserted by bare SQL
 *   queue       GET /api/cases/queue over BENCH_CASES_OPEN open cases (default 100,000 on PostgreSQL,
 *               20,000 embedded), four filters            vs  the queue's SELECT as bare SQL
 * Requests go through the whole HTTP stack in-process (Fastify inject: routing, session, validation).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import { benchDatabase, fmt, percentile } from './lib.ts';
import { benchApp } from './bench-app.ts';

const database = await benchDatabase();
const postgres = Boolean(database.url);
const OPEN = Number(process.env['BENCH_CASES_OPEN'] ?? (postgres ? 100_000 : 20_000));
const CREATE_CLIENTS = 16;
const CREATE_SECONDS = Number(process.env['BENCH_CASES_SECONDS'] ?? 10);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'civitas-bench-cases-'));
const out = (line: string) => process.stdout.write(`${line}\n`);
const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;

const handle = await openDatabase({ databaseUrl: database.url, dataDir, poolSize: 12 });
try {
  const { app, cookie, csrf } = await benchApp(handle, {
    dataDir,
    databaseUrl: database.url,
    username: 'registrar',
    persons: 5000,
  });
  const persons = (
    await sql<{ id: string }>`SELECT id FROM register.person ORDER BY id LIMIT 2000`.execute(handle.db)
  ).rows.map((r) => r.id);
  const branchId = (await sql<{ id: string }>`SELECT id FROM identity.branch WHERE code = 'RIGA-1'`.execute(handle.db))
    .rows[0]?.id as string;
  out(
    `Case engine (${handle.engine} engine; ${persons.length.toLocaleString('en')} applicants; requests in-process through the whole HTTP stack)`,
  );

  // Create: case + action + audit entry + outbox row per request, 16 clients for CREATE_SECONDS.
  let n = 0;
  const create = async () => {
    const i = n++;
    const res = await app.inject({
      method: 'POST',
      url: '/api/cases/corrections',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: {
        personId: persons[i % persons.length],
        field: 'birthPlace',
        requestedValue: `Vieta ${i}`,
        explanation: 'benchmark',
        contactEmail: 'bench@example.invalid',
        documents: [],
      },
    });
    if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  };
  for (let i = 0; i < 200; i++) await create();
  /** Opens cases with `clients` concurrent clients for `seconds`: the rate and the latencies. */
  const sustained = async (clients: number, seconds: number) => {
    const times: number[] = [];
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) {
          const t = performance.now();
          await create();
          times.push(performance.now() - t);
        }
      }),
    );
    return { rate: times.length / ((performance.now() - started) / 1000), times: times.sort((a, b) => a - b) };
  };
  const runs: Record<number, { rate: number; times: number[] }> = {};
  for (const clients of [4, 8, CREATE_CLIENTS]) runs[clients] = await sustained(clients, CREATE_SECONDS);
  const sequential: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    await create();
    sequential.push(performance.now() - t);
  }
  sequential.sort((a, b) => a - b);
  // The limit: the same four rows written by bare SQL in one transaction each, 16 clients.
  let bare = 0;
  const bareUntil = performance.now() + 5000;
  await Promise.all(
    Array.from({ length: CREATE_CLIENTS }, async () => {
      while (performance.now() < bareUntil) {
        const id = randomUUID();
        const client = await handle.pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO cases."case" (id, reference, case_type, status, version, applicant_person_id, applicant_name, language, channel, branch_id, subject, received_on, due_on, opened_at, updated_at)
          VALUES ($1, $2, 'bench-bare', 'submitted', 1, $3, 'x', 'lv', 'desk', $4, '{}', now()::date, now()::date + 30, now(), now())`,
            [id, `BARE-${id}`, persons[bare % persons.length], branchId],
          );
          await client.query(
            `INSERT INTO cases.action (case_id, seq, kind, actor_type, actor_id, on_date, at, payload) VALUES ($1, 1, 'submit', 'staff', 'bench', now()::date, now(), '{}')`,
            [id],
          );
          await client.query(
            `INSERT INTO notifications.outbox (id, event_key, channel, recipient, language, template, params, next_attempt_at, created_at) VALUES ($1::uuid, $1::text, 'email', 'b@example.invalid', 'lv', 'case-received', '{}', now(), now())`,
            [id],
          );
          await client.query('COMMIT');
          bare++;
        } finally {
          client.release();
        }
      }
    }),
  );
  const bareRate = bare / 5;
  await sql`DELETE FROM notifications.outbox WHERE event_key NOT LIKE 'case:%'`.execute(handle.db);
  out(`  create case      one at a time: p50 ${ms(percentile(sequential, 50))}, p95 ${ms(percentile(sequential, 95))}`);
  for (const [clients, r] of Object.entries(runs)) {
    out(
      `                   ${String(clients).padStart(2)} clients for ${CREATE_SECONDS} s: ${fmt(r.rate, 0)} cases/s sustained, p50 ${ms(percentile(r.times, 50))}, p95 ${ms(percentile(r.times, 95))}   target ≥ 200/s with p95 < 50 ms`,
    );
  }
  const best = Math.max(...Object.values(runs).map((r) => r.rate));
  out(
    `                   limit: the case, action and outbox rows by bare SQL, ${CREATE_CLIENTS} clients: ${fmt(bareRate, 0)}/s (the service's best is ${fmt((100 * best) / bareRate, 0)} % of it; it also reads the register, writes the audit chain and answers with the case)`,
  );

  // Queue: OPEN open cases in the branch (bulk-inserted), the queue with four filters.
  const have = Number(
    (
      await sql<{
        n: string;
      }>`SELECT count(*) AS n FROM cases."case" WHERE closed_at IS NULL AND case_type = 'register-correction'`.execute(
        handle.db,
      )
    ).rows[0]?.n,
  );
  const extra = Math.max(0, OPEN - have);
  await sql`INSERT INTO cases."case" (id, reference, case_type, status, version, applicant_person_id, applicant_name, language, channel, branch_id, assignee_id, assignee_name, subject, received_on, due_on, suspended, opened_at, updated_at)
    SELECT gen_random_uuid(), 'DL-BENCH-' || g, 'register-correction', (ARRAY['submitted', 'in-review', 'awaiting-applicant', 'proposed'])[1 + g % 4], 1,
      (${sql.lit(persons[0])})::uuid, 'Bench Applicant ' || g, 'lv', 'portal', ${branchId}::uuid, CASE WHEN g % 3 = 0 THEN NULL ELSE gen_random_uuid() END, CASE WHEN g % 3 = 0 THEN NULL ELSE 'Officer ' || (g % 40) END,
      '{}', now()::date - (g % 30), now()::date + (g % 60) - 10, g % 4 = 2, now(), now()
    FROM generate_series(1, ${extra}) AS g`.execute(handle.db);
  await sql`ANALYZE cases."case"`.execute(handle.db);
  const open = Number(
    (
      await sql<{
        n: string;
      }>`SELECT count(*) AS n FROM cases."case" WHERE closed_at IS NULL AND branch_id = ${branchId}`.execute(handle.db)
    ).rows[0]?.n,
  );
  const queries = ['', '?assignee=unassigned', '?flag=at-risk', '?status=in-review&dueWithin=10'];
  const queueTimes: Record<string, number[]> = {};
  for (const q of queries) {
    const list: number[] = [];
    for (let i = 0; i < 20; i++) await app.inject({ method: 'GET', url: `/api/cases/queue${q}`, headers: { cookie } });
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/cases/queue${q}`, headers: { cookie } });
      list.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`queue failed: ${res.statusCode} ${res.body}`);
    }
    queueTimes[q] = list.sort((a, b) => a - b);
  }
  const rawTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await handle.pool.query(
      `SELECT id, reference, case_type, status, applicant_name, assignee_name, received_on, due_on, suspended, deadline_alert, version FROM cases."case"
      WHERE branch_id = $1 AND closed_at IS NULL AND case_type = 'register-correction' ORDER BY due_on, reference LIMIT 50`,
      [branchId],
    );
    await handle.pool.query(
      `SELECT count(*) FROM (SELECT id FROM cases."case" WHERE branch_id = $1 AND closed_at IS NULL AND case_type = 'register-correction' LIMIT 10001) AS m`,
      [branchId],
    );
    rawTimes.push(performance.now() - t);
  }
  rawTimes.sort((a, b) => a - b);
  out(
    `  work queue       ${open.toLocaleString('en')} open cases in the branch, first 50 by deadline, with the count of matching cases (up to 10,000):`,
  );
  for (const q of queries)
    out(
      `                   GET /api/cases/queue${q.padEnd(30)} p50 ${ms(percentile(queueTimes[q] as number[], 50))}, p95 ${ms(percentile(queueTimes[q] as number[], 95))}   target p95 < 50 ms`,
    );
  out(
    `                   limit: the same page and count by bare SQL p50 ${ms(percentile(rawTimes, 50))}, p95 ${ms(percentile(rawTimes, 95))}`,
  );
  await app.close();
} finally {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
  await database.drop();
}
