/**
 * Refusals name their rule (issue 23, item 3), in the browser: a second booking of the same service says
 * the one-booking-per-service rule with the visit already booked (its date and time in the page's
 * convention), never "the data has changed"; a later day's visit offers no "Arrived" and says visits are
 * marked on their day (the API's refusal of it, with its rule, is tested in appointments.refusals.test.ts).
 * In Latvian and English, at 1280×900 and on a phone (390×844), axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../src/shared/kernel/display-format.ts';
import { addDays, plainDateInZone } from '../src/shared/kernel/plain-date.ts';
import lv from '../src/shared/i18n/lv.json' with { type: 'json' };
import en from '../src/shared/i18n/en.json' with { type: 'json' };
import {
  axeViolations,
  type Harness,
  residentSignIn,
  ROUNDS,
  screenshot,
  staffSignIn,
  startHarness,
} from './harness.ts';
import { appointmentBranchId } from '../src/test/appointment-branch.ts';

type Lang = (typeof ROUNDS)[number]['lang'];
const CATALOGUE: Record<Lang, Record<string, string>> = { lv, en };

let h: Harness;
let rigaId = '';
/** Anna's visit, booked for a later day than today. */
let visit = { startsAt: '', date: '' };

beforeAll(async () => {
  h = await startHarness();
  await h.app.backgroundJobs.ensureAppointmentDefaults();
  rigaId = await appointmentBranchId(h.app);
});
afterAll(() => h.close());

/** The first free time on the first working day after today (weekends and holidays have none). */
async function firstFreeTimeAfterToday(): Promise<{ startsAt: string; date: string }> {
  for (let d = 1; d < 15; d++) {
    // Days on the office's calendar: between 22:00 and 24:00 UTC it is already tomorrow in Riga.
    const date = addDays(plainDateInZone(new Date(), 'Europe/Riga'), d);
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/public/appointments/slots?branchId=${rigaId}&service=document-application&date=${date}`,
    });
    const slot = ((res.json() as { slots?: Array<{ startsAt: string; free: number }> }).slots ?? []).find(
      (s) => s.free > 0,
    );
    if (slot) return { startsAt: slot.startsAt, date };
  }
  throw new Error('no free time in the next two weeks');
}

async function inLanguage(url: string, lang: Lang, viewport: { width: number; height: number }): Promise<void> {
  await h.page.setViewportSize(viewport);
  await h.page.goto(url);
  await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
  await h.page.reload();
}

/** The page shows the refusal's own words, and not the generic conflict or "not allowed now" text. */
async function expectRefusal(lang: Lang, text: string): Promise<void> {
  await h.page.getByRole('alert').getByText(text, { exact: false }).waitFor();
  const alert = (await h.page.getByRole('alert').textContent()) ?? '';
  expect(alert).not.toContain(CATALOGUE[lang]['error.CONFLICT']);
  expect(alert).not.toContain(CATALOGUE[lang]['error.INVALID_STATE']);
  expect(await axeViolations(h.page)).toEqual([]);
}

describe('refusals say their rule', () => {
  it('a second booking of the same service names the visit already booked', async () => {
    await residentSignIn(h, /Anna Marija Ozola/);
    visit = await firstFreeTimeAfterToday();
    // The first visit, booked through the API with the browser's session (the form is the subject of the second).
    const session = (await (await h.page.request.get(`${h.baseUrl}/api/session`)).json()) as { csrfToken: string };
    const first = await h.page.request.post(`${h.baseUrl}/api/portal/me/appointments`, {
      headers: { 'x-csrf-token': session.csrfToken, origin: h.baseUrl },
      data: { branchId: rigaId, serviceCode: 'document-application', startsAt: visit.startsAt, language: 'lv' },
    });
    expect(first.status(), await first.text()).toBe(201);
    const said = {
      lv: `Personai Anna Marija Ozola šim pakalpojumam jau ir pieraksts: ${formatDateTime(visit.startsAt, 'lv', 'Europe/Riga')}.`,
      en: `Anna Marija Ozola already has a visit booked for this service: ${formatDateTime(visit.startsAt, 'en', 'Europe/Riga')}.`,
    };
    for (const { lang, viewport } of ROUNDS) {
      await inLanguage(`${h.baseUrl}/my/appointments/new?branch=${rigaId}`, lang, viewport);
      await h.page.getByRole('heading', { level: 1, name: CATALOGUE[lang]['appointments.book.title'] }).waitFor();
      await h.page.locator('input[name="slot"]').first().check();
      await h.page.getByRole('button', { name: CATALOGUE[lang]['appointments.book.submit'], exact: true }).click();
      await expectRefusal(lang, said[lang]);
      await screenshot(h.page, `refusal-second-booking-${lang}-${viewport.width}`);
    }
  });

  it('a later day’s visit offers no "Arrived" (the office marks visits on their day) and says so', async () => {
    await h.page.context().clearCookies();
    await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
    await staffSignIn(h, 'document.officer');
    for (const { lang, viewport } of ROUNDS) {
      await inLanguage(`${h.baseUrl}/staff/appointments`, lang, viewport);
      await h.page.getByRole('heading', { level: 1, name: CATALOGUE[lang]['appointments.desk.title'] }).waitFor();
      await h.page.getByLabel(lang === 'lv' ? 'Datums' : 'Date', { exact: true }).fill(visit.date);
      const row = h.page.getByRole('row', { name: /Anna Marija Ozola/ });
      await row.getByText(CATALOGUE[lang]['appointments.desk.markOnTheDay'] as string).waitFor();
      expect(await row.getByRole('button').count()).toBe(0);
      expect(await axeViolations(h.page)).toEqual([]);
      await screenshot(h.page, `refusal-mark-on-the-day-${lang}-${viewport.width}`);
    }
  });
});
