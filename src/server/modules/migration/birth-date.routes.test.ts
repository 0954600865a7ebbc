/** An applicant born after today is a mistyped date: the desk refuses it at the field (first-use finding). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInStaff, type TestContext } from '../../../test/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('a visa application with a date of birth in the future', () => {
  it('is refused at the date of birth, and no case opens', async () => {
    const officer = await signInStaff(ctx.app, 'migration.officer');
    const res = await officer.request('POST', '/api/migration/visas', {
      visaType: 'C',
      givenNames: 'Oksana',
      surname: 'Ivanova',
      sex: 'F',
      birthDate: '2030-02-02',
      nationality: 'UKR',
      travelDocument: { number: 'FU1234567', country: 'UKR', validUntil: '2031-01-01' },
      purpose: 'tourism',
      intendedEntry: '2026-12-20',
      intendedExit: '2026-12-30',
      insurance: {
        insurer: 'Synthetic Insurance',
        policyNumber: 'S-1',
        coverageEur: 30000,
        validFrom: '2026-12-20',
        validUntil: '2026-12-30',
      },
      means: { kind: 'bank-statement', amountEur: 2000 },
      contactEmail: 'oksana@example.invalid',
      payment: { method: 'card' },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ path: 'birthDate', reason: 'future-date' }] });
    const queue = (await officer.request('GET', '/api/cases/queue?type=visa-c')).json() as { total: number };
    expect(queue.total).toBe(0);
  });
});
