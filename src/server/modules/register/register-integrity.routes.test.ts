/**
 * Register integrity over the API (issue 24): each event an expert found accepted with 201 is refused, naming
 * its rule, and leaves nothing behind; the normal paths still pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, signInStaff, type Client, type TestContext } from '../../../test/test-app.ts';

let ctx: TestContext;
let registrar: Client;
beforeAll(async () => {
  ctx = await createTestContext({ population: 400 });
  registrar = await signInStaff(ctx.app, 'registrar');
});
afterAll(() => ctx.close());

const why = '?reason=Reģistra%20pārbaude';

/** Living, unmarried persons of a sex and an age range today (2026-11-30), youngest-born last. */
async function persons(sex: 'M' | 'F', bornAfter: string, bornBefore: string, n: number): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT p.id FROM register.person p
    WHERE p.sex = ${sex} AND p.death_date IS NULL AND p.birth_date > ${bornAfter} AND p.birth_date < ${bornBefore}
      AND NOT EXISTS (SELECT 1 FROM register.relation_fact r WHERE r.person_id = p.id AND r.kind = 'spouse' AND r.superseded_at IS NULL)
    ORDER BY p.birth_date, p.id LIMIT ${n}`.execute(ctx.database.db);
  if (rows.rows.length < n) throw new Error(`too few ${sex} persons born ${bornAfter}..${bornBefore}`);
  return rows.rows.map((r) => r.id);
}

async function card(id: string) {
  const res = await registrar.request('GET', `/api/register/persons/${id}${why}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { version: number; relations: Array<{ kind: string; personId: string }> };
}

const birth = (motherId: string, extra: Record<string, unknown> = {}) =>
  registrar.request('POST', '/api/register/births', {
    reason: 'Dzimšanas reģistrācija',
    givenNames: 'Anna',
    surname: 'Testa',
    sex: 'F',
    birthDate: '2026-11-20',
    birthMunicipality: 'LV-RIX',
    motherId,
    sourceDocument: 'Dzimšanas apliecība Nr. T-1',
    ...extra,
  });

async function marry(a: string, b: string, on: string, minorConsent?: { givenBy: string; document: string }) {
  const [ca, cb] = [await card(a), await card(b)];
  return registrar.request('POST', `/api/register/persons/${a}/events/marriage`, {
    reason: 'Laulības reģistrācija',
    effectiveDate: on,
    spouseId: b,
    spouseExpectedVersion: cb.version,
    surname: 'Testa',
    spouseSurname: 'Testa',
    sourceDocument: 'Laulības apliecība Nr. T-2',
    expectedVersion: ca.version,
    ...(minorConsent ? { minorConsent } : {}),
  });
}

const problem = (res: { statusCode: number; body: string; json(): unknown }) =>
  res.json() as { rule?: string; errors?: Array<{ path: string; reason?: string }> };

describe('register integrity: refusals that name their rule', () => {
  it('refuses a birth after the mother’s recorded death', async () => {
    const [mother] = await persons('F', '1985-01-01', '1995-01-01', 1);
    const death = await registrar.request('POST', `/api/register/persons/${mother}/events/death`, {
      reason: 'Miršanas reģistrācija',
      deathDate: '2026-10-01',
      sourceDocument: 'Miršanas apliecība Nr. T-3',
      expectedVersion: (await card(mother as string)).version,
    });
    expect(death.statusCode, death.body).toBe(201);
    const res = await birth(mother as string);
    expect(res.statusCode, res.body).toBe(409);
    expect(problem(res).rule).toBe('register.mother-dead-before-birth');
    const children = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM register.relation_fact WHERE related_person_id = ${mother}`.execute(
      ctx.database.db,
    );
    expect(children.rows[0]?.n).toBe('0');
  });

  it('refuses a boy as the mother, a woman as the father, and one woman as both parents, each at its field', async () => {
    const [boy] = await persons('M', '2017-01-01', '2019-12-31', 1);
    const [woman, other] = await persons('F', '1985-01-01', '1995-01-01', 2);
    const asMother = await birth(boy as string);
    expect(asMother.statusCode).toBe(400);
    expect(problem(asMother).errors).toMatchObject([{ path: 'motherId', reason: 'mother-not-female' }]);
    const asFather = await birth(woman as string, { fatherId: other });
    expect(problem(asFather).errors).toMatchObject([{ path: 'fatherId', reason: 'father-not-male' }]);
    const both = await birth(woman as string, { fatherId: woman });
    expect(problem(both).errors).toMatchObject([{ path: 'fatherId', reason: 'same-person' }]);
  });

  it('refuses a marriage of two women, and keeps both records as they were', async () => {
    const [a, b] = await persons('F', '1980-01-01', '1990-01-01', 2);
    const res = await marry(a as string, b as string, '2026-11-27');
    expect(res.statusCode, res.body).toBe(409);
    expect(problem(res).rule).toBe('register.spouses-same-sex');
    expect((await card(a as string)).relations.filter((r) => r.kind === 'spouse')).toEqual([]);
  });

  it('refuses a death dated before a recorded marriage, and both cards keep the spouse', async () => {
    const [man] = await persons('M', '1975-01-01', '1985-01-01', 1);
    const [woman] = await persons('F', '1975-01-01', '1985-01-01', 1);
    const married = await marry(man as string, woman as string, '2026-06-06');
    expect(married.statusCode, married.body).toBe(201);
    const res = await registrar.request('POST', `/api/register/persons/${man}/events/death`, {
      reason: 'Miršanas reģistrācija',
      deathDate: '2026-03-01',
      sourceDocument: 'Miršanas apliecība Nr. T-4',
      expectedVersion: (await card(man as string)).version,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      rule: 'register.death-before-later-fact',
      ruleValues: { registerFact: 'spouse', date: '2026-06-06' },
    });
    for (const [p, q] of [
      [man, woman],
      [woman, man],
    ])
      expect((await card(p as string)).relations).toContainEqual(
        expect.objectContaining({ kind: 'spouse', personId: q }),
      );
  });

  it('presumes the mother’s husband the father of a child born in the marriage (Civil Law, Section 146)', async () => {
    const [man] = await persons('M', '1985-01-01', '1995-01-01', 1);
    const [woman] = await persons('F', '1995-01-01', '2000-01-01', 1);
    expect((await marry(man as string, woman as string, '2025-08-08')).statusCode).toBe(201);
    const res = await birth(woman as string, { givenNames: 'Ilze' });
    expect(res.statusCode, res.body).toBe(201);
    const child = (res.json() as { personId: string }).personId;
    const parents = (await card(child)).relations.filter((r) => r.kind === 'parent').map((r) => r.personId);
    expect(parents.sort()).toEqual([man, woman].sort());
  });

  it('lets a 16- or 17-year-old marry an adult only with written consent (Civil Law, Section 33)', async () => {
    const arrival = async (givenNames: string, sex: 'M' | 'F', birthDate: string) => {
      const res = await registrar.request('POST', '/api/register/registrations', {
        reason: 'Ieceļošana',
        givenNames,
        surname: sex === 'F' ? 'Kalniņa' : 'Kalniņš',
        sex,
        birthDate,
        sourceDocument: 'Pase Nr. T-5',
        birthCountry: 'EST',
        legalStatus: 'foreigner',
        citizenships: ['EST'],
        address: {
          kind: 'latvia',
          municipalityCode: 'LV-RIX',
          street: 'Brīvības iela',
          building: '1',
          postcode: 'LV-1010',
        },
        housingBasis: 'Īres līgums',
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { personId: string }).personId;
    };
    const girl = await arrival('Liene', 'F', '2009-05-05');
    const boy = await arrival('Jānis', 'M', '2009-06-06');
    const young = await arrival('Marta', 'F', '2011-01-01');
    const [adult] = await persons('M', '1995-01-01', '2000-01-01', 1);
    const noConsent = await marry(girl, adult as string, '2026-11-28');
    expect(problem(noConsent).errors).toMatchObject([{ path: 'minorConsent', reason: 'minor-needs-consent' }]);
    const minors = await marry(girl, boy, '2026-11-28', { givenBy: 'parents', document: 'Atļauja Nr. 1' });
    expect(problem(minors).errors).toMatchObject([{ path: 'personId', reason: 'minor-marries-adult-only' }]);
    const fifteen = await marry(young, adult as string, '2026-11-28', {
      givenBy: 'orphans-court',
      document: 'Lēmums Nr. 2',
    });
    expect(problem(fifteen).errors).toMatchObject([{ path: 'personId', reason: 'under-16' }]);
    const consented = await marry(girl, adult as string, '2026-11-28', {
      givenBy: 'parents',
      document: 'Atļauja Nr. 3',
    });
    expect(consented.statusCode, consented.body).toBe(201);
  });

  it('refuses a marriage between a parent and child, and between brother and sister (Civil Law)', async () => {
    // Living, unmarried adults of opposite sexes from the synthetic families: a parent and child, two siblings.
    const unmarried = (alias: string) =>
      sql.raw(`${alias}.death_date IS NULL AND ${alias}.birth_date < '2008-11-30'
      AND NOT EXISTS (SELECT 1 FROM register.relation_fact s WHERE s.person_id = ${alias}.id AND s.kind = 'spouse'
        AND s.superseded_at IS NULL AND s.valid_to IS NULL)`);
    const pairs = await sql<{ a: string; b: string; relation: string }>`
      (SELECT c.id AS a, p.id AS b, 'parent' AS relation
         FROM register.relation_fact r JOIN register.person c ON c.id = r.person_id JOIN register.person p ON p.id = r.related_person_id
        WHERE r.kind = 'parent' AND r.superseded_at IS NULL AND c.sex <> p.sex AND ${unmarried('c')} AND ${unmarried('p')}
        ORDER BY c.id LIMIT 1)
      UNION ALL
      (SELECT x.id AS a, y.id AS b, 'siblings' AS relation
         FROM register.relation_fact rx JOIN register.relation_fact ry ON ry.related_person_id = rx.related_person_id
         JOIN register.person x ON x.id = rx.person_id JOIN register.person y ON y.id = ry.person_id
        WHERE rx.kind = 'parent' AND ry.kind = 'parent' AND rx.superseded_at IS NULL AND ry.superseded_at IS NULL
          AND x.sex = 'M' AND y.sex = 'F' AND ${unmarried('x')} AND ${unmarried('y')}
        ORDER BY x.id LIMIT 1)`.execute(ctx.database.db);
    expect(pairs.rows.map((r) => r.relation).sort()).toEqual(['parent', 'siblings']);
    for (const { a, b, relation } of pairs.rows) {
      const res = await marry(a, b, '2026-11-20');
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ rule: 'register.marriage-between-relatives', ruleValues: { relation } });
      expect((await card(a)).relations.some((r) => r.kind === 'spouse')).toBe(false);
    }
  });

  it('refuses markup and another script in the Latvian name fields, and keeps the original spelling in its own', async () => {
    const body = {
      reason: 'Ieceļošana',
      givenNames: 'Sergejs',
      surname: 'Петров<script>alert(1)</script>',
      sex: 'M',
      birthDate: '1990-02-02',
      sourceDocument: 'Pase Nr. T-6',
      birthCountry: 'UKR',
      legalStatus: 'foreigner',
      citizenships: ['UKR'],
      address: {
        kind: 'latvia',
        municipalityCode: 'LV-RIX',
        street: 'Brīvības iela',
        building: '2',
        postcode: 'LV-1010',
      },
      housingBasis: 'Īres līgums',
    };
    const refused = await registrar.request('POST', '/api/register/registrations', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ errors: [{ path: 'surname', key: 'format.personName' }] });
    const ok = await registrar.request('POST', '/api/register/registrations', {
      ...body,
      surname: 'Petrovs',
      originalName: 'Сергей Петров',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
