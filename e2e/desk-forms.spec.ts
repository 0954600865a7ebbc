/**
 * The document desk's forms on the contract form layer (decision 0022): the officer sends a new application
 * with the identity-document method but no number and no photo, and the error summary names both, in the
 * words of the catalogue, in Latvian and English, at 1280×900 and on a phone (390×844), axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lv from '../src/shared/i18n/lv.json' with { type: 'json' };
import en from '../src/shared/i18n/en.json' with { type: 'json' };
import { axeViolations, type Harness, ROUNDS, screenshot, staffSignIn, startHarness } from './harness.ts';

const ANNA = '00000000-0000-4000-8000-000000000002';
type Lang = (typeof ROUNDS)[number]['lang'];
const CATALOGUE: Record<Lang, Record<string, string>> = { lv, en };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await staffSignIn(h, 'document.officer');
});
afterAll(() => h.close());

const say = (lang: Lang, key: string, values: Record<string, string> = {}) =>
  Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, v), CATALOGUE[lang][key] as string);

async function openDesk(lang: Lang, viewport: { width: number; height: number }): Promise<void> {
  await h.page.setViewportSize(viewport);
  await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
  await h.page.goto(`${h.baseUrl}/staff/register/persons/${ANNA}`);
  await h.page.getByLabel(say(lang, 'purpose.reason')).fill('Dokumenta pieteikums klātienē');
  await h.page.getByRole('button', { name: say(lang, 'purpose.confirm') }).click();
  await h.page.getByRole('heading', { level: 2, name: say(lang, 'documents.desk.title') }).waitFor();
}

describe('the desk’s new-application form refuses a missing number and photo in the catalogue’s words', () => {
  for (const { lang, viewport } of ROUNDS) {
    it(`${lang} at ${viewport.width}×${viewport.height}`, async () => {
      await openDesk(lang, viewport);
      const form = h.page.getByRole('form', { name: say(lang, 'documents.desk.new') });
      await expect(
        form.getByRole('radio', { name: say(lang, 'documents.desk.method.identity-document') }).isChecked(),
      ).resolves.toBe(true);
      await form.getByRole('button', { name: say(lang, 'documents.desk.submit') }).click();
      const summary = form.getByRole('alert');
      await summary.getByRole('heading', { name: say(lang, 'errors.fixTitle') }).waitFor();
      const number = say(lang, 'validation.required', { field: say(lang, 'documents.desk.identityNumber') });
      const photo = say(lang, 'fieldReason.photo-missing', { field: say(lang, 'documents.desk.photo') });
      await summary.getByRole('link', { name: number }).waitFor();
      await summary.getByRole('link', { name: photo }).waitFor();
      expect(await summary.getByRole('listitem').allTextContents()).toEqual([number, photo]);
      // The summary takes focus; its link moves focus to the field.
      await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await summary.getByRole('link', { name: number }).click();
      await expect(
        form.getByLabel(say(lang, 'documents.desk.identityNumber')).evaluate((el) => el === document.activeElement),
      ).resolves.toBe(true);
      expect(await axeViolations(h.page)).toEqual([]);
      await screenshot(h.page, `staff-desk-new-refused-${lang}-${viewport.width}`);
    });
  }
});
