/**
 * The booking form and the online document application on the contract form layer (decision 0022), in
 * Latvian and English, at 1280×900 and on a phone (390×844): sent with input missing or wrong, the error
 * summary takes focus and names each problem in page order in the catalogue's words (no time chosen, an
 * e-mail that is not one, a closed day as the server would refuse it, no pickup branch, a photo that is not
 * JPEG or PNG); a photo the server refuses for its pixels lands at the photo field. axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '../src/test/photos.ts';
import lv from '../src/shared/i18n/lv.json' with { type: 'json' };
import en from '../src/shared/i18n/en.json' with { type: 'json' };
import { axeViolations, type Harness, residentSignIn, ROUNDS, screenshot, startHarness } from './harness.ts';
import { appointmentBranchId } from '../src/test/appointment-branch.ts';

type Lang = (typeof ROUNDS)[number]['lang'];
const CATALOGUE: Record<Lang, Record<string, string>> = { lv, en };
/** The server's reason for refusing a time on a closed day, per the calendar's reason. */
const CLOSED_REASON = {
  'public-holiday': 'branch-closed-holiday',
  'rest-day': 'branch-closed-weekend',
  'branch-closed': 'branch-closed-weekday',
} as const;
type Calendar = { firstDay: string; closedDays: Array<{ date: string; reason: keyof typeof CLOSED_REASON }> };

let h: Harness;
let rigaId = '';
let calendar: Calendar;
beforeAll(async () => {
  h = await startHarness();
  await h.app.backgroundJobs.seedDemoDocuments();
  await h.app.backgroundJobs.ensureAppointmentDefaults();
  rigaId = await appointmentBranchId(h.app);
  calendar = (
    await h.app.inject({
      method: 'GET',
      url: `/api/public/appointments/calendar?branchId=${rigaId}&service=document-application`,
    })
  ).json() as Calendar;
  await residentSignIn(h, /Anna Marija Ozola/);
});
afterAll(() => h.close());

/** A catalogue message naming a field by its label, as the page says it. */
const says = (lang: Lang, key: string, labelKey: string): string =>
  (CATALOGUE[lang][key] as string).replace('{field}', CATALOGUE[lang][labelKey] as string);

async function open(
  path: string,
  lang: Lang,
  viewport: { width: number; height: number },
  heading: string,
): Promise<void> {
  await h.page.setViewportSize(viewport);
  await h.page.goto(`${h.baseUrl}${path}`);
  await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
  await h.page.reload();
  await h.page.getByRole('heading', { level: 1, name: CATALOGUE[lang][heading] }).waitFor();
}

/** The summary lists exactly these problems, in this order, and has focus (so a screen reader reads it). */
async function summarySays(expected: string[]): Promise<void> {
  const summary = h.page.getByRole('alert');
  await summary.getByText(expected[0] as string, { exact: false }).waitFor();
  expect(await summary.getByRole('listitem').allTextContents()).toEqual(expected);
  expect(await h.page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
  expect(await axeViolations(h.page)).toEqual([]);
}

describe('the booking form says what is missing or wrong', () => {
  for (const { lang, viewport } of ROUNDS) {
    it(`no time and a bad e-mail, then a closed day (${lang}, ${viewport.width} px)`, async () => {
      const x = CATALOGUE[lang];
      await open(`/my/appointments/new?branch=${rigaId}`, lang, viewport, 'appointments.book.title');
      await h.page.locator('input[name="slot"]').first().waitFor();
      await h.page.getByLabel(x['appointments.field.email'] as string).fill('anna-at-example');
      await h.page.getByRole('button', { name: x['appointments.book.submit'], exact: true }).click();
      await summarySays([
        says(lang, 'validation.chooseTime', 'appointments.field.time'),
        says(lang, 'validation.email', 'appointments.field.email'),
      ]);
      // Each message stands at its field too.
      await h.page
        .locator('#contactEmail-error')
        .getByText(says(lang, 'validation.email', 'appointments.field.email'))
        .waitFor();
      await screenshot(h.page, `booking-form-errors-${lang}-${viewport.width}`);

      // A closed day is refused as the server refuses a time on it; no time is asked for on it.
      const closed = calendar.closedDays[0] as Calendar['closedDays'][number];
      await h.page.getByLabel(x['appointments.field.date'] as string, { exact: true }).fill(closed.date);
      await h.page.getByRole('button', { name: x['appointments.book.submit'], exact: true }).click();
      await summarySays([
        says(lang, `fieldReason.${CLOSED_REASON[closed.reason]}`, 'appointments.field.date'),
        says(lang, 'validation.email', 'appointments.field.email'),
      ]);
      await screenshot(h.page, `booking-form-closed-day-${lang}-${viewport.width}`);

      // An empty day is asked for as such.
      await h.page.getByLabel(x['appointments.field.date'] as string, { exact: true }).fill('');
      await h.page.getByLabel(x['appointments.field.email'] as string).fill('anna@example.invalid');
      await h.page.getByRole('button', { name: x['appointments.book.submit'], exact: true }).click();
      await summarySays([says(lang, 'validation.required', 'appointments.field.date')]);
    });
  }
});

describe('the online document application says what is missing or wrong', () => {
  for (const { lang, viewport } of ROUNDS) {
    it(`no pickup branch, a bad e-mail and a photo that is not one; then a photo too small (${lang}, ${viewport.width} px)`, async () => {
      const x = CATALOGUE[lang];
      await open('/my/documents/apply', lang, viewport, 'documents.apply.title');
      await h.page
        .getByLabel(x['documents.application.documentType'] as string, { exact: true })
        .selectOption('passport');
      await h.page
        .getByLabel(x['documents.application.photo'] as string)
        .setInputFiles({ name: 'foto.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
      await h.page.getByLabel(x['portal.contact.email'] as string).fill('anna-at-example');
      await h.page.getByRole('button', { name: x['documents.apply.submit'] }).click();
      await summarySays([
        says(lang, 'validation.choose', 'documents.application.pickup'),
        says(lang, 'fieldReason.photo-format', 'documents.application.photo'),
        says(lang, 'validation.email', 'portal.contact.email'),
      ]);
      await screenshot(h.page, `document-application-errors-${lang}-${viewport.width}`);

      // The browser cannot see a photo's pixels: the server's refusal stands at the photo field.
      await h.page.getByLabel(x['documents.application.pickup'] as string).selectOption({ index: 1 });
      await h.page
        .getByLabel(x['documents.application.photo'] as string)
        .setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from(png(200, 260)) });
      await h.page.getByLabel(x['portal.contact.email'] as string).fill('anna@example.invalid');
      await h.page.getByRole('button', { name: x['documents.apply.submit'] }).click();
      await summarySays([says(lang, 'fieldReason.photo-too-small', 'documents.application.photo')]);
      await h.page
        .locator('#photo-error')
        .getByText(says(lang, 'fieldReason.photo-too-small', 'documents.application.photo'))
        .waitFor();
      await screenshot(h.page, `document-application-photo-refused-${lang}-${viewport.width}`);
    });
  }
});
