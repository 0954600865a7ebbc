/**
 * The journey in the browser, on the embedded engine: a resident prepares a passport application
 * online, pays and books the visit with it; the officer at the desk checks identity and takes the photo;
 * a second officer approves; the batch is created, exported signed and confirmed; the document is handed
 * over with a valid MRZ; the resident reports it stolen; the public check says invalid. axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, residentSignIn, screenshot, staffSignIn, startHarness, type Harness } from './harness.ts';
import { png } from '../src/test/photos.ts';
import { parseMrz } from '../src/shared/kernel/mrz.ts';
import { plainDate } from '../src/shared/kernel/plain-date.ts';

const ANNA = '00000000-0000-4000-8000-000000000002';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.app.backgroundJobs.seedDemoDocuments();
  await h.app.backgroundJobs.ensureAppointmentDefaults();
});
afterAll(() => h.close());

let reference = '';
let issued = '';
const photo = { name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from(png(420, 540)) };

/** Another staff member at the same browser: the earlier session ends first. */
async function switchTo(username: string) {
  await h.page.context().clearCookies();
  await staffSignIn(h, username);
}

async function openPersonCard(personId: string) {
  await h.page.goto(`${h.baseUrl}/staff/register/persons/${personId}`);
  await h.page.getByLabel('Iemesls (ja nav lietas)').fill('Dokumenta pieteikums klātienē');
  await h.page.getByRole('button', { name: 'Atvērt personas datus' }).click();
  await h.page.getByRole('heading', { level: 2, name: 'Dokumentu pieņemšana un izsniegšana' }).waitFor();
}

describe('a passport from the online application to the public check', () => {
  it('the resident prepares the application, pays and books the visit with it', async () => {
    await residentSignIn(h, /Anna Marija Ozola/);
    await h.page.getByRole('link', { name: 'Mani dokumenti' }).first().click();
    await h.page.getByRole('link', { name: 'Pieteikties pasei vai eID kartei' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Pieteikties dokumentam' }).waitFor();
    await h.page.getByRole('radio', { name: 'Sev' }).check();
    await h.page.getByLabel('Dokuments').selectOption('passport');
    // No branch chosen: named first.
    await h.page.getByRole('button', { name: 'Sagatavot pieteikumu' }).click();
    await h.page.getByRole('alert').getByText('Saņemšanas nodaļa').waitFor();
    await h.page.getByLabel('Saņemšanas nodaļa').selectOption({ label: 'Rīgas 1. nodaļa' });
    await h.page.getByLabel('E-pasts').fill('anna@example.invalid');
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-apply-document');
    await h.page.getByRole('button', { name: 'Sagatavot pieteikumu' }).click();
    const created = await h.page.getByText(/Pieteikums DP-2026-\d{6} sagatavots/).textContent();
    reference = /DP-2026-\d{6}/.exec(created ?? '')?.[0] ?? '';
    await h.page.getByRole('button', { name: /^Samaksāt 50,00\s€$/ }).click();
    await h.page.getByText('Nodeva samaksāta.').waitFor();
    await h.page.getByText(/Samaksāts .* \(maksājot tiešsaistē\)/).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-application-paid');

    await h.page.getByRole('link', { name: 'Pierakstīties vizītei ar šo pieteikumu' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Pierakstīties uz pakalpojumu' }).waitFor();
    for (let d = 1; d < 10; d++) {
      await h.page.getByLabel('Datums').fill(new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10));
      const slot = h.page.locator('input[name="slot"]').first();
      await slot.or(h.page.getByText('Šajā dienā brīvu laiku nav.')).waitFor();
      if (await slot.count()) break;
    }
    await h.page.locator('input[name="slot"]').first().check();
    await h.page.getByRole('button', { name: 'Pierakstīties' }).click();
    await h.page.getByText(/: pieraksts .* plkst\./).waitFor();
  });

  it('the officer at the desk checks identity, takes the photo and the application', async () => {
    await switchTo('document.officer');
    await openPersonCard(ANNA);
    const form = h.page.getByRole('form', { name: new RegExp(`Tiešsaistē sagatavots pieteikums: ${reference}`) });
    await form.getByText(/^Nodeva samaksāta tiešsaistē \(50,00\s€\)\.$/).waitFor();
    // No document number: named.
    await form.getByRole('button', { name: 'Pieņemt sagatavoto pieteikumu' }).click();
    await form.getByRole('alert').getByText('Uzrādītā dokumenta numurs').waitFor();
    const passport = (
      (await h.page
        .getByRole('row', { name: /Latvijas pilsoņa pase/ })
        .getByRole('cell')
        .nth(1)
        .textContent()) ?? ''
    ).trim();
    await form.getByLabel('Uzrādītā dokumenta numurs').fill(passport);
    await form.getByLabel('Fotoattēls').setInputFiles(photo);
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-document-desk');
    await form.getByRole('button', { name: 'Pieņemt sagatavoto pieteikumu' }).click();
    await h.page.getByText(new RegExp(`Pieteikums ${reference} pieņemts; gatavs līdz`)).waitFor();
  });

  it('a second officer approves; the batch is exported and confirmed', async () => {
    await switchTo('document.officer2');
    await h.page.goto(`${h.baseUrl}/staff/cases`);
    await h.page.getByRole('link', { name: reference }).click();
    await h.page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    await h.page.getByRole('button', { name: 'Apstiprināt', exact: true }).click();
    await h.page.getByText('Apstiprināts', { exact: true }).first().waitFor();

    await switchTo('supervisor');
    await h.page.getByRole('link', { name: 'Izgatavošanas partijas' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Izgatavošanas partijas' }).waitFor();
    await h.page.getByRole('button', { name: 'Izveidot partiju' }).click();
    await h.page.getByText(/Partija PB-\d{8}-\w+ izveidota: 1 dokuments/).waitFor();
    const exported = await h.page.request.get(
      `${h.baseUrl}${(await h.page.getByRole('link', { name: 'Lejupielādēt parakstīto eksportu' }).getAttribute('href')) ?? ''}`,
    );
    expect(exported.status()).toBe(200);
    expect(Object.keys(JSON.parse(await exported.text()) as object).sort()).toEqual([
      'payload',
      'protected',
      'signature',
    ]);
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-production-batch');
    await h.page.getByRole('button', { name: 'Atzīmēt visus gaidošos kā izgatavotus' }).click();
    await h.page.getByText('Apstiprinājums reģistrēts.').waitFor();
    await h.page
      .getByRole('row', { name: new RegExp(reference) })
      .getByText('Izgatavots')
      .waitFor();
  });

  it('the officer hands the passport over; it carries a valid MRZ', async () => {
    await switchTo('document.officer');
    await openPersonCard(ANNA);
    const form = h.page.getByRole('form', { name: new RegExp(`Gatavs izsniegšanai: ${reference}`) });
    await form.getByRole('radio', { name: 'Biometrijas salīdzināšana ar reģistru' }).check();
    const button = form.getByRole('button', { name: /Izsniegt dokumentu LV\d{7}/ });
    issued = /LV\d{7}/.exec((await button.textContent()) ?? '')?.[0] ?? '';
    await button.click();
    await h.page.getByText(`Dokuments ${issued} izsniegts un ir derīgs.`).waitFor();
    // The row shows the MRZ's two lines one after the other.
    const rowText = (await h.page.getByRole('row', { name: new RegExp(issued) }).textContent()) ?? '';
    const start = rowText.indexOf('P<LVA');
    const lines = [rowText.slice(start, start + 44), rowText.slice(start + 44, start + 88)];
    expect(parseMrz(lines, { today: plainDate(new Date().toISOString().slice(0, 10)) })).toMatchObject({
      valid: true,
      documentNumber: issued,
    });
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-document-handed-over');
  });

  it('the resident reports it stolen and the public check says invalid', async () => {
    await h.page.context().clearCookies();
    await residentSignIn(h, /Anna Marija Ozola/);
    await h.page.getByRole('link', { name: 'Mani dokumenti' }).first().click();
    const row = h.page.getByRole('row', { name: new RegExp(issued) });
    await row.getByRole('button', { name: /Ziņot par nozaudētu vai nozagtu/ }).click();
    await h.page.getByRole('radio', { name: 'nozagts', exact: true }).check();
    await h.page.getByLabel('Apstākļi').fill('Pasi nozaga vilcienā.');
    await h.page.getByRole('button', { name: 'Padarīt dokumentu nederīgu' }).click();
    await h.page.getByText(`Dokuments ${issued} ir nederīgs kopš`).waitFor();
    await h.page.context().clearCookies();
    await h.page.goto(`${h.baseUrl}/document-check`);
    await h.page.getByLabel('Dokumenta numurs').fill(issued);
    await h.page.getByRole('button', { name: 'Pārbaudīt' }).click();
    await h.page.getByText(`Dokuments ${issued} nav derīgs kopš`).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
  });

  it('an application for pickup at another branch is named at this desk, where to send the applicant', async () => {
    await h.page.context().clearCookies();
    await residentSignIn(h, /Anna Marija Ozola/);
    await h.page.getByRole('link', { name: 'Mani dokumenti' }).first().click();
    await h.page.getByRole('link', { name: 'Pieteikties pasei vai eID kartei' }).click();
    await h.page.getByRole('radio', { name: 'Sev' }).check();
    await h.page.getByLabel('Dokuments').selectOption('identity-card');
    await h.page.getByLabel('Saņemšanas nodaļa').selectOption({ label: 'Daugavpils nodaļa' });
    await h.page.getByRole('button', { name: 'Sagatavot pieteikumu' }).click();
    const created = await h.page.getByText(/Pieteikums DP-2026-\d{6} sagatavots/).textContent();
    const other = /DP-2026-\d{6}/.exec(created ?? '')?.[0] ?? '';
    await switchTo('document.officer');
    await openPersonCard(ANNA);
    await h.page.getByText(`Pieteikums ${other} (Sagatavots) ir citā nodaļā: Daugavpils nodaļa.`).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-desk-application-elsewhere');
  });
});
