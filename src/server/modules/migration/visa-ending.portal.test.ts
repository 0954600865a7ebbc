/**
 * What the resident reads of their own visa and invitation cases in the portal: the decision that annulled or
 * revoked their visa (the same form the office keeps, for the case's applicant only, audited as their read),
 * the ending in the case's timeline, and in "My applications" whom an invitation invites.
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

const OLENA = '00000000-0000-4000-8000-000000000009';
type View = {
  id: string;
  reference: string;
  version: number;
  status: string;
  subject: { visa: { visaNumber: string } | null };
  timeline: Array<{ kind: string; on: string; actor: { name: string | null }; details: Record<string, unknown> }>;
};

let ctx: TestContext;
let officer: Client;
let decider: Client;
let olena: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  officer = await signInStaff(ctx.app, 'migration.officer');
  decider = await signInStaff(ctx.app, 'migration.decider');
  olena = await signInResident(ctx.app, OLENA);
});
afterAll(() => ctx?.close());

/** A short-stay visa Olena applies for online (the test clock's today is 2026-11-30). */
const onlineApplication = {
  visaType: 'C',
  givenNames: 'Olena',
  surname: 'Shevchenko',
  sex: 'F',
  birthDate: '1988-02-14',
  nationality: 'UKR',
  travelDocument: { number: 'FP123456', country: 'UKR', validUntil: '2029-05-01' },
  purpose: 'tourism',
  intendedEntry: '2027-01-10',
  intendedExit: '2027-01-24',
  entriesRequested: 'single',
  insurance: {
    insurer: 'Demo Insurance',
    policyNumber: 'TMI-9',
    coverageEur: 30000,
    validFrom: '2027-01-10',
    validUntil: '2027-01-24',
  },
  means: { kind: 'bank-statement', amountEur: 1500 },
  language: 'en',
  contactEmail: 'olena@example.invalid',
};

describe('a resident whose visa is revoked', () => {
  it('downloads the revocation from her own case, reads it in the timeline; nobody else gets it', async () => {
    const applied = await olena.request('POST', '/api/portal/me/visas', onlineApplication);
    expectStatus(applied, 201);
    let view = (await officer.request('GET', `/api/cases/${(applied.json() as View).id}`)).json() as View;
    view = await act(officer, view, { kind: 'assign', outOfOrderReason: 'test' });
    // Whether every check passed is not this test's matter: the grants say they saw any that did not.
    view = await act(officer, view, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Met',
      acknowledgeFailedChecks: true,
      overrideReason: 'The missing evidence was seen in person.',
      terms: {
        territory: 'uniform',
        entries: 'single',
        validFrom: '2027-01-10',
        validUntil: '2027-01-24',
        durationDays: 15,
      },
    });
    view = await act(decider, view, { kind: 'approve-decision', acknowledgeFailedChecks: true });
    const number = view.subject.visa?.visaNumber as string;
    const pdfUrl = `/api/portal/me/cases/${view.id}/visa-ending.pdf`;
    expectStatus(await olena.request('GET', pdfUrl), 404);

    expectStatus(
      await decider.request('POST', `/api/migration/visas/${number}/end`, {
        kind: 'revocation',
        grounds: ['threat'],
        reasoning: 'Information received after the visa was issued',
      }),
      200,
    );
    const pdf = await olena.request('GET', pdfUrl);
    expectStatus(pdf, 200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`${number}-revocation.pdf`);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain(number);
    expect(text).toContain('Information received after the visa was issued');
    // Her read of it is in the audit log under the case, as hers.
    const reads = await ctx.database.db
      .selectFrom('audit.entry')
      .select(['actorId', 'purpose', 'touched'])
      .where('caseReference', '=', view.reference)
      .where('action', '=', 'read')
      .execute();
    expect(reads).toContainEqual({ actorId: OLENA, purpose: 'data-subject-access', touched: ['case', 'visa-ending'] });

    const mine = (await olena.request('GET', `/api/portal/me/cases/${view.id}`)).json() as View;
    expect(mine.timeline.at(-1)).toMatchObject({
      kind: 'visa-revoked',
      on: '2026-11-30',
      details: { reason: 'Information received after the visa was issued', grounds: ['threat'] },
    });
    // Staff read the same history.
    const staffView = (await officer.request('GET', `/api/cases/${view.id}`)).json() as View;
    expect(staffView.timeline.at(-1)?.kind).toBe('visa-revoked');

    const stranger = await signInResident(ctx.app);
    expectStatus(await stranger.request('GET', pdfUrl), 404);
  });
});

describe('an inviter’s applications', () => {
  it('name the person each invitation invites', async () => {
    const inviter = await signInResident(ctx.app);
    const invited = await inviter.request('POST', '/api/portal/me/invitations', {
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
    const list = (await inviter.request('GET', '/api/portal/me/cases')).json() as {
      cases: Array<{ id: string; caseType: string; concerns?: string; closedAt: string | null }>;
    };
    const row = list.cases.find((c) => c.id === (invited.json() as View).id);
    expect(row).toMatchObject({ caseType: 'visa-invitation', concerns: 'Taras Bondarenko', closedAt: null });
    // An application about the resident herself names nobody else.
    expect(list.cases.filter((c) => c.caseType !== 'visa-invitation').every((c) => c.concerns === undefined)).toBe(
      true,
    );
  });
});
