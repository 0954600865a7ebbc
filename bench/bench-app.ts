/** The whole app in-process on a bench database: migrated, demo staff, a synthetic register, one staff member signed in. */
import { buildApp } from '../src/server/app.ts';
import { parseConfig } from '../src/server/config.ts';
import type { openDatabase } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { createArgon2Hasher } from '../src/server/platform/password.ts';
import { seedDemoIdentity } from '../src/server/modules/identity/index.ts';
import { seedRegister } from '../src/server/modules/register/index.ts';

type Handle = Awaited<ReturnType<typeof openDatabase>>;

export async function benchApp(
  handle: Handle,
  o: { dataDir: string; databaseUrl: string | undefined; username: string; persons: number },
) {
  const today = new Date().toISOString().slice(0, 10);
  await migrateToLatest(handle.db);
  const hasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });
  await seedDemoIdentity(handle.db, hasher);
  await seedRegister(handle.db, handle.pool, {
    engine: handle.engine,
    persons: o.persons,
    seed: 1,
    today,
    now: new Date().toISOString(),
  });
  const config = parseConfig({
    DATA_DIR: o.dataDir,
    DEMO_MODE: 'true',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '10000',
    OUTBOX_INTERVAL_SECONDS: '0',
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
  });
  const app = await buildApp({ config, db: handle.db, clock: systemClock, hasher, logger: false });
  await app.ready();
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/auth/staff/sign-in',
    payload: { username: o.username, password: 'civitas-demo' },
  });
  const cookie = `civitas_session=${signIn.cookies.find((c) => c.name === 'civitas_session')?.value}`;
  const csrf = (signIn.json() as { session: { csrfToken: string } }).session.csrfToken;
  return { app, cookie, csrf };
}
