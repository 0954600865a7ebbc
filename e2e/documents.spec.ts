/**
 * Documents in the browser: the resident sees their family's documents and reports a passport stolen;
 * anyone, without signing in, checks the number and learns it is invalid; a document officer sees the
 * MRZ on the person card and invalidates a damaged card. axe-clean on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, residentSignIn, screenshot, staffSignIn, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.app.backgroundJobs.seedDemoDocuments();
});
afterAll(() => h.close());

let stolen = '';

describe('documents through both UIs', () => {
  it('the resident sees their own and their daughter’s documents and reports the passport stolen', async () => {
    await residentSignIn(h, /Anna Marija Ozola/);
    await h.page.getByRole('link', { name: 'Mani dokumenti' }).first().click();
    await h.page.getByRole('heading', { level: 1, name: 'Mani dokumenti' }).waitFor();
    await h.page.getByRole('heading', { level: 2, name: 'Sofija Ozola' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-my-documents');
    const row = h.page
      .getByRole('region', { name: 'Anna Marija Ozola' })
      .getByRole('row', { name: /Latvijas pilsoņa pase/ });
    stolen = ((await row.getByRole('cell').nth(1).textContent()) ?? '').trim();
    expect(stolen).toMatch(/^LV\d{7}$/);
    await row.getByRole('button', { name: /Ziņot par nozaudētu vai nozagtu/ }).click();
    await h.page.getByRole('button', { name: 'Padarīt dokumentu nederīgu' }).click();
    await h.page.getByRole('alert').getByText('Apstākļi').waitFor();
    await h.page.getByRole('radio', { name: 'nozagts', exact: true }).check();
    await h.page.getByLabel('Apstākļi').fill('Somu nozaga tramvajā.');
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-report-stolen');
    await h.page.getByRole('button', { name: 'Padarīt dokumentu nederīgu' }).click();
    await h.page.getByText(`Dokuments ${stolen} ir nederīgs kopš`).waitFor();
    await h.page
      .getByRole('row', { name: new RegExp(stolen) })
      .getByText('nozagts')
      .waitFor();
  });

  it('the resident gives an e-mail address for the office’s reminders', async () => {
    await h.page.getByRole('navigation').getByRole('link', { name: 'Mani kontakti' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Mani kontakti' }).waitFor();
    await h.page.getByLabel('E-pasts').fill('anna@example');
    await h.page.getByRole('button', { name: 'Saglabāt' }).click();
    await h.page.getByRole('alert').getByText('E-pasts').waitFor();
    await h.page.getByLabel('E-pasts').fill('anna@example.invalid');
    await h.page.getByRole('button', { name: 'Saglabāt' }).click();
    await h.page.getByText('Atgādinājumus sūtīsim uz anna@example.invalid.').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-my-contact');
  });

  it('anyone checks the number without signing in and learns it is invalid; an unknown number is unknown', async () => {
    await h.page.context().clearCookies();
    await h.page.goto(`${h.baseUrl}/`);
    await h.page.getByRole('link', { name: 'Pārbaudīt dokumentu' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Dokumenta derīguma pārbaude' }).waitFor();
    await h.page.getByRole('button', { name: 'Pārbaudīt' }).click();
    await h.page.getByRole('alert').getByText('Dokumenta numurs').waitFor();
    await h.page.getByLabel('Dokumenta numurs').fill(stolen.toLowerCase());
    await h.page.getByRole('button', { name: 'Pārbaudīt' }).click();
    await h.page.getByText(`Dokuments ${stolen} nav derīgs kopš`).waitFor();
    expect(await h.page.getByText('Ozola').count()).toBe(0);
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-document-check-invalid');
    await h.page.getByLabel('Dokumenta numurs').fill('LV0000000');
    await h.page.getByRole('button', { name: 'Pārbaudīt' }).click();
    await h.page.getByText('Dokuments LV0000000 nav atrasts.').waitFor();
  });

  it('a document officer sees the documents with their MRZ on the person card and invalidates a damaged identity card', async () => {
    await staffSignIn(h, 'document.officer');
    await h.page.goto(`${h.baseUrl}/staff/register/persons/00000000-0000-4000-8000-000000000002`);
    await h.page.getByLabel('Iemesls (ja nav lietas)').fill('Iedzīvotāja iesniegums klātienē');
    await h.page.getByRole('button', { name: 'Atvērt personas datus' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Anna Marija Ozola' }).waitFor();
    const card = h.page.getByRole('row', { name: /Personas apliecība/ });
    await card.getByText(/^I<LVAPA\d{7}/).waitFor();
    await card.getByRole('button', { name: /Padarīt nederīgu/ }).click();
    await h.page.getByLabel('Pamatojums').fill('Mikroshēma bojāta, pārbaudīts klātienē.');
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-document-invalidate');
    await h.page.getByRole('button', { name: 'Atzīt par nederīgu' }).click();
    await h.page.getByText(/Dokuments PA\d{7} ir nederīgs kopš/).waitFor();
    await h.page
      .getByRole('row', { name: /Personas apliecība/ })
      .getByText('bojāts', { exact: false })
      .waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-person-documents');
  });
});
