/**
 * Prepares one migrated database that every test file starts from: a PGlite data directory copied per
 * file (embedded lane), or a PostgreSQL template database cloned per file (TEST_DATABASE_URL lane).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

export const TEMPLATE_DB = 'civitas_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    goldenDir: string;
    templateDb: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env['TEST_DATABASE_URL'];
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${TEMPLATE_DB}' AND pid <> pg_backend_pid()`,
    );
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${TEMPLATE_DB}`;
    const handle = await openDatabase({ databaseUrl: templateUrl.toString(), dataDir: '' });
    await migrateToLatest(handle.db);
    await handle.close();
    project.provide('templateDb', TEMPLATE_DB);
    project.provide('goldenDir', '');
    return async () => {};
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'civitas-golden-'));
  const handle = await openDatabase({ dataDir: dir });
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide('goldenDir', dir);
  project.provide('templateDb', '');
  return async () => rmSync(dir, { recursive: true, force: true });
}
