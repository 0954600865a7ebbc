/**
 * Register integrity over the API, for what the model-based test (register.model-based.test.ts) found and
 * for issue 24's "two births to one mother a day apart pass without a question": each refusal names its
 * rule and leaves the records as they were; the lawful neighbour of each case still passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, signInStaff, type Client, type TestContext } from '../../../test/test-app.ts';

let ctx: TestContext;
let registrar: Client;
beforeAll(async () => {
  ctx = await createTestContext({ population: 300 });
  registrar = await signInStaff(ctx.app, 'registrar');
});
afterAll(() => ctx.close());

const why = '?reason=Reģistra%20pārbaude';
const taken = new Set<string>();

/**
 * Living persons of a sex born in a range, unmarried, childless, with no fact dated after 2025-06-01 (so a
 * death may be dated then), each used by one test only.
 */
async function persons(sex: 'M' | 'F', bornAfter: string, bornBefore: string, n: number): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT p.id FROM register.person p
    WHERE p.sex = ${sex} AND p.death_date IS NULL AND p.birth_date > ${bornAfter} AND p.birth_date < ${bornBefore}
      AND NOT EXISTS (SELECT 1 FROM register.relation_fact r WHERE (r.person_id = p.id AND r.kind = 'spouse') OR r.related_person_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM register.address_fact a WHERE a.person_id = p.id AND a.valid_from > '2025-06-01')
      AND NOT EXISTS (SELECT 1 FROM register.name_fact a WHERE a.person_id = p.id AND a.valid_from > '2025-06-01')
      AND NOT EXISTS (SELECT 1 FROM register.status_fact a WHERE a.person_id = p.id AND a.valid_from > '2025-06-01')
    ORDER BY p.birth_date, p.id`.execute(ctx.database.db);
  const free = rows.rows.map((r) => r.id).filter((id) => !taken.has(id));
  if (free.length < n) throw new Error(`too few ${sex} persons born ${bornAfter}..${bornBefore}`);
  const chosen = free.slice(0, n);
  for (const id of chosen) taken.add(id);
  return chosen;
}

type Card = {
  version: number;
  relations: Array<{ kind: string; personId: string; validFrom: string; validUntil: string | null }>;
  events: Array<{ kind: string; details: Record<string, unknown> }>;
};
async function card(id: string): Promise<Card> {
  const res = await registrar.request('GET', `/api/register/persons/${id}${why}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Card;
}

const birth = (motherId: string, birthDate: string, extra: Record<string, unknown> = {}) =>
  registrar.request('POST', '/api/register/births', {
    reason: 'Dzimšanas reģistrācija',
    givenNames: extra['givenNames'] ?? 'Anna',
    surname: extra['surname'] ?? 'Tuvdzimusī',
    sex: 'F',
    birthDate,
    birthMunicipality: 'LV-RIX',
    motherId,
    sourceDocument: 'Dzimšanas apliecība Nr. T-11',
    ...extra,
  });

async function pairEvent(kind: 'marriage' | 'divorce', a: string, b: string, on: string) {
  const [ca, cb] = [await card(a), await card(b)];
  return registrar.request('POST', `/api/register/persons/${a}/events/${kind}`, {
    reason: 'Civilstāvokļa akts',
    effectiveDate: on,
    spouseId: b,
    spouseExpectedVersion: cb.version,
    surname: 'Testa',
    spouseSurname: 'Testa',
    sourceDocument: 'Apliecība Nr. T-12',
    expectedVersion: ca.version,
  });
}

async function death(id: string, on: string) {
  return registrar.request('POST', `/api/register/persons/${id}/events/death`, {
    reason: 'Miršanas reģistrācija',
    deathDate: on,
    sourceDocument: 'Miršanas apliecība Nr. T-13',
    expectedVersion: (await card(id)).version,
  });
}

const body = (res: { json(): unknown }) =>
  res.json() as { rule?: string; ruleValues?: Record<string, unknown>; errors?: Array<{ path: string }> };
const childId = (res: { json(): unknown }) => (res.json() as { personId: string }).personId;

describe('POST /api/register/births: a birth close to a sibling’s', () => {
  it('records twins (the same day or the next) and refuses with 409 register.births-too-close a birth 92 days after a sibling', async () => {
    const [mother] = await persons('F', '1988-01-01', '1996-01-01', 1);
    expect((await birth(mother as string, '2026-05-01', { givenNames: 'Ieva' })).statusCode).toBe(201);
    expect((await birth(mother as string, '2026-05-02', { givenNames: 'Kristaps' })).statusCode).toBe(201);
    const close = await birth(mother as string, '2026-08-01', { givenNames: 'Zane' });
    expect(close.statusCode, close.body).toBe(409);
    expect(body(close)).toMatchObject({ rule: 'register.births-too-close', ruleValues: { minimumDays: 180 } });
    expect(['2026-05-01', '2026-05-02']).toContain(body(close).ruleValues?.['date']);
    const children = (await card(mother as string)).relations.filter((r) => r.kind === 'child');
    expect(children).toHaveLength(2);
  });

  it('records it when the officer confirms the dates with a reason, and keeps the reason on the birth', async () => {
    const [mother] = await persons('F', '1988-01-01', '1996-01-01', 1);
    expect((await birth(mother as string, '2026-03-01', { givenNames: 'Līga' })).statusCode).toBe(201);
    const unexplained = await birth(mother as string, '2026-07-01', {
      givenNames: 'Olafs',
      closeBirthConfirmation: { confirmed: true, reason: ' ' },
    });
    expect(unexplained.statusCode).toBe(400);
    expect(body(unexplained).errors).toMatchObject([{ path: 'closeBirthConfirmation.reason' }]);
    const confirmed = await birth(mother as string, '2026-07-01', {
      givenNames: 'Olafs',
      closeBirthConfirmation: { confirmed: true, reason: 'Priekšlaicīgas dzemdības, slimnīcas izziņa Nr. 7' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const registration = (await card(childId(confirmed))).events.find((e) => e.kind === 'birth-registration');
    expect(registration?.details).toMatchObject({
      closeBirthConfirmation: { reason: 'Priekšlaicīgas dzemdības, slimnīcas izziņa Nr. 7' },
    });
  });
});

describe('marriage and divorce dates (found by the model-based test)', () => {
  it('refuses with 409 register.divorce-before-marriage a divorce dated on or before the wedding, and the marriage stays', async () => {
    const [man] = await persons('M', '1975-01-01', '1990-01-01', 1);
    const [woman] = await persons('F', '1975-01-01', '1990-01-01', 1);
    expect((await pairEvent('marriage', man as string, woman as string, '2015-06-06')).statusCode).toBe(201);
    for (const on of ['2010-01-01', '2015-06-06']) {
      const res = await pairEvent('divorce', man as string, woman as string, on);
      expect(res.statusCode, res.body).toBe(409);
      expect(body(res)).toMatchObject({ rule: 'register.divorce-before-marriage', ruleValues: { date: '2015-06-06' } });
    }
    for (const [p, q] of [
      [man, woman],
      [woman, man],
    ])
      expect((await card(p as string)).relations).toContainEqual(
        expect.objectContaining({ kind: 'spouse', personId: q, validFrom: '2015-06-06', validUntil: null }),
      );
    expect((await pairEvent('divorce', man as string, woman as string, '2015-06-07')).statusCode).toBe(201);
  });

  it('refuses with 409 register.spouse-listed-twice a second wedding of a couple dated inside their earlier marriage', async () => {
    const [man] = await persons('M', '1975-01-01', '1990-01-01', 1);
    const [woman] = await persons('F', '1975-01-01', '1990-01-01', 1);
    expect((await pairEvent('marriage', man as string, woman as string, '2010-05-05')).statusCode).toBe(201);
    expect((await pairEvent('divorce', man as string, woman as string, '2015-05-05')).statusCode).toBe(201);
    const inside = await pairEvent('marriage', man as string, woman as string, '2012-01-01');
    expect(inside.statusCode, inside.body).toBe(409);
    expect(body(inside).rule).toBe('register.spouse-listed-twice');
    expect((await pairEvent('marriage', man as string, woman as string, '2016-01-01')).statusCode).toBe(201);
  });

  it('presumes a dead husband the father of a child born 300 days after his death, not of one born 301 days after', async () => {
    const [husband1, husband2] = await persons('M', '1975-01-01', '1990-01-01', 2);
    const [widow1, widow2] = await persons('F', '1985-01-01', '1996-01-01', 2);
    for (const [h, w] of [
      [husband1, widow1],
      [husband2, widow2],
    ]) {
      expect((await pairEvent('marriage', h as string, w as string, '2020-06-06')).statusCode).toBe(201);
      expect((await death(h as string, '2025-12-01')).statusCode).toBe(201);
    }
    const within = await birth(widow1 as string, '2026-09-27', { givenNames: 'Rūdolfs', surname: 'Atraitnis' });
    expect(within.statusCode, within.body).toBe(201);
    const after = await birth(widow2 as string, '2026-09-28', { givenNames: 'Emīlija', surname: 'Vēlākā' });
    expect(after.statusCode, after.body).toBe(201);
    const parents = async (res: { json(): unknown }) =>
      (await card(childId(res))).relations.filter((r) => r.kind === 'parent').map((r) => r.personId);
    expect((await parents(within)).sort()).toEqual([husband1, widow1].sort());
    expect(await parents(after)).toEqual([widow2]);
  });
});
