/**
 * Resident portal: demo eID sign-in, my page, "who used my data" seeing a staff access live — axe-clean.
 * "My applications" on a phone (320 and 390 px): one card per application, nothing sideways, an invitation
 * naming the person invited; a revoked visa's case with the revocation to download and in its history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  lookEverywhere,
  residentSignIn,
  screenshot,
  startHarness,
  useLanguage,
  type Harness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('resident portal', () => {
  it('shows the landing page with the demo eID option, accessible', async () => {
    await h.page.goto(`${h.baseUrl}/`);
    await h.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-landing');
  });

  it('signs in through the demo eID page as a synthetic person', async () => {
    await h.page.getByRole('link', { name: 'Pieslēgties ar demo eID' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Demo eID' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-demo-eid');
    await h.page.getByLabel(/Jānis Bērziņš/).check();
    await h.page.getByRole('button', { name: 'Pieslēgties' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Labdien, Jānis Bērziņš!' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-my');
  });

  it('lists the sign-in under "who used my data", and an auditor’s access appears within seconds', async () => {
    await h.page.getByRole('link', { name: 'Kas izmantoja manus datus' }).first().click();
    await h.page.getByRole('heading', { level: 1, name: 'Kas izmantoja manus datus' }).waitFor();
    await h.page.getByRole('cell', { name: 'Pieslēgšanās' }).waitFor();

    const signIn = await h.app.inject({
      method: 'POST',
      url: '/api/auth/staff/sign-in',
      payload: { username: 'auditor', password: 'civitas-demo' },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'civitas_session');
    const read = await h.app.inject({
      url: '/api/audit/persons/00000000-0000-4000-8000-000000000001/entries?reason=Sūdzība%2017',
      headers: { cookie: `civitas_session=${cookie?.value}` },
    });
    expect(read.statusCode).toBe(200);
    const started = Date.now();
    await h.page.getByRole('cell', { name: 'Datu aizsardzības uzraudzība' }).waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-data-use');
  });

  it('works in English', async () => {
    await h.page.getByRole('button', { name: /Valoda: English/ }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Who used my data' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-data-use-en');
  });

  it('signs out', async () => {
    await h.page.getByRole('button', { name: 'Sign out' }).click();
    await h.page.getByText('You have signed out.').waitFor();
  });
});

const OLENA = '00000000-0000-4000-8000-000000000009';

/** The cookie and CSRF header of a session opened over the API (a resident by demo eID, or staff). */
async function apiSession(url: string, payload: Record<string, string>): Promise<Record<string, string>> {
  const res = await h.app.inject({ method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBe(200);
  return {
    cookie: `civitas_session=${res.cookies.find((c) => c.name === 'civitas_session')?.value}`,
    // A resident's sign-in answers with the session itself, a staff member's inside `session`.
    'x-csrf-token': ((body: { csrfToken?: string; session?: { csrfToken?: string } }) =>
      body.session?.csrfToken ?? body.csrfToken ?? '')(res.json()),
  };
}
const resident = (personId: string) => apiSession('/api/auth/demo-eid/sign-in', { personId });
const staffMember = (username: string) => apiSession('/api/auth/staff/sign-in', { username, password: 'civitas-demo' });

async function post<T>(headers: Record<string, string>, url: string, payload: object): Promise<T> {
  const res = await h.app.inject({ method: 'POST', url, headers, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as T;
}

type Case = { id: string; version: number; reference: string; subject: { visa: { visaNumber: string } | null } };

describe('my applications on a phone', () => {
  let visaCase = '';
  beforeAll(async () => {
    // Jānis invites a friend; Olena's short-stay visa is issued and then revoked (all over the API).
    await post(await resident('00000000-0000-4000-8000-000000000001'), '/api/portal/me/invitations', {
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
    let view = await post<Case>(await resident(OLENA), '/api/portal/me/visas', {
      visaType: 'C',
      givenNames: 'Olena',
      surname: 'Shevchenko',
      sex: 'F',
      birthDate: '1988-02-14',
      nationality: 'UKR',
      travelDocument: { number: 'FP123456', country: 'UKR', validUntil: '2031-05-01' },
      purpose: 'tourism',
      intendedEntry: '2027-05-10',
      intendedExit: '2027-05-24',
      entriesRequested: 'single',
      insurance: {
        insurer: 'Demo Insurance',
        policyNumber: 'TMI-9',
        coverageEur: 30000,
        validFrom: '2027-05-10',
        validUntil: '2027-05-24',
      },
      means: { kind: 'bank-statement', amountEur: 1500 },
      language: 'lv',
      contactEmail: 'olena@example.invalid',
    });
    const officer = await staffMember('migration.officer');
    const decider = await staffMember('migration.decider');
    const act = async (headers: Record<string, string>, body: object) => {
      view = await post<Case>(headers, `/api/cases/${view.id}/actions`, { ...body, expectedVersion: view.version });
    };
    await act(officer, { kind: 'assign', outOfOrderReason: 'e2e' });
    await act(officer, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Nosacījumi izpildīti.',
      acknowledgeFailedChecks: true,
      overrideReason: 'The missing evidence was seen in person.',
      terms: {
        territory: 'uniform',
        entries: 'single',
        validFrom: '2027-05-10',
        validUntil: '2027-05-24',
        durationDays: 15,
      },
    });
    await act(decider, { kind: 'approve-decision', acknowledgeFailedChecks: true });
    await post(decider, `/api/migration/visas/${view.subject.visa?.visaNumber}/end`, {
      kind: 'revocation',
      grounds: ['threat'],
      reasoning: 'Pēc vīzas izsniegšanas saņemta informācija par draudiem.',
    });
    visaCase = view.id;
  });

  it('shows each application as a card with nothing sideways at 320 and 390 px, an invitation naming whom it invites', async () => {
    // The journey above left the portal in English; the sign-in helper reads the Latvian page.
    await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
    await residentSignIn(h, /Jānis Bērziņš/);
    await h.page.setViewportSize({ width: 390, height: 844 });
    await h.page.goto(`${h.baseUrl}/my/cases`);
    await h.page.getByRole('heading', { level: 1, name: 'Mani iesniegumi' }).waitFor();
    const cards = h.page.getByRole('list', { name: 'Mani iesniegumi' });
    await cards.getByText('uzaicinātā persona: Taras Bondarenko').waitFor();
    expect(await h.page.getByRole('table').count()).toBe(0);
    await h.page.setViewportSize({ width: 320, height: 700 });
    for (const lang of ['lv', 'en'] as const) {
      await useLanguage(h.page, lang);
      expect(await axeViolations(h.page)).toEqual([]);
      expect(await h.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      await screenshot(h.page, `portal-my-cases-${lang}-320`);
    }
    await h.page.getByText('person invited: Taras Bondarenko').waitFor();
    await useLanguage(h.page, 'lv');
    // On a wide screen the same list is a table.
    await lookEverywhere(h.page, 'portal-my-cases');
    await h.page.getByRole('row', { name: /uzaicinātā persona: Taras Bondarenko/ }).waitFor();
  });

  it('offers the holder of a revoked visa the revocation to download, and shows it in the history', async () => {
    await residentSignIn(h, /Olena Shevchenko/);
    await h.page.setViewportSize({ width: 390, height: 844 });
    await h.page.goto(`${h.baseUrl}/my/cases`);
    await h.page.getByRole('heading', { level: 1, name: 'Mani iesniegumi' }).waitFor();
    await h.page.locator(`a[href="/my/cases/${visaCase}"]`).first().click();
    await h.page.getByRole('heading', { level: 2, name: 'Vīzas atcelšana' }).waitFor();
    await h.page.locator('.timeline').getByText('Vīza atcelta').waitFor();
    const [download] = await Promise.all([
      h.page.waitForEvent('download'),
      h.page.getByRole('link', { name: 'Lejupielādēt lēmumu par atcelšanu (PDF)' }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await h.page.setViewportSize({ width: 1280, height: 900 });
    await lookEverywhere(h.page, 'portal-case-visa-revoked');
  });
});
