/**
 * The visa procedures through the API: the fee by the day of lodging and age; an application refused as
 * lodged when it cannot be admitted; a desk application examined, consulted (the border guard answering from
 * its own system), proposed and decided by a second person, the visa issued with a zone an independent reader
 * accepts; a refusal on the standard form's grounds; an invitation approved and cited; annulment of a visa.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  signInResident,
  signInStaff,
  type Client,
  type TestContext,
} from '../../../test/test-app.ts';
import { act, expectStatus } from '../../../test/case-actions.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { readMrvIndependently } from '../../../test/mrv-reader.ts';

const PARTNER_KEY = 'demo-border-guard-key';
type Problem = { code: string; rule?: string; errors?: Array<{ path: string; reason?: string }> };
type View = {
  id: string;
  reference: string;
  caseType: string;
  status: string;
  version: number;
  dueOn: string | null;
  availableActions: string[];
  subject: {
    kind: string;
    fee: { amountCents: number };
    payment: { amountCents: number } | null;
    visa: { visaNumber: string; mrz: string[]; validUntil: string; status: string } | null;
    invitation: { reference: string } | null;
  };
  consultations: Array<{ consultationId: string; authority: string; answer: { outcome: string } | null }>;
  proposal: { ruleTrace: Array<{ rule: string; passed: boolean }>; terms?: Record<string, unknown> } | null;
  decision: { outcome: string; terms?: Record<string, unknown> } | null;
};

let ctx: TestContext;
let officer: Client;
let decider: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  officer = await signInStaff(ctx.app, 'migration.officer');
  decider = await signInStaff(ctx.app, 'migration.decider');
});
afterAll(() => ctx?.close());

/** The test clock's today is 2026-11-30. */
const application = (overrides: Record<string, unknown> = {}) => ({
  visaType: 'C',
  givenNames: 'Olena',
  surname: 'Shevchenko',
  sex: 'F',
  birthDate: '1988-02-14',
  nationality: 'UKR',
  travelDocument: { number: 'fp123456', country: 'UKR', validUntil: '2029-05-01' },
  purpose: 'tourism',
  intendedEntry: '2027-01-10',
  intendedExit: '2027-01-24',
  entriesRequested: 'single',
  insurance: {
    insurer: 'Demo Insurance',
    policyNumber: 'TMI-1',
    coverageEur: 30000,
    validFrom: '2027-01-10',
    validUntil: '2027-01-24',
  },
  means: { kind: 'bank-statement', amountEur: 1500 },
  language: 'en',
  contactEmail: 'olena@example.invalid',
  payment: { method: 'card' },
  ...overrides,
});

const partner = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: { 'x-api-key': PARTNER_KEY },
    ...(payload ? { payload: payload as object } : {}),
  });

describe('the visa fee', () => {
  const quote = async (q: string) =>
    (await ctx.app.inject({ method: 'GET', url: `/api/public/visas/fee?${q}` })).json() as {
      amountCents: number;
      legalAct: string;
    };
  it('follows the day of lodging: 80 EUR on 10 June 2024, 90 EUR from 11 June 2024 (children 40 → 45, under 6 nothing)', async () => {
    expect((await quote('visaType=C&birthDate=1980-01-01&lodgedOn=2024-06-10')).amountCents).toBe(8000);
    expect((await quote('visaType=C&birthDate=1980-01-01&lodgedOn=2024-06-11')).amountCents).toBe(9000);
    expect((await quote('visaType=C&birthDate=2015-01-01&lodgedOn=2024-06-10')).amountCents).toBe(4000);
    expect((await quote('visaType=C&birthDate=2015-01-01&lodgedOn=2024-06-11')).amountCents).toBe(4500);
    expect((await quote('visaType=C&birthDate=2020-01-01&lodgedOn=2024-06-11')).amountCents).toBe(0);
    expect((await quote('visaType=D&birthDate=1980-01-01')).amountCents).toBe(6000);
    expect((await quote('visaType=C&birthDate=1980-01-01&lodgedOn=2024-06-11')).legalAct).toMatch(/2024\/1415/);
  });
});

describe('a Schengen visa lodged at the desk', () => {
  it('refuses an application that cannot be admitted, naming each field', async () => {
    const res = await officer.request(
      'POST',
      '/api/migration/visas',
      application({
        intendedExit: '2027-05-01',
        insurance: {
          insurer: 'X',
          policyNumber: 'P',
          coverageEur: 10000,
          validFrom: '2027-01-10',
          validUntil: '2027-01-24',
        },
        travelDocument: { number: 'FP123456', country: 'UKR', validUntil: '2027-06-01' },
      }),
    );
    expectStatus(res, 400);
    const reasons = (res.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'intendedExit:stay-too-long',
        'travelDocument.validUntil:document-expires-too-soon',
        'insurance.coverageEur:insurance-too-low',
        'insurance.validUntil:insurance-not-covering',
      ]),
    );
  });

  it('is examined, consulted, proposed and issued by a second person; the zone reads back', async () => {
    const lodged = await officer.request('POST', '/api/migration/visas', application());
    expectStatus(lodged, 201);
    let view = lodged.json() as View;
    expect(view).toMatchObject({
      caseType: 'visa-c',
      status: 'submitted',
      dueOn: '2026-12-15',
      subject: { fee: { amountCents: 9000 }, payment: { amountCents: 9000 } },
    });
    expect(view.reference).toMatch(/^VC-2026-\d{6}$/);
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    view = await act(officer, view, {
      kind: 'request-consultation',
      authority: 'state-border-guard',
      question: 'Any entry ban?',
      dueOn: '2026-12-07',
    });
    expect(view.consultations).toMatchObject([{ authority: 'state-border-guard', answer: null }]);

    // The border guard's system sees the consultation and answers it.
    const open = (await partner('GET', '/api/exchange/consultations')).json() as {
      consultations: Array<{ consultationId: string; caseReference: string; applicant: { surname: string } }>;
    };
    const mine = open.consultations.find((c) => c.caseReference === view.reference);
    expect(mine?.applicant.surname).toBe('Shevchenko');
    expectStatus(
      await partner('POST', `/api/exchange/consultations/${mine?.consultationId}/answer`, {
        outcome: 'no-objection',
        remarks: '',
      }),
      200,
    );
    expect(
      (
        await partner('POST', `/api/exchange/consultations/${mine?.consultationId}/answer`, {
          outcome: 'objection',
          remarks: 'again',
        })
      ).json(),
    ).toMatchObject({ rule: 'case.consultation-answered' });
    view = (await officer.request('GET', `/api/cases/${view.id}`)).json() as View;

    const badTerms = await officer.request('POST', `/api/cases/${view.id}/actions`, {
      kind: 'propose-decision',
      expectedVersion: view.version,
      outcome: 'accept',
      reasoning: 'Conditions met',
      terms: {
        territory: 'national',
        entries: 'single',
        validFrom: '2027-01-05',
        validUntil: '2027-02-08',
        durationDays: 120,
      },
    });
    expectStatus(badTerms, 400);
    expect((badTerms.json() as Problem).errors?.map((e) => e.reason)).toEqual(
      expect.arrayContaining(['wrong-territory', 'duration-too-long']),
    );
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Conditions met',
      terms: {
        territory: 'uniform',
        entries: 'single',
        validFrom: '2027-01-05',
        validUntil: '2027-02-08',
        durationDays: 15,
      },
    });
    expect(view.proposal?.ruleTrace.filter((c) => !c.passed)).toEqual([]);
    expectStatus(
      await officer.request('POST', `/api/cases/${view.id}/actions`, {
        kind: 'approve-decision',
        expectedVersion: view.version,
      }),
      403,
    );
    view = await act(decider, view, { kind: 'approve-decision' });
    expect(view.status).toBe('issued');
    const visa = view.subject.visa;
    expect(visa?.visaNumber).toMatch(/^LVA\d{9}$/);
    const read = readMrvIndependently(visa?.mrz ?? []);
    expect(read).toMatchObject({
      valid: true,
      type: 'C',
      issuingState: 'LVA',
      surname: 'SHEVCHENKO',
      givenNames: 'OLENA',
      nationality: 'UKR',
      birth: '880214',
      sex: 'F',
      validUntil: '270208',
    });
    expect(visa?.visaNumber.endsWith(read.number)).toBe(true);

    const pdf = await officer.request('GET', `/api/cases/${view.id}/decision.pdf`);
    expectStatus(pdf, 200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(visa?.visaNumber as string);

    // The border guard checks the visa at a crossing point: valid on a day inside its validity, not before it.
    const inside = (await partner('GET', `/api/exchange/visas/${visa?.visaNumber}?on=2027-01-20`)).json();
    expect(inside).toMatchObject({
      status: 'valid',
      validOn: { date: '2027-01-20', valid: true },
      holder: { surname: 'Shevchenko', travelDocumentNumber: 'FP123456' },
    });
    expect((await partner('GET', `/api/exchange/visas/${visa?.visaNumber}?on=2027-01-01`)).json()).toMatchObject({
      validOn: { valid: false },
    });
    expect((await ctx.app.inject({ method: 'GET', url: `/api/exchange/visas/${visa?.visaNumber}` })).statusCode).toBe(
      401,
    );
    // Another partner's key (the personalization centre's) may not read visa holders.
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/exchange/visas/${visa?.visaNumber}`,
          headers: { 'x-api-key': 'demo-centre-key' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('is refused on the standard form’s grounds, and a refusal without one is not accepted', async () => {
    let view = (
      await officer.request(
        'POST',
        '/api/migration/visas',
        application({ givenNames: 'Ivan', surname: 'Petrenko', birthDate: '1975-03-03' }),
      )
    ).json() as View;
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    // Another Schengen state objects: a uniform visa may no longer be issued (Art. 25(1)(a)).
    view = await act(officer, view, {
      kind: 'request-consultation',
      authority: 'schengen-state',
      question: 'Prior consultation (Art. 22)',
      dueOn: '2026-12-07',
    });
    const silent = await officer.request('POST', `/api/cases/${view.id}/actions`, {
      kind: 'answer-consultation',
      expectedVersion: view.version,
      consultationId: view.consultations[0]?.consultationId,
      outcome: 'objection',
      remarks: '',
    });
    expect((silent.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual([
      'remarks:objection-needs-remarks',
    ]);
    view = await act(officer, view, {
      kind: 'answer-consultation',
      consultationId: view.consultations[0]?.consultationId,
      outcome: 'objection',
      remarks: 'Entry ban in another state',
    });
    const uniform = await officer.request('POST', `/api/cases/${view.id}/actions`, {
      kind: 'propose-decision',
      expectedVersion: view.version,
      outcome: 'accept',
      reasoning: 'x',
      terms: {
        territory: 'uniform',
        entries: 'single',
        validFrom: '2027-01-05',
        validUntil: '2027-02-08',
        durationDays: 15,
      },
    });
    expect((uniform.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual([
      'terms.territory:wrong-territory',
    ]);
    const none = await officer.request('POST', `/api/cases/${view.id}/actions`, {
      kind: 'propose-decision',
      expectedVersion: view.version,
      outcome: 'reject',
      reasoning: 'No',
      terms: { grounds: [] },
    });
    expectStatus(none, 400);
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'reject',
      reasoning: 'The purpose was not justified',
      terms: { grounds: ['purpose-not-justified', 'doubts-intention-to-leave'] },
    });
    view = await act(decider, view, { kind: 'approve-decision' });
    expect(view).toMatchObject({
      status: 'rejected',
      decision: { outcome: 'reject', terms: { grounds: ['purpose-not-justified', 'doubts-intention-to-leave'] } },
    });
    // The refusal on paper names each ground ticked (Art. 32(2)).
    const text = (
      await pdfText((await officer.request('GET', `/api/cases/${view.id}/decision.pdf`)).rawPayload)
    ).replace(/\s+/g, ' ');
    expect(text, text).toContain('The visa is refused for the following reason(s)');
    expect(text).toContain('the purpose and conditions of the intended stay were not justified');
  });
});

describe('a visa applied for online', () => {
  const OLENA = '00000000-0000-4000-8000-000000000009';
  it('is paid through the payment provider and lands in the migration division; a citizen needs none', async () => {
    const { payment: _desk, ...online } = application({
      visaType: 'D',
      purpose: undefined,
      nationalGround: 'remote-work',
      enclosed: ['foreign-employer-contract', 'remote-income-proof'],
      intendedEntry: '2027-01-10',
      intendedExit: '2027-06-30',
      insurance: undefined,
    });
    const citizen = await signInResident(ctx.app);
    expect((await citizen.request('POST', '/api/portal/me/visas', online)).json()).toMatchObject({
      errors: [{ path: 'visaType', reason: 'not-for-status' }],
    });
    const olena = await signInResident(ctx.app, OLENA);
    const res = await olena.request('POST', '/api/portal/me/visas', online);
    expectStatus(res, 201);
    const view = res.json() as View;
    expect(view).toMatchObject({
      caseType: 'visa-d',
      status: 'submitted',
      subject: { fee: { amountCents: 6000 }, payment: { amountCents: 6000 } },
    });
    expect(view.reference).toMatch(/^VD-/);
    // The migration division's officer finds it in the queue.
    const queue = (await officer.request('GET', '/api/cases/queue?type=visa-d')).json() as {
      cases: Array<{ reference: string }>;
    };
    expect(queue.cases.map((c) => c.reference)).toContain(view.reference);

    // The office consults the security service; the applicant sees neither the question, nor the answer, nor the check.
    let staffView = (await officer.request('GET', `/api/cases/${view.id}`)).json() as View;
    staffView = await act(officer, staffView, { kind: 'assign', outOfOrderReason: 'test' });
    staffView = await act(officer, staffView, {
      kind: 'request-consultation',
      authority: 'state-security-service',
      question: 'Anything against her?',
      dueOn: '2026-12-10',
    });
    staffView = await act(officer, staffView, {
      kind: 'answer-consultation',
      consultationId: staffView.consultations[0]?.consultationId,
      outcome: 'objection',
      remarks: 'Known contacts',
    });
    staffView = await act(officer, staffView, {
      kind: 'propose-decision',
      outcome: 'reject',
      reasoning: 'Objection of a competent authority',
      terms: { grounds: ['threat'] },
    });
    expect(staffView.proposal?.ruleTrace.map((c) => c.rule)).toContain('consultations-clear');
    const mine = (await olena.request('GET', `/api/portal/me/cases/${view.id}`)).json() as View & {
      timeline: Array<{ kind: string }>;
    };
    expect(mine.consultations).toEqual([]);
    expect(mine.timeline.map((a) => a.kind)).not.toEqual(expect.arrayContaining(['request-consultation']));
    expect(mine.timeline.map((a) => a.kind)).not.toEqual(expect.arrayContaining(['answer-consultation']));
    expect(mine.proposal?.ruleTrace.map((c) => c.rule)).not.toContain('consultations-clear');
    expect(JSON.stringify(mine)).not.toContain('Known contacts');
    // Nor through the proposal's own record in the timeline.
    expect(JSON.stringify(mine.timeline)).not.toContain('consultations-clear');
    expect(JSON.stringify((staffView as View & { timeline: unknown }).timeline)).toContain('consultations-clear');
  });
});

/** A D visa at the desk on a national ground (Immigration Law s.11(2)); the test clock's today is Monday 2026-11-30. */
const longStay = (overrides: Record<string, unknown> = {}) =>
  application({
    visaType: 'D',
    purpose: undefined,
    nationalGround: 'employment',
    enclosed: ['employer-sponsorship', 'employment-contract'],
    intendedEntry: '2027-01-10',
    intendedExit: '2027-10-31',
    insurance: undefined,
    travelDocument: { number: 'FP777111', country: 'UKR', validUntil: '2030-01-01' },
    means: { kind: 'bank-statement', amountEur: 12000 },
    ...overrides,
  });
const refusal = async (body: Record<string, unknown>) => {
  const res = await officer.request('POST', '/api/migration/visas', body);
  expectStatus(res, 400);
  return (res.json() as Problem).errors?.map((e) => `${e.path}:${e.reason ?? ''}`);
};

describe('a long-stay visa on its national ground', () => {
  it('names its ground, not a purpose: each type’s own fields are refused on the other with their reason', async () => {
    expect(await refusal(longStay({ purpose: 'tourism' }))).toEqual(['purpose:only-for-short-stay']);
    expect(await refusal(longStay({ nationalGround: undefined, enclosed: undefined }))).toEqual(['nationalGround:']);
    expect(await refusal(application({ nationalGround: 'employment', enclosed: ['employment-contract'] }))).toEqual([
      'nationalGround:only-for-long-stay',
      'enclosed:only-for-long-stay',
    ]);
    expect(await refusal(application({ currentStayUntil: '2026-12-20' }))).toEqual([
      'currentStayUntil:only-for-long-stay',
    ]);
    expect(await refusal(application({ purpose: undefined }))).toEqual(['purpose:']);
    // Work is a long-stay ground now, not a purpose of a Schengen journey.
    expect(await refusal(application({ purpose: 'employment' }))).toEqual(['purpose:']);
  });

  it('covers at most a year, and is lodged in Latvia 3 working days before the current stay ends', async () => {
    const long = await officer.request('POST', '/api/migration/visas', longStay({ intendedExit: '2028-01-10' }));
    expect((long.json() as Problem).errors).toMatchObject([
      { path: 'intendedExit', reason: 'stay-beyond-ground', values: { max: 365 } },
    ]);
    // Tuesday, Wednesday and Thursday follow today: a stay ending on Thursday is in time, one ending on Wednesday not.
    expect(await refusal(longStay({ currentStayUntil: '2026-12-02' }))).toEqual([
      'currentStayUntil:in-country-too-late',
    ]);
    const inTime = await officer.request(
      'POST',
      '/api/migration/visas',
      longStay({
        currentStayUntil: '2026-12-03',
        travelDocument: { number: 'FP777112', country: 'UKR', validUntil: '2030-01-01' },
      }),
    );
    expectStatus(inTime, 201);
    expect((inTime.json() as View & { subject: { national: unknown } }).subject.national).toMatchObject({
      ground: 'employment',
      clause: 3,
      maxDays: 365,
      currentStayUntil: '2026-12-03',
      holds: true,
    });
  });

  it('is issued on its ground: the checks show the ground and its documents, the decision the national territory', async () => {
    const lodged = await officer.request('POST', '/api/migration/visas', longStay());
    expectStatus(lodged, 201);
    let view = lodged.json() as View;
    expect(view).toMatchObject({
      caseType: 'visa-d',
      subject: {
        purpose: null,
        national: {
          ground: 'employment',
          documents: [
            { code: 'employer-sponsorship', enclosed: true },
            { code: 'employment-contract', enclosed: true },
          ],
          holds: true,
        },
      },
    });
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    const year = {
      territory: 'national',
      entries: 'multiple',
      validFrom: '2027-01-10',
      validUntil: '2028-01-10',
      durationDays: 365,
    };
    const tooLong = await officer.request('POST', `/api/cases/${view.id}/actions`, {
      kind: 'propose-decision',
      expectedVersion: view.version,
      outcome: 'accept',
      reasoning: 'Employment in Latvia',
      terms: year,
    });
    expect((tooLong.json() as Problem).errors).toMatchObject([
      { path: 'terms.validUntil', reason: 'duration-too-long' },
    ]);
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Employment in Latvia (Immigration Law s.11(2) cl. 3)',
      terms: { ...year, validUntil: '2028-01-09' },
    });
    const trace = view.proposal?.ruleTrace ?? [];
    expect(trace.filter((c) => ['national-ground-fits', 'documents-enclosed'].includes(c.rule))).toEqual([
      expect.objectContaining({ rule: 'national-ground-fits', passed: true }),
      expect.objectContaining({ rule: 'documents-enclosed', passed: true }),
    ]);
    view = await act(decider, view, { kind: 'approve-decision' });
    expect(readMrvIndependently(view.subject.visa?.mrz ?? [])).toMatchObject({ valid: true, type: 'D' });
    const text = (await pdfText((await officer.request('GET', `/api/cases/${view.id}/decision.pdf`)).rawPayload))
      .replace(/\s+/g, ' ')
      .replace(/- /g, '-');
    expect(text, text).toContain('Ground of the long-stay visa');
    expect(text).toContain('Employment in Latvia (Immigration Law, Section 11(2), clause 3)');
    expect(text).toContain('Latvia (national long-stay visa)');
  });

  it('whose ground does not hold shows it in the checks, and is refused on the national ground', async () => {
    // A 60-day exchange is within the Visa Code's limits (a C visa serves), and its confirmation is missing.
    const lodged = await officer.request(
      'POST',
      '/api/migration/visas',
      longStay({
        nationalGround: 'study-exchange',
        enclosed: [],
        intendedExit: '2027-03-10',
        travelDocument: { number: 'FP777113', country: 'UKR', validUntil: '2030-01-01' },
      }),
    );
    expectStatus(lodged, 201);
    let view = lodged.json() as View;
    expect(view.subject).toMatchObject({
      national: { ground: 'study-exchange', clause: 4, minDays: 91, holds: false },
    });
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'reject',
      reasoning: 'The exchange is short and unconfirmed',
      terms: { grounds: ['no-national-ground'] },
    });
    expect(
      view.proposal?.ruleTrace.filter((c) => ['national-ground-fits', 'documents-enclosed'].includes(c.rule)),
    ).toEqual([
      expect.objectContaining({ rule: 'national-ground-fits', passed: false }),
      expect.objectContaining({ rule: 'documents-enclosed', passed: false }),
    ]);
    view = await act(decider, view, { kind: 'approve-decision' });
    const text = (await pdfText((await officer.request('GET', `/api/cases/${view.id}/decision.pdf`)).rawPayload))
      .replace(/\s+/g, ' ')
      .replace(/- /g, '-');
    expect(text).toContain('Pupil or student exchange');
    expect(text).toContain('none of the grounds for a long-stay visa in Section 11(2) of the Immigration Law applies');
  });
});

describe('an invitation', () => {
  it('is submitted by a resident, approved, and cited by a visa application for the person invited', async () => {
    const resident = await signInResident(ctx.app);
    const half = await resident.request('POST', '/api/portal/me/invitations', {
      invitee: {
        givenNames: 'Taras',
        surname: 'Bondarenko',
        sex: 'M',
        birthDate: '1990-09-09',
        nationality: 'UKR',
        travelDocumentNumber: 'FX998877',
      },
      purpose: 'family-visit',
      periodFrom: '2027-02-01',
      periodUntil: '2027-02-28',
      addressInLatvia: 'Brīvības iela 1, Rīga',
      undertakings: { accommodation: true, returnTravel: false, healthCare: true },
    });
    expect((half.json() as Problem).errors?.map((e) => e.reason)).toEqual(['undertakings-required']);
    const invited = await resident.request('POST', '/api/portal/me/invitations', {
      invitee: {
        givenNames: 'Taras',
        surname: 'Bondarenko',
        sex: 'M',
        birthDate: '1990-09-09',
        nationality: 'UKR',
        travelDocumentNumber: 'FX998877',
      },
      purpose: 'family-visit',
      periodFrom: '2027-02-01',
      periodUntil: '2027-02-28',
      addressInLatvia: 'Brīvības iela 1, Rīga',
      undertakings: { accommodation: true, returnTravel: true, healthCare: true },
    });
    expectStatus(invited, 201);
    let view = invited.json() as View;
    expect(view.reference).toMatch(/^IL-2026-\d{6}$/);
    expect(view.subject.payment?.amountCents).toBe(900);
    view = (await officer.request('GET', `/api/cases/${view.id}`)).json() as View;
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'The inviter may invite',
    });
    view = await act(decider, view, { kind: 'approve-decision' });
    expect(view.status).toBe('accepted');

    const other = await officer.request(
      'POST',
      '/api/migration/visas',
      application({ invitationReference: view.reference }),
    );
    expect((other.json() as Problem).errors?.[0]?.reason).toBe('invitation-other-person');
    const cited = await officer.request(
      'POST',
      '/api/migration/visas',
      application({
        givenNames: 'Taras',
        surname: 'Bondarenko',
        sex: 'M',
        birthDate: '1990-09-09',
        invitationReference: view.reference.toLowerCase(),
        intendedEntry: '2027-02-02',
        intendedExit: '2027-02-20',
        insurance: {
          insurer: 'Demo',
          policyNumber: 'P2',
          coverageEur: 30000,
          validFrom: '2027-02-02',
          validUntil: '2027-02-20',
        },
      }),
    );
    expectStatus(cited, 201);
    expect((cited.json() as View).subject.invitation?.reference).toBe(view.reference);
  });
});

describe('an issued visa', () => {
  it('is annulled by a decision-maker on the form’s grounds, once; the form is a PDF', async () => {
    let view = (
      await officer.request(
        'POST',
        '/api/migration/visas',
        application({ givenNames: 'Anna', surname: 'Kravets', birthDate: '1993-07-07' }),
      )
    ).json() as View;
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Met',
      terms: {
        territory: 'uniform',
        entries: 'multiple',
        validFrom: '2027-01-05',
        validUntil: '2027-03-01',
        durationDays: 30,
      },
    });
    view = await act(decider, view, { kind: 'approve-decision' });
    const number = view.subject.visa?.visaNumber as string;
    expectStatus(
      await officer.request('POST', `/api/migration/visas/${number}/end`, {
        kind: 'annulment',
        grounds: ['false-travel-document'],
        reasoning: 'The passport was forged',
      }),
      403,
    );
    const ended = await decider.request('POST', `/api/migration/visas/${number}/end`, {
      kind: 'annulment',
      grounds: ['false-travel-document'],
      reasoning: 'The passport was forged',
    });
    expectStatus(ended, 200);
    expect(ended.json()).toMatchObject({
      status: 'annulled',
      ended: { kind: 'annulment', grounds: ['false-travel-document'] },
    });
    // The holder is told at the application's address.
    const told = await ctx.database.db
      .selectFrom('notifications.outbox')
      .select(['template', 'recipient'])
      .where('template', '=', 'visa-ended')
      .where('eventKey', 'like', `visa:${number}:%`)
      .execute();
    expect(told).toEqual([{ template: 'visa-ended', recipient: 'olena@example.invalid' }]);
    expect(
      (
        await decider.request('POST', `/api/migration/visas/${number}/end`, {
          kind: 'revocation',
          grounds: ['threat'],
          reasoning: 'Ending it again on another ground',
        })
      ).json(),
    ).toMatchObject({ rule: 'visa.already-ended' });
    const pdf = await officer.request('GET', `/api/migration/visas/${number}/ending.pdf`);
    expectStatus(pdf, 200);
    expect(await pdfText(pdf.rawPayload)).toContain(number);
  });
});

// Last in the file: it moves the clock two months on.
describe('a refused visa', () => {
  it('is contested by the applicant; the division’s head, not the refusing decision-maker, overturns it and the visa is issued', async () => {
    const olena = await signInResident(ctx.app, '00000000-0000-4000-8000-000000000009');
    const { payment: _desk, ...online } = application({
      visaType: 'D',
      purpose: undefined,
      nationalGround: 'remote-work',
      enclosed: ['foreign-employer-contract', 'remote-income-proof'],
      means: { kind: 'bank-statement', amountEur: 6000 },
      intendedEntry: '2027-01-12',
      intendedExit: '2027-07-01',
      insurance: undefined,
      travelDocument: { number: 'FP555444', country: 'UKR', validUntil: '2030-01-01' },
    });
    let view = (await olena.request('POST', '/api/portal/me/visas', online)).json() as View;
    view = (await officer.request('GET', `/api/cases/${view.id}`)).json() as View;
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'reject',
      reasoning: 'No ground',
      terms: { grounds: ['no-national-ground'] },
    });
    view = await act(decider, view, { kind: 'approve-decision' });
    const contested = await olena.request('POST', `/api/portal/me/cases/${view.id}/appeal`, {
      reason: 'My employer abroad confirms remote work; letter attached.',
    });
    expectStatus(contested, 201);
    let appeal = contested.json() as View & { appealOf: { reference: string } };
    expect(appeal).toMatchObject({ caseType: 'visa-appeal', appealOf: { reference: view.reference } });
    const head = await signInStaff(ctx.app, 'migration.head');
    const colleague = await signInStaff(ctx.app, 'migration.officer2');
    appeal = (await colleague.request('GET', `/api/cases/${appeal.id}`)).json() as typeof appeal;
    appeal = (await act(colleague, appeal, { kind: 'assign', outOfOrderReason: 'test' })) as typeof appeal;
    expect(
      (
        await officer.request('POST', `/api/cases/${appeal.id}/actions`, {
          kind: 'propose-decision',
          expectedVersion: appeal.version,
          outcome: 'reject',
          reasoning: 'x',
          terms: { grounds: ['no-national-ground'] },
        })
      ).json(),
    ).toMatchObject({ rule: 'case.appeal-needs-other-officer' });
    appeal = (await act(colleague, appeal, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Remote work is a ground (Immigration Law s.11(2))',
      terms: {
        territory: 'national',
        entries: 'multiple',
        validFrom: '2027-01-12',
        validUntil: '2027-07-01',
        durationDays: 171,
      },
    })) as typeof appeal;
    // The decision-maker who refused has no part in the appeal: the case is not theirs to see.
    expectStatus(
      await decider.request('POST', `/api/cases/${appeal.id}/actions`, {
        kind: 'approve-decision',
        expectedVersion: appeal.version,
      }),
      404,
    );
    appeal = (await act(head, appeal, { kind: 'approve-decision' })) as typeof appeal;
    expect(appeal.status).toBe('issued');
    const number = appeal.subject.visa?.visaNumber as string;
    expect(number).toMatch(/^LVA/);

    // The long-stay visa is a right to reside: once its validity has begun, Olena's register data show it.
    type Card = {
      residenceRights: Array<{
        kind: string;
        documentNumber: string;
        validFrom: string;
        validUntil: string | null;
        issuedBy: string | null;
      }>;
    };
    const olenaCard = async (asOf = '') => {
      const res = await officerLater.request(
        'GET',
        `/api/register/persons/00000000-0000-4000-8000-000000000009?reason=${encodeURIComponent('Checking a visa holder')}${asOf}`,
      );
      expectStatus(res, 200);
      return (res.json() as Card).residenceRights;
    };
    // Two months on (sessions from before have long ended: the staff sign in again).
    ctx.clock.set('2027-02-01T10:00:00.000Z');
    const officerLater = await signInStaff(ctx.app, 'migration.officer');
    const deciderLater = await signInStaff(ctx.app, 'migration.decider');
    const headLater = await signInStaff(ctx.app, 'migration.head');
    {
      expect(await olenaCard()).toEqual([
        {
          kind: 'long-stay-visa',
          documentNumber: number,
          validFrom: '2027-01-12',
          validUntil: '2027-07-01',
          issuedBy: appeal.reference,
        },
      ]);
      expect(await olenaCard('&validOn=2027-01-11')).toEqual([]);
      // Annulled, it never held; as the register showed it before the annulment, it did.
      const before = ctx.clock.now().toISOString();
      ctx.clock.advance(60_000);
      expectStatus(
        await headLater.request('POST', `/api/migration/visas/${number}/end`, {
          kind: 'annulment',
          grounds: ['doubts-documents'],
          reasoning: 'The employer’s letter was forged',
        }),
        403,
      );
      expectStatus(
        await deciderLater.request('POST', `/api/migration/visas/${number}/end`, {
          kind: 'annulment',
          grounds: ['doubts-documents'],
          reasoning: 'The employer’s letter was forged',
        }),
        200,
      );
      expect(await olenaCard()).toEqual([]);
      expect((await olenaCard(`&recordedAt=${encodeURIComponent(before)}`)).map((r) => r.documentNumber)).toEqual([
        number,
      ]);
    }
  });
});
