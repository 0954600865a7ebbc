import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataUseActor } from './audit.service.ts';
import {
  createTestContext,
  signInResident,
  signInStaff,
  DEMO_PERSON_ID,
  type TestContext,
} from '../../../test/test-app.ts';

const MARKUSS = '00000000-0000-4000-8000-000000000005';

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
    const res = await auditor.request(
      'GET',
      `/api/audit/persons/${DEMO_PERSON_ID}/entries?reason=${encodeURIComponent('Complaint 2026/17 from the data subject')}`,
    );
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as { action: string; subjectPersonId: string; actorName: string | null }[];
    // The newest entry is this very reading; the resident's sign-in comes after it.
    expect(entries[0]).toMatchObject({ action: 'read', subjectPersonId: DEMO_PERSON_ID, actorName: 'Pēteris Balodis' });
    expect(entries.some((e) => e.action === 'sign-in')).toBe(true);

    const mine = (await resident.request('GET', '/api/portal/me/data-use')).json().entries as {
      action: string;
      purpose: string;
      institution: string;
      actorRole: string;
    }[];
    expect(mine[0]).toMatchObject({
      action: 'read',
      purpose: 'data-protection-supervision',
      institution: 'PMLP',
      actorRole: 'auditor',
    });
  });
});

describe('GET /api/portal/me/data-use', () => {
  it('says who acted: the resident themself, their legal representative, an officer', async () => {
    const father = await signInResident(ctx.app);
    // Jānis looks at his minor son's data; Markuss (signed in himself) sees his representative did.
    expect((await father.request('GET', `/api/portal/me/register?subject=${MARKUSS}`)).statusCode).toBe(200);
    const son = await signInResident(ctx.app, MARKUSS);
    const sons = (await son.request('GET', '/api/portal/me/data-use')).json().entries as {
      actor: string;
      action: string;
      purpose: string;
    }[];
    expect(sons[0]).toMatchObject({ actor: 'self', action: 'sign-in' });
    expect(sons[1]).toMatchObject({ actor: 'representative', action: 'read', purpose: 'legal-representative-access' });

    const auditor = await signInStaff(ctx.app, 'auditor');
    await auditor.request(
      'GET',
      `/api/audit/persons/${DEMO_PERSON_ID}/entries?reason=${encodeURIComponent('Complaint 2026/18')}`,
    );
    const mine = (await father.request('GET', '/api/portal/me/data-use')).json().entries as { actor: string }[];
    expect(mine[0]).toMatchObject({ actor: 'officer' });
    expect(mine.some((e) => e.actor === 'self')).toBe(true);
  });

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

describe('dataUseActor', () => {
  it('tells the office’s system and a partner institution apart from people', () => {
    const subject = DEMO_PERSON_ID;
    expect(dataUseActor({ actorType: 'system', actorId: 'demo-seed', subjectPersonId: subject })).toBe('system');
    expect(dataUseActor({ actorType: 'partner', actorId: 'border-guard-demo', subjectPersonId: subject })).toBe(
      'partner',
    );
    expect(dataUseActor({ actorType: 'staff', actorId: 'officer-1', subjectPersonId: subject })).toBe('officer');
    expect(dataUseActor({ actorType: 'resident', actorId: subject, subjectPersonId: subject })).toBe('self');
    expect(dataUseActor({ actorType: 'resident', actorId: 'parent', subjectPersonId: subject })).toBe('representative');
  });
});
