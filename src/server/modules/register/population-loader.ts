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
import {
  encodeBatches,
  IDENTITY_TABLES,
  idBlock,
  TABLES,
  type EncodedBatch,
  type EncodeOptions,
  type FirstIds,
  type TableKey,
  type TableSpec,
} from './population-rows.ts';
import type { PopulationOptions, SyntheticPerson } from './synthetic-population.ts';

const CHUNK = 1 << 20;

async function writeCopy(
  client: pg.PoolClient,
  spec: TableSpec,
  bytes: Uint8Array,
  explicitId: boolean,
): Promise<void> {
  if (bytes.length === 0) return;
  const columns = explicitId ? ['id', ...spec.columns] : spec.columns;
  const chunks = function* () {
    for (let i = 0; i < bytes.length; i += CHUNK)
      yield Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(CHUNK, bytes.length - i));
  };
  await pipeline(
    Readable.from(chunks()),
    client.query(copyFrom(`COPY ${spec.table} (${columns.join(', ')}) FROM STDIN`)),
  );
}

const utf8 = new TextDecoder();

async function writeJson(client: pg.PoolClient, spec: TableSpec, bytes: Uint8Array): Promise<void> {
  const json = utf8.decode(bytes);
  if (json === '[]') return;
  const cols = spec.columns.join(', ');
  await client.query(
    `INSERT INTO ${spec.table} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${spec.table}, $1::json)`,
    [json],
  );
}

export interface LoadOptions {
  engine: Engine;
  today: string;
  now: string;
  /** Persons per batch (per transaction, except in a bulk load). */
  batchSize?: number;
  /**
   * Loading into an empty register on PostgreSQL: one transaction for the whole load, in which the
   * foreign-key triggers are skipped (the rows are consistent by construction, as pg_restore
   * --disable-triggers assumes), the unique keys and secondary indexes are dropped and built once at the end, and
   * the rows are numbered by the loader instead of the identity sequences. A crash rolls all of it back.
   * The secondary indexes are queued in the same transaction and built after it, two at a time.
   */
  bulk?: boolean;
  onProgress?: (loaded: number) => void;
  /** Called when the rows are in and the keys and indexes are being built (a bulk load's last minute). */
  onIndexing?: () => void;
}

const BULK_TABLES = Object.values(TABLES).map((t) => t.table);

interface Rebuild {
  /** Unique keys, built again inside the load's transaction. */
  keys: string[];
  /** Secondary indexes, queued in register.pending_index and built after the commit. */
  indexes: string[];
}

/**
 * Drops the bulk-loaded tables' secondary indexes and unique keys, and returns the statements that build
 * them again (read from the catalogue, so they stay true to the migrations). Primary keys stay: the
 * loader's ids ascend (identity values it numbers itself, UUIDv7 person ids), so every insert appends to
 * the end of the index; the personal codes do not, and a unique index taking them in random order
 * writes all over itself.
 */
async function dropKeysAndIndexes(client: pg.PoolClient): Promise<Rebuild> {
  const tables = BULK_TABLES.map((t) => `'${t}'::regclass`).join(', ');
  const keys = await client.query<{ tbl: string; name: string; def: string }>(`
    SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
    WHERE c.conrelid IN (${tables}) AND c.contype = 'u'
      AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)`);
  const indexes = await client.query<{ name: string; def: string }>(`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
    WHERE i.indrelid IN (${tables}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`);
  for (const k of keys.rows) await client.query(`ALTER TABLE ${k.tbl} DROP CONSTRAINT ${k.name}`);
  for (const i of indexes.rows) await client.query(`DROP INDEX ${i.name}`);
  return {
    keys: keys.rows.map((k) => `ALTER TABLE ${k.tbl} ADD CONSTRAINT ${k.name} ${k.def}`),
    indexes: indexes.rows.map((i) => i.def),
  };
}

/**
 * Builds the indexes a bulk load queued, on `parallel` connections at once (each build is one backend,
 * so two builds use two cores). Each build and the removal of its queue row commit together, so after a
 * crash the rest is simply built again: this also runs at start-up and before every seed.
 */
export async function buildPendingIndexes(pool: pg.Pool, parallel = 2): Promise<number> {
  const worker = async (): Promise<number> => {
    const client = await pool.connect();
    let built = 0;
    try {
      // Generous memory for the sorts; the GIN index over all search keys is the biggest build.
      await client.query(`SET maintenance_work_mem = '1GB'`);
      for (;;) {
        await client.query('BEGIN');
        try {
          const next = await client.query<{ statement: string }>(`
            SELECT statement FROM register.pending_index ORDER BY (statement LIKE '%USING gin%') DESC, queued_at, statement
            LIMIT 1 FOR UPDATE SKIP LOCKED`);
          const statement = next.rows[0]?.statement;
          if (!statement) {
            await client.query('COMMIT');
            return built;
          }
          await client.query(statement);
          await client.query('DELETE FROM register.pending_index WHERE statement = $1', [statement]);
          await client.query('COMMIT');
          built++;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('RESET maintenance_work_mem').catch(() => undefined);
      client.release();
    }
  };
  const counts = await Promise.all(Array.from({ length: parallel }, worker));
  return counts.reduce((x, y) => x + y, 0);
}

/** Where each identity table's numbering continues. */
async function nextIdentityValues(client: pg.PoolClient): Promise<FirstIds> {
  const ids: FirstIds = {};
  for (const key of IDENTITY_TABLES) {
    const r = await client.query<{ max: string | null }>(`SELECT max(id) AS max FROM ${TABLES[key].table}`);
    ids[key] = Number(r.rows[0]?.max ?? 0) + 1;
  }
  return ids;
}

/** Where the persons come from: a list (encoded here) or the generator, run in a worker thread. */
export type PersonSource =
  { kind: 'list'; persons: Iterable<SyntheticPerson> } | { kind: 'generated'; options: PopulationOptions };

/**
 * Batches from the generator, encoded by `workers` worker threads that take turns (batch b from worker
 * b mod workers; each generates the whole population, which is cheap, and encodes only its own batches,
 * which is not), handed out in order, each worker at most two batches ahead (bounded memory).
 */
async function* workerBatches(
  options: PopulationOptions,
  encode: EncodeOptions,
  workers: number,
): AsyncGenerator<EncodedBatch> {
  const lanes = Array.from({ length: workers }, (_, index) => {
    const worker = new Worker(new URL('./population-worker.ts', import.meta.url), {
      workerData: {
        population: { ...options, reservedCodes: [...(options.reservedCodes ?? [])] },
        ...encode,
        shard: { index, count: workers },
      },
    });
    const lane = {
      worker,
      queue: [] as Array<EncodedBatch | null>,
      failure: undefined as Error | undefined,
      wake: undefined as (() => void) | undefined,
    };
    worker.on('message', (m: EncodedBatch | null) => {
      lane.queue.push(m);
      lane.wake?.();
    });
    worker.on('error', (e) => {
      lane.failure = e;
      lane.wake?.();
    });
    worker.on('exit', (code) => {
      if (code !== 0 && !lane.failure) lane.failure = new Error(`population worker exited with ${code}`);
      lane.wake?.();
    });
    return lane;
  });
  try {
    for (let b = 0; ; b++) {
      const lane = lanes[b % workers] as (typeof lanes)[number];
      while (lane.queue.length === 0 && !lane.failure) await new Promise<void>((r) => (lane.wake = r));
      if (lane.failure) throw lane.failure;
      const next = lane.queue.shift() as EncodedBatch | null;
      lane.worker.postMessage('next');
      // A worker's end (null) means no batch b: the population is done.
      if (next === null) return;
      yield next;
    }
  } finally {
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}

/**
 * Loads persons in batches. The rows are built in a worker thread for generated populations, so
 * building and writing run at the same time. Outside a bulk load each batch is its own transaction, so a
 * crash leaves whole batches; a bulk load is a single transaction.
 */
export async function loadPersons(
  pool: pg.Pool,
  source: PersonSource,
  options: LoadOptions,
): Promise<{ persons: number; rows: number }> {
  const postgres = options.engine === 'postgres';
  const bulk = Boolean(options.bulk && postgres);
  const client = await pool.connect();
  let loaded = 0;
  let rowCount = 0;
  let open = false;
  try {
    let rebuild: Rebuild = { keys: [], indexes: [] };
    let firstIds: FirstIds | undefined;
    if (bulk) {
      await client.query('BEGIN');
      open = true;
      await client.query(`SET LOCAL session_replication_role = replica`);
      // The keys are built again at the end, sorting millions of values: give them memory.
      await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
      // Nobody else writes these tables while the loader numbers their rows.
      await client.query(`LOCK TABLE ${BULK_TABLES.join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
      rebuild = await dropKeysAndIndexes(client);
      firstIds = await nextIdentityValues(client);
    }
    const encode: EncodeOptions = {
      encoding: postgres ? 'copy' : 'json',
      batchSize: options.batchSize ?? (postgres ? 20_000 : 2_000),
      today: options.today,
      now: options.now,
      firstIds,
    };
    const batches: AsyncIterable<EncodedBatch> | Iterable<EncodedBatch> =
      source.kind === 'list'
        ? encodeBatches(source.persons, encode)
        : // Two encoders when the database runs in its own process (PostgreSQL); one for the embedded engine,
          // which shares this process's cores.
          workerBatches(source.options, encode, postgres ? 2 : 1);
    const lastIds: Partial<Record<TableKey, number>> = {};
    for await (const batch of batches) {
      if (!bulk) {
        await client.query('BEGIN');
        open = true;
      }
      // Persons first: every fact row references one.
      for (const key of Object.keys(TABLES) as TableKey[]) {
        const bytes = batch.tables[key];
        if (postgres) await writeCopy(client, TABLES[key], bytes, firstIds?.[key] !== undefined);
        else await writeJson(client, TABLES[key], bytes);
      }
      for (const key of IDENTITY_TABLES) {
        const first = firstIds?.[key];
        if (first !== undefined && batch.counts[key] > 0)
          lastIds[key] = first + batch.index * idBlock(encode.batchSize) + batch.counts[key] - 1;
      }
      if (!bulk) {
        await client.query('COMMIT');
        open = false;
      }
      loaded += batch.persons;
      rowCount += batch.rows;
      options.onProgress?.(loaded);
    }
    if (bulk) {
      options.onIndexing?.();
      for (const statement of rebuild.keys) await client.query(statement);
      for (const statement of rebuild.indexes)
        await client.query('INSERT INTO register.pending_index (statement) VALUES ($1) ON CONFLICT DO NOTHING', [
          statement,
        ]);
      for (const key of IDENTITY_TABLES) {
        const last = lastIds[key];
        if (last !== undefined)
          await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2)`, [TABLES[key].table, last]);
      }
      await client.query('COMMIT');
      open = false;
    }
  } catch (error) {
    if (open) await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  if (bulk) await buildPendingIndexes(pool);
  return { persons: loaded, rows: rowCount };
}
