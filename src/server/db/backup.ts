/**
 * Logical backup and restore that work the same on both engines (pg_dump 15 cannot read PGlite's
 * PostgreSQL 18, STACK.md §1.4). A backup is gzip'd NDJSON: a header (format, migration, sequences),
 * then each table's rows as JSON, read in one REPEATABLE READ snapshot so the copy is consistent.
 */
import { createReadStream, createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';

import type pg from 'pg';
import { Migrator } from 'kysely/migration';
import { migrations } from '../migrations/index.ts';
import type { Db } from './database.ts';

const FORMAT = 'civitas-backup';
const FORMAT_VERSION = 1;
const BATCH = 2000;

interface BackupHeader {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  migration: string;
  tables: { name: string; rows: number }[];
  sequences: { name: string; lastValue: number; isCalled: boolean }[];
}

type Line = { header: BackupHeader } | { table: string; rows: unknown[] };

const q = (ident: string): string =>
  ident
    .split('.')
    .map((p) => `"${p.replace(/"/g, '""')}"`)
    .join('.');

/** Tables owned by the application (every schema our migrations create; not pg_catalog, not public). */
async function appTables(client: pg.PoolClient): Promise<string[]> {
  const r = await client.query<{ name: string }>(`
    SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'public') AND table_schema NOT LIKE 'pg_%'
    ORDER BY 1`);
  return r.rows.map((row) => row.name);
}

/** pg_sequences, not information_schema.sequences: only the former lists identity columns' sequences. */
async function appSequences(client: pg.PoolClient): Promise<string[]> {
  const r = await client.query<{ name: string }>(`
    SELECT schemaname || '.' || sequencename AS name FROM pg_sequences
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'public') ORDER BY 1`);
  return r.rows.map((row) => row.name);
}

async function currentMigration(client: pg.PoolClient): Promise<string> {
  const r = await client.query<{ name: string }>('SELECT name FROM public.kysely_migration ORDER BY name DESC LIMIT 1');
  if (!r.rows[0]) throw new Error('the database has no migrations applied: nothing to back up');
  return r.rows[0].name;
}

/** Writes a consistent backup of every application table to `file` (written to a temp name, then renamed). */
export async function backupDatabase(pool: pg.Pool, file: string, now: Date = new Date()): Promise<BackupHeader> {
  const client = await pool.connect();
  const tmp = `${file}.partial`;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await appTables(client);
    const sequences: BackupHeader['sequences'] = [];
    for (const s of await appSequences(client)) {
      const r = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value, is_called FROM ${q(s)}`,
      );
      sequences.push({
        name: s,
        lastValue: Number(r.rows[0]?.last_value ?? 1),
        isCalled: Boolean(r.rows[0]?.is_called),
      });
    }
    const counts: BackupHeader['tables'] = [];
    for (const t of tables) {
      const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(t)}`);
      counts.push({ name: t, rows: Number(r.rows[0]?.n ?? 0) });
    }
    const header: BackupHeader = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: now.toISOString(),
      migration: await currentMigration(client),
      tables: counts,
      sequences,
    };

    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const gzip = createGzip();
    const out = createWriteStream(tmp);
    const done = pipeline(gzip, out);
    const write = async (line: Line): Promise<void> => {
      if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
    };
    await write({ header });
    for (const t of tables) {
      await client.query(`DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t) AS r FROM ${q(t)} t`);
      for (;;) {
        const batch = await client.query<{ r: unknown }>(`FETCH ${BATCH} FROM backup_cursor`);
        if (batch.rows.length === 0) break;
        await write({ table: t, rows: batch.rows.map((row) => row.r) });
      }
      await client.query('CLOSE backup_cursor');
    }
    gzip.end();
    await done;
    await client.query('COMMIT');
    renameSync(tmp, file);
    return header;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    client.release();
  }
}

async function* readLines(file: string): AsyncGenerator<Line> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as Line;
}

export interface RestoreResult {
  migration: string;
  tables: { name: string; rows: number }[];
}

/**
 * Restores a backup into a database without data: migrates it to the backup's migration, loads
 * every row in one transaction (triggers and foreign-key checks off while loading, as pg_restore
 * does), sets sequences, then migrates to the latest version.
 */
export async function restoreDatabase(db: Db, pool: pg.Pool, file: string): Promise<RestoreResult> {
  const lines = readLines(file);
  const first = await lines.next();
  const header = !first.done && 'header' in first.value ? first.value.header : undefined;
  if (!header || header.format !== FORMAT) throw new Error(`${file} is not a Civitas backup`);
  if (header.version !== FORMAT_VERSION)
    throw new Error(`backup format version ${header.version} is not supported (expected ${FORMAT_VERSION})`);
  if (!(header.migration in migrations))
    throw new Error(
      `the backup was made at migration ${header.migration}, which this version of Civitas does not know`,
    );

  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const to = await migrator.migrateTo(header.migration);
  if (to.error) throw new Error(`could not prepare the schema: ${String(to.error)}`);

  const client = await pool.connect();
  const loaded = new Map<string, number>();
  try {
    for (const t of await appTables(client)) {
      if (t === 'audit.chain_head') continue;
      const r = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${q(t)}) AS any`);
      if (r.rows[0]?.any)
        throw new Error(`the target database already holds data (${t}); restore needs an empty database`);
    }
    await client.query('BEGIN');
    await client.query("SET LOCAL session_replication_role = 'replica'");
    await client.query('DELETE FROM audit.chain_head');
    for await (const line of lines) {
      if (!('table' in line)) continue;
      // OVERRIDING SYSTEM VALUE: identity columns (the register's fact ids) keep their backed-up values.
      await client.query(
        `INSERT INTO ${q(line.table)} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${q(line.table)}, $1::json)`,
        [JSON.stringify(line.rows)],
      );
      loaded.set(line.table, (loaded.get(line.table) ?? 0) + line.rows.length);
    }
    for (const s of header.sequences)
      await client.query('SELECT setval($1::regclass, $2, $3)', [q(s.name), s.lastValue, s.isCalled]);
    for (const t of header.tables) {
      if ((loaded.get(t.name) ?? 0) !== t.rows)
        throw new Error(`backup is incomplete: ${t.name} has ${loaded.get(t.name) ?? 0} of ${t.rows} rows`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  const latest = await migrator.migrateToLatest();
  if (latest.error) throw new Error(`restored, but migrating to the latest version failed: ${String(latest.error)}`);
  return { migration: header.migration, tables: header.tables };
}

/** Scheduled backups of the embedded engine: one file per run, the newest `keep` kept. */
export function scheduleBackups(
  pool: pg.Pool,
  options: {
    dir: string;
    intervalMinutes: number;
    keep: number;
    onResult: (r: { file?: string; error?: Error }) => void;
  },
): { stop(): void; runNow(): Promise<void> } {
  const runNow = async (): Promise<void> => {
    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const file = path.join(options.dir, `civitas-${stamp}.ndjson.gz`);
    try {
      await backupDatabase(pool, file);
      pruneBackups(options.dir, options.keep);
      options.onResult({ file });
    } catch (error) {
      options.onResult({ error: error as Error });
    }
  };
  if (options.intervalMinutes <= 0) return { stop: () => {}, runNow };
  const timer = setInterval(() => void runNow(), options.intervalMinutes * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer), runNow };
}

export function pruneBackups(dir: string, keep: number): void {
  const files = readdirSync(dir)
    .filter((f) => /^civitas-.*\.ndjson\.gz$/.test(f))
    .map((f) => path.join(dir, f));
  files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs || b.localeCompare(a));
  for (const f of files.slice(keep)) rmSync(f, { force: true });
}
