/**
 * The document application's fees by version (issue 25), with the real change of 1 January 2026 (Cabinet Reg.
 * No. 133 as amended, DOMAIN.md §3.3): a passport applied for on 31 December 2025 costs EUR 44, on 2 January 2026
 * EUR 50. Each application is stamped with its version; an administrator's move of the open 2025 applications to
 * the 2026 fees raises what is owed, and the applicant pays the rest online.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInResident, signInStaff, type TestContext } from '../../../test/test-app.ts';
import { expectStatus } from '../../../test/case-actions.ts';
import { passportPhoto } from '../../../test/photos.ts';

const ANNA = '00000000-0000-4000-8000-000000000002';
const JANIS = '00000000-0000-4000-8000-000000000001';

type View = {
  id: string;
  reference: string;
  status: string;
  version: number;
  fee: { dueCents: number; paidCents: number } | null;
  rules: { validFrom: string; legalAct: string } | null;
  subject: { fee: { amountCents: number; tableFrom: string }; payment: { amountCents: number } | null };
  timeline: Array<{ kind: string; details: Record<string, unknown> }>;
};
type Plan = {
  applied: boolean;
  cases: Array<{ reference: string; from: string | null; fee: Record<string, number> | null }>;
};

let ctx: TestContext;
let branchId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.backgroundJobs.ensureAppointmentDefaults();
  const anna = await signInResident(ctx.app, ANNA);
  const options = (await anna.request('GET', '/api/portal/me/document-applications/options')).json() as {
    branches: Array<{ id: string }>;
  };
  branchId = (options.branches[0] as { id: string }).id;
});
afterAll(() => ctx.close());

const lodged: Record<string, View> = {};

describe('document fees by the day of application', () => {
  it('charges EUR 44 for a passport on 31 December 2025 and EUR 50 from 2026, naming the version', async () => {
    ctx.clock.set('2025-12-31T08:00:00Z');
    const anna = await signInResident(ctx.app, ANNA);
    const prepared = await anna.request('POST', '/api/portal/me/document-applications', {
      documentType: 'passport',
      tier: 'standard',
      reason: 'renewal',
      pickupBranchId: branchId,
    });
    expectStatus(prepared, 201);
    let view = prepared.json() as View;
    expect(view.subject.fee).toMatchObject({ amountCents: 4400, tableFrom: '2025-01-01' });
    expect(view.rules?.validFrom).toBe('2025-01-01');
    expect(view.rules?.legalAct).toMatch(/Nr\. 133 \(grozījumi, spēkā no 2025/);
    const paid = await anna.request('POST', `/api/portal/me/document-applications/${view.id}/payment`, {
      expectedVersion: view.version,
    });
    expectStatus(paid, 200);
    view = paid.json() as View;
    expect(view.fee).toEqual({ dueCents: 4400, paidCents: 4400 });
    lodged.anna = view;
    // Jānis prepares his passport application the same day and pays online too; he will come to the desk.
    const janis = await signInResident(ctx.app, JANIS);
    const his = await janis.request('POST', '/api/portal/me/document-applications', {
      documentType: 'passport',
      tier: 'standard',
      reason: 'renewal',
      // Collected where the desk officer works, who receives it there.
      pickupBranchId: (
        await ctx.database.db
          .selectFrom('identity.staffAccount')
          .select('branchId')
          .where('username', '=', 'document.officer')
          .executeTakeFirstOrThrow()
      ).branchId,
    });
    expectStatus(his, 201);
    const hisPaid = await janis.request(
      'POST',
      `/api/portal/me/document-applications/${(his.json() as View).id}/payment`,
      {
        expectedVersion: (his.json() as View).version,
      },
    );
    expectStatus(hisPaid, 200);
    lodged.janisPassport = hisPaid.json() as View;

    ctx.clock.set('2026-01-02T08:00:00Z');
    const officer = await signInStaff(ctx.app, 'document.officer');
    const desk = await officer.request('POST', '/api/documents/applications', {
      personId: JANIS,
      documentType: 'identity-card',
      tier: 'standard',
      reason: 'first',
      identity: { method: 'biometric-match' },
      photo: passportPhoto(),
      payment: { method: 'card' },
    });
    expectStatus(desk, 201);
    lodged.janis = desk.json() as View;
    expect(lodged.janis.subject.fee).toMatchObject({ amountCents: 3000, tableFrom: '2026-01-01' });
    expect(lodged.janis.rules?.validFrom).toBe('2026-01-01');
  });
});

describe('a move of the open 2025 applications to the 2026 fees', () => {
  it('lists them in a dry run, applies the move, and the applicant pays the rest online', async () => {
    ctx.clock.set('2026-01-05T08:00:00Z');
    const admin = await signInStaff(ctx.app, 'admin');
    const move = (dryRun: boolean) =>
      admin.request('POST', '/api/procedure-rules/moves', {
        procedure: 'document-application',
        to: '2026-01-01',
        lodgedBefore: '2026-01-01',
        legalBasis: 'Ministru kabineta noteikumi Nr. 133, pārejas noteikumi',
        dryRun,
      });
    const plan = (await move(true)).json() as Plan;
    expect(plan.cases).toEqual(
      [lodged.anna, lodged.janisPassport].map((l) =>
        expect.objectContaining({
          reference: l?.reference,
          from: '2025-01-01',
          fee: { beforeCents: 4400, afterCents: 5000, paidCents: 4400 },
        }),
      ),
    );
    expect(((await move(false)).json() as Plan).applied).toBe(true);

    const anna = await signInResident(ctx.app, ANNA);
    let view = (await anna.request('GET', `/api/portal/me/cases/${lodged.anna?.id}`)).json() as View;
    expect(view.rules?.validFrom).toBe('2026-01-01');
    expect(view.subject.fee).toMatchObject({ amountCents: 5000, tableFrom: '2026-01-01' });
    expect(view.fee).toEqual({ dueCents: 5000, paidCents: 4400 });
    expect(view.timeline.at(-1)).toMatchObject({
      kind: 'move-rules',
      details: { from: '2025-01-01', to: '2026-01-01', fee: { beforeCents: 4400, afterCents: 5000 } },
    });
    // Paid with an Idempotency-Key, as the portal sends it: a repeat (a lost answer, a double tap) is not charged again.
    const payRest = (expectedVersion: number) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/portal/me/document-applications/${view.id}/payment`,
        payload: { expectedVersion },
        headers: { cookie: anna.cookie as string, 'x-csrf-token': anna.csrf as string, 'idempotency-key': 'rest-1' },
      });
    const rest = await payRest(view.version);
    expectStatus(rest, 200);
    const repeat = await payRest(view.version);
    expectStatus(repeat, 200);
    expect(repeat.json()).toEqual(rest.json());
    view = rest.json() as View;
    expect(view.fee).toEqual({ dueCents: 5000, paidCents: 5000 });
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'record-payment', details: { amountCents: 600 } });
    view = (await anna.request('GET', `/api/portal/me/cases/${view.id}`)).json() as View;
    expect(view.timeline.filter((a) => a.kind === 'record-payment').map((a) => a.details['amountCents'])).toEqual([
      4400, 600,
    ]);
    const again = await anna.request('POST', `/api/portal/me/document-applications/${view.id}/payment`, {
      expectedVersion: view.version,
    });
    expectStatus(again, 409);
  });
});

describe('the desk receives an application paid in part before a move', () => {
  it('asks for the rest only, takes it with the reception, and proposes the document', async () => {
    const officer = await signInStaff(ctx.app, 'document.officer');
    let view = (await officer.request('GET', `/api/cases/${lodged.janisPassport?.id}`)).json() as View;
    expect(view.status).toBe('prepared');
    expect(view.fee).toEqual({ dueCents: 5000, paidCents: 4400 });
    const receive = (payment?: { method: 'card' | 'cash' }) =>
      officer.request('POST', `/api/documents/applications/${view.id}/reception`, {
        expectedVersion: view.version,
        identity: { method: 'biometric-match' },
        photo: passportPhoto(),
        ...(payment ? { payment } : {}),
      });
    const unpaid = await receive();
    expectStatus(unpaid, 400);
    expect((unpaid.json() as { errors: Array<Record<string, string>> }).errors[0]).toMatchObject({
      path: 'payment',
      reason: 'fee-not-paid',
      message: 'The fee of 6.00 EUR is not paid yet',
    });
    const received = await receive({ method: 'card' });
    expectStatus(received, 200);
    view = received.json() as View;
    expect(view.fee).toEqual({ dueCents: 5000, paidCents: 5000 });
    const kinds = view.timeline.map((a) => a.kind);
    expect(kinds.slice(-3)).toEqual(['record-payment', 'accept-in-person', 'propose-decision']);
    expect(view.timeline.at(-1)?.details['reasoning']).toBe(
      'Pieteikums pieņemts klātienē: personas identitāte pārbaudīta, fotoattēls uzņemts, valsts nodeva samaksāta daļēji tiešsaistē, pārējā daļa klātienē.',
    );
    const rest = view.timeline.filter((a) => a.kind === 'record-payment').map((a) => a.details['amountCents']);
    expect(rest).toEqual([4400, 600]);
  });
});
