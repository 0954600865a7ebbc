/**
 * A case whose applicant is not in the register: the inclusion of a person in the Natural Persons
 * Register. Opened at the desk, decided by two people, and on approval the person is registered and the
 * case linked to them; an applicant found already registered is linked by the officer instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  signInResident,
  signInStaff,
  type Client,
  type TestContext,
} from '../../../../test/test-app.ts';
import { act, expectStatus } from '../../../../test/case-actions.ts';

const JANIS = '00000000-0000-4000-8000-000000000001';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

type Subject = {
  kind: string;
  personId: string | null;
  personalCode: string | null;
  personName: string;
  candidates: Array<{ personId: string; personalCode: string }>;
};
type View = {
  id: string;
  reference: string;
  caseType: string;
  status: string;
  version: number;
  applicantName: string;
  canAppeal: boolean;
  availableActions: string[];
  subject: Subject;
  proposal: { ruleTrace: Array<{ rule: string; passed: boolean }> } | null;
  decision: { outcome: string } | null;
  timeline: Array<{ kind: string; actor: { kind: string } }>;
};
type Problem = { code: string; errors?: Array<{ path: string; reason?: string }> };

let ctx: TestContext;
let registrar: Client;
let senior: Client;
let chief: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  registrar = await signInStaff(ctx.app, 'registrar');
  senior = await signInStaff(ctx.app, 'senior.registrar');
  chief = await signInStaff(ctx.app, 'decision.maker');
});
afterAll(() => ctx.close());

const applicant = (overrides: Record<string, unknown> = {}) => ({
  givenNames: 'Oksana',
  surname: 'Kovalenko',
  sex: 'F',
  birthDate: '1991-04-17',
  birthCountry: 'ukr',
  legalStatus: 'foreigner',
  citizenships: ['UKR'],
  foreignDocument: { number: 'fx123456', country: 'UKR' },
  explanation: 'Needs a personal code for an employment contract',
  language: 'en',
  contactEmail: 'oksana@example.invalid',
  documents: [{ kind: 'identity-document', fileName: 'passport.pdf', contentBase64: PDF }],
  ...overrides,
});

async function open(body: Record<string, unknown> = applicant(), key?: string): Promise<View> {
  const res = key
    ? await ctx.app.inject({
        method: 'POST',
        url: '/api/cases/inclusions',
        payload: body,
        headers: {
          cookie: registrar.cookie as string,
          'x-csrf-token': registrar.csrf as string,
          'idempotency-key': key,
        },
      })
    : await registrar.request('POST', '/api/cases/inclusions', body);
  expectStatus(res, 201);
  return res.json() as View;
}
async function problem(res: { statusCode: number; json(): unknown }, status: number): Promise<Problem> {
  expect(res.statusCode).toBe(status);
  return res.json() as Problem;
}

describe('inclusion of a person not in the register', () => {
  let view: View;

  it('is opened at the desk with an identity document: no person, no personal code yet, a receipt that sends them to a branch', async () => {
    view = await open();
    expect(view.reference).toMatch(/^IR-2026-\d{6}$/);
    expect(view).toMatchObject({
      caseType: 'register-inclusion',
      status: 'submitted',
      applicantName: 'Oksana Kovalenko',
      canAppeal: false,
    });
    expect(view.subject).toMatchObject({
      kind: 'inclusion',
      personId: null,
      personalCode: null,
      birthCountry: 'UKR',
      foreignDocument: { number: 'FX123456', country: 'UKR' },
      candidates: [],
    });
    await ctx.app.backgroundJobs.deliverOutbox();
    const admin = await signInStaff(ctx.app, 'admin');
    const outbox = (await admin.request('GET', '/api/notifications/outbox?limit=500')).json() as {
      messages: Array<{ recipient: string; template: string; body: string | null }>;
    };
    const receipt = outbox.messages.find(
      (m) => m.recipient === 'oksana@example.invalid' && m.template === 'case-received',
    );
    expect(receipt?.body).toContain('at any branch');
    expect(receipt?.body).not.toContain('My applications');
  });

  it('refuses what the register would refuse, each with its field and reason', async () => {
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ birthDate: '2030-01-01' }, 'birthDate', 'future-date'],
      [{ birthCountry: 'XYZ' }, 'birthCountry', 'unknown-country'],
      [{ foreignDocument: { number: 'A1', country: 'QQQ' } }, 'foreignDocument.country', 'unknown-country'],
      [{ legalStatus: 'citizen', citizenships: ['UKR'] }, 'citizenships', 'citizen-needs-lva'],
      [{ legalStatus: 'stateless', citizenships: ['UKR'] }, 'citizenships', 'no-citizenship'],
      [{ documents: [] }, 'documents', undefined],
      [
        { documents: [{ fileName: 'x.exe', contentBase64: Buffer.from('MZ not a pdf').toString('base64') }] },
        'documents.0.contentBase64',
        'file-type',
      ],
    ];
    for (const [override, path, reason] of cases) {
      const p = await problem(await registrar.request('POST', '/api/cases/inclusions', applicant(override)), 400);
      expect(p.code).toBe('VALIDATION_FAILED');
      expect(p.errors?.[0], JSON.stringify(override)).toMatchObject({ path, ...(reason ? { reason } : {}) });
    }
    // A decision-maker does not take applications.
    expect((await problem(await chief.request('POST', '/api/cases/inclusions', applicant()), 403)).code).toBe(
      'FORBIDDEN',
    );
  });

  it('a repeated request with the same Idempotency-Key opens one case', async () => {
    const first = await open(applicant({ givenNames: 'Taras' }), 'inclusion-key-1');
    const again = await open(applicant({ givenNames: 'Taras' }), 'inclusion-key-1');
    expect(again.id).toBe(first.id);
    expect(again.reference).toBe(first.reference);
  });

  it('a registrar who is also a decision-maker proposes the inclusion, with the duplicate check in the rule trace, and cannot approve it', async () => {
    view = await act(senior, view, { kind: 'assign', outOfOrderReason: 'test' });
    view = await act(senior, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Identity established from the passport; not in the register.',
    });
    expect(view.proposal?.ruleTrace).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'no-likely-duplicate', passed: true }),
        expect.objectContaining({ rule: 'evidence-attached', passed: true }),
      ]),
    );
    expect(view.availableActions).not.toContain('approve-decision');
    expect(
      (
        await problem(
          await senior.request('POST', `/api/cases/${view.id}/actions`, {
            kind: 'approve-decision',
            expectedVersion: view.version,
          }),
          403,
        )
      ).code,
    ).toBe('FOUR_EYES_REQUIRED');
  });

  it('a second person approves: the register gains the person with a new-format code, and the case is linked to them by a system action', async () => {
    view = await act(chief, view, { kind: 'approve-decision' });
    expect(view.status).toBe('accepted');
    expect(view.subject.personId).toMatch(/^[0-9a-f-]{36}$/);
    expect(view.subject.personalCode).toMatch(/^3[2-9]\d{9}$/);
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'link-applicant', actor: { kind: 'system' } });
    const person = (
      await registrar.request(
        'GET',
        `/api/register/persons/by-code/${view.subject.personalCode}?caseReference=${view.reference}`,
      )
    ).json() as Record<string, unknown>;
    expect(person).toMatchObject({
      id: view.subject.personId,
      givenNames: 'Oksana',
      surname: 'Kovalenko',
      birthDate: '1991-04-17',
      legalStatus: 'foreigner',
      citizenships: ['UKR'],
    });
    const history = (
      await registrar.request(
        'GET',
        `/api/register/persons/${view.subject.personId}/history?caseReference=${view.reference}`,
      )
    ).json() as { events: Array<{ kind: string; sourceDocument: string }> };
    expect(history.events).toEqual([
      expect.objectContaining({ kind: 'registration', sourceDocument: expect.stringContaining(view.reference) }),
    ]);
    // The decision names the personal code; the message tells the person where to collect it.
    const pdf = await registrar.request('GET', `/api/cases/${view.id}/decision.pdf`);
    expect(pdf.statusCode).toBe(200);
    await ctx.app.backgroundJobs.deliverOutbox();
    const admin = await signInStaff(ctx.app, 'admin');
    const outbox = (await admin.request('GET', '/api/notifications/outbox?limit=500')).json() as {
      messages: Array<{ recipient: string; template: string; body: string | null }>;
    };
    const decided = outbox.messages.find(
      (m) => m.recipient === 'oksana@example.invalid' && m.template === 'decision-made',
    );
    expect(decided?.body).toContain('you are included in the Natural Persons Register');
    expect(decided?.body).toContain('at any branch');
  });
});

describe('an applicant who is already in the register', () => {
  let view: View;
  let janis: { personalCode: string; givenNames: string; surname: string; birthDate: string };

  it('is shown to the officer as a likely duplicate when the case opens', async () => {
    janis = (await registrar.request('GET', `/api/register/persons/${JANIS}?reason=test`)).json() as typeof janis;
    view = await open(
      applicant({
        givenNames: janis.givenNames,
        surname: janis.surname,
        birthDate: janis.birthDate,
        sex: 'M',
        contactEmail: 'janis@example.invalid',
      }),
    );
    expect(view.subject.candidates).toEqual(
      expect.arrayContaining([expect.objectContaining({ personId: JANIS, personalCode: janis.personalCode })]),
    );
    view = await act(registrar, view, { kind: 'assign', outOfOrderReason: 'test' });
  });

  it('the officer links the applicant to the registered person (an unknown code is refused; a second link too)', async () => {
    const unknown = await problem(
      await registrar.request('POST', `/api/cases/${view.id}/actions`, {
        kind: 'link-applicant',
        expectedVersion: view.version,
        personalCode: '329999-99999',
        reason: 'same person',
      }),
      400,
    );
    expect(unknown.errors?.[0]).toMatchObject({ path: 'personalCode', reason: 'unknown-person' });
    view = await act(registrar, view, {
      kind: 'link-applicant',
      personalCode: janis.personalCode,
      reason: 'Same person: the passport matches the register',
    });
    expect(view.subject).toMatchObject({ personId: JANIS, personalCode: janis.personalCode });
    expect(view.availableActions).not.toContain('link-applicant');
    expect(
      (
        await problem(
          await registrar.request('POST', `/api/cases/${view.id}/actions`, {
            kind: 'link-applicant',
            expectedVersion: view.version,
            personalCode: janis.personalCode,
            reason: 'again',
          }),
          409,
        )
      ).code,
    ).toBe('INVALID_STATE');
  });

  it('an inclusion of someone already registered cannot be accepted; the refusal says why, and registers nobody', async () => {
    const accept = await problem(
      await registrar.request('POST', `/api/cases/${view.id}/actions`, {
        kind: 'propose-decision',
        expectedVersion: view.version,
        outcome: 'accept',
        reasoning: 'x',
      }),
      400,
    );
    expect(accept.errors?.[0]).toMatchObject({ path: 'outcome', reason: 'already-registered' });
    view = await act(registrar, view, {
      kind: 'propose-decision',
      outcome: 'reject',
      reasoning: 'The applicant is already in the register.',
    });
    expect(view.proposal?.ruleTrace).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'not-yet-registered', passed: false })]),
    );
    const search = `/api/register/persons?q=${encodeURIComponent(`${janis.givenNames} ${janis.surname}`)}&birthDate=${janis.birthDate}&reason=test`;
    const found = (await registrar.request('GET', search)).json() as { results: unknown[] };
    expect(found.results.length).toBeGreaterThan(0);
    view = await act(senior, view, { kind: 'approve-decision' });
    expect(view).toMatchObject({ status: 'rejected', decision: { outcome: 'reject' } });
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'approve-decision' });
    const after = (await registrar.request('GET', search)).json() as { results: unknown[] };
    expect(after.results.length).toBe(found.results.length);
  });

  it('once linked, the registered person finds the case in the portal, without the other persons it was compared with', async () => {
    const resident = await signInResident(ctx.app, JANIS);
    const mine = (await resident.request('GET', '/api/portal/me/cases')).json() as { cases: View[] };
    expect(mine.cases.map((c) => c.id)).toContain(view.id);
    const own = (await resident.request('GET', `/api/portal/me/cases/${view.id}`)).json() as View;
    expect(own.subject).toMatchObject({ kind: 'inclusion', personId: JANIS, candidates: [] });
    expect(own.canAppeal).toBe(false);
  });
});

describe('a withdrawal handed in at the desk', () => {
  it('is recorded by the officer with its reason: the applicant cannot sign in to do it', async () => {
    let view = await open(applicant({ givenNames: 'Mykola', sex: 'M' }));
    view = await act(registrar, view, { kind: 'withdraw', reason: 'Withdrawn in writing at the branch' });
    expect(view).toMatchObject({ status: 'withdrawn', availableActions: [] });
  });
});
