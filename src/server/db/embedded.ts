/**
 * Starts the embedded engine (PGlite in a worker thread behind a Unix socket) for one data directory,
 * and guards the directory: two PGlite engines on one folder would corrupt it, so a second process
 * (the CLI while the server runs) connects to the running engine's socket instead.
 */
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PgliteWorkerData, PgliteWorkerMessage } from './pglite-worker.ts';

/** The pg driver finds a Unix socket as `<host dir>/.s.PGSQL.<port>`. */
export const EMBEDDED_SOCKET_PORT = 5432;
const LOCK_FILE = 'civitas-engine.json';

export interface EmbeddedEngine {
  /** Directory holding the socket; use it as the pg `host`. */
  socketDir: string;
  port: number;
  /** True when this process started the engine (and must stop it). */
  isOwner: boolean;
  stop(): Promise<void>;
}

interface LockContent {
  pid: number;
  socketDir: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The engine already serving this data directory, if its owner process is still alive. */
export function findRunningEngine(dataDir: string): LockContent | undefined {
  const lockPath = path.join(dataDir, LOCK_FILE);
  if (!existsSync(lockPath)) return undefined;
  try {
    const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as LockContent;
    if (
      lock.pid !== process.pid &&
      isAlive(lock.pid) &&
      existsSync(path.join(lock.socketDir, `.s.PGSQL.${EMBEDDED_SOCKET_PORT}`))
    )
      return lock;
  } catch {
    // an unreadable lock file is stale: fall through and take over
  }
  return undefined;
}

/**
 * Opens the embedded database in `dataDir`: joins the engine of a live server process when there is
 * one, else starts a worker. A stale lock (its process was killed) is taken over.
 */
export async function startEmbeddedEngine(
  dataDir: string,
  options: { maxConnections?: number } = {},
): Promise<EmbeddedEngine> {
  const absolute = path.resolve(dataDir);
  mkdirSync(absolute, { recursive: true });
  const running = findRunningEngine(absolute);
  if (running)
    return { socketDir: running.socketDir, port: EMBEDDED_SOCKET_PORT, isOwner: false, stop: async () => {} };

  const pgDir = path.join(absolute, 'pg');
  const socketDir = path.join(absolute, 'run');
  mkdirSync(pgDir, { recursive: true });
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  const socketPath = path.join(socketDir, `.s.PGSQL.${EMBEDDED_SOCKET_PORT}`);
  rmSync(socketPath, { force: true });

  const data: PgliteWorkerData = { dataDir: pgDir, socketPath, maxConnections: options.maxConnections ?? 32 };
  const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { workerData: data });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: PgliteWorkerMessage): void => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'error') reject(new Error(`embedded database failed to start: ${message.message}`));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`embedded database worker exited with code ${code}`)));
  });
  const lockPath = path.join(absolute, LOCK_FILE);
  writeFileSync(lockPath, JSON.stringify({ pid: process.pid, socketDir } satisfies LockContent));

  let stopped = false;
  return {
    socketDir,
    port: EMBEDDED_SOCKET_PORT,
    isOwner: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        worker.on('message', (m: PgliteWorkerMessage) => {
          if (m.type === 'stopped') {
            clearTimeout(timer);
            resolve();
          }
        });
        worker.postMessage('stop');
      });
      await worker.terminate();
      rmSync(lockPath, { force: true });
    },
  };
}
