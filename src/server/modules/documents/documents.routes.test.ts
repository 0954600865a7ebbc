/**
 * Documents over HTTP: the demo persons' documents, the public validity check (anonymous and partner
 * limits, no personal data in the answer), invalidation by an officer and by the holder, the partners'
 * change feed, and the audit entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  newClient,
  signInResident,
  signInStaff,
  type Client,
  type TestContext,
} from '../../../test/test-app.ts';
import { parseMrz } from '../../../shared/kernel/mrz.ts';
import { plainDate } from '../../../shared/kernel/plain-date.ts';

const ANNA = '00000000-0000-4000-8000-000000000002';
const SOFIJA = '00000000-0000-4000-8000-000000000006';
const SERGEJS = '00000000-0000-4000-8000-000000000003';
const JANIS = '00000000-0000-4000-8000-000000000001';
const ROBERTS = '00000000-0000-4000-8000-000000000008';
const PARTNER_KEY = 'demo-border-guard-key';

type Doc = {
  id: string;
  type: string;
  number: string;
  issuedOn: string;
  validUntil: string;
  status: string;
  invalidSince: string | null;
  invalidationReason: string | null;
  mrz: string[];
  holderPersonId?: string;
};

let ctx: TestContext;
let officer: Client;
let anna: Client;
beforeAll(async () => {
  ctx = await createTestContext({ env: { DOCUMENT_CHECK_PER_MINUTE: '5' } });
  expect(await ctx.app.backgroundJobs.seedDemoDocuments()).toBeGreaterThan(8);
  expect(await ctx.app.backgroundJobs.seedDemoDocuments()).toBe(0);
  officer = await signInStaff(ctx.app, 'document.officer');
  anna = await signInResident(ctx.app, ANNA);
});
afterAll(() => ctx.close());

async function documentsOf(personId: string): Promise<Doc[]> {
  const res = await officer.request('GET', `/api/documents/persons/${personId}?reason=test`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { documents: Doc[] }).documents;
}
const check = (number: string, query = '', headers: Record<string, string> = {}) =>
  ctx.app.inject({
    method: 'GET',
    url: `/api/public/documents/${number}/validity${query}`,
    headers,
    remoteAddress: '10.0.0.1',
  });

describe('documents of the demo persons', () => {
  it('each holds what the legal status allows, numbered from the series, with a valid MRZ', async () => {
    const annas = await documentsOf(ANNA);
    expect(annas.map((d) => d.type).sort()).toEqual(['identity-card', 'passport']);
    expect(annas.find((d) => d.type === 'passport')?.number).toMatch(/^LV\d{7}$/);
    expect(annas.find((d) => d.type === 'identity-card')?.number).toMatch(/^PA\d{7}$/);
    for (const d of annas) {
      const parsed = parseMrz(d.mrz, { today: plainDate('2026-11-30') });
      expect(parsed).toMatchObject({ valid: true, documentNumber: d.number, nationality: 'LVA', surname: 'OZOLA' });
    }
    const sergejs = await documentsOf(SERGEJS);
    expect(sergejs.map((d) => d.type).sort()).toEqual(['identity-card', 'non-citizen-passport']);
    // A non-citizen's MRZ nationality is configuration (DOMAIN.md §2.5: unconfirmed), XXX by default.
    expect(parseMrz(sergejs[0]?.mrz ?? [], { today: plainDate('2026-11-30') }).nationality).toBe('XXX');
  });

  it('an officer needs a purpose to see them; a registrar may read but not invalidate', async () => {
    const noPurpose = await officer.request('GET', `/api/documents/persons/${ANNA}`);
    expect(noPurpose.statusCode).toBe(403);
    expect(noPurpose.json()).toMatchObject({ code: 'PURPOSE_REQUIRED' });
    const registrar = await signInStaff(ctx.app, 'registrar');
    const [doc] = await documentsOf(ANNA);
    expect((await registrar.request('GET', `/api/documents/persons/${ANNA}?reason=test`)).statusCode).toBe(200);
    expect(
      (
        await registrar.request('POST', `/api/documents/${doc?.id}/invalidation`, {
          reason: 'damaged',
          effectiveOn: '2026-11-30',
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the public validity check', () => {
  it('says valid, unknown, or (for another type) unknown, and names nobody', async () => {
    const passport = (await documentsOf(ANNA)).find((d) => d.type === 'passport') as Doc;
    const valid = await check(passport.number);
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toEqual({
      number: passport.number,
      status: 'valid',
      type: 'passport',
      invalidSince: null,
      checkedOn: '2026-11-30',
    });
    expect(valid.body).not.toMatch(/Ozola|Anna|\d{6}-?\d{5}/);
    expect((await check('LV0000000')).json()).toMatchObject({ status: 'unknown', invalidSince: null });
    expect((await check(passport.number, '?type=identity-card')).json()).toMatchObject({ status: 'unknown' });
    const bad = await check('x');
    expect(bad.statusCode).toBe(400);
  });

  it('an expired document is invalid from the day after its last valid day', async () => {
    const all = [...(await documentsOf(SOFIJA)), ...(await documentsOf(ANNA)), ...(await documentsOf(SERGEJS))];
    const expired = all.find((d) => d.validUntil < '2026-11-30');
    expect(expired, 'the demo set has an expired document').toBeDefined();
    const answer = (await check((expired as Doc).number, '', { 'x-api-key': PARTNER_KEY })).json() as {
      status: string;
      invalidSince: string;
    };
    expect(answer.status).toBe('invalid');
    expect(answer.invalidSince > (expired as Doc).validUntil).toBe(true);
  });

  it('limits anonymous callers per address (429), while a partner’s key gets its own, higher limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (
          await ctx.app.inject({
            method: 'GET',
            url: '/api/public/documents/LV0000001/validity',
            remoteAddress: '10.9.9.9',
          })
        ).statusCode,
      );
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await ctx.app.inject({
      method: 'GET',
      url: '/api/public/documents/LV0000001/validity',
      remoteAddress: '10.9.9.9',
    });
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    for (let i = 0; i < 8; i++)
      expect(
        (
          await ctx.app.inject({
            method: 'GET',
            url: '/api/public/documents/LV0000001/validity',
            remoteAddress: '10.9.9.9',
            headers: { 'x-api-key': PARTNER_KEY },
          })
        ).statusCode,
      ).toBe(200);
    // A wrong key is just an anonymous caller.
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: '/api/public/documents/LV0000001/validity',
          remoteAddress: '10.9.9.9',
          headers: { 'x-api-key': 'guess' },
        })
      ).statusCode,
    ).toBe(429);
  });
});

describe('the in-memory validity index (decision 0019)', () => {
  it('answers as the database does, shows this server’s writes at once and other servers’ after a refresh', async () => {
    const numbers = [...(await documentsOf(ANNA)), ...(await documentsOf(SOFIJA)), ...(await documentsOf(SERGEJS))].map(
      (d) => d.number,
    );
    const before = await Promise.all(
      [...numbers, 'LV0000000', 'ZZ12345'].map(async (n) => (await check(n, '', { 'x-api-key': PARTNER_KEY })).json()),
    );
    expect(await ctx.app.backgroundJobs.loadDocumentIndex()).toMatchObject({ documents: expect.any(Number) });
    const after = await Promise.all(
      [...numbers, 'LV0000000', 'ZZ12345'].map(async (n) => (await check(n, '', { 'x-api-key': PARTNER_KEY })).json()),
    );
    expect(after).toEqual(before);
    // Another server issues a document: this one learns of it at its next refresh.
    const db = ctx.database.db;
    const id = '00000000-0000-4000-8000-00000000d0c1';
    await db
      .insertInto('documents.document')
      .values({
        id,
        documentType: 'passport',
        number: 'LV7777777',
        personId: ANNA,
        surname: 'OZOLA',
        givenNames: 'ANNA',
        nationality: 'LVA',
        issuedOn: '2026-11-30',
        validUntil: '2036-11-29',
        issuingBranchId: null,
        mrz: ['X'],
        invalidatedOn: null,
        invalidationReason: null,
        invalidationNote: null,
        invalidatedBy: null,
        issuedAt: ctx.clock.now().toISOString(),
        invalidatedAt: null,
      })
      .execute();
    await db
      .insertInto('documents.change')
      .values({ documentId: id, change: 'issued', at: ctx.clock.now().toISOString() })
      .execute();
    expect((await check('LV7777777', '', { 'x-api-key': PARTNER_KEY })).json()).toMatchObject({ status: 'unknown' });
    expect(await ctx.app.backgroundJobs.refreshDocumentIndex()).toBeGreaterThan(0);
    expect((await check('LV7777777', '', { 'x-api-key': PARTNER_KEY })).json()).toMatchObject({
      status: 'valid',
      type: 'passport',
    });
  });
});

describe('expiry reminders', () => {
  it('go about three months ahead, once, to holders who gave an address in the portal', async () => {
    const bad = await anna.request('PUT', '/api/portal/me/contact', { email: 'not-an-address', language: 'en' });
    expect(bad.statusCode).toBe(400);
    const set = await anna.request('PUT', '/api/portal/me/contact', { email: 'anna@example.invalid', language: 'en' });
    expect(set.json()).toEqual({ email: 'anna@example.invalid', language: 'en' });
    expect((await anna.request('GET', '/api/portal/me/contact')).json()).toEqual({
      email: 'anna@example.invalid',
      language: 'en',
    });
    const db = ctx.database.db;
    const expiring = (id: string, personId: string, number: string) =>
      db
        .insertInto('documents.document')
        .values({
          id,
          documentType: 'passport',
          number,
          personId,
          surname: 'X',
          givenNames: 'Y',
          nationality: 'LVA',
          issuedOn: '2017-02-27',
          validUntil: '2027-02-26',
          issuingBranchId: null,
          mrz: ['X'],
          invalidatedOn: null,
          invalidationReason: null,
          invalidationNote: null,
          invalidatedBy: null,
          issuedAt: ctx.clock.now().toISOString(),
          invalidatedAt: null,
        })
        .execute();
    await expiring('00000000-0000-4000-8000-00000000e001', ANNA, 'LV8888881');
    await expiring('00000000-0000-4000-8000-00000000e002', SERGEJS, 'LV8888882');
    expect(await ctx.app.backgroundJobs.remindExpiringDocuments()).toBeGreaterThanOrEqual(1);
    await ctx.app.backgroundJobs.remindExpiringDocuments();
    await ctx.app.backgroundJobs.deliverOutbox();
    const admin = await signInStaff(ctx.app, 'admin');
    const outbox = (await admin.request('GET', '/api/notifications/outbox?limit=500')).json() as {
      messages: Array<{ template: string; recipient: string; subject: string | null; eventKey: string }>;
    };
    const reminders = outbox.messages.filter((m) => m.template === 'document-expiring');
    expect(reminders.map((m) => m.recipient)).toEqual(['anna@example.invalid']);
    expect(reminders[0]?.subject).toBe('Citizen’s passport LV8888881 is valid until 26 February 2027');
    // Removing the address stops the reminders.
    expect((await anna.request('PUT', '/api/portal/me/contact', { email: null })).json()).toEqual({
      email: null,
      language: 'lv',
    });
    expect((await anna.request('GET', '/api/portal/me/contact')).json()).toMatchObject({ email: null });
  });
});

describe('invalidation', () => {
  it('the holder reports a passport stolen: invalid at once; the check and the partners’ feed say so; a second report is refused', async () => {
    const mine = (await anna.request('GET', '/api/portal/me/documents')).json() as { documents: Doc[] };
    // Anna sees her own documents and her daughter's, without the MRZ.
    expect(new Set(mine.documents.map((d) => d.holderPersonId))).toEqual(new Set([ANNA, SOFIJA]));
    expect(mine.documents.every((d) => d.mrz.length === 0)).toBe(true);
    const passport = mine.documents.find((d) => d.type === 'passport' && d.holderPersonId === ANNA) as Doc;
    const res = await anna.request('POST', `/api/portal/me/documents/${passport.id}/report`, {
      reason: 'stolen',
      circumstances: 'Stolen from my bag in Riga',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'invalid', invalidSince: '2026-11-30', invalidationReason: 'stolen' });
    expect((await check(passport.number, '', { 'x-api-key': PARTNER_KEY })).json()).toMatchObject({
      status: 'invalid',
      invalidSince: '2026-11-30',
    });
    const again = await anna.request('POST', `/api/portal/me/documents/${passport.id}/report`, {
      reason: 'lost',
      circumstances: 'x',
    });
    expect(again.statusCode).toBe(409);
    const feed = await ctx.app.inject({
      method: 'GET',
      url: '/api/exchange/document-changes?after=0&limit=1000',
      headers: { 'x-api-key': PARTNER_KEY },
    });
    const changes = (
      feed.json() as {
        changes: Array<{ number: string; change: string; reason: string | null; invalidSince: string | null }>;
      }
    ).changes;
    expect(changes.filter((c) => c.number === passport.number).map((c) => c.change)).toEqual(['issued', 'invalidated']);
    expect(changes.find((c) => c.number === passport.number && c.change === 'invalidated')).toMatchObject({
      reason: 'stolen',
      invalidSince: '2026-11-30',
    });
    // The feed is for partners only.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/exchange/document-changes' })).statusCode).toBe(401);
  });

  it('a resident cannot report someone else’s document (it is not found)', async () => {
    const [other] = await documentsOf(SERGEJS);
    expect(
      (
        await anna.request('POST', `/api/portal/me/documents/${other?.id}/report`, {
          reason: 'lost',
          circumstances: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('an officer invalidates with a reason and a day: not in the future, not before the issue, and audited', async () => {
    const card = (await documentsOf(SERGEJS)).find((d) => d.type === 'identity-card') as Doc;
    const future = await officer.request('POST', `/api/documents/${card.id}/invalidation`, {
      reason: 'damaged',
      effectiveOn: '2027-01-01',
      note: 'Chip broken',
    });
    expect(future.statusCode).toBe(400);
    expect((future.json() as { errors: Array<{ reason: string }> }).errors[0]?.reason).toBe('future-date');
    const early = await officer.request('POST', `/api/documents/${card.id}/invalidation`, {
      reason: 'damaged',
      effectiveOn: '2000-01-01',
      note: 'Chip broken',
    });
    expect((early.json() as { errors: Array<{ reason: string }> }).errors[0]?.reason).toBe('before-issue');
    const done = await officer.request('POST', `/api/documents/${card.id}/invalidation`, {
      reason: 'damaged',
      effectiveOn: '2026-11-29',
      note: 'Chip broken, seen at the desk',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'invalid', invalidSince: '2026-11-29', invalidationReason: 'damaged' });
    const sergejs = await signInResident(ctx.app, SERGEJS);
    const log = (await sergejs.request('GET', '/api/portal/me/data-use')).json() as {
      entries: Array<{ resource: string; action: string }>;
    };
    expect(log.entries.some((e) => e.resource === 'documents.document' && e.action === 'update')).toBe(true);
  });

  it('a register event reaches the documents in its own transaction: a new name invalidates them from its day, a death from the day of death', async () => {
    const registrar = await signInStaff(ctx.app, 'registrar');
    const version = async (id: string) =>
      ((await registrar.request('GET', `/api/register/persons/${id}?reason=test`)).json() as { version: number })
        .version;
    const renamed = await registrar.request('POST', `/api/register/persons/${ROBERTS}/events/name-change`, {
      effectiveDate: '2026-11-20',
      givenNames: 'Roberts',
      surname: 'Krūmiņš-Ozols',
      sourceDocument: 'Lēmums Nr. 2026/77',
      expectedVersion: await version(ROBERTS),
      reason: 'test',
    });
    expect(renamed.statusCode, renamed.body).toBe(201);
    const robertsDocs = (await documentsOf(ROBERTS)).filter((d) => d.validUntil >= '2026-11-20');
    expect(robertsDocs.length).toBeGreaterThan(0);
    for (const d of robertsDocs)
      expect(d).toMatchObject({ status: 'invalid', invalidSince: '2026-11-20', invalidationReason: 'data-changed' });
    const died = await registrar.request('POST', `/api/register/persons/${JANIS}/events/death`, {
      deathDate: '2026-11-25',
      sourceDocument: 'Miršanas reģistrs 2026/1',
      expectedVersion: await version(JANIS),
      reason: 'test',
    });
    expect(died.statusCode, died.body).toBe(201);
    const janisDocs = (await documentsOf(JANIS)).filter((x) => x.validUntil >= '2026-11-25');
    expect(janisDocs.length).toBeGreaterThan(0);
    for (const d of janisDocs)
      expect(d).toMatchObject({ status: 'invalid', invalidSince: '2026-11-25', invalidationReason: 'holder-died' });
  });

  it('a partner’s key opens the partner services only, never a person’s data', async () => {
    const asPartner = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { 'x-api-key': PARTNER_KEY } });
    expect((await asPartner('/api/exchange/document-changes')).statusCode).toBe(200);
    const card = await asPartner(`/api/documents/persons/${ANNA}?reason=x`);
    expect(card.statusCode).toBe(403);
    expect(card.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await asPartner('/api/session')).json()).toEqual({ authenticated: false });
  });

  it('anonymous callers cannot read a person’s documents', async () => {
    expect((await newClient(ctx.app).request('GET', `/api/documents/persons/${ANNA}?reason=x`)).statusCode).toBe(401);
  });
});
