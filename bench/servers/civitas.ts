/**
 * Civitas itself for benchmarks, in its own process: the chosen engine (BENCH_DATABASE_URL or a fresh
 * embedded folder, or BENCH_DATA_DIR to join one a benchmark prepared), demo data, and signed-in cookies
 * of a resident and of a registrar for authenticated requests.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { parseConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import { createArgon2Hasher } from '../../src/server/platform/password.ts';
import { seedDemoIdentity } from '../../src/server/modules/identity/index.ts';

const databaseUrl = process.env['BENCH_DATABASE_URL'];
const dataDir = process.env['BENCH_DATA_DIR'] ?? mkdtempSync(path.join(os.tmpdir(), 'civitas-bench-'));
// A benchmark may raise a limit that would otherwise cut its load short (the partner check limit).
const passed = Object.fromEntries(
  ['PARTNER_CHECK_PER_MINUTE'].flatMap((k) => (process.env[k] ? [[k, process.env[k] as string]] : [])),
);
const config = parseConfig({
  DATA_DIR: dataDir,
  DEMO_MODE: 'true',
  LOG_LEVEL: 'silent',
  LOGIN_RATE_PER_MINUTE: '10000',
  ...passed,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const handle = await openDatabase({ databaseUrl, dataDir, poolSize: 10 });
await migrateToLatest(handle.db);
const hasher = createArgon2Hasher();
await seedDemoIdentity(handle.db, hasher);
const app = await buildApp({ config, db: handle.db, clock: systemClock, hasher, logger: false });
// As serve.ts does: the public document check answers from memory once its index is loaded.
await app.backgroundJobs.loadDocumentIndex();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const signIn = await app.inject({
  method: 'POST',
  url: '/api/auth/demo-eid/sign-in',
  payload: { personId: '00000000-0000-4000-8000-000000000001' },
});
const cookie = signIn.cookies.find((c) => c.name === 'civitas_session');
const staffSignIn = await app.inject({
  method: 'POST',
  url: '/api/auth/staff/sign-in',
  payload: { username: 'registrar', password: 'civitas-demo' },
});
const staffCookie = staffSignIn.cookies.find((c) => c.name === 'civitas_session');
process.stdout.write(
  `${JSON.stringify({ url: address, cookie: `civitas_session=${cookie?.value}`, token: cookie?.value, staffCookie: `civitas_session=${staffCookie?.value}`, engine: handle.engine, dataDir, databaseUrl })}\n`,
);
// Exit cleanly on SIGTERM so tools such as --cpu-prof can write their output.
process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => handle.close())
    .finally(() => process.exit(0));
});
