/**
 * The residence rules added to the procedure, through the API: who must be named as sponsor; the EU Blue Card
 * (no 30-day tier, the salary threshold in the rule trace, with its year); a repatriant (no fee, the exemption
 * named, five years exactly); citizens of Russia and Belarus (a first temporary permit refused as suspended, a
 * Russian citizen's permanent file given four months); five years' residence read from the register's history
 * (temporary permits granted years ago and renewed, then a permanent permit; an EU citizen's permanent certificate
 * after five years with a registration certificate); the history of a cancelled permit; the documents' ticks said
 * for what they are. The clock is moved back to grant the earlier permits, as they were granted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signInStaff, type Client, type TestContext } from '../../../test/test-app.ts';
import { act, expectStatus } from '../../../test/case-actions.ts';

type Problem = { code: string; errors?: Array<{ path: string; reason?: string }> };
type Check = { rule: string; passed: boolean; detail: string; params?: Record<string, string | number> };
type View = {
  id: string;
  reference: string;
  caseType: string;
  status: string;
  version: number;
  dueOn: string | null;
  subject: {
    personId: string | null;
    sponsor: string | null;
    fee: { amountCents: number; legalAct: string };
    payment: unknown;
    enclosedBy: string;
    filesUploaded: number;
    permit: {
      kind: string;
      grantedOn: string;
      validFrom: string;
      validUntil: string | null;
      cardValidUntil: string | null;
      cancelled: { decidedOn: string | null; on: string } | null;
    } | null;
  };
  proposal: { ruleTrace: Check[] } | null;
};

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const at = async (day: string) => {
  ctx.clock.set(`${day}T09:00:00Z`);
  return {
    officer: await signInStaff(ctx.app, 'migration.officer'),
    decider: await signInStaff(ctx.app, 'migration.decider'),
  };
};
const reasons = (res: { json(): unknown }) =>
  ((res.json() as Problem).errors ?? []).map((e) => `${e.path}:${e.reason}`);

const base = (o: Record<string, unknown> = {}) => ({
  permitKind: 'temporary',
  ground: 'employment',
  application: 'first',
  givenNames: 'Kiran',
  surname: 'Desai',
  sex: 'F',
  birthDate: '1988-03-14',
  birthCountry: 'IND',
  nationality: 'IND',
  travelDocument: { number: 'P7788990', country: 'IND', validUntil: '2034-01-01' },
  sponsor: 'SIA Demo Tehnoloģijas',
  monthlyIncomeEur: 2500,
  addressInLatvia: 'Elizabetes iela 10, Rīga',
  enclosed: [],
  language: 'en',
  contactEmail: 'kiran@example.invalid',
  payment: { method: 'card' },
  ...o,
});

async function lodge(officer: Client, body: Record<string, unknown>): Promise<View> {
  const res = await officer.request('POST', '/api/migration/permits', body);
  expectStatus(res, 201);
  return res.json() as View;
}

/** Takes the case, proposes to grant it for the terms (acknowledging failed checks when told to), and returns the proposal. */
async function propose(officer: Client, view: View, terms: Record<string, unknown>, acknowledge = false) {
  const taken = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
  return act(officer, taken, {
    kind: 'propose-decision',
    outcome: 'accept',
    reasoning: 'The ground is proven by the documents.',
    terms,
    ...(acknowledge
      ? { acknowledgeFailedChecks: true, overrideReason: 'The missing evidence was seen in person.' }
      : {}),
  });
}

const check = (view: View, rule: string) => view.proposal?.ruleTrace.find((c) => c.rule === rule);

describe('who is named as sponsor', () => {
  it('a ground that rests on someone in Latvia needs them named; an investor does not', async () => {
    const { officer } = await at('2026-11-30');
    const res = await officer.request('POST', '/api/migration/permits', base({ sponsor: undefined }));
    expectStatus(res, 400);
    expect(reasons(res)).toEqual(['sponsor:employer-needed']);
    // A Blue Card rests on the employer too: the refusal names the employer, not a list of everyone.
    const blueCard = await officer.request(
      'POST',
      '/api/migration/permits',
      base({ ground: 'blue-card', tier: 'fast', sponsor: undefined }),
    );
    expectStatus(blueCard, 400);
    expect(reasons(blueCard)).toEqual(['sponsor:employer-needed']);
    const student = await officer.request(
      'POST',
      '/api/migration/permits',
      base({ ground: 'study', sponsor: undefined }),
    );
    expect(reasons(student)).toEqual(['sponsor:school-needed']);
    const investor = await lodge(officer, base({ ground: 'investment', sponsor: undefined }));
    expect(investor.subject.sponsor).toBeNull();
  });
});

describe('the EU Blue Card', () => {
  const quote = (q: string) => ctx.app.inject({ method: 'GET', url: `/api/public/permits/quote?${q}` });
  it('has no 30-day tier, 100 or 200 EUR, and the salary thresholds of the year when one is recorded', async () => {
    await at('2023-06-01');
    expect((await quote('permitKind=temporary&ground=blue-card&tier=fast')).json()).toMatchObject({
      amountCents: 10000,
      tiers: ['fast', 'express'],
      deadline: { unit: 'working-days', limit: 10 },
      monthlyIncomeNeededEur: 2060,
      salaryThreshold: { year: 2023, eur: 2060, shortageEur: 1648 },
      documents: expect.arrayContaining(['higher-education', 'invitation']),
    });
    expect((await quote('permitKind=temporary&ground=blue-card&tier=express')).json()).toMatchObject({
      amountCents: 20000,
      deadline: { unit: 'working-days', limit: 5 },
    });
    expect(reasons(await quote('permitKind=temporary&ground=blue-card&tier=standard'))).toEqual([
      'tier:tier-not-offered',
    ]);
    // 2026 has no threshold in the sources: the quote gives none rather than 2023's.
    await at('2026-11-30');
    expect((await quote('permitKind=temporary&ground=blue-card&tier=fast')).json()).toMatchObject({
      monthlyIncomeNeededEur: null,
      salaryThreshold: null,
    });
  });
  it('checks the salary against the threshold of the year lodged in: the lower one in a shortage occupation', async () => {
    const { officer } = await at('2023-06-01');
    const later = { travelDocument: { number: 'P7788990', country: 'IND', validUntil: '2030-01-01' } };
    const terms = { validFrom: '2023-06-01', validUntil: '2025-05-31' };
    const below = await lodge(officer, base({ ground: 'blue-card', tier: 'fast', monthlyIncomeEur: 1800, ...later }));
    expect(below).toMatchObject({ dueOn: '2023-06-15', subject: { fee: { amountCents: 10000 } } });
    const proposed = await propose(officer, below, terms, true);
    expect(check(proposed, 'blue-card-salary')).toMatchObject({
      passed: false,
      params: { recorded: 'yes', shown: 1800, needed: 2060, year: '2023', factor: 1.5 },
    });
    expect(check(proposed, 'income-sufficient')).toBeUndefined();
    const shortage = await lodge(
      officer,
      base({
        ground: 'blue-card',
        tier: 'fast',
        monthlyIncomeEur: 1800,
        shortageOccupation: true,
        givenNames: 'Ravi',
        ...later,
      }),
    );
    const ok = await propose(officer, shortage, terms, true);
    expect(check(ok, 'blue-card-salary')).toMatchObject({ passed: true, params: { needed: 1648, factor: 1.2 } });
  });
  it('says plainly that no threshold is recorded for a year without one: not met, whatever the salary', async () => {
    const { officer } = await at('2026-11-30');
    const high = await lodge(
      officer,
      base({ ground: 'blue-card', tier: 'fast', monthlyIncomeEur: 9000, givenNames: 'Mira' }),
    );
    const proposed = await propose(officer, high, { validFrom: '2026-11-30', validUntil: '2028-11-29' }, true);
    expect(check(proposed, 'blue-card-salary')).toMatchObject({
      passed: false,
      params: { recorded: 'no', shown: 9000, year: '2026' },
    });
    // Proposed without acknowledging it, the grant is refused: the check failed, it did not pass unread.
    const again = await lodge(
      officer,
      base({ ground: 'blue-card', tier: 'fast', monthlyIncomeEur: 9000, givenNames: 'Nia' }),
    );
    const taken = await act(officer, again, { kind: 'assign', outOfOrderReason: 'test' });
    const refused = await officer.request('POST', `/api/cases/${again.id}/actions`, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'The ground is proven by the documents.',
      terms: { validFrom: '2026-11-30', validUntil: '2028-11-29' },
      expectedVersion: taken.version,
    });
    expectStatus(refused, 400);
    const problem = refused.json() as { errors: Array<{ reason: string; values?: { rules?: string } }> };
    expect(problem.errors[0]).toMatchObject({ reason: 'failed-checks-unacknowledged' });
    expect(problem.errors[0]?.values?.rules?.split(',')).toContain('blue-card-salary');
  });
});

describe('a repatriant', () => {
  it('pays nothing (the exemption named) and is granted exactly five years', async () => {
    const { officer, decider } = await at('2026-11-30');
    const withEnd = await officer.request(
      'POST',
      '/api/migration/permits',
      base({ ground: 'repatriant', sponsor: undefined, requestedUntil: '2028-01-01' }),
    );
    expect(reasons(withEnd)).toEqual(['requestedUntil:term-fixed']);
    const view = await lodge(
      officer,
      base({ ground: 'repatriant', sponsor: undefined, givenNames: 'Jānis', surname: 'Bērziņš', nationality: 'CAN' }),
    );
    expect(view.subject).toMatchObject({ fee: { amountCents: 0 }, payment: null });
    expect(view.subject.fee.legalAct).toMatch(/^Repatriācijas likums/);
    const taken = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    const short = await officer.request('POST', `/api/cases/${view.id}/actions`, {
      kind: 'propose-decision',
      expectedVersion: taken.version,
      outcome: 'accept',
      reasoning: 'Repatriant status shown.',
      terms: { validFrom: '2026-11-30', validUntil: '2027-11-29' },
    });
    expect(reasons(short)).toEqual(['terms.validUntil:term-fixed']);
    const proposed = await act(officer, taken, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Repatriant status shown.',
      terms: { validFrom: '2026-11-30', validUntil: '2031-11-29' },
      acknowledgeFailedChecks: true,
      overrideReason: 'The missing evidence was seen in person.',
    });
    expect(proposed.proposal?.ruleTrace.map((c) => c.rule)).not.toContain('fee-paid');
    const granted = await act(decider, proposed, { kind: 'approve-decision', acknowledgeFailedChecks: true });
    expect(granted.subject.permit).toMatchObject({ validFrom: '2026-11-30', validUntil: '2031-11-29' });
  });
});

describe('citizens of Russia and Belarus', () => {
  it('a first temporary permit on a ground that is not an exception is refused as suspended; a student is not', async () => {
    const { officer } = await at('2026-11-30');
    const refused = await officer.request('POST', '/api/migration/permits', base({ nationality: 'RUS' }));
    expectStatus(refused, 400);
    expect(reasons(refused)).toEqual(['ground:first-permit-suspended']);
    const student = await lodge(
      officer,
      base({ nationality: 'BLR', ground: 'study', sponsor: 'Demo Universitāte', givenNames: 'Alesia' }),
    );
    expect(student.status).toBe('submitted');
  });
});

describe('five years’ residence from the register’s history', () => {
  let personId = '';
  it('grants a first temporary permit (family of a permanent resident) in June 2021, and renews it in 2026', async () => {
    let { officer, decider } = await at('2021-06-01');
    const first = await lodge(
      officer,
      base({
        ground: 'family',
        nationality: 'RUS',
        givenNames: 'Marina',
        surname: 'Orlova',
        birthCountry: 'RUS',
        travelDocument: { number: '751234567', country: 'RUS', validUntil: '2031-01-01' },
        sponsor: 'Demo Ģimenes loceklis',
      }),
    );
    let view = await propose(officer, first, { validFrom: '2021-06-01', validUntil: '2026-05-31' }, true);
    view = await act(decider, view, { kind: 'approve-decision', acknowledgeFailedChecks: true });
    personId = view.subject.personId as string;
    expect(personId).toBeTruthy();
    ({ officer, decider } = await at('2026-05-15'));
    const renewal = await lodge(
      officer,
      base({
        personId,
        application: 'renewal',
        ground: 'family',
        nationality: 'RUS',
        givenNames: 'Marina',
        surname: 'Orlova',
        birthCountry: 'RUS',
        travelDocument: { number: '751234567', country: 'RUS', validUntil: '2031-01-01' },
        sponsor: 'Demo Ģimenes loceklis',
      }),
    );
    view = await propose(officer, renewal, { validFrom: '2026-06-01', validUntil: '2028-05-31' }, true);
    view = await act(decider, view, { kind: 'approve-decision', acknowledgeFailedChecks: true });
    expect(view.subject.permit?.validFrom).toBe('2026-06-01');
  });

  it('a permanent permit of a Russian citizen: four months, and five continuous years in the rule trace', async () => {
    const { officer } = await at('2026-11-30');
    const view = await lodge(
      officer,
      base({
        personId,
        permitKind: 'permanent',
        ground: 'five-years-temporary',
        nationality: 'RUS',
        givenNames: 'Marina',
        surname: 'Orlova',
        birthCountry: 'RUS',
        travelDocument: { number: '751234567', country: 'RUS', validUntil: '2031-01-01' },
        sponsor: undefined,
        monthlyIncomeEur: 1200,
      }),
    );
    expect(view.subject.sponsor).toBeNull();
    // Four months from 30 November is 30 March 2027 (a Tuesday).
    expect(view.dueOn).toBe('2027-03-30');
    const proposed = await propose(officer, view, { validFrom: '2026-11-30', validUntil: null }, true);
    expect(check(proposed, 'five-years-continuous')).toMatchObject({
      passed: true,
      params: { from: '2021-11-30', until: '2026-11-29', gaps: 0 },
    });
  });

  it('a history with a gap fails the check and names the gap', async () => {
    // Olena Shevchenko holds no right to reside in the register: the five years are one gap.
    const { officer } = await at('2026-11-30');
    const olena = await lodge(
      officer,
      base({
        personId: '00000000-0000-4000-8000-000000000009',
        permitKind: 'eu-long-term-resident',
        ground: 'five-years-residence',
        tier: 'standard',
        nationality: 'UKR',
        givenNames: 'Olena',
        surname: 'Shevchenko',
        sponsor: undefined,
      }),
    );
    expect(olena.dueOn).toBe('2026-12-30');
    const proposed = await propose(officer, olena, { validFrom: '2026-11-30', validUntil: null }, true);
    const five = check(proposed, 'five-years-continuous');
    expect(five?.passed).toBe(false);
    expect(five?.params).toMatchObject({
      gaps: 1,
      gapDays: 1826,
      longestFrom: '2021-11-30',
      longestUntil: '2026-11-29',
    });
  });
});

describe('an EU citizen’s permanent residence certificate', () => {
  it('is free, examined in 10 working days, checked for five years with a registration certificate, and has no end', async () => {
    let { officer, decider } = await at('2021-03-01');
    const eu = {
      permitKind: 'eu-registration-certificate',
      ground: 'worker',
      tier: 'fast',
      givenNames: 'Katarzyna',
      surname: 'Wójcik',
      birthCountry: 'POL',
      nationality: 'POL',
      travelDocument: { number: 'ZS1234567', country: 'POL', validUntil: '2035-01-01' },
      sponsor: 'SIA Demo Serviss',
      requestedUntil: undefined,
    };
    let view = await lodge(officer, base(eu));
    view = await propose(officer, view, { validFrom: '2021-03-01', validUntil: null }, true);
    view = await act(decider, view, { kind: 'approve-decision', acknowledgeFailedChecks: true });
    const personId = view.subject.personId as string;

    ({ officer, decider } = await at('2026-11-30'));
    const notForOthers = await officer.request(
      'POST',
      '/api/migration/permits',
      base({
        ...eu,
        personId,
        permitKind: 'eu-permanent-residence-certificate',
        ground: 'five-years-eu-residence',
        nationality: 'IND',
      }),
    );
    expect(reasons(notForOthers)).toContain('nationality:eu-nationality-needed');
    view = await lodge(
      officer,
      base({
        ...eu,
        personId,
        permitKind: 'eu-permanent-residence-certificate',
        ground: 'five-years-eu-residence',
        sponsor: undefined,
        enclosed: ['application-form', 'eu-identity-document', 'eu-citizen-registration', 'residence-history'],
      }),
    );
    expect(view).toMatchObject({
      caseType: 'eu-residence',
      dueOn: '2026-12-14',
      subject: { fee: { amountCents: 0 }, payment: null, enclosedBy: 'officer', filesUploaded: 0 },
    });
    view = await propose(officer, view, { validFrom: '2026-11-30', validUntil: null });
    expect(check(view, 'five-years-continuous')).toMatchObject({ passed: true });
    view = await act(decider, view, { kind: 'approve-decision' });
    expect(view.subject.permit).toMatchObject({
      kind: 'eu-permanent-residence-certificate',
      validUntil: null,
      cardValidUntil: null,
      grantedOn: '2026-11-30',
    });
    const card = (
      await officer.request('GET', `/api/register/persons/${personId}?caseReference=${view.reference}`)
    ).json() as { residenceRights: Array<{ kind: string }> };
    expect(card.residenceRights.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['eu-registration-certificate', 'eu-permanent-residence-certificate']),
    );
  });
});

describe('a cancelled permit’s history on its case', () => {
  it('keeps the day of the grant and the day the cancellation was decided', async () => {
    const { officer, decider } = await at('2026-11-30');
    let view = await lodge(
      officer,
      base({ givenNames: 'Tariq', surname: 'Hussain', nationality: 'PAK', birthCountry: 'PAK' }),
    );
    view = await propose(officer, view, { validFrom: '2026-11-30', validUntil: '2027-11-29' }, true);
    view = await act(decider, view, { kind: 'approve-decision', acknowledgeFailedChecks: true });
    ctx.clock.set('2027-01-11T09:00:00Z');
    const head = await signInStaff(ctx.app, 'migration.decider');
    expectStatus(
      await head.request('POST', `/api/migration/permits/${view.reference}/cancel`, {
        grounds: ['ground-ceased'],
        effectiveOn: '2027-01-20',
        reasoning: 'The employment ended in December.',
      }),
      200,
    );
    const read = (await head.request('GET', `/api/cases/${view.id}`)).json() as View;
    expect(read.subject.permit).toMatchObject({
      grantedOn: '2026-11-30',
      cancelled: { decidedOn: '2027-01-11', on: '2027-01-20' },
    });
  });
});
