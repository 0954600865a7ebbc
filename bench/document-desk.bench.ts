/**
 * The desk's document application (PostgreSQL with BENCH_DATABASE_URL; the embedded engine otherwise):
 * POST /api/documents/applications with identity check, photo (checked), card payment and the officer's
 * proposal, in one transaction (the case, its four actions, the photo, audit entries, the receipt e-mail),
 * through the whole HTTP stack in-process. Printed next to the limit measured in the same run: the same
 * rows (case, actions, photo, outbox) written by bare SQL. Target: p95 < 50 ms.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/server/db/database.ts';
import { png } from '../src/test/photos.ts';
import { benchDatabase, fmt, percentile } from './lib.ts';
import { benchApp } from './bench-app.ts';

const database = await benchDatabase();
const REQUESTS = Number(process.env['BENCH_DESK_REQUESTS'] ?? 400);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'civitas-bench-desk-'));
const out = (line: string) => process.stdout.write(`${line}\n`);
const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 1)} ms`;

const handle = await openDatabase({ databaseUrl: database.url, dataDir, poolSize: 12 });
try {
  const { app, cookie, csrf } = await benchApp(handle, {
    dataDir,
    databaseUrl: database.url,
    username: 'document.officer',
    persons: 5000,
  });
  // Adult citizens alive today: each applies once for a passport (a second open application would be refused).
  const persons = (
    await sql<{
      id: string;
    }>`SELECT id FROM register.person WHERE legal_status = 'citizen' AND death_date IS NULL AND birth_date < now()::date - 7300 ORDER BY id LIMIT ${REQUESTS * 3}`.execute(
      handle.db,
    )
  ).rows.map((r) => r.id);
  const photoBytes = Buffer.from(png(420, 540));
  const photo = { kind: 'photo', fileName: 'photo.png', contentBase64: photoBytes.toString('base64') };
  out(
    `Desk document application (${handle.engine} engine; photo ${photoBytes.length.toLocaleString('en')} bytes; in-process through the whole HTTP stack)`,
  );
  let next = 0;
  const submit = async (documentType: string) => {
    const personId = persons[next++];
    if (!personId) throw new Error('not enough persons for the benchmark');
    const t = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/documents/applications',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: {
        personId,
        documentType,
        tier: 'standard',
        reason: 'renewal',
        identity: { method: 'biometric-match' },
        photo,
        payment: { method: 'card' },
      },
    });
    if (res.statusCode !== 201) throw new Error(`desk submit failed: ${res.statusCode} ${res.body}`);
    return performance.now() - t;
  };
  for (let i = 0; i < 30; i++) await submit('identity-card');
  const sequential: number[] = [];
  for (let i = 0; i < REQUESTS; i++) sequential.push(await submit('passport'));
  sequential.sort((a, b) => a - b);
  const four: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = 0; i < REQUESTS / 4; i++) four.push(await submit('identity-card'));
    }),
  );
  const fourRate = four.length / ((performance.now() - started) / 1000);
  four.sort((a, b) => a - b);

  // The limit: the same rows by bare SQL, one transaction each, one client.
  const bare: number[] = [];
  const branchId = (await sql<{ id: string }>`SELECT id FROM identity.branch WHERE code = 'RIGA-1'`.execute(handle.db))
    .rows[0]?.id as string;
  for (let i = 0; i < REQUESTS; i++) {
    const id = randomUUID();
    const t = performance.now();
    const client = await handle.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO cases."case" (id, reference, case_type, status, version, applicant_person_id, applicant_name, language, channel, branch_id, subject, received_on, due_on, opened_at, updated_at)
        VALUES ($1, $2, 'bench-bare', 'proposed', 5, $3, 'x', 'lv', 'desk', $4, '{}', now()::date, now()::date + 14, now(), now())`,
        [id, `BARE-${id}`, persons[0], branchId],
      );
      await client.query(
        `INSERT INTO cases.document (id, case_id, kind, file_name, media_type, size, sha256, content, uploaded_by_type, uploaded_by_id, uploaded_at)
        VALUES ($1, $1, 'photo', 'p.png', 'image/png', $2, 'x', $3, 'staff', 'bench', now())`,
        [id, photoBytes.length, photoBytes],
      );
      for (let seq = 1; seq <= 4; seq++)
        await client.query(
          `INSERT INTO cases.action (case_id, seq, kind, actor_type, actor_id, on_date, at, payload) VALUES ($1, $2, 'submit', 'staff', 'bench', now()::date, now(), '{}')`,
          [id, seq],
        );
      await client.query(
        `INSERT INTO notifications.outbox (id, event_key, channel, recipient, language, template, params, next_attempt_at, created_at) VALUES ($1::uuid, $1::text, 'email', 'b@example.invalid', 'lv', 'case-received', '{}', now(), now())`,
        [id],
      );
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    bare.push(performance.now() - t);
  }
  bare.sort((a, b) => a - b);
  out(
    `  desk submit   one at a time: p50 ${ms(percentile(sequential, 50))}, p95 ${ms(percentile(sequential, 95))}   target p95 < 50 ms`,
  );
  out(
    `                4 clients:     ${fmt(fourRate, 0)} applications/s, p50 ${ms(percentile(four, 50))}, p95 ${ms(percentile(four, 95))}`,
  );
  out(
    `  limit: the same rows by bare SQL, one at a time: p50 ${ms(percentile(bare, 50))}, p95 ${ms(percentile(bare, 95))} (the service's p95 is ${fmt(percentile(sequential, 95) / percentile(bare, 95), 1)}× it; it also checks the photo, reads the register twice, writes the audit chain and answers with the case)`,
  );
  await app.close();
} finally {
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
  await database.drop();
}
