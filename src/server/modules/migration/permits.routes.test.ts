/**
 * Residence through the API: what an application needs (fee by tier, deadline, documents); an application
 * refused as lodged when it cannot be admitted; a first temporary permit for a person not in the register,
 * examined and granted by a second person: the person is registered with a personal code, the right recorded
 * in the register, the permit kept; the card made through the document application for the permit's term; the
 * permit cancelled (right ended, card invalid, holder told); an online application refused on its grounds;
 * an EU citizen's registration certificate, free and without end.
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
import { passportPhoto } from '../../../test/photos.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { parseMrz } from '../../../shared/kernel/mrz.ts';
import { plainDate } from '../../../shared/kernel/plain-date.ts';

type Problem = { code: string; rule?: string; errors?: Array<{ path: string; reason?: string }> };
type Permit = {
  permitNumber: string;
  kind: string;
  validFrom: string;
  validUntil: string | null;
  cardValidUntil: string | null;
  status: string;
  cancelled: { grounds: string[] } | null;
};
type View = {
  id: string;
  reference: string;
  caseType: string;
  status: string;
  version: number;
  dueOn: string | null;
  availableActions: string[];
  applicantPersonId: string | null;
  subject: {
    kind: string;
    personId: string | null;
    personalCode: string | null;
    documents: Array<{ code: string; enclosed: boolean }>;
    fee: { amountCents: number };
    payment: { amountCents: number } | null;
    permit: Permit | null;
  };
  proposal: { ruleTrace: Array<{ rule: string; passed: boolean }> } | null;
  decision: { outcome: string; legalBasis: string; terms?: Record<string, unknown> } | null;
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

const ALL_FOR_EMPLOYMENT = [
  'application-form',
  'travel-document-copy',
  'photo',
  'criminal-record',
  'invitation',
  'employment-contract',
  'means-of-subsistence',
  'health-insurance',
];
/** The test clock's today is 2026-11-30. */
const application = (overrides: Record<string, unknown> = {}) => ({
  permitKind: 'temporary',
  ground: 'employment',
  application: 'first',
  tier: 'standard',
  givenNames: 'Arjun',
  surname: 'Raman',
  sex: 'M',
  birthDate: '1990-04-02',
  birthCountry: 'IND',
  nationality: 'IND',
  travelDocument: { number: 'z 1234567', country: 'IND', validUntil: '2031-01-01' },
  requestedUntil: '2028-11-30',
  sponsor: 'SIA Demo Software',
  monthlyIncomeEur: 2400,
  addressInLatvia: 'Brīvības iela 1, Rīga',
  enclosed: ALL_FOR_EMPLOYMENT,
  language: 'en',
  contactEmail: 'arjun@example.invalid',
  payment: { method: 'card' },
  ...overrides,
});

describe('what an application needs', () => {
  const quote = (q: string) => ctx.app.inject({ method: 'GET', url: `/api/public/permits/quote?${q}` });
  it('gives the fee of the tier, the deadline and the documents of the ground', async () => {
    expect((await quote('permitKind=temporary&ground=employment&tier=standard')).json()).toMatchObject({
      amountCents: 10000,
      tiers: ['standard', 'fast', 'express'],
      deadline: { unit: 'calendar-days', limit: 30 },
      monthlyIncomeNeededEur: 620,
      documents: [
        'application-form',
        'travel-document-copy',
        'photo',
        'criminal-record',
        'invitation',
        'employment-contract',
        'means-of-subsistence',
        'health-insurance',
      ],
    });
    expect((await quote('permitKind=temporary&ground=study&tier=standard')).json()).toMatchObject({
      amountCents: 7000,
    });
    expect((await quote('permitKind=temporary&ground=family&tier=express')).json()).toMatchObject({
      amountCents: 40000,
      deadline: { unit: 'working-days', limit: 5 },
      monthlyIncomeNeededEur: null,
    });
    expect(
      (await quote('permitKind=eu-long-term-resident&ground=five-years-residence&tier=fast')).json(),
    ).toMatchObject({ amountCents: 28000, tiers: ['standard', 'fast'] });
    expect((await quote('permitKind=eu-registration-certificate&ground=worker&tier=fast')).json()).toMatchObject({
      amountCents: 0,
      deadline: { unit: 'working-days', limit: 10 },
    });
    const wrong = await quote('permitKind=permanent&ground=study');
    expectStatus(wrong, 400);
    expect((wrong.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual([
      'ground:ground-not-for-kind',
    ]);
    expect(
      ((await quote('permitKind=permanent&ground=five-years-temporary&tier=express')).json() as Problem).errors?.map(
        (e) => e.reason,
      ),
    ).toEqual(['tier-not-offered']);
  });
});

describe('a first temporary permit lodged at the desk', () => {
  it('refuses an application that cannot be admitted, naming each field', async () => {
    const res = await officer.request(
      'POST',
      '/api/migration/permits',
      application({
        ground: 'five-years-residence',
        nationality: 'DEU',
        travelDocument: { number: 'Z1234567', country: 'IND', validUntil: '2026-11-01' },
        requestedUntil: '2034-01-01',
      }),
    );
    expectStatus(res, 400);
    expect((res.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual(
      expect.arrayContaining([
        'ground:ground-not-for-kind',
        'permitKind:eu-citizen-registers',
        'travelDocument.validUntil:document-expired',
        'requestedUntil:term-too-long',
      ]),
    );
    const renewal = await officer.request('POST', '/api/migration/permits', application({ application: 'renewal' }));
    expect((renewal.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual([
      'personId:registered-person-needed',
    ]);
    const permanent = await officer.request(
      'POST',
      '/api/migration/permits',
      application({ permitKind: 'permanent', ground: 'five-years-temporary', sponsor: undefined }),
    );
    expect((permanent.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual([
      'personId:registered-person-needed',
    ]);
  });

  it('is granted by a second person: the person is registered, the right recorded, the card made for its term, then cancelled', async () => {
    let view = (await officer.request('POST', '/api/migration/permits', application())).json() as View;
    expect(view).toMatchObject({
      caseType: 'residence-permit',
      status: 'submitted',
      dueOn: '2026-12-30',
      subject: { fee: { amountCents: 10000 }, payment: { amountCents: 10000 }, personId: null },
    });
    expect(view.reference).toMatch(/^UA-2026-\d{6}$/);
    expect(view.subject.documents.every((d) => d.enclosed)).toBe(true);
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    const tooLong = await officer.request('POST', `/api/cases/${view.id}/actions`, {
      kind: 'propose-decision',
      expectedVersion: view.version,
      outcome: 'accept',
      reasoning: 'Employment confirmed',
      terms: { validFrom: '2026-12-01', validUntil: '2032-01-01' },
    });
    expect((tooLong.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual([
      'terms.validUntil:term-too-long',
    ]);
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Employment confirmed',
      terms: { validFrom: '2026-11-30', validUntil: '2028-11-29' },
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
    expect(view.status).toBe('accepted');
    // The decision rests on the article of its own kind (a temporary permit: s.23), not on every law of the type.
    expect(view.decision?.legalBasis).toBe('Imigrācijas likums, 23. pants');
    expect(view.subject.personalCode).toMatch(/^3\d{10}$/);
    const personId = view.subject.personId as string;
    expect(view.subject.permit).toMatchObject({
      permitNumber: view.reference,
      kind: 'temporary',
      validFrom: '2026-11-30',
      validUntil: '2028-11-29',
      cardValidUntil: '2028-11-29',
      status: 'valid',
    });
    const text = await pdfText((await officer.request('GET', `/api/cases/${view.id}/decision.pdf`)).rawPayload);
    expect(text).toContain(view.reference);
    expect(text).toContain('2028');

    // The register knows the person (a foreigner of India) and their right to reside from its first day.
    const card = (
      await officer.request('GET', `/api/register/persons/${personId}?caseReference=${view.reference}`)
    ).json() as {
      legalStatus: string;
      citizenships: string[];
      residenceRights: Array<{ kind: string; documentNumber: string; validTo: string | null }>;
    };
    expect(card).toMatchObject({ legalStatus: 'foreigner', citizenships: ['IND'] });
    expect(card.residenceRights).toEqual([
      expect.objectContaining({ kind: 'temporary-permit', documentNumber: view.reference }),
    ]);

    // The card: taken at the desk (biometrics), approved by a second officer, made, handed over; valid for the permit's term.
    const cardNumber = await makeResidenceCard(personId);
    const docs = (
      await (
        await signInStaff(ctx.app, 'document.officer')
      ).request('GET', `/api/documents/persons/${personId}?reason=test`)
    ).json() as {
      documents: Array<{ id: string; number: string; type: string; validUntil: string; status: string; mrz: string[] }>;
    };
    const residenceCard = docs.documents.find((d) => d.number === cardNumber);
    expect(residenceCard).toMatchObject({ type: 'residence-permit-card', validUntil: '2028-11-29', status: 'valid' });
    expect(parseMrz(residenceCard?.mrz ?? [], { today: plainDate('2026-11-30') })).toMatchObject({
      valid: true,
      documentNumber: cardNumber,
      nationality: 'IND',
      surname: 'RAMAN',
    });

    // Cancelled later: only a decision-maker may; from today or a later day, never for days already lived.
    expectStatus(
      await officer.request('POST', `/api/migration/permits/${view.reference}/cancel`, {
        grounds: ['ground-ceased'],
        effectiveOn: '2026-11-30',
        reasoning: 'The employment contract was terminated.',
      }),
      403,
    );
    ctx.clock.set('2027-03-01T10:00:00Z');
    const head = await signInStaff(ctx.app, 'migration.decider');
    const reasoning = 'The employment contract was terminated in February.';
    const early = await head.request('POST', `/api/migration/permits/${view.reference}/cancel`, {
      grounds: ['ground-ceased'],
      effectiveOn: '2027-02-28',
      reasoning,
    });
    expect((early.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual(['effectiveOn:before-today']);
    const late = await head.request('POST', `/api/migration/permits/${view.reference}/cancel`, {
      grounds: ['ground-ceased'],
      effectiveOn: '2028-11-30',
      reasoning,
    });
    expect((late.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual([
      'effectiveOn:after-permit-end',
    ]);
    // Another branch's decision-maker does not find it.
    const elsewhere = await signInStaff(ctx.app, 'decision.maker');
    expect(
      (
        await elsewhere.request('POST', `/api/migration/permits/${view.reference}/cancel`, {
          grounds: ['ground-ceased'],
          effectiveOn: '2027-03-01',
          reasoning,
        })
      ).statusCode,
    ).not.toBe(200);
    const cancelled = await head.request('POST', `/api/migration/permits/${view.reference}/cancel`, {
      grounds: ['ground-ceased', 'ground-ceased'],
      effectiveOn: '2027-03-01',
      reasoning,
    });
    expectStatus(cancelled, 200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelled: { grounds: ['ground-ceased'] } });
    expect(
      (
        await head.request('POST', `/api/migration/permits/${view.reference}/cancel`, {
          grounds: ['threat'],
          effectiveOn: '2027-03-01',
          reasoning,
        })
      ).json(),
    ).toMatchObject({ rule: 'permit.already-cancelled' });

    // The register: the right held until the day before; the card is invalid from that day for anyone who checks.
    const rightsOn = async (day: string) =>
      (
        (
          await head.request('GET', `/api/register/persons/${personId}?validOn=${day}&caseReference=${view.reference}`)
        ).json() as { residenceRights: unknown[] }
      ).residenceRights;
    expect(await rightsOn('2027-02-28')).toHaveLength(1);
    expect(await rightsOn('2027-03-01')).toHaveLength(0);
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/public/documents/${cardNumber}/validity` })).json(),
    ).toMatchObject({ status: 'invalid', invalidSince: '2027-03-01' });
    expect((await head.request('GET', `/api/migration/permits/${view.reference}`)).json()).toMatchObject({
      status: 'cancelled',
    });
    // The decision, in the holder's language, with the ground ticked.
    const decision = await pdfText(
      (await head.request('GET', `/api/migration/permits/${view.reference}/cancellation.pdf`)).rawPayload,
    );
    expect(decision).toContain(view.reference);
    expect(decision).toMatch(/Holder: Arjun Raman, born/);
    expect(decision).toContain('☒ the ground on which it was granted no longer exists');
    // The holder is told at the application's address.
    const admin = await signInStaff(ctx.app, 'admin');
    const outbox = (await admin.request('GET', '/api/notifications/outbox?limit=500')).json() as {
      messages: Array<{ template: string; recipient: string }>;
    };
    expect(outbox.messages).toContainEqual(
      expect.objectContaining({ template: 'permit-cancelled', recipient: 'arjun@example.invalid' }),
    );
  });
});

describe('an online application and an EU citizen’s registration', () => {
  const OLENA = '00000000-0000-4000-8000-000000000009';
  it('is refused on its grounds when the documents are missing; a citizen of Latvia needs no permit', async () => {
    ctx.clock.set('2026-11-30T10:00:00Z');
    const citizen = await signInResident(ctx.app);
    const refused = await citizen.request(
      'POST',
      '/api/portal/me/permits',
      application({ payment: undefined, application: 'first' }),
    );
    expect((refused.json() as Problem).errors?.map((e) => e.reason)).toEqual(['not-for-status']);
    const olena = await signInResident(ctx.app, OLENA);
    const body = application({
      payment: undefined,
      givenNames: 'Whoever',
      enclosed: ['application-form', 'photo'],
      monthlyIncomeEur: 300,
      language: 'lv',
    });
    delete (body as Record<string, unknown>)['payment'];
    const opened = await olena.request('POST', '/api/portal/me/permits', body);
    expectStatus(opened, 201);
    let view = opened.json() as View;
    expect(view).toMatchObject({
      caseType: 'residence-permit',
      subject: { personId: OLENA, payment: { amountCents: 10000 } },
    });
    const officer2 = await signInStaff(ctx.app, 'migration.officer');
    const decider2 = await signInStaff(ctx.app, 'migration.decider');
    view = (await officer2.request('GET', `/api/cases/${view.id}`)).json() as View;
    view = await act(officer2, view, { kind: 'assign', outOfOrderReason: 'test' });
    view = await act(officer2, view, {
      kind: 'propose-decision',
      outcome: 'reject',
      reasoning: 'The criminal record and the employment contract were not submitted.',
      terms: { grounds: ['documents-incomplete', 'no-means-of-subsistence'] },
    });
    expect(view.proposal?.ruleTrace.filter((c) => !c.passed).map((c) => c.rule)).toEqual([
      'documents-enclosed',
      'income-sufficient',
    ]);
    view = await act(decider2, view, { kind: 'approve-decision' });
    expect(view).toMatchObject({
      status: 'rejected',
      decision: { outcome: 'reject', terms: { grounds: ['documents-incomplete', 'no-means-of-subsistence'] } },
      subject: { permit: null },
    });
    const mine = (await olena.request('GET', `/api/portal/me/cases/${view.id}`)).json() as View;
    expect(mine.status).toBe('rejected');
    const text = await pdfText((await olena.request('GET', `/api/portal/me/cases/${view.id}/decision.pdf`)).rawPayload);
    expect(text).toContain('nav iesniegti nepieciešamie dokumenti');
  });

  it('finds an applicant already in the register before a grant would give them a second code; a renewal needs a permit to renew', async () => {
    const officer = await signInStaff(ctx.app, 'migration.officer');
    const olena = (await officer.request('GET', `/api/register/persons/${OLENA}?reason=test`)).json() as {
      personalCode: string;
      givenNames: string;
      surname: string;
      birthDate: string;
    };
    const renewal = await officer.request(
      'POST',
      '/api/migration/permits',
      application({ personId: OLENA, application: 'renewal', nationality: 'UKR' }),
    );
    expect((renewal.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual([
      'application:no-residence-right',
    ]);
    let view = (
      await officer.request(
        'POST',
        '/api/migration/permits',
        application({
          givenNames: olena.givenNames,
          surname: olena.surname,
          birthDate: olena.birthDate,
          nationality: 'UKR',
        }),
      )
    ).json() as View;
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    const proposed = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Employment confirmed',
      terms: { validFrom: '2026-11-30', validUntil: '2027-11-29' },
      acknowledgeFailedChecks: true,
      overrideReason: 'The missing evidence was seen in person.',
    });
    expect(proposed.proposal?.ruleTrace.find((c) => c.rule === 'no-likely-duplicate')).toMatchObject({ passed: false });
    // The officer takes it back, links the registered person, and the check no longer applies.
    view = await act(officer, proposed, { kind: 'withdraw', reason: 'Lodged again for the registered person' });
    expect(view.status).toBe('withdrawn');
    view = (
      await officer.request(
        'POST',
        '/api/migration/permits',
        application({
          givenNames: olena.givenNames,
          surname: olena.surname,
          birthDate: olena.birthDate,
          nationality: 'UKR',
        }),
      )
    ).json() as View;
    view = await act(officer, view, {
      kind: 'link-applicant',
      personalCode: olena.personalCode,
      reason: 'Found in the register',
    });
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Employment confirmed',
      terms: { validFrom: '2026-11-30', validUntil: '2027-11-29' },
    });
    expect(view.proposal?.ruleTrace.map((c) => c.rule)).not.toContain('no-likely-duplicate');
    view = await act(await signInStaff(ctx.app, 'migration.decider'), view, { kind: 'approve-decision' });
    expect(view.subject).toMatchObject({
      personId: OLENA,
      personalCode: olena.personalCode,
      permit: { status: 'valid' },
    });
  });

  it('gives an EU citizen a registration certificate without a fee and without end', async () => {
    const officer = await signInStaff(ctx.app, 'migration.officer');
    const decider = await signInStaff(ctx.app, 'migration.decider');
    const eu = {
      permitKind: 'eu-registration-certificate',
      ground: 'worker',
      tier: 'fast',
      givenNames: 'Lena',
      surname: 'Becker',
      sex: 'F',
      birthDate: '1994-07-07',
      birthCountry: 'DEU',
      nationality: 'DEU',
      travelDocument: { number: 'C01X00T47', country: 'DEU', validUntil: '2030-01-01' },
      sponsor: 'SIA Demo Logistics',
      enclosed: ['application-form', 'eu-identity-document', 'activity-proof'],
      requestedUntil: undefined,
    };
    const withEnd = await officer.request(
      'POST',
      '/api/migration/permits',
      application({ ...eu, requestedUntil: '2027-01-01' }),
    );
    expect(withEnd.statusCode, withEnd.body).toBe(400);
    expect((withEnd.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual([
      'requestedUntil:term-has-no-end',
    ]);
    let view = (await officer.request('POST', '/api/migration/permits', application(eu))).json() as View;
    expect(view).toMatchObject({
      caseType: 'eu-residence',
      dueOn: '2026-12-14',
      subject: { fee: { amountCents: 0 }, payment: null },
    });
    expect(view.reference).toMatch(/^ES-2026-\d{6}$/);
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    const ending = await officer.request('POST', `/api/cases/${view.id}/actions`, {
      kind: 'propose-decision',
      expectedVersion: view.version,
      outcome: 'accept',
      reasoning: 'Works in Latvia',
      terms: { validFrom: '2026-11-30', validUntil: '2031-11-29' },
    });
    expect((ending.json() as Problem).errors?.map((e) => `${e.path}:${e.reason}`)).toEqual([
      'terms.validUntil:term-has-no-end',
    ]);
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Works in Latvia',
      terms: { validFrom: '2026-11-30', validUntil: null },
    });
    expect(view.proposal?.ruleTrace.map((c) => c.rule)).not.toContain('fee-paid');
    view = await act(decider, view, { kind: 'approve-decision' });
    expect(view.subject.permit).toMatchObject({
      kind: 'eu-registration-certificate',
      validUntil: null,
      status: 'valid',
    });
  });
});

/** A residence permit card through the document application at the desk, as the document officers make any card. */
async function makeResidenceCard(personId: string): Promise<string> {
  const docOfficer = await signInStaff(ctx.app, 'document.officer');
  const docOfficer2 = await signInStaff(ctx.app, 'document.officer2');
  const supervisor = await signInStaff(ctx.app, 'supervisor');
  const taken = await docOfficer.request('POST', '/api/documents/applications', {
    personId,
    documentType: 'residence-permit-card',
    tier: 'standard',
    reason: 'first',
    identity: { method: 'biometric-match' },
    photo: passportPhoto(),
    payment: { method: 'card' },
  });
  expectStatus(taken, 201);
  let view = taken.json() as View;
  expect(view.proposal?.ruleTrace.find((c) => c.rule === 'status-allows-document')?.passed).toBe(true);
  view = await act(docOfficer2, view, { kind: 'approve-decision' });
  const batch = (await supervisor.request('POST', '/api/documents/production-batches')).json() as {
    id: string;
    items: Array<{ documentNumber: string; caseReference: string }>;
  };
  const number = batch.items.find((i) => i.caseReference === view.reference)?.documentNumber as string;
  expectStatus(
    await supervisor.request('POST', `/api/documents/production-batches/${batch.id}/confirmations`, {
      items: [{ documentNumber: number, result: 'produced' }],
    }),
    200,
  );
  view = (await docOfficer.request('GET', `/api/cases/${view.id}`)).json() as View;
  expectStatus(
    await docOfficer.request('POST', `/api/documents/applications/${view.id}/hand-over`, {
      expectedVersion: view.version,
      identity: { method: 'biometric-match' },
      receivedBy: 'Arjun Raman',
    }),
    200,
  );
  return number;
}
