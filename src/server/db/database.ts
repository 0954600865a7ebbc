/**
 * One way to reach the database on both engines: a `pg.Pool` and Kysely's ordinary PostgresDialect,
 * pointed either at PostgreSQL (`DATABASE_URL`) or at the embedded engine's socket.
 */
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { startEmbeddedEngine, type EmbeddedEngine } from './embedded.ts';

export type Db = Kysely<Database>;
export type DbExecutor = Kysely<Database> | Transaction<Database>;
export type Engine = 'embedded' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  engine: Engine;
  /** What to show a person: the data directory or the server address without credentials. */
  description: string;
  close(): Promise<void>;
}

/** Keep `date` as `YYYY-MM-DD` text (PlainDate), timestamps as ISO strings, bigint as number. */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.DATE) return (v: string) => v;
    if (oid === pg.types.builtins.TIMESTAMPTZ || oid === pg.types.builtins.TIMESTAMP)
      return (v: string) => new Date(v).toISOString();
    if (oid === pg.types.builtins.INT8) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function createKysely(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}

/** Opens the configured engine. The caller closes the handle; closing stops an embedded engine it started. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const max = options.poolSize ?? 10;
  let engine: EmbeddedEngine | undefined;
  let pool: pg.Pool;
  if (options.databaseUrl) {
    pool = new pg.Pool({ connectionString: options.databaseUrl, max, types: typeParsers });
  } else {
    engine = await startEmbeddedEngine(options.dataDir, { maxConnections: Math.max(32, max + 8) });
    // One connection per process (decision 0012): PGlite runs one statement at a time anyway, and the
    // socket server interleaves the extended-protocol messages of concurrent connections (an unnamed
    // statement of one connection bound by another: "portal does not exist", or a hang).
    pool = new pg.Pool({
      host: engine.socketDir,
      port: engine.port,
      user: 'postgres',
      database: 'postgres',
      max: 1,
      types: typeParsers,
    });
  }
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = createKysely(pool);
  return {
    db,
    pool,
    engine: options.databaseUrl ? 'postgres' : 'embedded',
    description: options.databaseUrl ? redactUrl(options.databaseUrl) : `embedded PGlite in ${options.dataDir}`,
    async close() {
      await db.destroy();
      await engine?.stop();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
