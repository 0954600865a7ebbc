/**
 * Many audited reads at once: every request answers, and every read left exactly one entry in an intact
 * audit chain. (On the embedded engine this once hung: the socket server interleaved the protocol
 * messages of concurrent connections — decision 0012.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, signInStaff, type TestContext } from '../../../test/test-app.ts';
import { createAuditRepository, createAuditService } from '../audit/index.ts';
import { systemClock } from '../../platform/clock.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

it('answers 200 concurrent audited lookups and records each one in the chain', async () => {
  const staff = await signInStaff(ctx.app, 'registrar');
  const codes = (
    await sql<{ personalCode: string }>`SELECT personal_code FROM register.person`.execute(ctx.database.db)
  ).rows.map((r) => r.personalCode);
  const before = Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM audit.entry`.execute(ctx.database.db)).rows[0]?.n,
  );
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      staff.request('GET', `/api/register/persons/by-code/${codes[i % codes.length]}?reason=Concurrency%20test`),
    ),
  );
  expect(results.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
  const after = Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM audit.entry`.execute(ctx.database.db)).rows[0]?.n,
  );
  expect(after - before).toBe(200);
  const verify = await createAuditService({ repository: createAuditRepository(), clock: systemClock }).verify(
    ctx.database.db,
  );
  expect(verify.ok).toBe(true);
}, 60_000);
