/**
 * The Schengen visa case in the browser. A desk application is lodged through the API (as the API tests do);
 * then the migration officer takes it, consults the State Border Guard and records its answer, proposes to
 * issue the visa with terms (first with 120 days of stay, which the server refuses at that field), the
 * decision-maker approves, the visa with its machine-readable zone shows, and the decision-maker annuls it on
 * the standard form's grounds and gets the form as a PDF. A second application is refused on ticked grounds,
 * after an authority's objection, and the grounds show on the case page. A long-stay (D) application shows its
 * national ground, bounds and a missing document, and its refusal form opens with the national ground ticked.
 * Last, the 90/180-day calculator
 * with the Swiss SEM's worked example 2 (src/shared/kernel/short-stay.test.ts), and a kernel refusal at its
 * field. Each state is checked with axe and photographed in Latvian and English at 1280×900 and 390×844.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lv from '../src/shared/i18n/lv.json' with { type: 'json' };
import en from '../src/shared/i18n/en.json' with { type: 'json' };
import { lookEverywhere, VIEWPORTS, staffSignIn, startHarness, type Harness } from './harness.ts';
import { addDays, plainDateInZone } from '../src/shared/kernel/plain-date.ts';

type Key = keyof typeof lv & keyof typeof en;
const CATALOGUE = { lv, en } as const;
/** A plain catalogue message (no placeholders) in the language asked, so the test reads what the page shows. */
const say = (key: Key, lang: 'lv' | 'en' = 'lv'): string => CATALOGUE[lang][key];

const today = plainDateInZone(new Date(), 'Europe/Riga');

let h: Harness;
type View = { id: string; reference: string; version: number; consultations: Array<{ consultationId: string }> };
type Api = (method: 'GET' | 'POST', url: string, payload?: object) => Promise<View>;

/** An API client signed in as a demo staff account (the harness's app, in process). */
async function apiAs(username: string): Promise<Api> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/auth/staff/sign-in',
    payload: { username, password: 'civitas-demo' },
  });
  const headers = {
    cookie: `civitas_session=${res.cookies.find((c) => c.name === 'civitas_session')?.value}`,
    'x-csrf-token': (res.json() as { session: { csrfToken: string } }).session.csrfToken,
  };
  return async (method, url, payload) => {
    const r = await h.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json() as View;
  };
}

/** A C visa application lodged at the desk, fee paid; the trip starts in a month. */
const application = (overrides: Record<string, unknown> = {}) => ({
  visaType: 'C',
  givenNames: 'Olena',
  surname: 'Shevchenko',
  sex: 'F',
  birthDate: '1988-02-14',
  nationality: 'UKR',
  travelDocument: { number: 'FP123456', country: 'UKR', validUntil: addDays(today, 1100) },
  purpose: 'tourism',
  intendedEntry: addDays(today, 30),
  intendedExit: addDays(today, 44),
  entriesRequested: 'single',
  insurance: {
    insurer: 'Demo Insurance',
    policyNumber: 'TMI-1',
    coverageEur: 30000,
    validFrom: addDays(today, 30),
    validUntil: addDays(today, 44),
  },
  means: { kind: 'bank-statement', amountEur: 1500 },
  language: 'en',
  contactEmail: 'olena@example.invalid',
  payment: { method: 'card' },
  ...overrides,
});

let issued: View;
let refused: View;
beforeAll(async () => {
  h = await startHarness();
  const officer = await apiAs('migration.officer');
  issued = await officer('POST', '/api/migration/visas', application());
  // The second application is taken and the State Police asked already; the officer records its objection in the browser.
  refused = await officer(
    'POST',
    '/api/migration/visas',
    application({
      givenNames: 'Ivan',
      surname: 'Petrenko',
      birthDate: '1975-03-03',
      travelDocument: { number: 'FP654321', country: 'UKR', validUntil: addDays(today, 1100) },
    }),
  );
  refused = await officer('POST', `/api/cases/${refused.id}/actions`, {
    kind: 'assign',
    expectedVersion: refused.version,
    outOfOrderReason: 'e2e',
  });
  refused = await officer('POST', `/api/cases/${refused.id}/actions`, {
    kind: 'request-consultation',
    expectedVersion: refused.version,
    authority: 'state-police',
    question: 'Is the applicant known to the police?',
    dueOn: addDays(today, 5),
  });
});
afterAll(() => h.close());

async function signIn(username: string): Promise<void> {
  await h.page.context().clearCookies();
  await h.page.setViewportSize(VIEWPORTS[0]);
  await staffSignIn(h, username);
}

async function openCase(view: View): Promise<void> {
  await h.page.goto(`${h.baseUrl}/staff/cases/${view.id}`);
  await h.page.getByRole('heading', { level: 1, name: `Lieta ${view.reference}` }).waitFor();
}

/** The page in both languages at both sizes: axe, no sideways scrolling, a screenshot each. */
const look = (name: string) => lookEverywhere(h.page, `visa-${name}`);

const notice = (text: string) => h.page.locator('.notice').filter({ hasText: text }).waitFor();

describe('a Schengen visa issued and annulled', () => {
  it('the officer takes the case and consults the State Border Guard', async () => {
    await signIn('migration.officer');
    await openCase(issued);
    await h.page.getByLabel(say('staff.case.outOfOrderReason')).fill('e2e');
    await h.page.getByRole('button', { name: say('staff.case.take') }).click();
    await notice(say('staff.case.done.assign'));
    await h.page.getByLabel(say('staff.consultation.authority'), { exact: true }).selectOption('state-border-guard');
    await h.page.getByLabel(say('staff.consultation.question')).fill('Vai personai ir ieceļošanas aizliegums?');
    await h.page.locator('#consult-dueOn').fill(addDays(today, 5));
    await h.page.getByRole('button', { name: say('staff.consultation.send') }).click();
    await notice(say('staff.case.done.request-consultation'));
    const table = h.page.getByRole('table', { name: say('cases.section.consultations') });
    await table.getByText(say('cases.consultation.waiting')).waitFor();
    expect(await table.getByText(say('cases.authority.state-border-guard')).count()).toBe(1);
    await look('consultation-asked');
  });

  it('records the answer received', async () => {
    await h.page.getByLabel(say('cases.consultation.outcome.no-objection')).check();
    await h.page.getByRole('button', { name: say('staff.consultation.record') }).click();
    await notice(say('staff.case.done.answer-consultation'));
    await h.page
      .getByRole('table', { name: say('cases.section.consultations') })
      .getByText(say('cases.consultation.outcome.no-objection'))
      .waitFor();
  });

  it('proposes to issue the visa: 120 days are refused at the field, 15 are sent with the terms', async () => {
    // The terms start from the application: its dates, one entry, the uniform territory, 15 days.
    expect(await h.page.locator('#propose-terms-validFrom').inputValue()).toBe(addDays(today, 30));
    expect(await h.page.locator('#propose-terms-durationDays').inputValue()).toBe('15');
    expect(await h.page.getByLabel(say('visas.territory.uniform')).isChecked()).toBe(true);
    await h.page.locator('#propose-terms-durationDays').fill('120');
    await h.page.locator('#propose-reasoning').fill('Nosacījumi izpildīti.');
    await h.page.getByRole('button', { name: say('staff.case.propose') }).click();
    const refusal = say('fieldReason.duration-too-long').replace('{field}', say('visas.field.durationDays'));
    await h.page.getByRole('alert').getByRole('link', { name: refusal }).waitFor();
    expect(await h.page.locator('#propose-terms-durationDays-error').textContent()).toContain(refusal);
    await look('terms-refused');
    await h.page.locator('#propose-terms-durationDays').fill('15');
    await h.page.getByRole('button', { name: say('staff.case.propose') }).click();
    await notice(say('staff.case.done.propose-decision'));
    await h.page.getByText(say('visas.terms.granted')).waitFor();
    await look('proposed');
  });

  it('the decision-maker approves; the visa shows with its machine-readable zone', async () => {
    await signIn('migration.decider');
    await openCase(issued);
    await h.page.getByRole('button', { name: say('staff.case.approve') }).click();
    await notice(say('staff.case.done.approve-decision'));
    const mrz = h.page.getByLabel(say('visas.field.mrz'));
    await mrz.waitFor();
    expect(await mrz.textContent()).toContain('SHEVCHENKO<<OLENA');
    await h.page.locator('.tag').getByText(say('visas.status.valid'), { exact: true }).waitFor();
    await look('issued');
  });

  it('the decision-maker annuls it on the form’s grounds (each field asked for first) and gets the form as a PDF', async () => {
    await h.page.getByRole('button', { name: say('visas.end.open') }).click();
    await h.page.locator('#end-visa-reasoning').waitFor();
    await h.page.getByRole('button', { name: say('visas.end.submit') }).click();
    const summary = h.page.getByRole('alert').filter({ hasText: say('errors.fixTitle') });
    await summary.getByRole('link', { name: say('visas.end.grounds') }).waitFor();
    await look('ending-form');
    await h.page.getByLabel(say('visas.ground.false-travel-document')).check();
    await h.page.locator('#end-visa-reasoning').fill('Pase ir viltota: tās numurs ir nozaudēto dokumentu sarakstā.');
    await h.page.getByRole('button', { name: say('visas.end.submit') }).click();
    const pdf = h.page.getByRole('link', { name: say('visas.ended.pdf') }).first();
    await pdf.waitFor();
    await h.page.locator('.tag').getByText(say('visas.status.annulled'), { exact: true }).waitFor();
    const response = await h.page.request.get(`${h.baseUrl}${await pdf.getAttribute('href')}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    await look('annulled');
  });
});

describe('a Schengen visa refused on ticked grounds', () => {
  it('the officer records the police’s objection, marked as such', async () => {
    await signIn('migration.officer');
    await openCase(refused);
    await h.page.getByLabel(say('cases.consultation.outcome.objection')).check();
    await h.page.locator('#consult-answer-remarks').fill('Personai ir neizpildīts administratīvais sods.');
    await h.page.getByRole('button', { name: say('staff.consultation.record') }).click();
    await notice(say('staff.case.done.answer-consultation'));
    await notice(say('cases.consultation.objectionNotice'));
    await h.page
      .getByRole('table', { name: say('cases.section.consultations') })
      .locator('.tag--danger')
      .getByText(say('cases.consultation.outcome.objection'))
      .waitFor();
  });

  it('proposes a refusal: the grounds are asked for, only those that fit a C visa are offered', async () => {
    await h.page.getByLabel(say('cases.outcome.visa-c.reject')).check();
    await h.page.getByLabel(say('visas.ground.purpose-not-justified')).waitFor();
    expect(await h.page.getByLabel(say('visas.ground.no-national-ground')).count()).toBe(0);
    expect(await h.page.getByLabel(say('visas.ground.holder-requested')).count()).toBe(0);
    await h.page.locator('#propose-reasoning').fill('Ceļojuma mērķis nav pamatots.');
    await h.page.getByRole('button', { name: say('staff.case.propose') }).click();
    await h.page
      .getByRole('alert')
      .getByRole('link', { name: say('validation.choose').replace('{field}', say('visas.terms.grounds')) })
      .waitFor();
    await look('refusal-grounds-asked');
    await h.page.getByLabel(say('visas.ground.purpose-not-justified')).check();
    await h.page.getByLabel(say('visas.ground.doubts-intention-to-leave')).check();
    await h.page.getByRole('button', { name: say('staff.case.propose') }).click();
    await notice(say('staff.case.done.propose-decision'));
  });

  it('once approved, the decision shows the grounds ticked', async () => {
    const decider = await apiAs('migration.decider');
    const view = await decider('GET', `/api/cases/${refused.id}`);
    await decider('POST', `/api/cases/${refused.id}/actions`, {
      kind: 'approve-decision',
      expectedVersion: view.version,
    });
    await openCase(refused);
    const decision = h.page
      .locator('dl')
      .filter({ hasText: say('visas.terms.grounds') })
      .last();
    await decision.getByText(say('visas.ground.purpose-not-justified')).waitFor();
    await decision.getByText(say('visas.ground.doubts-intention-to-leave')).waitFor();
    await look('refused');
  });
});

describe('a long-stay visa whose national ground does not hold', () => {
  it('shows its ground, bounds and missing document; the refusal form opens with the national ground ticked', async () => {
    // A 60-day pupil exchange without the school's confirmation: within the Visa Code's limits, unconfirmed.
    const officer = await apiAs('migration.officer');
    const lodged = await officer(
      'POST',
      '/api/migration/visas',
      application({
        visaType: 'D',
        purpose: undefined,
        nationalGround: 'study-exchange',
        enclosed: [],
        insurance: undefined,
        givenNames: 'Amara',
        surname: 'Okafor',
        birthDate: '2008-04-04',
        nationality: 'NGA',
        travelDocument: { number: 'NG4455667', country: 'NGA', validUntil: addDays(today, 1100) },
        intendedExit: addDays(today, 89),
      }),
    );
    await signIn('migration.officer');
    await openCase(lodged);
    const facts = h.page.locator('dl').first();
    await facts.getByText(say('visas.nationalGround.study-exchange')).waitFor();
    await facts.getByText(say('visas.national.basisClause').replace('{clause}', '4')).waitFor();
    await facts.getByText(say('visas.nationalDocument.exchange-confirmation')).waitFor();
    await facts.locator('.tag--danger').getByText(say('permits.document.missing')).waitFor();
    await h.page.getByLabel(say('staff.case.outOfOrderReason')).fill('e2e');
    await h.page.getByRole('button', { name: say('staff.case.take') }).click();
    await notice(say('staff.case.done.assign'));
    await h.page.getByLabel(say('cases.outcome.visa-d.reject')).check();
    expect(await h.page.getByLabel(say('visas.ground.no-national-ground')).isChecked()).toBe(true);
    expect(await h.page.getByLabel(say('visas.ground.doubts-intention-to-leave')).count()).toBe(0);
    await look('d-refusal-prefilled');
    await h.page.locator('#propose-reasoning').fill('Apmaiņa ir īsāka par 90 dienām, un tās apstiprinājuma nav.');
    await h.page.getByRole('button', { name: say('staff.case.propose') }).click();
    await notice(say('staff.case.done.propose-decision'));
    await h.page.getByText(say('cases.rule.national-ground-fits')).waitFor();
    await look('d-refusal-proposed');
  });
});

describe('the 90/180-day calculator', () => {
  it('works SEM example 2: 77 days used in 04.06.–30.11.2014; the stay may go on until 13.12.2014', async () => {
    await h.page.goto(`${h.baseUrl}/staff/migration/stay`);
    await h.page.getByRole('heading', { level: 1, name: say('staff.stay.title') }).waitFor();
    await look('calculator-empty');
    await h.page.locator('#stays-0-entry').fill('2014-08-15');
    await h.page.locator('#stays-0-exit').fill('2014-09-30');
    await h.page.getByRole('button', { name: say('staff.stay.add') }).click();
    await h.page.locator('#stays-1-entry').fill('2014-11-01');
    await h.page.locator('#stays-1-exit').fill('2014-11-30');
    await h.page.getByLabel(say('staff.stay.controlDate')).fill('2014-11-30');
    await h.page.getByRole('button', { name: say('staff.stay.calculate') }).click();
    const result = h.page.getByRole('region', { name: 'Rezultāts 30.11.2014' });
    await result.waitFor();
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('stay-result-title');
    const text = await result.textContent();
    expect(text).toContain('04.06.2014 – 30.11.2014');
    expect(text).toMatch(new RegExp(`${say('staff.stay.daysUsed')}\\s*77`));
    expect(text).toMatch(new RegExp(`${say('staff.stay.daysLeft')}\\s*13`));
    expect(text).toContain('Vēlākā izbraukšana 13.12.2014 (14 dienas no 30.11.2014)');
    expect(text).toContain(say('staff.stay.limit.rule-90-180'));
    await look('calculator-result');
  });

  it('refuses overlapping stays at the later stay’s entry, in the kernel’s words', async () => {
    await h.page.locator('#stays-1-entry').fill('2014-09-20');
    await h.page.getByRole('button', { name: say('staff.stay.calculate') }).click();
    const message =
      '2. uzturēšanās iebraukšana: šī uzturēšanās sākas, pirms beigusies 1. uzturēšanās — pārbaudiet abu datumus';
    await h.page.getByRole('alert').getByRole('link', { name: message }).waitFor();
    expect(await h.page.locator('#stays-1-entry-error').textContent()).toContain(
      'šī uzturēšanās sākas, pirms beigusies 1. uzturēšanās',
    );
    expect(await h.page.getByRole('region', { name: /Rezultāts/ }).count()).toBe(0);
    await look('calculator-overlap');
  });

  it('limits a planned stay by the visa: a single-entry sticker of 15 days allows 10.06.–24.06.2026', async () => {
    await h.page.reload();
    await h.page.getByRole('heading', { level: 1, name: say('staff.stay.title') }).waitFor();
    // No stays before: the only row is removed, and focus goes to the button that adds one.
    await h.page.getByRole('button', { name: `${say('staff.stay.remove')} 1. uzturēšanās` }).click();
    expect(await h.page.evaluate(() => document.activeElement?.textContent)).toBe(say('staff.stay.add'));
    await h.page.getByLabel(say('staff.stay.controlDate')).fill('2026-06-10');
    await h.page.getByLabel(say('staff.stay.plannedEntry')).fill('2026-06-10');
    await h.page.getByLabel(say('staff.stay.hasVisa')).check();
    await h.page.locator('#visa-validFrom').fill('2026-06-01');
    await h.page.locator('#visa-validUntil').fill('2026-08-31');
    await h.page.locator('#visa-durationOfStay').fill('15');
    await h.page.locator('#visa-entries').selectOption('single');
    await h.page.getByRole('button', { name: say('staff.stay.calculate') }).click();
    const text = await h.page.getByRole('region', { name: 'Rezultāts 10.06.2026' }).textContent();
    expect(text).toContain('Vēlākā izbraukšana 24.06.2026 (15 dienas no 10.06.2026)');
    expect(text).toContain(say('staff.stay.limit.visa-duration'));
    expect(text).toContain(say('staff.stay.outside'));
    await look('calculator-visa');
  });
});
