/**
 * The migration procedures' screens in the browser, in Latvian and English, at 1280×900 and on a phone
 * (390×844), axe-clean and never wider than the window: a citizen invites a foreigner (an end before the
 * start, a missing purpose and a mistyped document number are named first) and finds the invitation among
 * his applications; a registered foreigner applies online for a D visa, seeing the fee before paying; a
 * migration officer finds the applicant in the register and lodges a C visa at the desk (a 120-day stay and
 * insurance under EUR 30 000 are refused by the server at their fields first; switching to a D visa then shows
 * its national ground and none of the C visa's errors; the ground chosen is still chosen after a look at the C
 * visa) and lands on the case. A D visa names its national ground (remote work) and ticks the ground's documents.
 * The desk's hints speak of "the applicant"; the portal's speak to "you".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lv from '../src/shared/i18n/lv.json' with { type: 'json' };
import en from '../src/shared/i18n/en.json' with { type: 'json' };
import { addDays, plainDateInZone } from '../src/shared/kernel/plain-date.ts';
import { formatMoney } from '../src/shared/kernel/display-format.ts';
import {
  axeViolations,
  type Harness,
  residentSignIn,
  ROUNDS,
  screenshot,
  staffSignIn,
  startHarness,
} from './harness.ts';

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;
type Lang = (typeof ROUNDS)[number]['lang'];
type Viewport = (typeof VIEWPORTS)[number];
const CATALOGUE: Record<Lang, Record<string, string>> = { lv, en };
/** Olena Shevchenko, a Ukrainian living in Rīga on a residence permit (demo register). */
const OLENA_CODE = '328712-34569';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A catalogue message with its placeholders filled in (the messages used here have no plurals). */
const say = (lang: Lang, key: string, values: Record<string, string> = {}) =>
  Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, v), CATALOGUE[lang][key] as string);
/** A field's label as the page starts it: an optional field's label goes on with "(optional)". */
const starts = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const field = (lang: Lang, key: string) => h.page.getByLabel(starts(say(lang, key)));
/** Days from today on the office's calendar, as the date inputs take them. */
const day = (n: number) => addDays(plainDateInZone(new Date(), 'Europe/Riga'), n);

/** Signs in afresh in Latvian (the harness's sign-in reads Latvian labels), then switches the page's language. */
async function signIn(who: { resident: RegExp } | { staff: string }, lang: Lang, viewport: Viewport): Promise<void> {
  await h.page.context().clearCookies();
  await h.page.setViewportSize(viewport);
  await h.page.goto(h.baseUrl);
  await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
  if ('resident' in who) await residentSignIn(h, who.resident);
  else await staffSignIn(h, who.staff);
  await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
}

/** axe finds nothing, the page is no wider than the window, and a screenshot is kept to look at. */
async function checkPage(name: string): Promise<void> {
  expect(await axeViolations(h.page)).toEqual([]);
  expect(await h.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(h.page, name);
}

/** The error summary lists exactly these messages (in page order); it has taken focus. */
async function expectSummary(lang: Lang, messages: string[]): Promise<void> {
  const summary = h.page.getByRole('alert');
  await summary.getByRole('heading', { name: say(lang, 'errors.fixTitle') }).waitFor();
  await summary.getByRole('link', { name: messages[0] }).waitFor();
  expect(await summary.getByRole('listitem').allTextContents()).toEqual(messages);
  await h.page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
}

describe('a citizen invites a foreigner', () => {
  for (const { lang, viewport } of ROUNDS) {
    it(`${lang} at ${viewport.width}×${viewport.height}`, async () => {
      await signIn({ resident: /Jānis Bērziņš/ }, lang, viewport);
      await h.page.goto(`${h.baseUrl}/my`);
      await h.page.getByRole('link', { name: say(lang, 'visas.invite.title') }).waitFor();
      await checkPage(`visas-portal-home-citizen-${lang}-${viewport.width}`);
      await h.page.getByRole('link', { name: say(lang, 'visas.invite.title') }).click();
      await h.page.getByRole('heading', { level: 1, name: say(lang, 'visas.invite.title') }).waitFor();
      expect(await h.page.title()).toBe(`${say(lang, 'visas.invite.title')} — Civitas`);

      await field(lang, 'register.field.givenNames').fill('Taras');
      await field(lang, 'register.field.surname').fill('Bondarenko');
      await field(lang, 'register.field.sex').selectOption('M');
      await field(lang, 'register.field.birthDate').fill('1990-09-09');
      await field(lang, 'visas.form.nationality').selectOption('UKR');
      await field(lang, 'visas.invite.documentNumber').fill('FX 99');
      await field(lang, 'visas.invite.from').fill(day(40));
      await field(lang, 'visas.invite.until').fill(day(30));
      await field(lang, 'visas.field.address').fill('Brīvības iela 1-5, Rīga');
      await h.page.getByRole('button', { name: say(lang, 'visas.invite.submit') }).click();
      await expectSummary(lang, [
        say(lang, 'format.documentNumber', { field: say(lang, 'visas.invite.documentNumber') }),
        say(lang, 'validation.choose', { field: say(lang, 'visas.invite.purpose') }),
        say(lang, 'fieldReason.ends-before-start', { field: say(lang, 'visas.invite.until') }),
      ]);
      await checkPage(`visas-invite-refused-${lang}-${viewport.width}`);

      await field(lang, 'visas.invite.documentNumber').fill('FX998877');
      await field(lang, 'visas.invite.purpose').selectOption('family-visit');
      await field(lang, 'visas.invite.until').fill(day(50));
      for (const u of ['accommodation', 'returnTravel', 'healthCare'])
        await field(lang, `visas.invite.undertaking.${u}`).check();
      await field(lang, 'portal.cases.email').fill('janis@example.invalid');
      await checkPage(`visas-invite-filled-${lang}-${viewport.width}`);
      await h.page.getByRole('button', { name: say(lang, 'visas.invite.submit') }).click();
      const title = h.page.getByRole('heading', { level: 1, name: /IL-\d{4}-\d{6}/ });
      await title.waitFor();
      const reference = /IL-\d{4}-\d{6}/.exec((await title.textContent()) ?? '')?.[0] ?? '';
      await h.page.getByRole('status').filter({ hasText: reference }).waitFor();
      await checkPage(`visas-invite-done-${lang}-${viewport.width}`);

      await h.page.goto(`${h.baseUrl}/my/cases`);
      await h.page.getByRole('link', { name: reference }).waitFor();
    });
  }
});

describe('a registered foreigner applies online for a D visa', () => {
  for (const { lang, viewport } of ROUNDS) {
    it(`${lang} at ${viewport.width}×${viewport.height}`, async () => {
      await signIn({ resident: /Olena Shevchenko/ }, lang, viewport);
      await h.page.goto(`${h.baseUrl}/my`);
      // A person who needs a visa is offered the visa, not the invitation.
      await h.page.getByRole('link', { name: say(lang, 'visas.online.title') }).waitFor();
      expect(await h.page.getByRole('link', { name: say(lang, 'visas.invite.title') }).count()).toBe(0);
      await checkPage(`visas-portal-home-foreigner-${lang}-${viewport.width}`);
      await h.page.getByRole('link', { name: say(lang, 'visas.online.title') }).click();
      await h.page.getByRole('heading', { level: 1, name: say(lang, 'visas.online.title') }).waitFor();
      // Who she is comes from the register; the fee waits for the visa type.
      expect(await field(lang, 'register.field.givenNames').inputValue()).toBe('Olena');
      expect(await field(lang, 'visas.form.nationality').inputValue()).toBe('UKR');
      await h.page.getByText(say(lang, 'visas.fee.enterFirst')).waitFor();
      await field(lang, 'visas.form.type.D').check();
      await h.page.getByText(say(lang, 'visas.fee.amount', { amount: formatMoney(6000, lang) })).waitFor();
      await h.page.getByText(say(lang, 'visas.fee.paidOnline')).waitFor();

      // A D visa names its national ground, not a purpose: the ground's documents are listed to tick.
      expect(await field(lang, 'visas.field.purpose').count()).toBe(0);
      await h.page.getByText(say(lang, 'visas.form.groundFirst')).waitFor();
      // Online the hints speak to her ("you"), not of "the applicant".
      await h.page.getByText(say(lang, 'visas.form.documentValidUntilHint')).waitFor();
      await h.page.getByText(say(lang, 'visas.form.invitationHint')).waitFor();
      await h.page.getByText(say(lang, 'visas.form.currentStayUntilHint', { days: '3' })).waitFor();
      await h.page.getByLabel(say(lang, 'visas.form.insuranceNow')).waitFor();
      expect(await h.page.getByText(say(lang, 'visas.form.invitationHintDesk')).count()).toBe(0);
      await field(lang, 'visas.form.documentNumber').fill('fp123456');
      await field(lang, 'visas.form.documentValidUntil').fill(day(800));
      await field(lang, 'visas.national.ground').selectOption('remote-work');
      await h.page.getByText(say(lang, 'visas.form.groundMax', { max: '365' })).waitFor();
      await field(lang, 'visas.nationalDocument.foreign-employer-contract').check();
      await field(lang, 'visas.nationalDocument.remote-income-proof').check();
      await field(lang, 'visas.form.entry').fill(day(20));
      await field(lang, 'visas.form.exit').fill(day(200));
      await field(lang, 'visas.form.meansKind').selectOption('bank-statement');
      await field(lang, 'visas.form.meansAmount').fill('6000');
      await field(lang, 'portal.cases.email').fill('olena@example.invalid');
      await checkPage(`visas-online-filled-${lang}-${viewport.width}`);
      await h.page.getByRole('button', { name: say(lang, 'visas.online.submit') }).click();
      const title = h.page.getByRole('heading', { level: 1, name: /VD-\d{4}-\d{6}/ });
      await title.waitFor();
      const reference = /VD-\d{4}-\d{6}/.exec((await title.textContent()) ?? '')?.[0] ?? '';
      await h.page.getByRole('status').filter({ hasText: reference }).waitFor();
      await checkPage(`visas-online-done-${lang}-${viewport.width}`);
    });
  }

  it('a citizen who opens the page anyway is told he needs no visa, and the server’s refusal says so at the visa type', async () => {
    const lang = 'en';
    await signIn({ resident: /Jānis Bērziņš/ }, lang, VIEWPORTS[0]);
    await h.page.goto(`${h.baseUrl}/my`);
    expect(await h.page.getByRole('link', { name: say(lang, 'visas.online.title') }).count()).toBe(0);
    await h.page.goto(`${h.baseUrl}/my/visas/new`);
    await h.page
      .getByRole('status')
      .getByText(say(lang, 'visas.online.noVisaNeeded', { status: say(lang, 'legalStatus.citizen') }))
      .waitFor();
    await field(lang, 'visas.form.type.D').check();
    await field(lang, 'visas.form.nationality').selectOption('LVA');
    await field(lang, 'visas.form.documentNumber').fill('LV1234567');
    await field(lang, 'visas.form.documentCountry').selectOption('LVA');
    await field(lang, 'visas.form.documentValidUntil').fill(day(800));
    await field(lang, 'visas.national.ground').selectOption('family');
    await field(lang, 'visas.form.entry').fill(day(20));
    await field(lang, 'visas.form.exit').fill(day(40));
    await field(lang, 'visas.form.meansKind').selectOption('cash');
    await field(lang, 'visas.form.meansAmount').fill('900');
    await field(lang, 'portal.cases.email').fill('janis@example.invalid');
    await h.page.getByRole('button', { name: say(lang, 'visas.online.submit') }).click();
    await expectSummary(lang, [say(lang, 'visas.online.notForStatus', { field: say(lang, 'visas.form.visaType') })]);
    await checkPage('visas-online-not-for-status-en-1280');
  });
});

describe('a migration officer lodges a C visa at the desk', () => {
  for (const { lang, viewport } of ROUNDS) {
    it(`${lang} at ${viewport.width}×${viewport.height}`, async () => {
      await signIn({ staff: 'migration.officer' }, lang, viewport);
      await h.page.goto(`${h.baseUrl}/staff`);
      await h.page.getByRole('heading', { level: 1 }).waitFor();
      const migration = h.page.locator('#main-nav').getByRole('link', { name: say(lang, 'staff.nav.migration') });
      if (!(await migration.isVisible())) await h.page.getByRole('button', { name: say(lang, 'a11y.menu') }).click();
      await migration.click();
      await h.page.getByRole('heading', { level: 1, name: say(lang, 'staff.migration.title') }).waitFor();
      await checkPage(`visas-staff-migration-${lang}-${viewport.width}`);
      await h.page
        .getByRole('main')
        .getByRole('link', { name: say(lang, 'visas.desk.title') })
        .click();
      await h.page.getByRole('heading', { level: 1, name: say(lang, 'visas.desk.title') }).waitFor();

      // The applicant is in the register: found by personal code, her data fills the form.
      await field(lang, 'register.field.personalCode').fill(OLENA_CODE);
      await h.page.getByRole('button', { name: say(lang, 'visas.desk.lookupSubmit') }).click();
      await h.page
        .getByRole('status')
        .getByText(/Olena Shevchenko/)
        .waitFor();
      expect(await field(lang, 'register.field.surname').inputValue()).toBe('Shevchenko');

      await field(lang, 'visas.form.type.C').check();
      await h.page.getByText(say(lang, 'visas.fee.amount', { amount: formatMoney(9000, lang) })).waitFor();
      // At the desk the hints speak of the applicant, not to "you".
      await h.page.getByText(say(lang, 'visas.form.documentValidUntilHintDesk')).waitFor();
      await h.page.getByText(say(lang, 'visas.form.invitationHintDesk')).waitFor();
      await h.page.getByText(say(lang, 'visas.form.entryHintDesk')).waitFor();
      expect(await h.page.getByText(say(lang, 'visas.form.invitationHint'), { exact: true }).count()).toBe(0);
      await fillDeskApplication(lang, { exit: day(149), coverage: '10000' });
      await h.page.getByRole('button', { name: say(lang, 'visas.desk.submit') }).click();
      await expectSummary(lang, [
        say(lang, 'fieldReason.stay-too-long', { field: say(lang, 'visas.form.exit') }),
        say(lang, 'fieldReason.insurance-too-low', { field: say(lang, 'visas.form.coverage') }),
      ]);
      await checkPage(`visas-desk-refused-${lang}-${viewport.width}`);
      // The refusal was of a C visa: switched to D, none of it stays (the exit's and the hidden insurance's).
      await field(lang, 'visas.form.type.D').check();
      await field(lang, 'visas.national.ground').waitFor();
      await h.page.getByRole('alert').waitFor({ state: 'detached' });
      expect(await h.page.locator('.field-error').count()).toBe(0);
      await field(lang, 'visas.national.ground').selectOption('employment');
      await h.page.getByText(say(lang, 'visas.form.currentStayUntilHintDesk', { days: '3' })).waitFor();
      await h.page.getByLabel(say(lang, 'visas.form.insuranceNowDesk')).waitFor();
      await checkPage(`visas-desk-switched-to-d-${lang}-${viewport.width}`);
      // A look at the C visa and back keeps the national ground chosen (and the C visa's purpose the other way).
      await field(lang, 'visas.form.type.C').check();
      expect(await field(lang, 'visas.field.purpose').inputValue()).toBe('tourism');
      await field(lang, 'visas.form.type.D').check();
      await h.page.getByText(say(lang, 'visas.nationalDocument.employer-sponsorship')).waitFor();
      expect(await field(lang, 'visas.national.ground').inputValue()).toBe('employment');
      await field(lang, 'visas.form.type.C').check();

      await fillDeskApplication(lang, { exit: day(43), coverage: '30000' });
      await h.page.getByRole('button', { name: say(lang, 'visas.desk.submit') }).click();
      await h.page
        .getByRole('heading', {
          level: 1,
          name: new RegExp(`${say(lang, 'staff.case.title', { reference: '' })}VC-\\d{4}-\\d{6}`),
        })
        .waitFor();
      expect(h.page.url()).toMatch(/\/staff\/cases\/[0-9a-f-]{36}$/);
      await checkPage(`visas-desk-done-${lang}-${viewport.width}`);
    });
  }
});

/** The desk application from Olena's passport: a stay from day 30 to `exit`, insured for all of it with `coverage` euros. */
async function fillDeskApplication(lang: Lang, trip: { exit: string; coverage: string }): Promise<void> {
  await field(lang, 'visas.form.documentNumber').fill('FP123456');
  await field(lang, 'visas.form.documentCountry').selectOption('UKR');
  await field(lang, 'visas.form.documentValidUntil').fill(day(900));
  await field(lang, 'visas.field.purpose').selectOption('tourism');
  await field(lang, 'visas.form.entry').fill(day(30));
  await field(lang, 'visas.form.exit').fill(trip.exit);
  await field(lang, 'visas.form.insurer').fill('Demo Insurance');
  await field(lang, 'visas.form.policyNumber').fill('TMI-1');
  await field(lang, 'visas.form.coverage').fill(trip.coverage);
  await field(lang, 'visas.form.insuranceFrom').fill(day(30));
  await field(lang, 'visas.form.insuranceUntil').fill(trip.exit);
  await field(lang, 'visas.form.meansKind').selectOption('bank-statement');
  await field(lang, 'visas.form.meansAmount').fill('1500');
  await field(lang, 'visas.desk.email').fill('olena@example.invalid');
}
