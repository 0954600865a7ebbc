/** A residence declaration at the desk keeps the legal basis the officer names, whole (issue 24). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInStaff, DEMO_PERSON_ID, type TestContext } from '../../../test/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('a residence declaration at the desk', () => {
  it('stores the legal basis the officer submitted, not a shortened default', async () => {
    const registrar = await signInStaff(ctx.app, 'registrar');
    const reason = '?reason=Deklarācijas%20pārbaude';
    const before = (await registrar.request('GET', `/api/register/persons/${DEMO_PERSON_ID}${reason}`)).json() as {
      version: number;
    };
    const legalBasis = 'Dzīvesvietas deklarēšanas likums, 4. panta pirmā daļa un 6. pants';
    const res = await registrar.request('POST', `/api/register/persons/${DEMO_PERSON_ID}/events/address-declaration`, {
      reason: 'Deklarācija klātienē',
      legalBasis,
      sourceDocument: 'Deklarācija Nr. 2026/118',
      expectedVersion: before.version,
      effectiveDate: '2026-11-30',
      address: {
        kind: 'latvia',
        municipalityCode: 'LV-LPX',
        street: 'Jūras iela',
        building: '7',
        postcode: 'LV-3401',
      },
      housingBasis: 'Īres līgums',
    });
    expect(res.statusCode, res.body).toBe(201);
    const card = (await registrar.request('GET', `/api/register/persons/${DEMO_PERSON_ID}${reason}`)).json() as {
      events: Array<{ kind: string; legalBasis: string }>;
    };
    expect(card.events.find((e) => e.kind === 'address-declaration')?.legalBasis).toBe(legalBasis);
  });
});
