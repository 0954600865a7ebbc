/**
 * Residence permits in the browser. A migration officer lodges at the desk a first temporary permit (employment)
 * for a person who is not in the register, every document handed in; takes the case and proposes to grant it for
 * the term asked; the decision-maker approves, and the case shows the permit and the personal code the grant gave;
 * the decision-maker then cancels it (each field asked for first, then a confirmation). Olena Shevchenko, a
 * registered foreigner, applies online for a temporary permit without her criminal record certificate; the
 * officer proposes a refusal on ticked grounds, it is approved, and she reads the refusal. Last, the desk form
 * follows the kind chosen (an EU citizen's certificate: free, one examination time, no last day) and shows the
 * server's refusals at their fields: an expired travel document, a ground the kind does not have, a permanent
 * permit for a person not found in the register (the person field marked required once the kind needs it, and
 * refused at the field before sending), a first temporary permit of a Russian citizen (suspended). The form asks
 * only what a ground needs: a Blue Card its two tiers, the employer (named as such when missing), the salary
 * checked against the threshold of this year (or a plain warning that none is recorded for it) and the shortage
 * occupation; a repatriant no fee, no last day and no sponsor; a permanent permit no sponsor. The desk's hints
 * speak of "the applicant", the portal's to "you". A permanent permit's rule trace shows the five years read from
 * the register. A card applied for at the document desk for a permit that ends before the card could be ready is
 * warned of, with both days, before it is taken. Each state is checked with axe and photographed in Latvian and English at 1280×900 and 390×844.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lv from '../src/shared/i18n/lv.json' with { type: 'json' };
import en from '../src/shared/i18n/en.json' with { type: 'json' };
import { addDays, plainDateInZone } from '../src/shared/kernel/plain-date.ts';
import { formatMoney } from '../src/shared/kernel/display-format.ts';
import { GROUNDS_OF_KIND } from '../src/shared/contracts/permit-subjects.ts';
import { blueCardThresholdOf, cardLateForPermit, cardReadyOn } from '../src/shared/kernel/permit-grounds.ts';
import { lookEverywhere, VIEWPORTS, residentSignIn, staffSignIn, startHarness, type Harness } from './harness.ts';

const CATALOGUE: Record<'lv' | 'en', Record<string, string>> = { lv, en };
/** A catalogue message in Latvian (the language the journeys act in) with its placeholders filled in. */
const say = (key: string, values: Record<string, string> = {}, lang: 'lv' | 'en' = 'lv') =>
  Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, v), CATALOGUE[lang][key] as string);
/** A field's label as the page starts it: an optional field's label goes on with "(optional)". */
const starts = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const today = plainDateInZone(new Date(), 'Europe/Riga');
const day = (n: number) => addDays(today, n);
const REFERENCE = /UA-\d{4}-\d{6}/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const field = (key: string) => h.page.getByLabel(starts(say(key)));
const notice = (text: string) => h.page.locator('.notice').filter({ hasText: text }).first().waitFor();

async function signIn(who: { staff: string } | { resident: RegExp }): Promise<void> {
  await h.page.context().clearCookies();
  await h.page.setViewportSize(VIEWPORTS[0]);
  if ('staff' in who) await staffSignIn(h, who.staff);
  else await residentSignIn(h, who.resident);
}

/** The page in both languages at both sizes: axe, no sideways scrolling, a screenshot each. */
const look = (name: string) => lookEverywhere(h.page, `permit-${name}`);

async function openCase(id: string): Promise<void> {
  await h.page.goto(`${h.baseUrl}/staff/cases/${id}`);
  await h.page.getByRole('heading', { level: 1, name: REFERENCE }).waitFor();
}

/** The row of the case's summary list with this term: its value. */
const row = (term: string) =>
  h.page.locator('dl.summary-list > dt', { hasText: term }).first().locator('xpath=following-sibling::dd[1]');

/** A staff account's API client (the harness's app, in process). */
async function apiAs(username: string) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/auth/staff/sign-in',
    payload: { username, password: 'civitas-demo' },
  });
  const headers = {
    cookie: `civitas_session=${res.cookies.find((c) => c.name === 'civitas_session')?.value}`,
    'x-csrf-token': (res.json() as { session: { csrfToken: string } }).session.csrfToken,
  };
  return async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const r = await h.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json() as { id: string; version: number };
  };
}

/** The desk form's applicant and stay, as an Indian software engineer's passport and papers give them. */
async function fillDeskApplicant(travelDocumentValidUntil: string): Promise<void> {
  await field('register.field.givenNames').fill('Arjun');
  await field('register.field.surname').fill('Raman');
  await field('register.field.sex').selectOption('M');
  await field('register.field.birthDate').fill('1990-04-02');
  await field('register.field.birthCountry').selectOption('IND');
  await field('visas.form.nationality').selectOption('IND');
  await field('visas.form.documentNumber').fill('z 1234567');
  await field('visas.form.documentCountry').selectOption('IND');
  await field('permits.form.documentValidUntil').fill(travelDocumentValidUntil);
  // Asked only where the ground rests on someone (an employer here); a ground resting on nobody has no such field.
  if (await field('permits.field.sponsor').count()) await field('permits.field.sponsor').fill('SIA Demo Software');
  await field('permits.field.address').fill('Brīvības iela 1-5, Rīga');
  await field('visas.desk.email').fill('arjun@example.invalid');
}

let granted = '';
describe('a first temporary permit lodged at the desk, granted, then cancelled', () => {
  it('the officer lodges it for a person not in the register, every document handed in', async () => {
    await signIn({ staff: 'migration.officer' });
    await h.page.goto(`${h.baseUrl}/staff/migration`);
    await h.page
      .getByRole('main')
      .getByRole('link', { name: say('staff.permits.title') })
      .waitFor();
    await look('staff-migration');
    await h.page
      .getByRole('main')
      .getByRole('link', { name: say('staff.permits.title') })
      .click();
    await h.page.getByRole('heading', { level: 1, name: say('staff.permits.title') }).waitFor();
    expect(await h.page.title()).toBe(`${say('staff.permits.title')} — Civitas`);
    await h.page.getByText(say('permits.quote.enterFirst')).first().waitFor();
    await look('desk-empty');

    await field('permits.kind.temporary').check();
    // A first temporary permit need not be for a person in the register: the field says it is optional.
    await h.page.getByLabel(`${say('visas.desk.person')} ${say('form.optional')}`).waitFor();
    expect(await h.page.locator('#personId').getAttribute('aria-required')).toBeNull();
    // Only the kind's grounds are offered.
    const grounds = await field('permits.form.ground')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(grounds).toEqual(['', ...GROUNDS_OF_KIND.temporary]);
    await field('permits.form.ground').selectOption('employment');
    await h.page.getByText(say('permits.fee.amount', { amount: formatMoney(10000, 'lv') })).waitFor();
    await h.page.getByText(say('permits.tier.express')).waitFor();
    // The desk's hints speak of the applicant, not to "you".
    await h.page.getByText(say('permits.sponsorRole.employer')).waitFor();
    await h.page.getByText(say('permits.form.addressHint')).waitFor();
    await fillDeskApplicant(day(1500));
    await field('permits.form.requestedUntil').fill(day(730));
    await field('permits.field.income').fill('2400');
    // The ground's documents, as the quote lists them: the travel document's copy, the contract, the invitation…
    const documents = h.page.locator('input[name="enclosed"]');
    const values = await documents.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(values).toEqual(
      expect.arrayContaining([
        'application-form',
        'travel-document-copy',
        'criminal-record',
        'invitation',
        'employment-contract',
      ]),
    );
    for (const box of await documents.all()) await box.check();
    await look('desk-filled');
    await h.page.getByRole('button', { name: say('staff.permits.submit') }).click();
    await h.page
      .getByRole('heading', {
        level: 1,
        name: new RegExp(`${say('staff.case.title', { reference: '' })}UA-\\d{4}-\\d{6}`),
      })
      .waitFor();
    granted = /\/staff\/cases\/([0-9a-f-]{36})$/.exec(h.page.url())?.[1] ?? '';
    expect(granted).not.toBe('');
    expect(await row(say('register.field.personalCode')).textContent()).toBe(say('permits.field.notRegistered'));
    expect(await row(say('permits.field.documents')).textContent()).toContain(
      say('permits.documents.allEnclosed', { required: String(values.length) }),
    );
    // A tick is said for what it is: the officer's statement at the desk, not a file.
    expect(await row(say('permits.field.documents')).textContent()).toContain(say('permits.documents.byOfficer'));
    await look('lodged');
  });

  it('the officer takes it and proposes to grant it for the term asked', async () => {
    await h.page.getByLabel(say('staff.case.outOfOrderReason')).fill('e2e');
    await h.page.getByRole('button', { name: say('staff.case.take') }).click();
    await notice(say('staff.case.done.assign'));
    // The terms start from the decision's day and the last day asked for.
    expect(await h.page.locator('#propose-terms-validFrom').inputValue()).toBe(today);
    expect(await h.page.locator('#propose-terms-validUntil').inputValue()).toBe(day(730));
    await h.page.locator('#propose-reasoning').fill('Darba līgums un izsaukums apstiprināti.');
    await look('grant-terms');
    await h.page.getByRole('button', { name: say('staff.case.propose') }).click();
    await notice(say('staff.case.done.propose-decision'));
    await h.page.getByText(say('permits.terms.granted')).waitFor();
    await look('proposed');
  });

  it('the decision-maker approves: the permit shows, and the personal code the grant gave', async () => {
    await signIn({ staff: 'migration.decider' });
    await openCase(granted);
    await h.page.getByRole('button', { name: say('staff.case.approve') }).click();
    await notice(say('staff.case.done.approve-decision'));
    await row(say('permits.field.permitNumber')).filter({ hasText: REFERENCE }).waitFor();
    expect(await row(say('register.field.personalCode')).textContent()).toMatch(/^3\d{5}-\d{5}$/);
    expect(await row(say('permits.field.status')).textContent()).toBe(say('permits.status.valid'));
    await look('granted');
  });

  it('the decision-maker cancels it: the grounds and reasoning are asked for, then a confirmation', async () => {
    await h.page.getByRole('button', { name: say('permits.cancel.open') }).click();
    await h.page.locator('#cancel-permit-reasoning').waitFor();
    expect(await h.page.locator('#cancel-permit-effectiveOn').inputValue()).toBe(today);
    await h.page.getByRole('button', { name: say('permits.cancel.continue') }).click();
    const summary = h.page.getByRole('alert').filter({ hasText: say('errors.fixTitle') });
    await summary
      .getByRole('link', { name: say('validation.choose', { field: say('permits.cancel.grounds') }) })
      .waitFor();
    await summary
      .getByRole('link', { name: say('validation.required', { field: say('permits.cancel.reasoning') }) })
      .waitFor();
    await look('cancel-asked');
    await h.page.getByLabel(say('permits.cancelGround.ground-ceased')).check();
    await h.page.locator('#cancel-permit-reasoning').fill('Darba līgums izbeigts; citu pamatu uzturēties nav.');
    await h.page.getByRole('button', { name: say('permits.cancel.continue') }).click();
    const confirmation = h.page.locator('#cancel-permit-confirm-title');
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toMatch(REFERENCE);
    await h.page.waitForFunction(() => document.activeElement?.id === 'cancel-permit-confirm-title');
    await look('cancel-confirm');
    await h.page.getByRole('button', { name: say('permits.cancel.submit') }).click();
    await h.page.locator('#permit-cancelled-title').waitFor();
    await h.page.waitForFunction(() => document.activeElement?.id === 'permit-cancelled-title');
    expect(await row(say('permits.field.status')).textContent()).toBe(say('permits.status.cancelled'));
    const number = (await row(say('permits.field.permitNumber')).textContent()) ?? '';
    await notice(say('permits.cancelled.notice', { number, on: today.split('-').reverse().join('.') }));
    // The approval's notice from before is gone; the timeline ends with the cancellation, the day it was decided kept.
    expect(await h.page.getByText(say('staff.case.done.approve-decision')).count()).toBe(0);
    await h.page.locator('ol.timeline li').last().getByText(say('cases.event.permit-cancelled')).waitFor();
    const d = today.split('-').reverse().join('.');
    expect(await row(say('permits.cancelled.title')).textContent()).toContain(
      say('permits.cancelled.summaryDecided', { on: d, decidedOn: d, by: '' }).trim(),
    );
    await look('cancelled');
  });
});

describe('an online application refused for a missing document', () => {
  let caseId = '';
  it('Olena applies online for a temporary permit without her criminal record certificate', async () => {
    await signIn({ resident: /Olena Shevchenko/ });
    await h.page.goto(`${h.baseUrl}/my`);
    await h.page.getByRole('link', { name: say('portal.permits.title') }).waitFor();
    await look('portal-home');
    await h.page.getByRole('link', { name: say('portal.permits.title') }).click();
    await h.page.getByRole('heading', { level: 1, name: say('portal.permits.title') }).waitFor();
    expect(await h.page.title()).toBe(`${say('portal.permits.title')} — Civitas`);
    // Who she is comes from the register, to read, not to type.
    const identity = h.page.getByRole('region', { name: say('portal.permits.identityTitle') });
    await identity.getByText('Olena Shevchenko').waitFor();
    await identity.getByText('328712-34569').waitFor();
    expect(await h.page.getByLabel(starts(say('register.field.givenNames'))).count()).toBe(0);

    await field('permits.kind.temporary').check();
    await field('permits.form.ground').selectOption('employment');
    await h.page.getByText(say('permits.fee.amount', { amount: formatMoney(10000, 'lv') })).waitFor();
    await h.page.getByText(say('visas.fee.paidOnline')).waitFor();
    // Online the hints speak to her ("you"), not of "the applicant".
    await h.page.getByText(say('permits.sponsorRoleOnline.employer')).waitFor();
    await h.page.getByText(say('permits.form.addressHintOnline')).waitFor();
    expect(await h.page.getByText(say('permits.form.addressHint')).count()).toBe(0);
    expect(await field('visas.form.documentCountry').inputValue()).toBe('UKR');
    await field('visas.form.documentNumber').fill('FP123456');
    await field('permits.form.documentValidUntil').fill(day(900));
    await field('permits.form.requestedUntil').fill(day(365));
    await field('permits.field.sponsor').fill('SIA Demo Logistics');
    await field('permits.field.income').fill('1800');
    await field('permits.field.address').fill('Brīvības iela 100-5, Rīga');
    const boxes = await h.page.locator('input[name="enclosed"]').all();
    for (const box of boxes) if ((await box.getAttribute('value')) !== 'criminal-record') await box.check();
    await field('portal.cases.email').fill('olena@example.invalid');
    await look('online-filled');
    await h.page.getByRole('button', { name: say('portal.permits.submit') }).click();
    await h.page.getByRole('heading', { level: 1, name: REFERENCE }).waitFor();
    caseId = /\/my\/cases\/([0-9a-f-]{36})/.exec(h.page.url())?.[1] ?? '';
    expect(caseId).not.toBe('');
    await h.page.getByRole('status').filter({ hasText: REFERENCE }).waitFor();
    const documents = row(say('permits.field.documents'));
    expect(await documents.textContent()).toContain(
      say('permits.documents.missingCount', { missing: '1', required: String(boxes.length) }),
    );
    await documents
      .locator('li', { hasText: say('permits.document.criminal-record') })
      .locator('.tag--danger')
      .getByText(say('permits.document.missing'))
      .waitFor();
    expect(await row(say('permits.fee.title')).textContent()).toContain(say('permits.payment.online'));
    await look('online-received');
  });

  it('the officer proposes a refusal on ticked grounds; once approved, Olena reads it', async () => {
    await signIn({ staff: 'migration.officer' });
    await openCase(caseId);
    await h.page.getByLabel(say('staff.case.outOfOrderReason')).fill('e2e');
    await h.page.getByRole('button', { name: say('staff.case.take') }).click();
    await notice(say('staff.case.done.assign'));
    await h.page.getByLabel(say('cases.outcome.residence-permit.reject')).check();
    await h.page.getByLabel(say('permits.refusalGround.documents-incomplete')).waitFor();
    await h.page.locator('#propose-reasoning').fill('Nav iesniegta izziņa par sodāmību.');
    await h.page.getByRole('button', { name: say('staff.case.propose') }).click();
    await h.page
      .getByRole('alert')
      .getByRole('link', { name: say('validation.choose', { field: say('permits.refusal.grounds') }) })
      .waitFor();
    await look('refusal-grounds-asked');
    await h.page.getByLabel(say('permits.refusalGround.documents-incomplete')).check();
    await h.page.getByRole('button', { name: say('staff.case.propose') }).click();
    await notice(say('staff.case.done.propose-decision'));
    await look('refusal-proposed');

    const decider = await apiAs('migration.decider');
    const view = await decider('GET', `/api/cases/${caseId}`);
    await decider('POST', `/api/cases/${caseId}/actions`, { kind: 'approve-decision', expectedVersion: view.version });

    await signIn({ resident: /Olena Shevchenko/ });
    await h.page.goto(`${h.baseUrl}/my/cases/${caseId}`);
    await h.page.getByRole('heading', { level: 1, name: REFERENCE }).waitFor();
    await h.page.getByRole('heading', { name: say('cases.section.decision'), exact: true }).waitFor();
    const decision = h.page
      .locator('dl')
      .filter({ hasText: say('permits.refusal.grounds') })
      .last();
    await decision.getByText(say('permits.refusalGround.documents-incomplete')).waitFor();
    await decision.getByText(say('cases.outcome.residence-permit.reject')).waitFor();
    await look('refused-resident');
  });
});

describe('the desk form refuses what the server does not admit', () => {
  it('an expired travel document, a ground the kind does not have, and a permanent permit for a person not found, each at its field', async () => {
    await signIn({ staff: 'migration.officer' });
    await h.page.goto(`${h.baseUrl}/staff/migration/permits/new`);
    await h.page.getByRole('heading', { level: 1, name: say('staff.permits.title') }).waitFor();
    // An EU citizen's registration certificate: free, one examination time, no last day, no renewal, no income asked, nothing to pay.
    await field('permits.kind.eu-registration-certificate').check();
    await field('permits.form.ground').selectOption('worker');
    await h.page.locator('.panel[aria-live]').getByText(say('permits.fee.none'), { exact: true }).waitFor();
    expect(
      await h.page
        .locator('input[name="tier"]')
        .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).value, (i as HTMLInputElement).checked])),
    ).toEqual([['fast', true]]);
    for (const name of ['payment.method', 'requestedUntil', 'application', 'monthlyIncomeEur'])
      expect(await h.page.locator(`[name="${name}"]`).count(), name).toBe(0);
    await field('permits.kind.temporary').check();
    // The list offers only the kind's grounds; a form sent with another (kept from an old page, or altered) is refused by the server.
    const ground = field('permits.form.ground');
    await ground.evaluate((select) => {
      const option = document.createElement('option');
      option.value = 'five-years-residence';
      option.textContent = 'five-years-residence';
      select.append(option);
    });
    await ground.selectOption('five-years-residence');
    await fillDeskApplicant(day(-1));
    await h.page.getByRole('button', { name: say('staff.permits.submit') }).click();
    const groundRefused = say('fieldReason.ground-not-for-kind', { field: say('permits.form.ground') });
    const documentRefused = say('fieldReason.document-expired', { field: say('permits.form.documentValidUntil') });
    const summary = h.page.getByRole('alert').filter({ hasText: say('errors.fixTitle') });
    await summary.getByRole('link', { name: groundRefused }).waitFor();
    await summary.getByRole('link', { name: documentRefused }).waitFor();
    expect(await h.page.locator('#ground-error').textContent()).toContain(groundRefused);
    expect(await h.page.locator('#travelDocument-validUntil-error').textContent()).toContain(documentRefused);
    await h.page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    expect(h.page.url()).toMatch(/\/staff\/migration\/permits\/new$/);
    await look('desk-refused');

    // A permanent permit rests on a stay the register knows: the person field turns required (no "(optional)",
    // aria-required), and the form names the person to be found first at the field, before anything is sent.
    await field('permits.kind.permanent').check();
    await field('permits.form.ground').selectOption('five-years-temporary');
    await field('permits.form.documentValidUntil').fill(day(900));
    await h.page
      .locator('.panel[aria-live]')
      .getByText(say('permits.fee.amount', { amount: formatMoney(10000, 'lv') }))
      .waitFor();
    const person = h.page.locator('#personId');
    expect(await person.getAttribute('aria-required')).toBe('true');
    expect(await h.page.locator('label[for="personId"]').textContent()).toBe(say('visas.desk.person'));
    // Whether the form sends anything within 1.5 s of the click (it should not: the form refuses it itself).
    const sent = h.page
      .waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/migration/permits'), { timeout: 1500 })
      .then(
        () => true,
        () => false,
      );
    await h.page.getByRole('button', { name: say('staff.permits.submit') }).click();
    const personNeeded = say('fieldReason.registered-person-needed', { field: say('visas.desk.person') });
    await summary.getByRole('link', { name: personNeeded }).waitFor();
    expect(await h.page.locator('#personId-error').textContent()).toContain(personNeeded);
    // Said by the form itself: the application was not sent.
    expect(await sent).toBe(false);
    await look('desk-person-required');
    // A permanent permit rests on nobody in Latvia: no sponsor is asked for.
    expect(await h.page.locator('[name="sponsor"]').count()).toBe(0);

    // A first temporary permit for a citizen of Russia on a ground that is not an exception: suspended.
    await field('permits.kind.temporary').check();
    await field('permits.form.ground').selectOption('employment');
    await field('visas.form.nationality').selectOption('RUS');
    await field('permits.field.sponsor').fill('SIA Demo Software');
    await h.page.getByRole('button', { name: say('staff.permits.submit') }).click();
    await summary
      .getByRole('link', { name: say('fieldReason.first-permit-suspended', { field: say('permits.form.ground') }) })
      .waitFor();
    await look('desk-suspended');
  });

  it('asks only what a ground needs: a Blue Card’s salary and tiers, a repatriant’s nothing to pay and no last day', async () => {
    await h.page.goto(`${h.baseUrl}/staff/migration/permits/new`);
    await h.page.getByRole('heading', { level: 1, name: say('staff.permits.title') }).waitFor();
    await field('permits.kind.temporary').check();
    await field('permits.form.ground').selectOption('blue-card');
    await h.page
      .locator('.panel[aria-live]')
      .getByText(say('permits.fee.amount', { amount: formatMoney(10000, 'lv') }))
      .waitFor();
    expect(
      await h.page
        .locator('input[name="tier"]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    ).toEqual(['fast', 'express']);
    // The salary is checked against the threshold of this year, the year the application is lodged in; the
    // sources record 2023's only, so for a year without one the form says so plainly instead of using 2023's.
    const threshold = blueCardThresholdOf(today);
    if (threshold) {
      await h.page
        .getByText(
          say('permits.form.salaryHint', {
            eur: formatMoney(threshold.eur * 100, 'lv'),
            shortage: formatMoney(threshold.shortageEur * 100, 'lv'),
            year: String(threshold.year),
          }),
        )
        .waitFor();
      await field('permits.field.income').fill(String(threshold.eur - 1));
      const below = say('permits.form.salaryBelow', {
        shown: formatMoney((threshold.eur - 1) * 100, 'lv'),
        needed: formatMoney(threshold.eur * 100, 'lv'),
        year: String(threshold.year),
      });
      await h.page.getByRole('status').getByText(below).waitFor();
    } else {
      const year = today.slice(0, 4);
      await h.page.getByText(say('permits.form.salaryWholeEuros')).waitFor();
      const noThreshold = say('permits.form.salaryNoThreshold').replaceAll('{year}', year);
      await h.page.getByRole('status').getByText(noThreshold).waitFor();
      await field('permits.field.income').fill('2100');
    }
    await field('permits.form.shortageOccupation').waitFor();
    await h.page.getByText(say('permits.sponsorRole.employer'), { exact: false }).waitFor();
    // Sent without the employer, the form names the employer (not everyone a ground may rest on).
    await h.page.getByRole('button', { name: say('staff.permits.submit') }).click();
    const employerNeeded = say('fieldReason.employer-needed', { field: say('permits.field.sponsor') });
    await h.page.getByRole('alert').getByRole('link', { name: employerNeeded }).waitFor();
    expect(await h.page.locator('#sponsor-error').textContent()).toContain(employerNeeded);
    await look('desk-blue-card');

    await field('permits.form.ground').selectOption('repatriant');
    await h.page.locator('.panel[aria-live]').getByText(say('permits.fee.none'), { exact: true }).waitFor();
    await h.page.getByText(say('permits.form.fixedTerm')).waitFor();
    for (const name of ['requestedUntil', 'sponsor', 'shortageOccupation'])
      expect(await h.page.locator(`[name="${name}"]`).count(), name).toBe(0);
    await look('desk-repatriant');
  });
});

describe('five years’ residence read from the register', () => {
  it('a permanent permit’s rule trace says whether the five years hold, with the gaps found', async () => {
    const officer = await apiAs('migration.officer');
    const lodged = await officer('POST', '/api/migration/permits', {
      personId: '00000000-0000-4000-8000-000000000009',
      permitKind: 'permanent',
      ground: 'five-years-temporary',
      givenNames: 'Olena',
      surname: 'Shevchenko',
      sex: 'F',
      birthDate: '1987-12-28',
      birthCountry: 'UKR',
      nationality: 'UKR',
      travelDocument: { number: 'FP123456', country: 'UKR', validUntil: day(900) },
      monthlyIncomeEur: 1200,
      addressInLatvia: 'Brīvības iela 100-5, Rīga',
      enclosed: ['application-form', 'travel-document-copy', 'photo'],
      language: 'lv',
      contactEmail: 'olena@example.invalid',
      payment: { method: 'card' },
    });
    const taken = await officer('POST', `/api/cases/${lodged.id}/actions`, {
      kind: 'assign',
      outOfOrderReason: 'e2e',
      expectedVersion: lodged.version,
    });
    await officer('POST', `/api/cases/${lodged.id}/actions`, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Pieci gadi ar termiņuzturēšanās atļauju (pārbaude).',
      terms: { validFrom: today, validUntil: null },
      acknowledgeFailedChecks: true,
      overrideReason: 'The missing evidence was seen in person.',
      expectedVersion: taken.version,
    });
    await signIn({ staff: 'migration.officer' });
    await openCase(lodged.id);
    const trace = h.page.locator('table.data tr', { hasText: say('cases.rule.five-years-continuous') });
    await trace.waitFor();
    expect(await trace.textContent()).toContain(say('cases.rule.failed'));
    await look('five-years-trace');
  });
});

describe('a residence permit card that could be ready only after the permit ends', () => {
  it('the document desk warns before taking the application, with the permit’s last day and the ready day', async () => {
    const officer = await apiAs('migration.officer');
    const ends = day(5);
    const lodged = await officer('POST', '/api/migration/permits', {
      permitKind: 'temporary',
      ground: 'employment',
      givenNames: 'Kiran',
      surname: 'Mehta',
      sex: 'M',
      birthDate: '1991-02-03',
      birthCountry: 'IND',
      nationality: 'IND',
      travelDocument: { number: 'Z7654321', country: 'IND', validUntil: day(900) },
      requestedUntil: ends,
      sponsor: 'SIA Demo Software',
      monthlyIncomeEur: 2000,
      addressInLatvia: 'Brīvības iela 7, Rīga',
      language: 'lv',
      contactEmail: 'kiran@example.invalid',
      payment: { method: 'card' },
    });
    const taken = await officer('POST', `/api/cases/${lodged.id}/actions`, {
      kind: 'assign',
      outOfOrderReason: 'e2e',
      expectedVersion: lodged.version,
    });
    await officer('POST', `/api/cases/${lodged.id}/actions`, {
      kind: 'propose-decision',
      outcome: 'accept',
      reasoning: 'Īss termiņš (pārbaude).',
      terms: { validFrom: today, validUntil: ends },
      acknowledgeFailedChecks: true,
      overrideReason: 'The missing evidence was seen in person.',
      expectedVersion: taken.version,
    });
    const decider = await apiAs('migration.decider');
    const proposed = await decider('GET', `/api/cases/${lodged.id}`);
    const granted = (await decider('POST', `/api/cases/${lodged.id}/actions`, {
      kind: 'approve-decision',
      acknowledgeFailedChecks: true,
      expectedVersion: proposed.version,
    })) as unknown as { subject: { personId: string } };

    await signIn({ staff: 'document.officer' });
    await h.page.goto(`${h.baseUrl}/staff/register/persons/${granted.subject.personId}`);
    await h.page.getByLabel(say('purpose.reason')).fill('Uzturēšanās atļaujas kartes pieteikums');
    await h.page.getByRole('button', { name: say('purpose.confirm') }).click();
    const form = h.page.getByRole('form', { name: say('documents.desk.new') });
    await form
      .getByLabel(say('documents.application.documentType'), { exact: true })
      .selectOption('residence-permit-card');
    const date = (d: string) => d.split('-').reverse().join('.');
    const late = say('documents.desk.cardLate', { endsOn: date(ends), readyOn: date(cardReadyOn(today, 'standard')) });
    await form.getByRole('status').getByText(late).waitFor();
    await look('desk-card-late');
    // Urgent (2 working days): warned only if even that card would come after the permit's last day.
    await form.getByLabel(say('documents.tier.urgent')).check();
    const urgentLate = cardLateForPermit(ends, today, 'urgent');
    if (urgentLate)
      await form
        .getByRole('status')
        .getByText(say('documents.desk.cardLate', { endsOn: date(ends), readyOn: date(urgentLate.readyOn) }))
        .waitFor();
    else
      await form
        .getByRole('status')
        .filter({ hasText: say('documents.desk.cardLate').slice(0, 20) })
        .waitFor({ state: 'detached' });
  });
});
