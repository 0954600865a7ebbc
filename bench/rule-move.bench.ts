/**
 * A transitional move of open Schengen visa cases from the rules of 2 February 2020 to those of 11 June 2024
 * (issue 25: POST /api/procedure-rules/moves, the use case behind the administrator's screen and `civitas
 * procedures migrate`), over BENCH_MOVE_CASES open visa-c cases lodged before 11 June 2024 (default 50,000 on
 * PostgreSQL with BENCH_DATABASE_URL, 5,000 embedded). The server runs as shipped, logging on (to a file), and one
 * administrator calls it over loopback HTTP as the screen does: the dry run, then the apply with the cases the dry
 * run listed. Every figure stands next to a baseline doing the same work in the same run, at the same concurrency
 * (one transaction at a time):
 *   dry run   the open cases and their actions read, a read audit entry per listed case, the plan answered
 *                                              vs  the same reads and audit rows by bare SQL, in one transaction
 *   apply     per case: subject and projection updated, a move-rules action, an update audit entry, the
 *             applicant's message (the fee rose) in the outbox; one transaction
 *                                              vs  the same rows written by bare SQL, in one transaction
 * The baselines are set-wise (a handful of statements for all cases), the physical limit of these writes on this
 * machine: the same rows of the same width land in the same tables and indexes, in one transaction and one commit,
 * so what separates the service from them is its own work per case (the round trips of its statements, folding each
 * case's actions, the deadline, JSON) and not the database's. The baselines read the same rows back (the cases and
 * their actions) and link the audit entries into the hash chain in Node as the audit gate does.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { parseConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createDemoSeedClock, systemClock } from '../src/server/platform/clock.ts';
import { createArgon2Hasher } from '../src/server/platform/password.ts';
import { seedDemoIdentity } from '../src/server/modules/identity/index.ts';
import { seedRegister } from '../src/server/modules/register/index.ts';
import { entryHash, type ChainedFields } from '../src/server/modules/audit/audit-chain.ts';
import { benchDatabase, fmt } from './lib.ts';

const database = await benchDatabase();
const postgres = Boolean(database.url);
const CASES = Number(process.env['BENCH_MOVE_CASES'] ?? (postgres ? 50_000 : 5_000));
const FROM = '2020-02-02';
const TO = '2024-06-11';
/**
 * The office's day of the move (BENCH_MOVE_ON): by default the day after the new fee applies, when an office carries
 * out the transitional provision, its cases days or weeks old; `now` moves on the system's day instead (cases then
 * years past their deadline).
 */
const MOVE_ON = process.env['BENCH_MOVE_ON'] ?? '2024-06-12';
/** The templates' days of lodging: working days before the new fee, under the rules of 2020. */
const LODGED = ['2024-05-29', '2024-05-30', '2024-05-31', '2024-06-03', '2024-06-04', '2024-06-05', '2024-06-06'];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'civitas-bench-rule-move-'));
const out = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${fmt(ms / 1000, ms < 10_000 ? 2 : 1)} s`;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A C visa application at the desk on `day`, for a trip a month later; every second applicant a child of 8. */
const application = (day: string, i: number) => ({
  visaType: 'C',
  givenNames: 'Bench',
  surname: `Mover${i}`,
  sex: i % 2 ? 'M' : 'F',
  birthDate: i % 2 ? '2016-01-15' : '1985-05-05',
  nationality: 'IND',
  travelDocument: { number: `BM${String(1_000_000 + i)}`, country: 'IND', validUntil: addDays(day, 2000) },
  purpose: 'tourism',
  intendedEntry: addDays(day, 30),
  intendedExit: addDays(day, 40),
  entriesRequested: 'single',
  insurance: {
    insurer: 'Bench Insurance',
    policyNumber: `M-${i}`,
    coverageEur: 30000,
    validFrom: addDays(day, 30),
    validUntil: addDays(day, 40),
  },
  means: { kind: 'bank-statement', amountEur: 2000 },
  language: 'en',
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
    today: new Date().toISOString().slice(0, 10),
    now: new Date().toISOString(),
  });
  // As shipped: request logging on (JSON lines to a file here, so the bench's own output stays readable). The
  // clock is the system's, held at the templates' days of lodging before the move, as the demo seed does.
  const config = parseConfig({
    DATA_DIR: dataDir,
    DEMO_MODE: 'true',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    OUTBOX_INTERVAL_SECONDS: '0',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  });
  const clock = createDemoSeedClock(systemClock);
  const app = await buildApp({ config, db: handle.db, clock, hasher, logDestination: logFile });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const signIn = async (username: string) => {
    const res = await fetch(`${base}/api/auth/staff/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'civitas-demo' }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const csrf = ((await res.json()) as { session: { csrfToken: string } }).session.csrfToken;
    return { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
  };

  // Templates: one visa-c case lodged at the desk through the service on each day, stamped with the rules of 2020.
  const templates: string[] = [];
  for (const [i, day] of LODGED.entries()) {
    clock.holdAt(`${day}T08:00:00Z`);
    const res = await fetch(`${base}/api/migration/visas`, {
      method: 'POST',
      headers: await signIn('migration.officer'),
      body: JSON.stringify(application(day, i)),
    });
    if (res.status !== 201) throw new Error(`lodging failed: ${res.status} ${await res.text()}`);
    templates.push(((await res.json()) as { id: string }).id);
  }
  if (MOVE_ON === 'now') clock.release();
  else clock.holdAt(`${MOVE_ON}T08:00:00Z`);
  // Set aside (a type no procedure has) so that no move touches them and every seeding clones them as lodged.
  await sql`UPDATE cases."case" SET case_type = 'bench-template' WHERE id = ANY(${templates}::uuid[])`.execute(
    handle.db,
  );

  /**
   * CASES open cases cloned from the templates by bare SQL, round robin: each with its own id and reference, the
   * template's subject, projection and actions (so each folds to a case lodged on its template's day under 2020's
   * rules, paid and submitted). `batch` keeps the references of two seedings apart.
   */
  const seed = async (batch: string) => {
    const client = await handle.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `CREATE TEMP TABLE bench_clone ON COMMIT DROP AS
        SELECT gen_random_uuid() AS id, g, t.id AS template
        FROM generate_series(1, $1::int) AS g
        JOIN (SELECT id, row_number() OVER (ORDER BY received_on, reference) - 1 AS k FROM cases."case" WHERE id = ANY($2::uuid[])) AS t
          ON t.k = g % $3::int`,
        [CASES, templates, templates.length],
      );
      await client.query(
        `INSERT INTO cases."case" (id, reference, case_type, status, version, applicant_person_id, applicant_name, language, contact_email, channel, branch_id, assignee_id, assignee_name, subject, received_on, due_on, suspended, deadline_alert, appeal_of, rules_version, opened_at, updated_at, closed_at)
        SELECT b.id, 'VC-${batch}-' || b.g, 'visa-c', c.status, c.version, c.applicant_person_id, c.applicant_name || ' ' || b.g, c.language, c.contact_email, c.channel, c.branch_id, c.assignee_id, c.assignee_name, c.subject, c.received_on, c.due_on, c.suspended, c.deadline_alert, c.appeal_of, c.rules_version, c.opened_at, c.updated_at, c.closed_at
        FROM bench_clone AS b JOIN cases."case" AS c ON c.id = b.template`,
      );
      await client.query(
        `INSERT INTO cases.action (case_id, seq, kind, actor_type, actor_id, actor_name, on_date, at, payload)
        SELECT b.id, a.seq, a.kind, a.actor_type, a.actor_id, a.actor_name, a.on_date, a.at, a.payload
        FROM bench_clone AS b JOIN cases.action AS a ON a.case_id = b.template`,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    await sql`ANALYZE cases."case"`.execute(handle.db);
    await sql`ANALYZE cases.action`.execute(handle.db);
  };

  const seedStarted = performance.now();
  await seed('MOVE');
  const seeded = performance.now() - seedStarted;
  const admin = await signIn('admin');
  const request = { procedure: 'visa-c', to: TO, lodgedBefore: TO, legalBasis: 'Deleģētā regula (ES) 2024/1415' };
  type Plan = { applied: boolean; cases: Array<{ caseId: string; version: number; from: string | null }> };
  /**
   * One move over HTTP, timed to the last byte of the answer. node:http rather than fetch: fetch gives up waiting
   * for an answer's headers after 300 s, and the move answers only once all its cases are done.
   */
  const move = async (body: Record<string, unknown>) => {
    const payload = JSON.stringify(body);
    const t = performance.now();
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        `${base}/api/procedure-rules/moves`,
        { method: 'POST', headers: { ...admin, 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    return { status, text, plan: status === 200 ? (JSON.parse(text) as Plan) : undefined, ms: performance.now() - t };
  };
  const moved = async (body: Record<string, unknown>) => {
    const r = await move(body);
    if (!r.plan) throw new Error(`move failed: ${r.status} ${r.text.slice(0, 300)}`);
    return { ...r, plan: r.plan };
  };

  // The bare-SQL reads the plan needs: the open cases lodged before the day and not yet under the rules moved to, and their
  // actions (the service folds them to each case's state).
  type Queryable = { query: (q: string, v?: unknown[]) => Promise<{ rows: unknown[] }> };
  type OpenCase = { id: string; reference: string; applicant_person_id: string | null };
  const readOpen = async (client: Queryable, lock: boolean) => {
    const cases = (
      await client.query(
        `SELECT * FROM cases."case" WHERE case_type = 'visa-c' AND closed_at IS NULL AND received_on < $1::date AND rules_version IS DISTINCT FROM $1::text ORDER BY received_on, reference${lock ? ' FOR UPDATE' : ''}`,
        [TO],
      )
    ).rows as OpenCase[];
    const ids = cases.map((c) => c.id);
    const actions = (
      await client.query('SELECT * FROM cases.action WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, seq', [ids])
    ).rows;
    return { cases, ids, actions: actions.length };
  };
  /**
   * One audit entry per case, linked into the chain after its locked head (SHA-256 over the previous hash and the
   * entry, as the audit gate links them), appended and the head moved in one statement.
   */
  const auditRows = async (client: Queryable, cases: OpenCase[], action: 'read' | 'update') => {
    const head = (await client.query('SELECT seq, hash FROM audit.chain_head WHERE id = 1 FOR UPDATE')).rows[0] as {
      seq: string;
      hash: string;
    };
    let prev = { seq: Number(head.seq), hash: head.hash };
    const occurredAt = new Date().toISOString();
    const entries = cases.map((c) => {
      const fields: ChainedFields = {
        seq: prev.seq + 1,
        id: randomUUID(),
        occurredAt,
        actorType: 'staff',
        actorId: 'bench-admin',
        actorName: 'Laura Zariņa',
        actorRole: 'administrator',
        institution: 'PMLP',
        action,
        purpose: 'case-processing',
        legalBasis: request.legalBasis,
        caseReference: c.reference,
        reason: null,
        subjectPersonId: c.applicant_person_id,
        resource: 'cases.case',
        touched: ['case', 'rules-version'],
        requestId: 'bench',
      };
      const hash = entryHash(prev.hash, fields);
      const row = { ...fields, prevHash: prev.hash, hash };
      prev = { seq: fields.seq, hash };
      return row;
    });
    await client.query(
      `WITH moved AS (UPDATE audit.chain_head SET seq = $1, hash = $2 WHERE id = 1)
      INSERT INTO audit.entry SELECT * FROM json_populate_recordset(NULL::audit.entry, $3::json)`,
      [
        prev.seq,
        prev.hash,
        JSON.stringify(
          entries.map((e) => ({
            seq: e.seq,
            id: e.id,
            occurred_at: e.occurredAt,
            actor_type: e.actorType,
            actor_id: e.actorId,
            actor_name: e.actorName,
            actor_role: e.actorRole,
            institution: e.institution,
            action: e.action,
            purpose: e.purpose,
            legal_basis: e.legalBasis,
            case_reference: e.caseReference,
            reason: e.reason,
            subject_person_id: e.subjectPersonId,
            resource: e.resource,
            touched: e.touched,
            request_id: e.requestId,
            prev_hash: e.prevHash,
            hash: e.hash,
          })),
        ),
      ],
    );
  };
  const inTransaction = async <T>(work: (client: Queryable) => Promise<T>): Promise<{ result: T; ms: number }> => {
    const t = performance.now();
    const client = await handle.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return { result, ms: performance.now() - t };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

  out(
    `Transitional move of visa-c from the rules of ${FROM} to ${TO} (${handle.engine} engine; ${CASES.toLocaleString('en')} open cases lodged before ${TO}, seeded in ${seconds(seeded)}; over loopback HTTP, request logging on; one transaction each)`,
  );

  // Dry run: the bare reads and read entries first (they change no case), then the service; twice each, both shown
  // (the first run of each warms the caches for the second).
  const bareDry = [];
  for (let i = 0; i < 2; i++)
    bareDry.push(
      await inTransaction(async (client) => {
        const { cases, ids } = await readOpen(client, false);
        await auditRows(client, cases, 'read');
        return ids.length;
      }),
    );
  const dry = [await moved({ ...request, dryRun: true }), await moved({ ...request, dryRun: true })];
  const lastDry = dry[1] as (typeof dry)[number];
  for (const [i, run] of dry.entries()) {
    const bare = bareDry[i]?.result;
    if (run.plan.cases.length !== CASES || bare !== CASES)
      throw new Error(`the dry run listed ${run.plan.cases.length} cases and the bare reads ${bare}, not ${CASES}`);
  }

  // Apply, as the screen does: exactly the cases the dry run listed, at the versions it showed.
  const expected = lastDry.plan.cases.map((c) => ({ caseId: c.caseId, version: c.version }));
  const expectedBytes = JSON.stringify(expected).length;
  // The move route takes bodies up to 8 MiB (rule-moves.routes.ts): a longer list is refused ("Request body is too
  // large"), and the move is then applied as `civitas procedures migrate` applies it, without the list.
  const screen = await move({ ...request, dryRun: false, expected });
  if (!screen.plan && !/too large/i.test(screen.text)) throw new Error(`move failed: ${screen.status} ${screen.text}`);
  const applied = screen.plan ? { ...screen, plan: screen.plan } : await moved({ ...request, dryRun: false });
  if (!applied.plan.applied || applied.plan.cases.length !== CASES)
    throw new Error(`the move applied ${applied.plan.cases.length} cases, not ${CASES}`);
  const restamped = Number(
    (
      await sql<{
        n: string;
      }>`SELECT count(*) AS n FROM cases."case" WHERE reference LIKE 'VC-MOVE-%' AND rules_version = ${TO}`.execute(
        handle.db,
      )
    ).rows[0]?.n,
  );
  if (restamped !== CASES) throw new Error(`${restamped} of ${CASES} cases carry the new rules after the move`);

  // The baseline apply on a second seeding of the same cases (the first ones are moved now).
  await seed('BARE');
  const bareApply = await inTransaction(async (client) => {
    const { cases, ids } = await readOpen(client, true);
    // The subject as the new rules read it (the fee: adult 90, a child 45), the projection, the action, the message.
    await client.query(
      `UPDATE cases."case" SET
        subject = jsonb_set(subject, '{fee}', (subject->'fee') || jsonb_build_object('amountCents', CASE WHEN (subject->'fee'->>'amountCents')::int = 4000 THEN 4500 ELSE 9000 END, 'tableFrom', $2::text, 'legalAct', 'Deleģētā regula (ES) 2024/1415')),
        rules_version = $2, version = version + 1, deadline_alert = 'none', updated_at = now()
      WHERE id = ANY($1::uuid[])`,
      [ids, TO],
    );
    await client.query(
      `INSERT INTO cases.action (case_id, seq, kind, actor_type, actor_id, actor_name, on_date, at, payload)
      SELECT id, version, 'move-rules', 'staff', gen_random_uuid()::text, 'Laura Zariņa', now()::date, now(),
        jsonb_build_object('from', $2::text, 'to', $3::text, 'legalBasis', $4::text, 'dueBefore', due_on, 'dueAfter', due_on,
          'fee', jsonb_build_object('beforeCents', CASE WHEN (subject->'fee'->>'amountCents')::int = 4500 THEN 4000 ELSE 8000 END, 'afterCents', (subject->'fee'->>'amountCents')::int), 'newDocuments', '[]'::jsonb)
      FROM cases."case" WHERE id = ANY($1::uuid[])`,
      [ids, FROM, TO, request.legalBasis],
    );
    await auditRows(client, cases, 'update');
    await client.query(
      `INSERT INTO notifications.outbox (id, event_key, channel, recipient, language, template, params, next_attempt_at, created_at)
      SELECT gen_random_uuid(), 'case:' || id || ':rules:' || version || ':' || contact_email, 'email', contact_email, language, 'case-rules-moved',
        jsonb_build_object('reference', reference, 'via', 'branch', 'kind', 'visa', 'to', $2::text, 'basis', $3::text, 'fee', 'more', 'due', '€90.00', 'owed', '€10.00', 'deadline', 'same', 'dueOn', '-'),
        now(), now()
      FROM cases."case" WHERE id = ANY($1::uuid[])`,
      [ids, TO, request.legalBasis],
    );
    return ids.length;
  });
  if (bareApply.result !== CASES) throw new Error(`the bare apply wrote ${bareApply.result} cases, not ${CASES}`);

  const row = (label: string, ms: number, bare: number) =>
    out(
      `  ${label.padEnd(52)} ${CASES.toLocaleString('en').padStart(7)}   ${seconds(ms).padStart(8)}   ${fmt(CASES / (ms / 1000), 0).padStart(7)}/s   ${`${fmt(ms / CASES, 2)} ms`.padStart(9)}   ${`${fmt(ms / bare, 1)} ×`.padStart(7)}`,
    );
  out(`  ${''.padEnd(52)}   cases       time     cases/s    per case   ratio`);
  for (const [i, run] of dry.entries()) {
    const bare = (bareDry[i] as (typeof bareDry)[number]).ms;
    row(`dry run  POST …/moves {dryRun: true} (HTTP), run ${i + 1}`, run.ms, bare);
    row(`         baseline: bare SQL reads and audit, run ${i + 1}`, bare, bare);
  }
  row(`apply    POST …/moves ${screen.plan ? '{expected}' : '{no expected}'} (HTTP)`, applied.ms, bareApply.ms);
  row('         baseline: bare SQL, the same rows', bareApply.ms, bareApply.ms);
  out(`  moved on ${MOVE_ON}; the dry run answers ${fmt(lastDry.text.length / 1e6, 1)} MB`);
  if (!screen.plan)
    out(
      `  the screen's apply, with the ${fmt(expectedBytes / 1e6, 1)} MB list of expected cases, was refused (${screen.status}, the move route's body limit is 8 MiB); applied without it, as the command line does`,
    );
  await app.close();
} finally {
  logFile.end();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
  await database.drop();
}
