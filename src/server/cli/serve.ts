/** Starts the whole system: database (embedded or PostgreSQL), migrations, demo seed, HTTP server, backups, outbox delivery and the deadline watch. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { scheduleBackups } from '../db/backup.ts';
import { createDemoSeedClock, systemClock } from '../platform/clock.ts';
import { repeatEvery } from '../platform/repeat.ts';
import { createArgon2Hasher } from '../platform/password.ts';
import { seedDemoIdentity } from '../modules/identity/index.ts';
import { buildPendingIndexes, seedRegister } from '../modules/register/index.ts';
import { plainDateInZone } from '../../shared/kernel/plain-date.ts';
import type { LogDestination } from '../http/log-format.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  seeded: boolean;
  /** Settles when the public check's in-memory index has loaded (or failed to, and said so in the log). */
  documentIndexSettled: Promise<void>;
  stop(): Promise<void>;
}

/** Starts everything and listens; `logDestination` replaces pino's JSON on standard output (a terminal's readable lines). */
export async function startServer(
  config: Config,
  options: { logDestination?: LogDestination } = {},
): Promise<RunningServer> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  try {
    await migrateToLatest(database.db);
    // Index builds a crash interrupted after a bulk load (decision 0013) finish before the server serves.
    await buildPendingIndexes(database.pool);
    const hasher = createArgon2Hasher();
    const seeded = config.seedDemo ? await seedDemoIdentity(database.db, hasher) : false;
    if (config.seedDemo) {
      // The demo register: the demo eID families, plus a synthetic population on first start.
      const now = systemClock.now();
      await seedRegister(database.db, database.pool, {
        engine: database.engine,
        persons: seeded ? config.demoPopulation : 0,
        seed: 1,
        today: plainDateInZone(now, 'Europe/Riga'),
        now: now.toISOString(),
      });
    }
    // On a first demo start the seed lodges some cases on past days (the law-change demo) before serving.
    const seedClock = seeded ? createDemoSeedClock(systemClock) : undefined;
    const app = await buildApp({
      config,
      db: database.db,
      clock: seedClock ?? systemClock,
      hasher,
      ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    });
    if (seeded) await app.backgroundJobs.seedDemoCases();
    if (seedClock) await app.backgroundJobs.seedDemoLawChange(seedClock);
    // Demo documents also reach a demo database made before documents existed.
    if (config.seedDemo) await app.backgroundJobs.seedDemoDocuments();
    // Branches get the default services and opening hours until an administrator sets their own.
    await app.backgroundJobs.ensureAppointmentDefaults();
    if (config.seedDemo) await app.backgroundJobs.seedDemoAppointments();
    const address = await app.listen({ port: config.port, host: config.host });
    // A few hundred demo visa cases take tens of seconds on the embedded engine: they are opened after the
    // server answers, through the same services, and the migration queue fills while one looks around.
    // Stopping the server stops the seed after the case it is on.
    const seedStop = new AbortController();
    const seeding = seeded
      ? app.backgroundJobs
          .seedDemoMigration(seedStop.signal)
          .then((n) => app.log.info({ cases: n }, 'demo migration cases opened'))
          .catch((e: unknown) => app.log.error({ err: e }, 'demo migration cases failed'))
      : Promise.resolve();
    const port = new URL(address).port;
    // PGlite runs with fsync off (safe against a crash, not a power cut), so embedded mode backs itself up.
    const backups =
      database.engine === 'embedded'
        ? scheduleBackups(database.pool, {
            ...config.backup,
            onResult: (r) =>
              r.error
                ? app.log.error({ err: r.error }, 'scheduled backup failed')
                : app.log.info({ file: r.file }, 'scheduled backup written'),
          })
        : undefined;
    // Jobs claim their rows with SKIP LOCKED or idempotent keys, so several servers may run them side by side.
    const jobs = [
      config.outbox.intervalSeconds > 0
        ? repeatEvery(
            config.outbox.intervalSeconds * 1000,
            () => app.backgroundJobs.deliverOutbox(),
            (e) => app.log.error({ err: e }, 'outbox delivery failed'),
          )
        : undefined,
      config.deadlines.watchMinutes > 0
        ? repeatEvery(
            config.deadlines.watchMinutes * 60_000,
            () => app.backgroundJobs.watchDeadlines(),
            (e) => app.log.error({ err: e }, 'deadline watch failed'),
          )
        : undefined,
      config.deadlines.watchMinutes > 0
        ? repeatEvery(
            config.deadlines.watchMinutes * 60_000,
            () => app.backgroundJobs.remindAppointments(),
            (e) => app.log.error({ err: e }, 'appointment reminders failed'),
          )
        : undefined,
      config.deadlines.watchMinutes > 0
        ? repeatEvery(
            config.deadlines.watchMinutes * 60_000,
            () => app.backgroundJobs.remindExpiringDocuments(),
            (e) => app.log.error({ err: e }, 'document expiry reminders failed'),
          )
        : undefined,
      config.documents.indexRefreshSeconds > 0
        ? repeatEvery(
            config.documents.indexRefreshSeconds * 1000,
            () => app.backgroundJobs.refreshDocumentIndex(),
            (e) => app.log.error({ err: e }, 'document index refresh failed'),
          )
        : undefined,
    ];
    // The public check's index loads while the server already answers (from the database until it is ready).
    const documentIndexSettled =
      config.documents.indexRefreshSeconds > 0
        ? app.backgroundJobs.loadDocumentIndex().then(
            (r) =>
              app.log.info(
                { documents: r.documents, seconds: Number(r.seconds.toFixed(3)) },
                'document validity index loaded',
              ),
            (e: unknown) =>
              app.log.error({ err: e }, 'document validity index failed to load; checks ask the database'),
          )
        : Promise.resolve();
    return {
      app,
      database,
      seeded,
      url: `http://localhost:${port}`,
      documentIndexSettled,
      async stop() {
        seedStop.abort();
        await seeding;
        backups?.stop();
        await Promise.all(jobs.map((j) => j?.stop()));
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
