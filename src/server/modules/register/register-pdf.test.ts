import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  signInResident,
  DEMO_PERSON_ID,
  type Client,
  type TestContext,
} from '../../../test/test-app.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { formatDateTime } from '../../../shared/kernel/display-format.ts';

const JANIS = DEMO_PERSON_ID;
const address = {
  kind: 'latvia',
  municipalityCode: 'LV-LPX',
  street: 'Jūras iela',
  building: '7',
  flat: '3',
  postcode: 'LV-3401',
};
/** A summer instant: 14:05 on the Riga wall clock (UTC+3), 11:05 in UTC. */
const DECLARED_AT = '2027-05-17T11:05:00.000Z';

let ctx: TestContext;
let janis: Client;
let declarationId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(DECLARED_AT);
  janis = await signInResident(ctx.app, JANIS);
  const res = await janis.request('POST', '/api/portal/me/residence-declarations', {
    subjectPersonId: JANIS,
    validFrom: '2027-05-17',
    address,
    housingBasis: 'Īres līgums',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  declarationId = res.json().declarationId as string;
});
afterAll(() => ctx.close());

const pdf = async (url: string) => {
  const res = await janis.request('GET', url);
  expect(res.headers['content-type']).toBe('application/pdf');
  return pdfText(res.rawPayload);
};

describe('dates and times in the register’s PDFs (STYLE §13)', () => {
  it('show a life event at the same Riga wall-clock time as the "my data" page', async () => {
    const card = (await janis.request('GET', '/api/portal/me/register')).json() as {
      events: Array<{ kind: string; recordedAt: string }>;
    };
    const event = card.events.find((e) => e.kind === 'address-declaration');
    expect(event?.recordedAt).toBe(DECLARED_AT);
    // The page formats with the same layer on the time zone /api/config gives it.
    const { timeZone } = (await janis.request('GET', '/api/config')).json() as { timeZone: string };
    expect(formatDateTime(DECLARED_AT, 'lv', timeZone)).toBe('17.05.2027 14:05');
    expect(formatDateTime(DECLARED_AT, 'en', timeZone)).toBe('17 May 2027, 14:05');

    const lv = await pdf('/api/portal/me/register/extract.pdf?lang=lv');
    expect(lv).toContain('Sagatavots 17.05.2027 14:05');
    expect(lv).toContain('17.05.2027\tDzīvesvietas deklarācija\t17.05.2027 14:05');
    const en = await pdf('/api/portal/me/register/extract.pdf?lang=en');
    expect(en).toContain('Generated 17 May 2027, 14:05');
    expect(en).toContain('17 May 2027\tResidence declaration\t17 May 2027, 14:05');
  });

  it('write dates as 17.05.1980 in Latvian and 17 May 1980 in English, never ISO or UTC', async () => {
    // Jānis was born on 17 May 1980, and lived in LV-022 from 17 May 1998 until the move to Riga on 1 September 2006.
    const lv = await pdf('/api/portal/me/register/extract.pdf?lang=lv');
    expect(lv).toContain('Dzimšanas datums\t17.05.1980');
    // The address is written one way everywhere: the town, its novads, the postcode (a long line may wrap).
    expect(lv.replace(/\s+/g, ' ')).toContain('Cēsis, Cēsu novads, LV-4101 (17.05.1998 – 31.08.2006)');
    const en = await pdf('/api/portal/me/register/extract.pdf?lang=en');
    expect(en).toContain('Date of birth\t17 May 1980');
    expect(en.replace(/\s+/g, ' ')).toContain('(17 May 1998 – 31 August 2006)');
    for (const text of [lv, en]) expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC/);
  });

  it('confirm a residence declaration at the local time it was submitted', async () => {
    const lv = await pdf(`/api/portal/me/residence-declarations/${declarationId}/confirmation.pdf?lang=lv`);
    expect(lv).toContain('Iesniegta\t17.05.2027 14:05');
    expect(lv).toContain('Dzīvo šajā adresē kopš\t17.05.2027');
    const en = await pdf(`/api/portal/me/residence-declarations/${declarationId}/confirmation.pdf?lang=en`);
    expect(en).toContain('Submitted\t17 May 2027, 14:05');
    for (const text of [lv, en]) expect(text).not.toMatch(/UTC/);
  });

  it('date a document made late in the UTC evening on the next day in Riga', async () => {
    ctx.clock.set('2027-05-17T22:30:00.000Z');
    janis = await signInResident(ctx.app, JANIS);
    expect(await pdf('/api/portal/me/register/extract.pdf?lang=lv')).toContain('Sagatavots 18.05.2027 01:30');
    expect(await pdf('/api/portal/me/register/extract.pdf?lang=en')).toContain('Generated 18 May 2027, 01:30');
  });
});
