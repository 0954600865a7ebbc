import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { createManualClock } from '../../platform/clock.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createAuditService, type AccessRecord } from './audit.service.ts';
import type { AuditPurpose } from '../../../shared/contracts/audit.contract.ts';

/** A blank purpose, as untyped callers (JavaScript, a cast) could still pass one. */
const BLANK = '  ' as AuditPurpose;

let database: TestDatabase;
const clock = createManualClock('2026-11-30T08:00:00.000Z');
const audit = createAuditService({ repository: createAuditRepository(), clock });

const staffRead = (i: number): AccessRecord => ({
  actor: { type: 'staff', id: `officer-${i % 3}`, name: 'Ilze Kalniņa', role: 'registrar', institution: 'PMLP' },
  action: 'read',
  purpose: 'case-processing',
  legalBasis: 'Fizisko personu reģistra likums',
  caseReference: `KL-2026-${String(i).padStart(6, '0')}`,
  subjectPersonId: `00000000-0000-4000-8000-${String(i % 5).padStart(12, '0')}`,
  resource: 'register.person',
  touched: ['name', 'address'],
  requestId: `req-${i}`,
});

async function appendEntries(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    clock.advance(1000);
    await database.db.transaction().execute((trx) => audit.record(trx, staffRead(i)));
  }
}

/** An attacker with database superuser rights: switches off the append-only triggers to tamper. */
async function asAttacker(statement: string): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await sql.raw("SET LOCAL session_replication_role = 'replica'").execute(trx);
    await sql.raw(statement).execute(trx);
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('audit gate', () => {
  it('refuses an access without a purpose (PURPOSE_REQUIRED) and writes nothing', async () => {
    const before = await audit.verify(database.db);
    await expect(
      database.db.transaction().execute((trx) => audit.record(trx, { ...staffRead(1), purpose: BLANK })),
    ).rejects.toMatchObject({ code: 'PURPOSE_REQUIRED' });
    await expect(
      database.db
        .transaction()
        .execute((trx) => audit.record(trx, { ...staffRead(1), caseReference: null, reason: null })),
    ).rejects.toMatchObject({
      code: 'PURPOSE_REQUIRED',
      details: [{ path: 'caseReference' }],
    });
    expect((await audit.verify(database.db)).headSeq).toBe(before.headSeq);
  });

  it('accepts a staff access with a recorded reason instead of a case', async () => {
    const r = await database.db
      .transaction()
      .execute((trx) =>
        audit.record(trx, { ...staffRead(2), caseReference: null, reason: 'Citizen called the helpline' }),
      );
    expect(r.seq).toBeGreaterThan(0);
  });

  it('rolls the entry back with the access it records', async () => {
    const before = await audit.verify(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await audit.record(trx, staffRead(3));
        throw new Error('the access itself failed');
      }),
    ).rejects.toThrow('the access itself failed');
    const after = await audit.verify(database.db);
    expect(after.headSeq).toBe(before.headSeq);
    expect(after.ok).toBe(true);
  });

  it('holds entries back in deferredIn and appends them, in order and linked, at the end; a failure writes none', async () => {
    const before = (await audit.verify(database.db)).headSeq;
    const seqs = await database.db.transaction().execute((trx) =>
      audit.deferredIn(trx, async () => {
        const first = await audit.record(trx, staffRead(400));
        const second = await audit.record(trx, staffRead(401));
        // Nothing appended yet (read through the transaction: the embedded engine has one connection).
        expect(await trx.selectFrom('audit.entry').select('seq').where('seq', '>', before).execute()).toEqual([]);
        return [first.seq, second.seq];
      }),
    );
    expect(seqs).toEqual([null, null]);
    const after = await audit.verify(database.db);
    expect(after).toMatchObject({ ok: true, headSeq: before + 2 });
    const stored = await database.db
      .selectFrom('audit.entry')
      .select(['requestId'])
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    expect(stored.map((e) => e.requestId)).toEqual(['req-400', 'req-401']);
    await expect(
      database.db.transaction().execute((trx) =>
        audit.deferredIn(trx, async () => {
          await audit.record(trx, staffRead(402));
          throw new Error('the work failed');
        }),
      ),
    ).rejects.toThrow('the work failed');
    expect((await audit.verify(database.db)).headSeq).toBe(before + 2);
    await expect(
      database.db
        .transaction()
        .execute((trx) => audit.deferredIn(trx, () => audit.record(trx, { ...staffRead(403), purpose: BLANK }))),
    ).rejects.toMatchObject({ code: 'PURPOSE_REQUIRED' });
  });

  it('keeps the chain linear under concurrent writers', async () => {
    const before = (await audit.verify(database.db)).headSeq;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction().execute((trx) => audit.record(trx, staffRead(100 + i))),
      ),
    );
    const after = await audit.verify(database.db);
    expect(after.ok).toBe(true);
    expect(after.headSeq).toBe(before + 20);
  });

  it('group-commits reads between other writers: every entry lands once, in one linear chain', async () => {
    const reads = createAuditService({ repository: createAuditRepository(), clock, db: database.db });
    const before = (await audit.verify(database.db)).headSeq;
    // 60 group-committed reads interleaved with 15 writers appending in their own transactions, so the
    // group commit's compare-and-swap finds the head moved and has to re-link its batch.
    const results = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => reads.recordCommitted(staffRead(200 + i))),
      ...Array.from({ length: 15 }, (_, i) =>
        database.db.transaction().execute((trx) => audit.record(trx, staffRead(300 + i))),
      ),
    ]);
    const after = await audit.verify(database.db);
    expect(after.ok).toBe(true);
    expect(after.headSeq).toBe(before + 75);
    const seqs = results.map((r) => r.seq as number).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(75);
    expect([seqs[0], seqs.at(-1)]).toEqual([before + 1, before + 75]);
    const stored = await database.db
      .selectFrom('audit.entry')
      .select(['requestId'])
      .where('seq', '>', before)
      .execute();
    expect(stored.map((e) => e.requestId).sort()).toEqual(
      [
        ...Array.from({ length: 60 }, (_, i) => `req-${200 + i}`),
        ...Array.from({ length: 15 }, (_, i) => `req-${300 + i}`),
      ].sort(),
    );
  });

  it('refuses a group-committed read without a purpose before it queues', async () => {
    const reads = createAuditService({ repository: createAuditRepository(), clock, db: database.db });
    await expect(reads.recordCommitted({ ...staffRead(1), purpose: BLANK })).rejects.toMatchObject({
      code: 'PURPOSE_REQUIRED',
    });
  });
});

describe('append-only in the database', () => {
  it('rejects UPDATE, DELETE and TRUNCATE on audit.entry', async () => {
    await appendEntries(2);
    await expect(sql`UPDATE audit.entry SET purpose = 'x' WHERE seq = 1`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit.entry WHERE seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit.entry`.execute(database.db)).rejects.toThrow(/append-only/);
  });
});

describe('civitas audit verify catches tampering', () => {
  it('finds every edit, deletion and reordering of random entries, naming the first broken entry', async () => {
    await appendEntries(30);
    const intact = await audit.verify(database.db);
    expect(intact.ok).toBe(true);
    const total = intact.headSeq;

    type Tamper = {
      kind: 'edit-purpose' | 'edit-subject' | 'edit-time' | 'delete' | 'reorder';
      seq: number;
      other: number;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.constantFrom('edit-purpose', 'edit-subject', 'edit-time', 'delete', 'reorder'),
          seq: fc.integer({ min: 1, max: total }),
          other: fc.integer({ min: 1, max: total }),
        }),
        async (t: Tamper) => {
          if (t.kind === 'reorder' && t.seq === t.other) return true;
          // Tamper inside a transaction that is rolled back afterwards, so each run starts from the intact chain.
          let result: Awaited<ReturnType<typeof audit.verify>> | undefined;
          await database.db
            .transaction()
            .execute(async (trx) => {
              await sql.raw("SET LOCAL session_replication_role = 'replica'").execute(trx);
              if (t.kind === 'edit-purpose')
                await sql`UPDATE audit.entry SET purpose = 'marketing' WHERE seq = ${t.seq}`.execute(trx);
              if (t.kind === 'edit-subject')
                await sql`UPDATE audit.entry SET subject_person_id = gen_random_uuid() WHERE seq = ${t.seq}`.execute(
                  trx,
                );
              if (t.kind === 'edit-time')
                await sql`UPDATE audit.entry SET occurred_at = occurred_at - interval '1 day' WHERE seq = ${t.seq}`.execute(
                  trx,
                );
              if (t.kind === 'delete') await sql`DELETE FROM audit.entry WHERE seq = ${t.seq}`.execute(trx);
              if (t.kind === 'reorder') {
                await sql`UPDATE audit.entry SET seq = 999999999 WHERE seq = ${t.seq}`.execute(trx);
                await sql`UPDATE audit.entry SET seq = ${t.seq} WHERE seq = ${t.other}`.execute(trx);
                await sql`UPDATE audit.entry SET seq = ${t.other} WHERE seq = 999999999`.execute(trx);
              }
              result = await audit.verify(trx as never);
              throw new RollbackSignal();
            })
            .catch((e: unknown) => {
              if (!(e instanceof RollbackSignal)) throw e;
            });
          const expectedFirst = t.kind === 'reorder' ? Math.min(t.seq, t.other) : t.seq;
          return result !== undefined && !result.ok && result.firstBreak?.seq === expectedFirst;
        },
      ),
      { numRuns: 60 },
    );
    expect((await audit.verify(database.db)).ok).toBe(true);
  });

  it('catches a deleted tail through the chain head', async () => {
    const head = (await audit.verify(database.db)).headSeq;
    await asAttacker(`DELETE FROM audit.entry WHERE seq = ${head}`);
    const result = await audit.verify(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ kind: 'head', seq: head });
    expect(result.message).toContain(`entries after ${head - 1} are missing`);
  });
});

class RollbackSignal extends Error {}
