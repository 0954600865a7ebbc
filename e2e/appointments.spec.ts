/**
 * Appointments in the browser: the resident books a visit for tomorrow's first free time and sees it in
 * their list; the desk sees it in the day's list; a walk-in visitor gets a number, the desk calls it, and
 * the waiting-room screen shows it.
 * axe-clean on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, residentSignIn, screenshot, staffSignIn, startHarness, type Harness } from './harness.ts';
import { appointmentBranchId } from '../src/test/appointment-branch.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.app.backgroundJobs.ensureAppointmentDefaults();
});
afterAll(() => h.close());

let booked = '';
let bookedDay = '';
let rigaId = '';

describe('appointments through both UIs', () => {
  it('the resident books the first free time of the first bookable day (choosing no time is named first)', async () => {
    await residentSignIn(h, /Anna Marija Ozola/);
    await h.page.getByRole('link', { name: 'Mani pieraksti' }).first().click();
    await h.page.getByRole('heading', { level: 1, name: 'Mani pieraksti' }).waitFor();
    await h.page.getByRole('link', { name: 'Pierakstīties' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Pierakstīties uz pakalpojumu' }).waitFor();
    // The document officer works at RIGA-1: the visit is booked there.
    rigaId = await appointmentBranchId(h.app);
    await h.page.getByLabel('Nodaļa').selectOption(rigaId);
    // The date field starts at the first bookable day (weekends, holidays and past days are not offered).
    await h.page.locator('input[name="slot"]').first().waitFor();
    bookedDay = await h.page.getByLabel('Datums').inputValue();
    await h.page.getByRole('button', { name: 'Pierakstīties' }).click();
    await h.page.getByRole('alert').getByText('izvēlieties vienu no brīvajiem laikiem').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-book-appointment');
    const slot = h.page.locator('input[name="slot"]').first();
    await slot.check();
    booked = ((await h.page.locator(`label[for="${await slot.getAttribute('id')}"]`).textContent()) ?? '').slice(0, 5);
    await h.page.getByLabel(/E-pasts apstiprinājumam/).fill('anna@example.invalid');
    await h.page.getByRole('button', { name: 'Pierakstīties' }).click();
    await h.page.getByText(new RegExp(`: pieraksts .* plkst. ${booked}`)).waitFor();
    await h.page
      .getByRole('row', { name: new RegExp(booked) })
      .getByText('Pierakstīts')
      .waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-my-appointments');
  });

  it('the desk finds the visit in that day’s list, gives a walk-in visitor a number and calls it', async () => {
    await h.page.context().clearCookies();
    await staffSignIn(h, 'document.officer');
    await h.page.getByRole('link', { name: 'Pieraksti' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Dienas pieraksti un rinda' }).waitFor();
    const list = (await h.page.request.get(`${h.baseUrl}/api/portal/me/appointments`)).status();
    expect(list).toBe(403);
    await h.page.getByLabel('Datums').fill(bookedDay);
    await h.page
      .getByRole('row', { name: /Anna Marija Ozola/ })
      .getByText(booked)
      .waitFor();
    await h.page.getByRole('button', { name: 'Izsniegt numuru' }).click();
    await h.page.getByText(/Izsniegts numurs 1/).waitFor();
    await h.page.getByRole('button', { name: 'Izsaukt nākamo' }).click();
    await h.page.getByText('Izsaukts numurs 1.').waitFor();
    await h.page.locator('dd.queue-number', { hasText: '1' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-desk-day');
  });

  it('the waiting-room screen shows the number called, to anyone', async () => {
    await h.page.context().clearCookies();
    await h.page.goto(`${h.baseUrl}/queue?branch=${rigaId}`);
    await h.page.getByRole('heading', { level: 1, name: 'Rinda nodaļā' }).waitFor();
    await h.page.locator('.queue-number--screen', { hasText: '1' }).waitFor();
    await h.page.getByText('Gaida 0 apmeklētāju').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-queue-screen');
  });

  it('the branch’s supervisor shortens Friday’s hours', async () => {
    await staffSignIn(h, 'supervisor');
    await h.page.getByRole('link', { name: 'Nodaļas darba laiks' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Nodaļas darba laiks un vietas' }).waitFor();
    await h.page.getByLabel('Slēdz: Piektdiena').fill('15:00');
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-branch-settings');
    await h.page.getByRole('button', { name: 'Saglabāt' }).click();
    await h.page.getByText(/^Saglabāts/).waitFor();
    const settings = await h.page.request.get(`${h.baseUrl}/api/appointments/branches/${rigaId}/settings`);
    expect(
      ((await settings.json()) as { hours: Array<{ isoWeekday: number; closes: string }> }).hours.find(
        (x) => x.isoWeekday === 5,
      )?.closes,
    ).toBe('15:00');
  });
});
