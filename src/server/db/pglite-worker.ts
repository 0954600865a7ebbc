/**
 * Worker thread that owns the embedded PGlite engine and serves it over the PostgreSQL wire protocol
 * on a Unix socket inside the data directory. PGlite runs WASM synchronously, so keeping it here
 * leaves the main thread's event loop free (STACK.md §1.6); the app talks to it with plain `pg`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';

export interface PgliteWorkerData {
  dataDir: string;
  socketPath: string;
  maxConnections: number;
}

export type PgliteWorkerMessage = { type: 'ready' } | { type: 'error'; message: string } | { type: 'stopped' };

const { dataDir, socketPath, maxConnections } = workerData as PgliteWorkerData;
const port = parentPort;
if (!port) throw new Error('pglite-worker must run as a worker thread');

try {
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent, fuzzystrmatch, pgcrypto } });
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
  await server.start();
  port.postMessage({ type: 'ready' } satisfies PgliteWorkerMessage);
  const stop = async (): Promise<void> => {
    await server.stop();
    await db.close();
    port.postMessage({ type: 'stopped' } satisfies PgliteWorkerMessage);
  };
  port.on('message', (message: unknown) => {
    if (message === 'stop') void stop();
  });
} catch (error) {
  port.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
  } satisfies PgliteWorkerMessage);
}
