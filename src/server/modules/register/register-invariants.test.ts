/**
 * The register's invariants (issue 24): the demo register keeps every one; facts loaded from elsewhere that
 * break them are each found by their rule, over the whole register and within a scope of persons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/test-app.ts';
import { checkInvariants, REGISTER_INVARIANTS } from './register-invariants.ts';
import { RULE_IDS } from '../../../shared/errors.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ population: 300 });
});
afterAll(() => ctx.close());

const counts = async (scope: readonly string[] | 'all') =>
  Object.fromEntries(
    (await checkInvariants(ctx.database.db, scope)).filter((f) => f.count > 0).map((f) => [f.id, f.count]),
  );

/** Adult persons of a sex, oldest first, with no death recorded. */
async function adults(sex: 'M' | 'F', n: number): Promise<Array<{ id: string; birthDate: string }>> {
  const rows = await sql<{ id: string; birthDate: string }>`
    SELECT id, birth_date::text AS birth_date FROM register.person
    WHERE sex = ${sex} AND death_date IS NULL AND birth_date < '1990-01-01' ORDER BY birth_date, id LIMIT ${n}`.execute(
    ctx.database.db,
  );
  return rows.rows;
}

async function relate(personId: string, kind: 'parent' | 'spouse', relatedId: string, validFrom: string) {
  await sql`INSERT INTO register.relation_fact (person_id, valid_from, valid_to, recorded_at, superseded_at, event_id, kind, related_person_id)
    VALUES (${personId}, ${validFrom}, NULL, now(), NULL, NULL, ${kind}, ${relatedId})`.execute(ctx.database.db);
}

describe('register invariants', () => {
  it('every rule names its law, and the demo register with a synthetic population keeps them all', async () => {
    for (const r of REGISTER_INVARIANTS) {
      expect(r.law.length, r.id).toBeGreaterThan(5);
      // An event that breaks the rule is refused with a problem type of its own (messages: catalogue.test.ts).
      expect(RULE_IDS as readonly string[]).toContain(`register.${r.id}`);
    }
    expect(new Set(REGISTER_INVARIANTS.map((r) => r.id)).size).toBe(REGISTER_INVARIANTS.length);
    const found = await checkInvariants(ctx.database.db, 'all');
    expect(found.filter((f) => f.count > 0)).toEqual([]);
  });

  it('finds each breach of loaded data by its rule, with the persons and the dates', async () => {
    const [w1, w2, w3] = await adults('F', 3);
    const [m1] = await adults('M', 1);
    if (!w1 || !w2 || !w3 || !m1) throw new Error('the population has too few adults');
    // A woman listed as her own parent; two women married on one side only; a man as the parent of an older woman.
    await relate(w1.id, 'parent', w1.id, w1.birthDate);
    await relate(w2.id, 'spouse', w3.id, '2020-06-01');
    await relate(w3.id, 'parent', m1.id, w3.birthDate);
    await relate(w3.id, 'parent', w2.id, w3.birthDate);
    await relate(w3.id, 'parent', w1.id, w3.birthDate);
    await sql`UPDATE register.person SET death_date = '1900-01-01' WHERE id = ${m1.id}`.execute(ctx.database.db);
    const found = await counts('all');
    expect(found).toMatchObject({
      'parent-is-self': 1,
      'spouses-same-sex': 1,
      'spouse-not-mutual': 1,
      'more-than-two-parents': 1,
      'parents-same-sex': 1,
      'death-before-birth': 1,
      'father-dead-before-conception': 1,
    });
    const findings = await checkInvariants(ctx.database.db, 'all');
    const spouses = findings.find((f) => f.id === 'spouses-same-sex');
    expect(spouses?.examples).toEqual([{ personId: w2.id, relatedPersonId: w3.id, detail: 'both F' }]);
    // The same rules within one event's persons: only what concerns them.
    expect(await counts([w2.id])).toEqual({ 'spouses-same-sex': 1, 'spouse-not-mutual': 1 });
    expect(await counts([w3.id])).toMatchObject({ 'more-than-two-parents': 1, 'parents-same-sex': 1 });
  });
});
