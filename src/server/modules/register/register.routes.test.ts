import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  signInResident,
  signInStaff,
  DEMO_PERSON_ID,
  type Client,
  type TestContext,
} from '../../../test/test-app.ts';

// Demo families (register-seed.ts): Jānis Bērziņš (1) married to Līga Kalniņa (4), their son Markuss (5);
// Anna Marija Ozola (2) and her daughter Sofija (6); Roberts Krūmiņš (8), an adult.
const JANIS = DEMO_PERSON_ID;
const ANNA = '00000000-0000-4000-8000-000000000002';
const SERGEJS = '00000000-0000-4000-8000-000000000003';
const LIGA = '00000000-0000-4000-8000-000000000004';
const MARKUSS = '00000000-0000-4000-8000-000000000005';
const SOFIJA = '00000000-0000-4000-8000-000000000006';
const ROBERTS = '00000000-0000-4000-8000-000000000008';
const PURPOSE = `reason=${encodeURIComponent('Citizen enquiry at the desk')}`;

let ctx: TestContext;
let registrar: Client;
beforeAll(async () => {
  ctx = await createTestContext({ population: 1500 });
  registrar = await signInStaff(ctx.app, 'registrar');
});
afterAll(() => ctx.close());

async function card(client: Client, personId: string, extra = '') {
  const res = await client.request('GET', `/api/register/persons/${personId}?${PURPOSE}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('person card and lookup', () => {
  it('refuses a card without a case reference or reason (PURPOSE_REQUIRED)', async () => {
    const res = await registrar.request('GET', `/api/register/persons/${JANIS}`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'PURPOSE_REQUIRED' });
  });

  it('shows current data, family and address, and the resident sees the lookup in "who used my data"', async () => {
    const c = await card(registrar, JANIS);
    expect(c).toMatchObject({
      givenNames: 'Jānis',
      surname: 'Bērziņš',
      legalStatus: 'citizen',
      citizenships: ['LVA'],
      existed: true,
    });
    expect(c.residence).toMatchObject({ municipalityCode: 'LV-RIX', validUntil: null });
    expect(c.addressHistory).toHaveLength(2);
    expect(c.relations.map((r: { kind: string; personId: string }) => [r.kind, r.personId]).sort()).toEqual(
      [
        ['child', MARKUSS],
        ['spouse', LIGA],
      ].sort(),
    );

    const resident = await signInResident(ctx.app, JANIS);
    const uses = (await resident.request('GET', '/api/portal/me/data-use')).json().entries as Array<{
      actorType: string;
      purpose: string;
      institution: string;
      actorRole: string;
    }>;
    expect(uses.find((u) => u.actorType === 'staff')).toMatchObject({
      purpose: 'register-lookup',
      institution: 'PMLP',
      actorRole: 'registrar',
    });
  });

  it('finds a person by personal code with or without the hyphen, and answers 404 for an unknown code', async () => {
    const code = (await card(registrar, ANNA)).personalCode as string;
    const withHyphen = `${code.slice(0, 6)}-${code.slice(6)}`;
    const res = await registrar.request('GET', `/api/register/persons/by-code/${withHyphen}?${PURPOSE}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ANNA, municipalityCode: 'LV-JEL' });
    expect(
      (await registrar.request('GET', `/api/register/persons/by-code/123456-12345?${PURPOSE}`)).json(),
    ).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'params.code', reason: 'personal-code-format' }] });
    expect((await registrar.request('GET', `/api/register/persons/by-code/32000000000?${PURPOSE}`)).statusCode).toBe(
      404,
    );
  });

  it('is closed to staff without the permission and to residents', async () => {
    const auditor = await signInStaff(ctx.app, 'auditor');
    expect((await auditor.request('GET', `/api/register/persons/${JANIS}?${PURPOSE}`)).statusCode).toBe(403);
    const resident = await signInResident(ctx.app, ANNA);
    expect((await resident.request('GET', `/api/register/persons/${JANIS}?${PURPOSE}`)).statusCode).toBe(403);
  });
});

describe('search', () => {
  it('finds Bērziņš by Berzins (no diacritics), the feminine form, swapped names and a typo', async () => {
    for (const q of ['Berzins Janis', 'Bērziņa Jānis', 'Janis Berzins', 'Berzinss Janis']) {
      const res = await registrar.request(
        'GET',
        `/api/register/persons?q=${encodeURIComponent(q)}&birthYear=1980&${PURPOSE}`,
      );
      expect(res.statusCode, q).toBe(200);
      expect(res.json().results[0], q).toMatchObject({ id: JANIS });
    }
  });

  it('finds a name typed in Cyrillic by its Latvian form', async () => {
    for (const q of ['Сергей Иванов', 'Татьяна Васильева']) {
      const res = await registrar.request('GET', `/api/register/persons?q=${encodeURIComponent(q)}&${PURPOSE}`);
      expect(res.statusCode, q).toBe(200);
      expect(res.json().results[0], q).toMatchObject({ exactName: true });
    }
    const sergejs = (
      await registrar.request('GET', `/api/register/persons?q=${encodeURIComponent('Сергей Иванов')}&${PURPOSE}`)
    ).json();
    expect(sergejs.results[0]).toMatchObject({ id: SERGEJS, givenNames: 'Sergejs', surname: 'Ivanovs' });
  });

  it('finds by partial surname, by birth date, and by an earlier personal code', async () => {
    const partial = (
      await registrar.request('GET', `/api/register/persons?q=Vasi&municipality=LV-DGV&${PURPOSE}`)
    ).json();
    expect(partial.results.some((r: { givenNames: string }) => r.givenNames === 'Tatjana')).toBe(true);
    const byDate = (await registrar.request('GET', `/api/register/persons?birthDate=1965-11-02&${PURPOSE}`)).json();
    expect(byDate.results.map((r: { id: string }) => r.id)).toContain(SERGEJS);
  });

  it('counts every person matched, not the page, and says when more match than the page holds', async () => {
    // Anna Marija and her daughter Sofija Ozola (and maybe synthetic namesakes): more than one.
    const cut = (await registrar.request('GET', `/api/register/persons?q=Ozola&limit=1&${PURPOSE}`)).json();
    expect(cut).toMatchObject({ hasMore: true, totalAtLeast: false });
    expect(cut.total).toBeGreaterThanOrEqual(2);
    expect(cut.results).toHaveLength(1);
    // The same search on a page of 100: the same total, every one of them listed.
    const q = `q=Ozola&birthYear=2020&${PURPOSE}`;
    const first = (await registrar.request('GET', `/api/register/persons?${q}&limit=1`)).json();
    const all = (await registrar.request('GET', `/api/register/persons?${q}&limit=100`)).json();
    expect(first.total).toBeGreaterThan(1);
    expect(all).toMatchObject({ total: first.total, hasMore: false });
    expect(all.results).toHaveLength(first.total);
    // Both names as written are an exact hit; a partial given name is a likely one.
    const exact = (await registrar.request('GET', `/api/register/persons?q=Anna%20Marija%20Ozola&${PURPOSE}`)).json();
    expect(exact.results[0]).toMatchObject({ givenNames: 'Anna Marija', surname: 'Ozola', exactName: true });
    const likely = (await registrar.request('GET', `/api/register/persons?q=Ozola%20Anna&${PURPOSE}`)).json();
    expect(likely.results[0]).toMatchObject({ givenNames: 'Anna Marija', exactName: false });
    const one = (
      await registrar.request('GET', `/api/register/persons?q=Ozola%20Sofija&birthYear=2020&limit=20&${PURPOSE}`)
    ).json();
    expect(one.results[0]).toMatchObject({ givenNames: 'Sofija' });
    const byCode = (
      await registrar.request('GET', `/api/register/persons?code=${one.results[0].personalCode}&${PURPOSE}`)
    ).json();
    expect(byCode).toMatchObject({ total: 1, hasMore: false });
  });

  it('asks for something to search by', async () => {
    const res = await registrar.request('GET', `/api/register/persons?municipality=LV-RIX&${PURPOSE}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'q', reason: 'search-criteria' }] });
    const badCode = await registrar.request('GET', `/api/register/persons?code=12345&${PURPOSE}`);
    expect(badCode.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'code', reason: 'personal-code-format' }],
    });
  });
});

describe('life events and bitemporal history', () => {
  it('changes a name; the card as of an earlier date and as recorded before the change still shows the old name', async () => {
    const before = await card(registrar, ROBERTS);
    const recordedBefore = ctx.clock.now().toISOString();
    ctx.clock.advance(60_000);
    const res = await registrar.request('POST', `/api/register/persons/${ROBERTS}/events/name-change`, {
      effectiveDate: '2026-06-01',
      givenNames: 'Roberts',
      surname: 'Krūmiņš-Ozols',
      sourceDocument: 'Lēmums Nr. 2026/55',
      expectedVersion: before.version,
      reason: 'Name change application',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await card(registrar, ROBERTS)).surname).toBe('Krūmiņš-Ozols');
    expect((await card(registrar, ROBERTS, '&validOn=2026-05-31')).surname).toBe('Krūmiņš');
    expect((await card(registrar, ROBERTS, `&recordedAt=${encodeURIComponent(recordedBefore)}`)).surname).toBe(
      'Krūmiņš',
    );

    const history = (await registrar.request('GET', `/api/register/persons/${ROBERTS}/history?${PURPOSE}`)).json();
    const names = history.rows.filter((r: { fact: string }) => r.fact === 'name');
    expect(names.filter((r: { supersededAt: string | null }) => r.supersededAt !== null)).toHaveLength(1);
    expect(
      names
        .filter((r: { supersededAt: string | null }) => r.supersededAt === null)
        .map((r: { values: { surname: string }; validUntil: string | null }) => [r.values.surname, r.validUntil]),
    ).toEqual([
      ['Krūmiņš', '2026-05-31'],
      ['Krūmiņš-Ozols', null],
    ]);
    expect(history.events.at(-1)).toMatchObject({ kind: 'name-change', sourceDocument: 'Lēmums Nr. 2026/55' });
  });

  it('refuses a stale version with 409 and a future date with 400', async () => {
    const res = await registrar.request('POST', `/api/register/persons/${ROBERTS}/events/name-change`, {
      effectiveDate: '2026-06-02',
      givenNames: 'Roberts',
      surname: 'Ozols',
      sourceDocument: 'x',
      expectedVersion: 1,
      reason: 'test',
    });
    expect(res.statusCode).toBe(409);
    const v = (await card(registrar, ROBERTS)).version;
    const future = await registrar.request('POST', `/api/register/persons/${ROBERTS}/events/name-change`, {
      effectiveDate: '2027-01-01',
      givenNames: 'Roberts',
      surname: 'Ozols',
      sourceDocument: 'x',
      expectedVersion: v,
      reason: 'test',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: 'effectiveDate', reason: 'future-date' });
  });

  it('refuses with 400 a change of name that changes nothing, and records no event', async () => {
    const now = await card(registrar, ROBERTS);
    const events = (await registrar.request('GET', `/api/register/persons/${ROBERTS}/history?${PURPOSE}`)).json().events
      .length as number;
    const same = await registrar.request('POST', `/api/register/persons/${ROBERTS}/events/name-change`, {
      effectiveDate: '2026-06-03',
      givenNames: now.givenNames,
      surname: now.surname,
      sourceDocument: 'x',
      expectedVersion: now.version,
      reason: 'test',
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ path: 'surname', reason: 'same-as-current' });
    expect(
      (await registrar.request('GET', `/api/register/persons/${ROBERTS}/history?${PURPOSE}`)).json().events,
    ).toHaveLength(events);
  });

  it('records a marriage with surname choice on both sides, then a divorce', async () => {
    const robert = await card(registrar, ROBERTS);
    const anna = await card(registrar, ANNA);
    const married = await registrar.request('POST', `/api/register/persons/${ROBERTS}/events/marriage`, {
      effectiveDate: '2026-07-04',
      spouseId: ANNA,
      spouseExpectedVersion: anna.version,
      surname: robert.surname,
      spouseSurname: 'Krūmiņa',
      sourceDocument: 'Laulības reģ. Nr. 77',
      expectedVersion: robert.version,
      reason: 'Marriage registration',
    });
    expect(married.statusCode, married.body).toBe(201);
    const annaAfter = await card(registrar, ANNA);
    expect(annaAfter).toMatchObject({ surname: 'Krūmiņa' });
    expect(annaAfter.relations.find((r: { kind: string }) => r.kind === 'spouse')).toMatchObject({
      personId: ROBERTS,
      validFrom: '2026-07-04',
    });
    expect(annaAfter.earlierNames[0]).toMatchObject({ surname: 'Ozola', validUntil: '2026-07-03' });

    const again = await registrar.request('POST', `/api/register/persons/${ROBERTS}/events/marriage`, {
      effectiveDate: '2026-07-05',
      spouseId: SERGEJS,
      spouseExpectedVersion: (await card(registrar, SERGEJS)).version,
      surname: 'x',
      spouseSurname: 'y',
      sourceDocument: 'x',
      expectedVersion: married.json().version,
      reason: 'r',
    });
    expect(again.json()).toMatchObject({ code: 'INVALID_STATE', rule: 'register.already-married' });

    const divorced = await registrar.request('POST', `/api/register/persons/${ROBERTS}/events/divorce`, {
      effectiveDate: '2026-11-01',
      spouseId: ANNA,
      spouseExpectedVersion: annaAfter.version,
      surname: (await card(registrar, ROBERTS)).surname,
      spouseSurname: 'Ozola',
      sourceDocument: 'Tiesas spriedums C-1',
      expectedVersion: married.json().version,
      reason: 'Divorce',
    });
    expect(divorced.statusCode, divorced.body).toBe(201);
    expect((await card(registrar, ANNA)).relations.some((r: { kind: string }) => r.kind === 'spouse')).toBe(false);
    expect(
      (await card(registrar, ANNA, '&validOn=2026-08-01')).relations.some((r: { kind: string }) => r.kind === 'spouse'),
    ).toBe(true);
  });

  it('changes a legacy personal code once; the old code still finds the person', async () => {
    const before = await card(registrar, SERGEJS);
    const oldCode = before.personalCode as string;
    const res = await registrar.request('POST', `/api/register/persons/${SERGEJS}/events/code-change`, {
      effectiveDate: '2026-11-01',
      sourceDocument: 'Iesniegums 12',
      expectedVersion: before.version,
      reason: 'Code change',
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await card(registrar, SERGEJS);
    expect(after.personalCode).toMatch(/^3[2-9]\d{9}$/);
    expect(after.codes.map((c: { personalCode: string }) => c.personalCode)).toContain(oldCode);
    expect(
      (await registrar.request('GET', `/api/register/persons/by-code/${oldCode}?${PURPOSE}`)).json(),
    ).toMatchObject({ id: SERGEJS });
    const twice = await registrar.request('POST', `/api/register/persons/${SERGEJS}/events/code-change`, {
      effectiveDate: '2026-11-02',
      sourceDocument: 'x',
      expectedVersion: after.version,
      reason: 'x',
    });
    expect(twice.json()).toMatchObject({ code: 'INVALID_STATE', rule: 'register.code-already-new' });
  });

  it('changes the legal status with the citizenship rules checked', async () => {
    const v = (await card(registrar, SERGEJS)).version;
    const bad = await registrar.request('POST', `/api/register/persons/${SERGEJS}/events/status-change`, {
      effectiveDate: '2026-10-01',
      legalStatus: 'citizen',
      citizenships: [],
      sourceDocument: 'x',
      expectedVersion: v,
      reason: 'x',
    });
    expect(bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'citizenships', reason: 'citizen-needs-lva' }],
    });
    const ok = await registrar.request('POST', `/api/register/persons/${SERGEJS}/events/status-change`, {
      effectiveDate: '2026-10-01',
      legalStatus: 'citizen',
      citizenships: ['LVA'],
      sourceDocument: 'Naturalizācijas lēmums 9',
      expectedVersion: v,
      reason: 'Naturalization',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await card(registrar, SERGEJS)).toMatchObject({ legalStatus: 'citizen', citizenships: ['LVA'] });
    expect(await card(registrar, SERGEJS, '&validOn=2026-09-30')).toMatchObject({ legalStatus: 'non-citizen' });
  });

  it('registers a birth (new-format code, parents, the mother’s address), then a death ends the marriage', async () => {
    const res = await registrar.request('POST', '/api/register/births', {
      givenNames: 'Emīlija',
      surname: 'Bērziņa',
      sex: 'F',
      birthDate: '2026-11-20',
      birthMunicipality: 'LV-RIX',
      motherId: LIGA,
      fatherId: JANIS,
      sourceDocument: 'Dzimšanas reģ. Nr. 1001',
      reason: 'Birth registration',
    });
    expect(res.statusCode, res.body).toBe(201);
    const born = res.json();
    expect(born).toMatchObject({ status: 'registered' });
    expect(born.personalCode).toMatch(/^3[2-9]\d{9}$/);
    const child = await card(registrar, born.personId);
    expect(child).toMatchObject({ legalStatus: 'citizen', birthDate: '2026-11-20' });
    expect(child.residence).toMatchObject({ municipalityCode: 'LV-RIX', validFrom: '2026-11-20' });
    expect(
      child.relations
        .filter((r: { kind: string }) => r.kind === 'parent')
        .map((r: { personId: string }) => r.personId)
        .sort(),
    ).toEqual([JANIS, LIGA].sort());

    const janis = await card(registrar, JANIS);
    const died = await registrar.request('POST', `/api/register/persons/${JANIS}/events/death`, {
      deathDate: '2026-11-25',
      sourceDocument: 'Miršanas reģ. Nr. 5',
      expectedVersion: janis.version,
      reason: 'Death registration',
    });
    expect(died.statusCode, died.body).toBe(201);
    expect(await card(registrar, JANIS)).toMatchObject({ deathDate: '2026-11-25' });
    expect((await card(registrar, LIGA)).relations.some((r: { kind: string }) => r.kind === 'spouse')).toBe(false);
    const again = await registrar.request('POST', `/api/register/persons/${JANIS}/events/death`, {
      deathDate: '2026-11-25',
      sourceDocument: 'x',
      expectedVersion: (await card(registrar, JANIS)).version,
      reason: 'x',
    });
    expect(again.json()).toMatchObject({ code: 'INVALID_STATE', rule: 'register.person-dead' });
  });

  it('holds a registration that looks like an existing person until a second officer decides', async () => {
    const tatjana = await card(registrar, '00000000-0000-4000-8000-000000000007');
    const res = await registrar.request('POST', '/api/register/registrations', {
      givenNames: 'Tatyana',
      surname: 'Vasilyeva',
      sex: 'F',
      birthDate: tatjana.birthDate,
      birthCountry: 'UKR',
      legalStatus: 'foreigner',
      citizenships: ['UKR'],
      address: {
        kind: 'latvia',
        municipalityCode: 'LV-DGV',
        street: 'Saules iela',
        building: '1',
        postcode: 'LV-5401',
      },
      housingBasis: 'lease',
      sourceDocument: 'UA-123',
      reason: 'Registration of a foreigner',
    });
    expect(res.statusCode, res.body).toBe(201);
    const held = res.json();
    expect(held).toMatchObject({ status: 'held', personId: null });
    expect(held.candidates[0]).toMatchObject({ personId: tatjana.id });

    const same = await registrar.request('POST', `/api/register/pending-registrations/${held.pendingId}/decision`, {
      decision: 'register',
      note: 'different',
      reason: 'review',
    });
    expect(same.statusCode).toBe(403);
    const second = await signInStaff(ctx.app, 'registrar2');
    const list = (await second.request('GET', `/api/register/pending-registrations?${PURPOSE}`)).json();
    expect(list.pending.map((p: { id: string }) => p.id)).toContain(held.pendingId);
    const decided = await second.request('POST', `/api/register/pending-registrations/${held.pendingId}/decision`, {
      decision: 'same-person',
      existingPersonId: tatjana.id,
      note: 'Same birth date and transliterated name',
      reason: 'Duplicate review',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ personId: tatjana.id });
    const twice = await second.request('POST', `/api/register/pending-registrations/${held.pendingId}/decision`, {
      decision: 'register',
      note: 'x',
      reason: 'x',
    });
    expect(twice.json()).toMatchObject({ code: 'INVALID_STATE', rule: 'register.registration-decided' });
  });
});

describe('residence declaration (portal)', () => {
  const address = {
    kind: 'latvia',
    municipalityCode: 'LV-LPX',
    street: 'Jūras iela',
    building: '7',
    flat: '3',
    postcode: 'LV-3401',
  };

  it('declares for oneself: the new address at once, the old one ending the day before, a PDF, and the municipality sees it', async () => {
    const resident = await signInResident(ctx.app, ANNA);
    const res = await resident.request('POST', '/api/portal/me/residence-declarations', {
      subjectPersonId: ANNA,
      validFrom: '2026-11-15',
      address,
      housingBasis: 'Īres līgums',
    });
    expect(res.statusCode, res.body).toBe(201);
    const mine = (await resident.request('GET', '/api/portal/me/register')).json();
    expect(mine.residence).toMatchObject({ municipalityCode: 'LV-LPX', validFrom: '2026-11-15' });
    expect(
      mine.addressHistory.find((a: { municipalityCode: string }) => a.municipalityCode === 'LV-JEL'),
    ).toMatchObject({ validUntil: '2026-11-14' });

    const pdf = await resident.request(
      'GET',
      `/api/portal/me/residence-declarations/${res.json().declarationId}/confirmation.pdf?lang=lv`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('declares for a minor child, but not for an adult who is not a ward; abroad needs a country; no future dates', async () => {
    const mother = await signInResident(ctx.app, ANNA);
    const subjects = (await mother.request('GET', '/api/portal/me/subjects')).json().subjects;
    expect(subjects.map((s: { personId: string; relation: string }) => [s.personId, s.relation])).toEqual([
      [ANNA, 'self'],
      [SOFIJA, 'child'],
    ]);
    const child = await mother.request('POST', '/api/portal/me/residence-declarations', {
      subjectPersonId: SOFIJA,
      validFrom: '2026-11-15',
      address,
      housingBasis: 'Lives with her mother',
    });
    expect(child.statusCode, child.body).toBe(201);

    const notMine = await mother.request('POST', '/api/portal/me/residence-declarations', {
      subjectPersonId: ROBERTS,
      validFrom: '2026-11-15',
      address,
      housingBasis: 'x',
    });
    expect(notMine.statusCode).toBe(403);
    const noCountry = await mother.request('POST', '/api/portal/me/residence-declarations', {
      subjectPersonId: ANNA,
      validFrom: '2026-11-15',
      address: { kind: 'abroad', addressLine: 'Somewhere 1' },
      housingBasis: 'x',
    });
    expect(noCountry.statusCode).toBe(400);
    expect(noCountry.json().errors.map((e: { path: string }) => e.path)).toContain('address.country');
    const future = await mother.request('POST', '/api/portal/me/residence-declarations', {
      subjectPersonId: ANNA,
      validFrom: '2027-01-01',
      address,
      housingBasis: 'x',
    });
    expect(future.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'validFrom', reason: 'future-date' }],
    });
    const backdated = await mother.request('POST', '/api/portal/me/residence-declarations', {
      subjectPersonId: ANNA,
      validFrom: '2026-11-01',
      address,
      housingBasis: 'x',
    });
    expect(backdated.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'validFrom' }] });
  });

  it('lets the municipality of the new address list the declarations of its territory only', async () => {
    const municipality = await signInStaff(ctx.app, 'municipality.jelgava');
    const mother = await signInResident(ctx.app, ANNA);
    const res = await mother.request('POST', '/api/portal/me/residence-declarations', {
      subjectPersonId: ANNA,
      validFrom: '2026-11-20',
      address: { ...address, municipalityCode: 'LV-JEL', postcode: 'LV-3001' },
      housingBasis: 'Own flat',
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await municipality.request('GET', '/api/register/declarations')).json();
    expect(list.municipalityCode).toBe('LV-JEL');
    expect(list.declarations[0]).toMatchObject({ personId: ANNA, municipalityCode: 'LV-JEL' });
    expect(list.declarations.every((d: { municipalityCode: string }) => d.municipalityCode === 'LV-JEL')).toBe(true);
    expect((await municipality.request('GET', `/api/register/persons/${ANNA}?${PURPOSE}`)).statusCode).toBe(403);
  });

  it('gives the resident their data as a PDF extract', async () => {
    const resident = await signInResident(ctx.app, ANNA);
    const pdf = await resident.request('GET', '/api/portal/me/register/extract.pdf?lang=en');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('duplicates and statistics', () => {
  it('scans the register and lets an officer decide a pair', async () => {
    const scan = await registrar.request('POST', '/api/register/duplicates/scan');
    expect(scan.statusCode, scan.body).toBe(200);
    expect(scan.json().personsScanned).toBeGreaterThan(1500);
    const list = (await registrar.request('GET', `/api/register/duplicates?${PURPOSE}`)).json();
    for (const c of list.candidates) expect(c.score).toBeGreaterThanOrEqual(0.8);
    if (list.candidates.length) {
      const decided = await registrar.request('POST', `/api/register/duplicates/${list.candidates[0].id}/decision`, {
        decision: 'different-persons',
        reason: 'Reviewed',
      });
      expect(decided.json()).toMatchObject({ status: 'different-persons' });
    }
  });

  it('counts persons by municipality and legal status on a date', async () => {
    const supervisor = await signInStaff(ctx.app, 'supervisor');
    const today = (await supervisor.request('GET', '/api/register/statistics/population')).json();
    expect(today.total).toBeGreaterThan(1400);
    const old = (await supervisor.request('GET', '/api/register/statistics/population?date=1990-01-01')).json();
    expect(old.total).toBeLessThan(today.total);
    expect((await registrar.request('GET', '/api/register/statistics/population')).statusCode).toBe(403);
  });
});
