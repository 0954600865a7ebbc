/**
 * Bulk-loads persons into the register. PostgreSQL gets `COPY FROM STDIN`; the embedded engine's socket
 * does not speak the COPY sub-protocol, so it gets batched `INSERT … SELECT FROM json_populate_recordset`
 * (decision 0011). Rows are built by population-rows.ts.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Engine } from '../../db/database.ts';
import { encodeBatches, TABLES, type EncodedBatch, type Encoding, type TableKey, type TableSpec } from './population-rows.ts';
import type { PopulationOptions, SyntheticPerson } from './synthetic-population.ts';

const CHUNK = 1 << 20;

async function writeCopy(client: pg.PoolClient, spec: TableSpec, bytes: Uint8Array): Promise<void> {
  if (bytes.length === 0) return;
  const chunks = function* () {
    for (let i = 0; i < bytes.length; i += CHUNK) yield Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(CHUNK, bytes.length - i));
  };
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${spec.table} (${spec.columns.join(', ')}) FROM STDIN`)));
}

const utf8 = new TextDecoder();

async function writeJson(client: pg.PoolClient, spec: TableSpec, bytes: Uint8Array): Promise<void> {
  const json = utf8.decode(bytes);
  if (json === '[]') return;
  const cols = spec.columns.join(', ');
  await client.query(`INSERT INTO ${spec.table} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${spec.table}, $1::json)`, [json]);
}

export interface LoadOptions {
  engine: Engine;
  today: string;
  now: string;
  /** Persons per transaction. */
  batchSize?: number;
  /**
   * Loading into an empty register on PostgreSQL: foreign-key triggers are skipped for this session
   * (the rows are consistent by construction, as pg_restore --disable-triggers assumes) and the
   * secondary indexes are built once at the end instead of row by row.
   */
  bulk?: boolean;
  onProgress?: (loaded: number) => void;
}

/** Secondary indexes dropped for a bulk load and rebuilt after it (their definitions are read from the catalogue). */
async function dropSecondaryIndexes(client: pg.PoolClient): Promise<string[]> {
  const r = await client.query<{ name: string; def: string }>(`
    SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
    JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
    WHERE i.schemaname = 'register' AND NOT x.indisprimary AND NOT x.indisunique
      AND i.tablename IN ('person', 'code_fact', 'name_fact', 'core_fact', 'status_fact', 'address_fact', 'relation_fact', 'population_period')`);
  for (const row of r.rows) await client.query(`DROP INDEX register.${row.name}`);
  return r.rows.map((row) => row.def);
}

/** Where the persons come from: a list (encoded here) or the generator, run in a worker thread. */
export type PersonSource =
  | { kind: 'list'; persons: Iterable<SyntheticPerson> }
  | { kind: 'generated'; options: PopulationOptions };

/** Batches from the generator in a worker, at most two ahead of the writer (bounded memory). */
async function* workerBatches(options: PopulationOptions, encoding: Encoding, batchSize: number, today: string, now: string): AsyncGenerator<EncodedBatch> {
  const worker = new Worker(new URL('./population-worker.ts', import.meta.url), {
    workerData: { population: { ...options, reservedCodes: [...(options.reservedCodes ?? [])] }, encoding, batchSize, today, now },
  });
  const queue: Array<EncodedBatch | null> = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (m: EncodedBatch | null) => { queue.push(m); wake?.(); });
  worker.on('error', (e) => { failure = e; wake?.(); });
  worker.on('exit', (code) => { if (code !== 0 && !failure) failure = new Error(`population worker exited with ${code}`); wake?.(); });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((r) => (wake = r));
      if (failure) throw failure;
      const next = queue.shift() as EncodedBatch | null;
      worker.postMessage('next');
      if (next === null) return;
      yield next;
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * Loads persons in batches, one transaction per batch, so a crash leaves whole batches. The rows are
 * built in a worker thread for generated populations, so building and writing run at the same time.
 */
export async function loadPersons(pool: pg.Pool, source: PersonSource, options: LoadOptions): Promise<{ persons: number; rows: number }> {
  const postgres = options.engine === 'postgres';
  const batchSize = options.batchSize ?? (postgres ? 20_000 : 2_000);
  const encoding: Encoding = postgres ? 'copy' : 'json';
  const bulk = Boolean(options.bulk && postgres);
  const batches: AsyncIterable<EncodedBatch> | Iterable<EncodedBatch> = source.kind === 'list'
    ? encodeBatches(source.persons, { encoding, batchSize, today: options.today, now: options.now })
    : workerBatches(source.options, encoding, batchSize, options.today, options.now);
  let loaded = 0;
  let rowCount = 0;
  const client = await pool.connect();
  let droppedIndexes: string[] = [];
  try {
    if (bulk) {
      await client.query(`SET session_replication_role = replica`);
      // Index builds at the end sort millions of keys (the GIN index ~40 M): give them memory for this session.
      await client.query(`SET maintenance_work_mem = '1GB'`);
      droppedIndexes = await dropSecondaryIndexes(client);
    }
    for await (const batch of batches) {
      await client.query('BEGIN');
      try {
        // Persons first: every fact row references one.
        for (const key of Object.keys(TABLES) as TableKey[]) {
          await (postgres ? writeCopy : writeJson)(client, TABLES[key], batch.tables[key]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      loaded += batch.persons;
      rowCount += batch.rows;
      options.onProgress?.(loaded);
    }
  } finally {
    if (bulk) {
      // Indexes come back even when the load failed half-way, so the register stays usable.
      for (const def of droppedIndexes) await client.query(def);
      await client.query(`SET session_replication_role = DEFAULT`);
      await client.query(`RESET maintenance_work_mem`);
    }
    client.release();
  }
  return { persons: loaded, rows: rowCount };
}
