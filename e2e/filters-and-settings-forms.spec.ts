/**
 * The last screens moved onto the contract form layer (decision 0022): branch settings refuse a day that
 * closes before it opens and an empty desk count, both at once and in the catalogue's words; a list filter
 * names a value it cannot take at its field while the list stays; the audit log asks for the person and the
 * reason. Latvian at 1280×900 and English on a phone (390×844), axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lv from '../src/shared/i18n/lv.json' with { type: 'json' };
import en from '../src/shared/i18n/en.json' with { type: 'json' };
import { axeViolations, screenshot, staffSignIn, startHarness, type Harness } from './harness.ts';
import { appointmentBranchId } from '../src/test/appointment-branch.ts';

const ROUNDS = [
  { lang: 'lv', viewport: { width: 1280, height: 900 } },
  { lang: 'en', viewport: { width: 390, height: 844 } },
] as const;
type Lang = (typeof ROUNDS)[number]['lang'];
const CATALOGUE: Record<Lang, Record<string, string>> = { lv, en };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.app.backgroundJobs.ensureAppointmentDefaults();
});
afterAll(() => h.close());

/** A catalogue message with its values put in (plain `{name}` placeholders only). */
const say = (lang: Lang, key: string, values: Record<string, string> = {}) =>
  Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, v), CATALOGUE[lang][key] as string);

async function open(
  path: string,
  lang: Lang,
  viewport: { width: number; height: number },
  title: string,
): Promise<void> {
  await h.page.setViewportSize(viewport);
  await h.page.goto(`${h.baseUrl}${path}`);
  await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
  await h.page.reload();
  await h.page.getByRole('heading', { level: 1, name: say(lang, title) }).waitFor();
}

describe('branch settings and the queue filter (supervisor)', () => {
  beforeAll(() => staffSignIn(h, 'supervisor'));

  for (const { lang, viewport } of ROUNDS) {
    it(`settings name a day closing before it opens and an empty desk count at once (${lang}, ${viewport.width} px)`, async () => {
      await open('/staff/appointments/settings', lang, viewport, 'appointments.settings.title');
      const friday = say(lang, 'appointments.weekday.5');
      const service = say(lang, 'appointments.service.document-application');
      const closes = say(lang, 'appointments.settings.closesOn', { day: friday });
      const desks = say(lang, 'appointments.settings.desksFor', { service });
      await h.page.getByLabel(closes).fill('07:00');
      await h.page.getByLabel(desks).fill('');
      await h.page.getByRole('button', { name: say(lang, 'appointments.settings.save') }).click();
      const summary = h.page.getByRole('alert');
      const messages = [
        say(lang, 'fieldReason.closes-before-opens', { field: closes }),
        say(lang, 'validation.required', { field: desks }),
      ];
      await summary.getByRole('link', { name: messages[0] }).waitFor();
      expect(await summary.getByRole('listitem').allTextContents()).toEqual(messages);
      await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await summary.getByRole('link', { name: messages[1] }).click();
      await expect(h.page.getByLabel(desks).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      expect(await axeViolations(h.page)).toEqual([]);
      await screenshot(h.page, `staff-branch-settings-refused-${lang}-${viewport.width}`);
      // Nothing was saved: the server still has Friday's own hours (the supervisor's branch is RIGA-1).
      const rigaId = await appointmentBranchId(h.app);
      const saved = (await (
        await h.page.request.get(`${h.baseUrl}/api/appointments/branches/${rigaId}/settings`)
      ).json()) as { hours: Array<{ isoWeekday: number; closes: string }> };
      expect(saved.hours.find((x) => x.isoWeekday === 5)?.closes).not.toBe('07:00');
    });

    it(`the queue filter names a number of days it cannot take at the field, and takes a good one (${lang}, ${viewport.width} px)`, async () => {
      await open('/staff/cases', lang, viewport, 'staff.queue.title');
      const label = say(lang, 'staff.queue.dueWithin');
      const field = h.page.getByLabel(label);
      await field.fill('abc');
      await h.page
        .getByText(say(lang, 'validation.invalid', { field: label }))
        .first()
        .waitFor();
      // Typing keeps focus in the field: the summary does not take it.
      await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      expect(await axeViolations(h.page)).toEqual([]);
      await screenshot(h.page, `staff-queue-filter-refused-${lang}-${viewport.width}`);
      await field.fill('500');
      await h.page
        .getByText(say(lang, 'validation.tooLarge', { field: label }).replace('{max, number}', '400'))
        .first()
        .waitFor();
      await field.fill('5');
      await h.page.getByRole('alert').waitFor({ state: 'detached' });
      expect(await field.getAttribute('aria-invalid')).toBeNull();
    });
  }
});

describe('the audit log (auditor)', () => {
  beforeAll(async () => {
    await h.page.context().clearCookies();
    // The sign-in helper reads the Latvian labels; the rounds before ended in English.
    await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
    await staffSignIn(h, 'auditor');
  });

  for (const { lang, viewport } of ROUNDS) {
    it(`asks for the person and the reason at once, and a person identifier in its form (${lang}, ${viewport.width} px)`, async () => {
      await open('/staff/audit', lang, viewport, 'staff.audit.title');
      const person = say(lang, 'staff.audit.personId');
      const reason = say(lang, 'staff.audit.reason');
      const show = h.page.getByRole('button', { name: say(lang, 'staff.audit.show') });
      await show.click();
      const summary = h.page.getByRole('form', { name: say(lang, 'staff.audit.personTitle') }).getByRole('alert');
      await summary.getByRole('heading', { name: say(lang, 'errors.fixTitle') }).waitFor();
      expect(await summary.getByRole('listitem').allTextContents()).toEqual([
        say(lang, 'validation.required', { field: person }),
        say(lang, 'validation.required', { field: reason }),
      ]);
      await h.page.getByLabel(person).fill('not-an-identifier');
      await h.page.getByLabel(reason).fill('Sūdzība 2027/9');
      await show.click();
      await summary.getByRole('link', { name: say(lang, 'validation.invalid', { field: person }) }).waitFor();
      expect(await axeViolations(h.page)).toEqual([]);
      await screenshot(h.page, `staff-audit-refused-${lang}-${viewport.width}`);
    });
  }
});
