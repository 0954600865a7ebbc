import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { backupDatabase, restoreDatabase, pruneBackups, scheduleBackups } from './backup.ts';
import { createEmptyDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createTestContext, signInResident, signInStaff, type TestContext } from '../../test/test-app.ts';
import { createAuditRepository, createAuditService } from '../modules/audit/index.ts';
import { systemClock } from '../platform/clock.ts';

let source: TestContext;
let dir: string;

/** Every row of every application table, as sorted JSON text: equal sets mean nothing was lost or changed. */
async function snapshot(db: TestDatabase): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }>`
    SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema IN ('identity', 'audit', 'register') ORDER BY 1`.execute(db.db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<{ j: string }>`SELECT row_to_json(t)::text AS j FROM ${sql.table(name)} t`.execute(db.db);
    out[name] = rows.rows.map((r) => r.j).sort();
  }
  return out;
}

beforeAll(async () => {
  source = await createTestContext();
  dir = mkdtempSync(path.join(os.tmpdir(), 'civitas-backup-'));
  await signInResident(source.app);
  await signInStaff(source.app, 'admin');
  const auditor = await signInStaff(source.app, 'auditor');
  await auditor.request('GET', '/api/audit/persons/00000000-0000-4000-8000-000000000001/entries?reason=test');
});
afterAll(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('civitas backup / restore', () => {
  it('restores a backup into a fresh database and finds every row; the audit chain still verifies', async () => {
    const file = path.join(dir, 'full.ndjson.gz');
    const header = await backupDatabase(source.database.pool, file);
    expect(header.tables.find((t) => t.name === 'audit.entry')?.rows).toBeGreaterThanOrEqual(2);

    const target = await createEmptyDatabase();
    try {
      const result = await restoreDatabase(target.db, target.pool, file);
      expect(result.migration).toBe(header.migration);
      expect(await snapshot(target)).toEqual(await snapshot(source.database));
      const verify = await createAuditService({ repository: createAuditRepository(), clock: systemClock }).verify(
        target.db,
      );
      expect(verify.ok).toBe(true);
      // Identity sequences came back too: a new fact row gets a fresh id.
      const maxId = Number(
        (await sql<{ m: string }>`SELECT max(id) AS m FROM register.name_fact`.execute(target.db)).rows[0]?.m,
      );
      const next = Number(
        (
          await sql<{ n: string }>`SELECT nextval(pg_get_serial_sequence('register.name_fact', 'id')) AS n`.execute(
            target.db,
          )
        ).rows[0]?.n,
      );
      expect(next).toBeGreaterThan(maxId);
      // The restored triggers are live again: the log stays append-only.
      await expect(sql`DELETE FROM audit.entry`.execute(target.db)).rejects.toThrow(/append-only/);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore into a database that already holds data', async () => {
    const file = path.join(dir, 'again.ndjson.gz');
    await backupDatabase(source.database.pool, file);
    await expect(restoreDatabase(source.database.db, source.database.pool, file)).rejects.toThrow(/already holds data/);
  });

  it('refuses a file that is not a Civitas backup', async () => {
    const file = path.join(dir, 'bogus.ndjson.gz');
    writeFileSync(file, gzipSync('{"hello":"world"}\n'));
    const target = await createEmptyDatabase();
    try {
      await expect(restoreDatabase(target.db, target.pool, file)).rejects.toThrow(/not a Civitas backup/);
    } finally {
      await target.close();
    }
  });

  it('takes scheduled backups into the backup folder and keeps the newest ones', async () => {
    const auto = mkdtempSync(path.join(dir, 'scheduled-'));
    const results: { file?: string; error?: Error }[] = [];
    const schedule = scheduleBackups(source.database.pool, {
      dir: auto,
      intervalMinutes: 60,
      keep: 1,
      onResult: (r) => results.push(r),
    });
    try {
      await schedule.runNow();
      await new Promise((r) => setTimeout(r, 1100));
      await schedule.runNow();
    } finally {
      schedule.stop();
    }
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(readdirSync(auto)).toEqual([path.basename(results[1]?.file as string)]);
  });

  it('keeps only the newest automatic backups', () => {
    const auto = mkdtempSync(path.join(dir, 'auto-'));
    for (let i = 0; i < 5; i++) writeFileSync(path.join(auto, `civitas-2026112${i}T000000Z.ndjson.gz`), 'x');
    pruneBackups(auto, 2);
    expect(readdirSync(auto).sort()).toEqual([
      'civitas-20261123T000000Z.ndjson.gz',
      'civitas-20261124T000000Z.ndjson.gz',
    ]);
  });
});
