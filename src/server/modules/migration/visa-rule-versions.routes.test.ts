/**
 * Versioned visa rules through the API (issue 25), with the real law changes: a Schengen visa lodged on
 * 10 June 2024 costs EUR 80 (a child 40) and one lodged on 11 June 90 (45), Delegated Reg. (EU) 2024/1415; the
 * extended decision period reaches 30 days for an application lodged on 1 February 2020 and 45 for one lodged on
 * 2 February, Reg. (EU) 2019/1155. Each case is stamped with its version, the rule trace and the decision name it,
 * and an administrator's transitional move lists (dry run) and then applies the change, kept in each case's history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp } from '../../app.ts';
import { cheapHasher, createTestContext, signInStaff, type Client, type TestContext } from '../../../test/test-app.ts';
import { act, expectStatus } from '../../../test/case-actions.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { addDays, type PlainDate } from '../../../shared/kernel/plain-date.ts';

type View = {
  id: string;
  fee: { dueCents: number; paidCents: number } | null;
  reference: string;
  version: number;
  subject: { fee: { amountCents: number; tableFrom: string } };
  rules: { validFrom: string; legalAct: string } | null;
  deadline: { dueOn: string | null; extensionCap: string | null };
  proposal: { ruleTrace: Array<{ rule: string; params?: Record<string, string> }> } | null;
  timeline: Array<{ kind: string; details: Record<string, unknown> }>;
};
type Plan = {
  applied: boolean;
  legalBasis: string;
  cases: Array<{
    reference: string;
    from: string | null;
    fee: { beforeCents: number; afterCents: number } | null;
    dueBefore: string | null;
    dueAfter: string | null;
    newDocuments: string[];
  }>;
};
type Problem = { errors?: Array<{ path: string; reason?: string }> };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** A C visa application at the desk on the clock's day, for a trip a month later. */
function application(lodgedOn: PlainDate, birthDate = '1988-02-14') {
  const entry = addDays(lodgedOn, 30);
  const exit = addDays(lodgedOn, 40);
  return {
    visaType: 'C',
    givenNames: 'Olena',
    surname: 'Shevchenko',
    sex: 'F',
    birthDate,
    nationality: 'UKR',
    travelDocument: { number: 'FP123456', country: 'UKR', validUntil: addDays(lodgedOn, 2000) },
    purpose: 'tourism',
    intendedEntry: entry,
    intendedExit: exit,
    entriesRequested: 'single',
    insurance: {
      insurer: 'Demo Insurance',
      policyNumber: 'TMI-1',
      coverageEur: 30000,
      validFrom: entry,
      validUntil: exit,
    },
    means: { kind: 'bank-statement', amountEur: 1500 },
    language: 'en',
    contactEmail: 'olena@example.invalid',
    payment: { method: 'card' },
  };
}

/** Sets the office's clock to a working morning of `day` and lodges there as a fresh officer session. */
async function lodgeOn(day: PlainDate, birthDate?: string): Promise<{ officer: Client; view: View }> {
  ctx.clock.set(`${day}T08:00:00Z`);
  const officer = await signInStaff(ctx.app, 'migration.officer');
  const res = await officer.request('POST', '/api/migration/visas', application(day, birthDate));
  expectStatus(res, 201);
  return { officer, view: res.json() as View };
}

const d = (s: string) => s as PlainDate;

const lodged: Record<string, View> = {};

describe('visa rules by the day of lodging', () => {
  it('charges EUR 80 (a child 40) on 10 June 2024 and EUR 90 (45) from 11 June, naming the version', async () => {
    lodged.adult10 = (await lodgeOn(d('2024-06-10'))).view;
    lodged.child10 = (await lodgeOn(d('2024-06-10'), '2016-01-15')).view;
    lodged.adult11 = (await lodgeOn(d('2024-06-11'))).view;
    lodged.child11 = (await lodgeOn(d('2024-06-11'), '2016-01-15')).view;
    expect(
      [lodged.adult10, lodged.child10, lodged.adult11, lodged.child11].map((v) => v.subject.fee.amountCents),
    ).toEqual([8000, 4000, 9000, 4500]);
    expect(lodged.adult10?.rules).toEqual({ validFrom: '2020-02-02', legalAct: 'Regula (ES) 2019/1155' });
    expect(lodged.adult11?.rules).toEqual({ validFrom: '2024-06-11', legalAct: 'Deleģētā regula (ES) 2024/1415' });
    expect(lodged.adult11?.timeline[0]).toMatchObject({ kind: 'submit', details: { rules: '2024-06-11' } });
  });

  it('extends a decision to 30 days for an application of 1 February 2020 and to 45 from 2 February', async () => {
    lodged.feb1 = (await lodgeOn(d('2020-02-01'))).view;
    lodged.feb2 = (await lodgeOn(d('2020-02-02'))).view;
    // 1 Feb + 30 days is Monday 2 March; 2 Feb + 45 days is Wednesday 18 March 2020.
    expect(lodged.feb1?.deadline.extensionCap).toBe('2020-03-02');
    expect(lodged.feb2?.deadline.extensionCap).toBe('2020-03-18');
    expect(lodged.feb1?.rules?.validFrom).toBe('2010-04-05');
    expect(lodged.feb1?.subject.fee.amountCents).toBe(6000);
    expect(lodged.feb2?.subject.fee.amountCents).toBe(8000);
    // Both decide within 15 days of lodging (the limit itself did not change).
    expect(lodged.feb1?.deadline.dueOn).toBe('2020-02-17');
  });

  it('names the version in the rule trace and on the decision', async () => {
    ctx.clock.set('2024-06-12T08:00:00Z');
    const officer = await signInStaff(ctx.app, 'migration.officer');
    const decider = await signInStaff(ctx.app, 'migration.decider');
    let view = (await officer.request('GET', `/api/cases/${lodged.adult11?.id}`)).json() as View;
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'reject',
      reasoning: 'No',
      terms: { grounds: ['purpose-not-justified'] },
    });
    expect(view.proposal?.ruleTrace[0]).toMatchObject({
      rule: 'rules-version',
      params: { from: '2024-06-11', act: 'Deleģētā regula (ES) 2024/1415' },
    });
    view = await act(decider, view, { kind: 'approve-decision' });
    const pdf = await officer.request('GET', `/api/cases/${view.id}/decision.pdf`);
    expectStatus(pdf, 200);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Rules applied');
    expect(text).toContain('Delegated Regulation (EU) 2024/1415');
  });
});

describe('a transitional move of open cases to a later version', () => {
  let admin: Client;
  const move = (body: Record<string, unknown>) => admin.request('POST', '/api/procedure-rules/moves', body);

  beforeAll(async () => {
    ctx.clock.set('2024-06-13T08:00:00Z');
    admin = await signInStaff(ctx.app, 'admin');
  });

  it('lists in a dry run the cases lodged before the day, with the fee difference, and changes nothing', async () => {
    // A case with a proposed decision is decided under the rules its proposal checked: it is not moved.
    const officer = await signInStaff(ctx.app, 'migration.officer');
    let proposed = (await officer.request('GET', `/api/cases/${lodged.adult10?.id}`)).json() as View;
    proposed = await act(officer, proposed, { kind: 'assign', outOfOrderReason: 'test' });
    await act(officer, proposed, {
      kind: 'propose-decision',
      outcome: 'reject',
      reasoning: 'No',
      terms: { grounds: ['purpose-not-justified'] },
    });
    const res = await move({ procedure: 'visa-c', to: '2024-06-11', lodgedBefore: '2024-06-11', dryRun: true });
    expectStatus(res, 200);
    const plan = res.json() as Plan;
    expect(plan.applied).toBe(false);
    const june = plan.cases.filter((c) => c.from === '2020-02-02');
    // Oldest first: the adult of 2 February 2020, then the child of 10 June 2024.
    expect(june.map((c) => c.fee)).toEqual([
      { beforeCents: 8000, afterCents: 9000, paidCents: 8000 },
      { beforeCents: 4000, afterCents: 4500, paidCents: 4000 },
    ]);
    // Cases already under the version are not listed; a case from 2020 moves from its own version.
    expect(plan.cases.map((c) => c.reference)).not.toContain(lodged.adult11?.reference);
    expect(plan.cases.map((c) => c.reference)).not.toContain(lodged.adult10?.reference);
    const feb1 = plan.cases.find((c) => c.from === '2010-04-05');
    expect(feb1?.fee).toEqual({ beforeCents: 6000, afterCents: 9000, paidCents: 6000 });
    const again = (
      await move({ procedure: 'visa-c', to: '2024-06-11', lodgedBefore: '2024-06-11', dryRun: true })
    ).json() as Plan;
    expect(again.cases).toHaveLength(plan.cases.length);
  });

  it('applies the move in one step: each case restamped, its fee and history changed, the basis kept', async () => {
    const basis = 'Deleģētā regula (ES) 2024/1415, 2. pants';
    const plan = (
      await move({
        procedure: 'visa-c',
        to: '2024-06-11',
        lodgedBefore: '2024-06-11',
        legalBasis: basis,
        dryRun: false,
      })
    ).json() as Plan;
    expect(plan.applied).toBe(true);
    expect(plan.legalBasis).toBe(basis);
    const officer = await signInStaff(ctx.app, 'migration.officer');
    const child = (await officer.request('GET', `/api/cases/${lodged.child10?.id}`)).json() as View;
    expect(child.rules?.validFrom).toBe('2024-06-11');
    expect(child.subject.fee).toMatchObject({ amountCents: 4500, tableFrom: '2024-06-11' });
    expect(child.timeline.at(-1)).toMatchObject({
      kind: 'move-rules',
      details: {
        from: '2020-02-02',
        to: '2024-06-11',
        legalBasis: basis,
        fee: { beforeCents: 4000, afterCents: 4500 },
      },
    });
    // The applicant is told what is now owed (a move changing neither fee nor deadline sends nothing).
    const told = await ctx.database.db
      .selectFrom('notifications.outbox')
      .select(['params'])
      .where('template', '=', 'case-rules-moved')
      .where('eventKey', 'like', `case:${child.id}:rules:%`)
      .execute();
    expect(told.map((m) => m.params)).toMatchObject([{ fee: 'more', owed: '€5.00', due: '€45.00' }]);
    // The difference is owed, and taken at the desk: exactly what is owed, once.
    expect(child).toMatchObject({ fee: { dueCents: 4500, paidCents: 4000 } });
    const pay = (view: View, amountCents: number) =>
      officer.request('POST', `/api/cases/${view.id}/actions`, {
        kind: 'record-payment',
        expectedVersion: view.version,
        amountCents,
        method: 'cash',
        reference: 'KASE-1',
      });
    const wrong = await pay(child, 4500);
    expectStatus(wrong, 400);
    expect((wrong.json() as Problem).errors).toMatchObject([{ path: 'amountCents', reason: 'wrong-amount' }]);
    expectStatus(await pay(child, 500), 200);
    const paid = (await officer.request('GET', `/api/cases/${child.id}`)).json() as View;
    expect(paid).toMatchObject({ fee: { dueCents: 4500, paidCents: 4500 } });
    expect((await pay(paid, 500)).json()).toMatchObject({ rule: 'case.fee-already-paid' });
    // The 2020 case's extension now reaches 45 days; the child lodged on 11 June was under the version already (not listed).
    const feb1 = (await officer.request('GET', `/api/cases/${lodged.feb1?.id}`)).json() as View;
    expect(feb1.deadline.extensionCap).toBe('2020-03-17');
    const after = (
      await move({ procedure: 'visa-c', to: '2024-06-11', lodgedBefore: '2024-06-11', dryRun: true })
    ).json() as Plan;
    expect(after.cases).toEqual([]);
    const rules = (await admin.request('GET', '/api/procedure-rules')).json() as {
      procedures: Array<{ procedure: string; versions: Array<{ validFrom: string; openCases: number }> }>;
    };
    const visaC = rules.procedures.find((p) => p.procedure === 'visa-c');
    expect(visaC?.versions.map((v) => v.openCases)).toEqual([0, 1, plan.cases.length + 1]);
  });

  it('never moves a case onto rules older than those of its lodging day, and applies only what the dry run showed', async () => {
    // Back to 2020: the cases lodged under 2020's rules or earlier may return to them (the child of 10 June 2024
    // too); the one lodged on 11 June 2024, under 2024's, may not.
    // The 2024 act cannot be the basis of a move away from it: a move back names its provision.
    const unnamed = await move({ procedure: 'visa-c', to: '2020-02-02', dryRun: true });
    expect((unnamed.json() as Problem).errors).toMatchObject([{ path: 'legalBasis', reason: 'basis-required' }]);
    const basis = 'Tiesas spriedums lietā Nr. A-1/2024';
    const back = (
      await move({ procedure: 'visa-c', to: '2020-02-02', legalBasis: basis, dryRun: true })
    ).json() as Plan;
    expect(back.cases.map((c) => c.reference)).toEqual([
      lodged.feb1?.reference,
      lodged.feb2?.reference,
      lodged.child10?.reference,
    ]);
    const stale = await move({ procedure: 'visa-c', to: '2020-02-02', legalBasis: basis, dryRun: false, expected: [] });
    expectStatus(stale, 409);
    expect(stale.json()).toMatchObject({ rule: 'case.rules-move-changed' });
    const officer = await signInStaff(ctx.app, 'migration.officer');
    const untouched = (await officer.request('GET', `/api/cases/${lodged.feb1?.id}`)).json() as View;
    expect(untouched.rules?.validFrom).toBe('2024-06-11');
  });

  it('refuses an unknown version, one not yet in force, and anyone but an administrator', async () => {
    const unknown = await move({ procedure: 'visa-c', to: '2024-06-12', dryRun: true });
    expectStatus(unknown, 400);
    expect((unknown.json() as Problem).errors).toMatchObject([{ path: 'to', reason: 'unknown-rules-version' }]);
    ctx.clock.set('2024-06-05T08:00:00Z');
    const early = await move({ procedure: 'visa-c', to: '2024-06-11', dryRun: true });
    expect((early.json() as Problem).errors).toMatchObject([{ path: 'to', reason: 'rules-not-in-force' }]);
    // An appeal has rules of its own (one version so far), not the visa's.
    const appeal = await move({ procedure: 'visa-appeal', to: '2024-06-11', dryRun: true });
    expect((appeal.json() as Problem).errors).toMatchObject([{ path: 'to', reason: 'unknown-rules-version' }]);
    const officer = await signInStaff(ctx.app, 'migration.officer');
    expectStatus(
      await officer.request('POST', '/api/procedure-rules/moves', {
        procedure: 'visa-c',
        to: '2024-06-11',
        dryRun: true,
      }),
      403,
    );
  });

  it('refuses to start while an open case is stamped with a version no rule book defines', async () => {
    const db = ctx.database.db;
    await sql`update cases."case" set rules_version = '2024-06-30' where id = ${lodged.child11?.id}`.execute(db);
    const start = buildApp({ config: ctx.config, db, clock: ctx.clock, hasher: cheapHasher, logger: false });
    await expect(start).rejects.toThrow(/visa-c 2024-06-30.*restore those version files/);
    await sql`update cases."case" set rules_version = '2024-06-11' where id = ${lodged.child11?.id}`.execute(db);
  });
});
