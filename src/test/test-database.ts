/** A fresh, migrated database for one test file, on whichever engine the lane uses. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../server/db/database.ts';

export interface TestDatabase extends DatabaseHandle {
  /** The embedded data directory, or '' on PostgreSQL. */
  dataDir: string;
  /** The PostgreSQL URL of this test database, or undefined on the embedded engine. */
  url: string | undefined;
}

export const testDatabaseUrl = (): string | undefined => process.env['TEST_DATABASE_URL'] || undefined;

/** Creates an empty database and runs nothing in it (for restore tests). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  return createDatabase(false);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase(true);
}

async function createDatabase(migrated: boolean): Promise<TestDatabase> {
  const baseUrl = testDatabaseUrl();
  if (baseUrl) {
    const name = `civitas_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(
      migrated ? `CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}` : `CREATE DATABASE ${name}`,
    );
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
    return {
      ...handle,
      dataDir: '',
      url: url.toString(),
      async close() {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: baseUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'civitas-test-'));
  if (migrated) cpSync(inject('goldenDir'), dir, { recursive: true });
  const handle = await openDatabase({ dataDir: dir });
  return {
    ...handle,
    dataDir: dir,
    url: undefined,
    async close() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
