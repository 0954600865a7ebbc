import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInResident, signInStaff, DEMO_PERSON_ID, type TestContext } from '../../../test/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('GET /api/audit/persons/{personId}/entries', () => {
  it('returns 403 PURPOSE_REQUIRED without a case reference or reason', async () => {
    const auditor = await signInStaff(ctx.app, 'auditor');
    const res = await auditor.request('GET', `/api/audit/persons/${DEMO_PERSON_ID}/entries`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'PURPOSE_REQUIRED', errors: [{ path: 'caseReference' }] });
  });

  it('lets the auditor read a person log, and the person then sees that the data protection officer looked', async () => {
    const resident = await signInResident(ctx.app);
    const auditor = await signInStaff(ctx.app, 'auditor');
    const res = await auditor.request('GET', `/api/audit/persons/${DEMO_PERSON_ID}/entries?reason=${encodeURIComponent('Complaint 2026/17 from the data subject')}`);
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as { action: string; subjectPersonId: string; actorName: string | null }[];
    // The newest entry is this very reading; the resident's sign-in comes after it.
    expect(entries[0]).toMatchObject({ action: 'read', subjectPersonId: DEMO_PERSON_ID, actorName: 'Pēteris Balodis' });
    expect(entries.some((e) => e.action === 'sign-in')).toBe(true);

    const mine = (await resident.request('GET', '/api/portal/me/data-use')).json().entries as { action: string; purpose: string; institution: string; actorRole: string }[];
    expect(mine[0]).toMatchObject({ action: 'read', purpose: 'data-protection-supervision', institution: 'PMLP', actorRole: 'auditor' });
  });
});

describe('GET /api/portal/me/data-use', () => {
  it('pages newest first with nextBefore', async () => {
    const resident = await signInResident(ctx.app);
    for (let i = 0; i < 3; i++) await signInResident(ctx.app);
    const first = (await resident.request('GET', '/api/portal/me/data-use?limit=2')).json();
    expect(first.entries).toHaveLength(2);
    expect(first.nextBefore).toBeDefined();
    const second = (await resident.request('GET', `/api/portal/me/data-use?limit=2&before=${first.nextBefore}`)).json();
    expect(new Date(second.entries[0].occurredAt) <= new Date(first.entries[1].occurredAt)).toBe(true);
    expect(second.entries[0].id).not.toBe(first.entries[1].id);
  });

  it('rejects a bad limit with 400', async () => {
    const resident = await signInResident(ctx.app);
    expect((await resident.request('GET', '/api/portal/me/data-use?limit=1000')).statusCode).toBe(400);
  });
});

describe('GET /api/audit/verify', () => {
  it('reports an intact chain with its head', async () => {
    const admin = await signInStaff(ctx.app, 'admin');
    const res = await admin.request('GET', '/api/audit/verify');
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().headSeq).toBeGreaterThan(0);
  });
});
