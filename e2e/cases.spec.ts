/**
 * The correction case in the browser, end to end: the resident asks with evidence → the registrar takes the
 * case and requests information → the resident answers with a file → the registrar proposes → the same
 * person cannot approve → a decision-maker approves → the register is corrected → the resident reads the
 * decision and downloads its PDF. axe-clean on every page. Last, the queue's closed cases: what the list is,
 * each type's own status words, the day each case closed, and the filter and page kept in the address
 * (reload and Back show the same list).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  lookEverywhere,
  residentSignIn,
  screenshot,
  staffSignIn,
  startHarness,
  type Harness,
} from './harness.ts';

let h: Harness;
const evidence = path.join(os.tmpdir(), `dzimsanas-apliecība-${process.pid}.pdf`);
const scan = path.join(os.tmpdir(), `scan-${process.pid}.png`);
beforeAll(async () => {
  h = await startHarness();
  // The demo cases (one in each step) give the queue and the overview something to show.
  await h.app.backgroundJobs.seedDemoCases();
  writeFileSync(evidence, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  writeFileSync(scan, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
});
afterAll(() => h.close());

const annaSignIn = () => residentSignIn(h, /Anna Marija Ozola/);

async function staff(username: string): Promise<void> {
  await h.page.context().clearCookies();
  await staffSignIn(h, username);
}

async function openCase(reference: string): Promise<void> {
  await h.page.getByRole('link', { name: 'Lietas', exact: true }).click();
  await h.page.getByRole('heading', { level: 1, name: 'Darba rinda' }).waitFor();
  await h.page.getByRole('link', { name: reference }).click();
  await h.page.getByRole('heading', { level: 1, name: `Lieta ${reference}` }).waitFor();
}

let reference = '';

/** A staff member's session over the API, for steps prepared without the screens (covered elsewhere). */
async function apiSession(username: string): Promise<Record<string, string>> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/auth/staff/sign-in',
    payload: { username, password: 'civitas-demo' },
  });
  return {
    cookie: `civitas_session=${res.cookies.find((c) => c.name === 'civitas_session')?.value}`,
    'x-csrf-token': (res.json() as { session: { csrfToken: string } }).session.csrfToken,
  };
}

/** A correction of Anna's record, lodged at the desk and refused, over the API. */
async function refusedCorrection(field: string, requestedValue: string) {
  const officer = await apiSession('registrar');
  let view = (
    await h.app.inject({
      method: 'POST',
      url: '/api/cases/corrections',
      headers: officer,
      payload: {
        personId: '00000000-0000-4000-8000-000000000002',
        field,
        requestedValue,
        explanation: 'Iesniegts klātienē',
      },
    })
  ).json() as { id: string; version: number; reference: string };
  for (const body of [
    { kind: 'assign', outOfOrderReason: 'e2e' },
    { kind: 'propose-decision', outcome: 'reject', reasoning: 'Nav iesniegts pamatojošs dokuments.' },
  ]) {
    view = (
      await h.app.inject({
        method: 'POST',
        url: `/api/cases/${view.id}/actions`,
        headers: officer,
        payload: { ...body, expectedVersion: view.version },
      })
    ).json() as typeof view;
  }
  await h.app.inject({
    method: 'POST',
    url: `/api/cases/${view.id}/actions`,
    headers: await apiSession('decision.maker'),
    payload: { kind: 'approve-decision', expectedVersion: view.version },
  });
  return view;
}

describe('a register correction case through both UIs', () => {
  it('the resident asks for a correction with evidence (a missing field is named first)', async () => {
    await annaSignIn();
    await h.page.getByRole('link', { name: 'Mani iesniegumi' }).first().click();
    await h.page.getByRole('heading', { level: 1, name: 'Mani iesniegumi' }).waitFor();
    await h.page.getByRole('link', { name: 'Lūgt labot reģistra datus' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Reģistra datu labošana' }).waitFor();
    await h.page.getByRole('button', { name: 'Iesniegt' }).click();
    await h.page.getByRole('alert').getByText('Labojamais ieraksts').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-correction-errors');
    await h.page.getByLabel('Labojamais ieraksts').selectOption('birthPlace');
    await h.page.getByLabel('Lūgtais labojums').fill('Jelgava');
    await h.page.getByLabel('Paskaidrojums').fill('Dzimšanas apliecībā norādīta Jelgava.');
    await h.page.getByLabel('Dokumenti').setInputFiles(evidence);
    await h.page.getByLabel('E-pasts paziņojumiem').fill('anna@example.invalid');
    await h.page.getByRole('button', { name: 'Iesniegt' }).click();
    const title = h.page.getByRole('heading', { level: 1, name: /Iesniegums DL-\d{4}-\d{6}/ });
    await title.waitFor();
    reference = ((await title.textContent()) ?? '').replace('Iesniegums ', '').trim();
    await h.page.getByText('Iesniegums saņemts un gaida').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-case-submitted');
  });

  it('the registrar takes the case and asks for the original certificate', async () => {
    await staff('registrar');
    await openCase(reference);
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-case-new');
    await h.page.getByRole('button', { name: 'Paņemt' }).click();
    await h.page.getByText('Lieta piešķirta.').waitFor();
    await h.page
      .getByLabel('Ko lūdzat iesniedzējam')
      .fill('Lūdzu pievienojiet dzimšanas apliecības skenētu oriģinālu.');
    const due = new Date(h.clock.now().getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    await h.page.getByLabel('Atbildēt līdz').fill(due);
    await h.page.getByRole('button', { name: 'Nosūtīt pieprasījumu' }).click();
    await h.page.getByText('Pieprasījums nosūtīts; termiņš apturēts.').waitFor();
    await h.page.getByText(/Apturēta kopš \d{2}\.\d{2}\.\d{4}: gaida iesniedzēja atbildi/).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-case-request');
  });

  it('the resident answers with a scan', async () => {
    await annaSignIn();
    await h.page.goto(`${h.baseUrl}/my/cases`);
    await h.page
      .getByRole('row', { name: new RegExp(reference) })
      .getByRole('link', { name: 'Jums jāatbild' })
      .waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-cases-list');
    await h.page.getByRole('link', { name: reference }).click();
    await h.page.getByRole('heading', { level: 2, name: 'Pārvalde lūdz papildu informāciju' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-case-request');
    await h.page.getByLabel('Jūsu atbilde').fill('Pievienoju skenētu apliecību.');
    await h.page.locator('#answer-files').setInputFiles(scan);
    await h.page.getByRole('button', { name: 'Nosūtīt atbildi' }).click();
    await h.page.getByText('Atbilde nosūtīta; termiņš atkal tek.').waitFor();
  });

  it('the registrar proposes to correct; the same person is not offered the approval', async () => {
    await staff('senior.registrar');
    await openCase(reference);
    // The senior registrar (both rights) proposes; the four-eyes rule then keeps them from approving.
    await h.page.getByRole('heading', { level: 3, name: 'Sagatavot lēmumu' }).waitFor();
    await h.page.getByLabel('Pamatojums').first().fill('Apliecība apliecina dzimšanas vietu Jelgava.');
    await h.page.getByRole('button', { name: 'Sagatavot', exact: true }).click();
    await h.page.getByText('Lēmuma projekts nodots apstiprināšanai.').waitFor();
    // The screen does not offer the approval to the proposer and says why; the API refuses it (tested over HTTP).
    await h.page
      .getByText('Šo lēmumu sagatavojāt jūs, tāpēc to apstiprina cita lēmumu pieņēmēja amatpersona.')
      .waitFor();
    expect(await h.page.getByRole('button', { name: 'Apstiprināt' }).count()).toBe(0);
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-case-four-eyes');
  });

  it('a decision-maker approves and the register shows the corrected birth place', async () => {
    await staff('decision.maker');
    await openCase(reference);
    await h.page.getByRole('button', { name: 'Apstiprināt' }).click();
    await h.page.getByText('Lēmums apstiprināts un nosūtīts iesniedzējam.').waitFor();
    await h.page.getByRole('link', { name: 'Lejupielādēt lēmumu (PDF)' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-case-decided');
    const card = await h.page.request.get(
      `${h.baseUrl}/api/register/persons/00000000-0000-4000-8000-000000000002?caseReference=${reference}`,
    );
    expect((await card.json()).birthPlace).toBe('Jelgava');
  });

  it('the resident reads the decision and downloads the PDF', async () => {
    await annaSignIn();
    await h.page.goto(`${h.baseUrl}/my/cases`);
    await h.page
      .getByRole('row', { name: new RegExp(reference) })
      .getByText('Labots')
      .waitFor();
    await h.page.getByRole('link', { name: reference }).click();
    await h.page.getByText('Reģistra dati ir laboti.').waitFor();
    await h.page
      .getByText(
        /Var apstrīdēt PMLP priekšniekam viena mēneša laikā no spēkā stāšanās dienas, līdz \d{2}\.\d{2}\.\d{4}/,
      )
      .waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-case-decided');
    const [download] = await Promise.all([
      h.page.waitForEvent('download'),
      h.page.getByRole('link', { name: 'Lejupielādēt lēmumu (PDF)' }).click(),
    ]);
    const file = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the supervisor sees the branch overview and the queue; the administrator sees the messages sent (demo mailbox)', async () => {
    await staff('supervisor');
    await h.page.getByRole('link', { name: 'Pārskats' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Nodaļas pārskats' }).waitFor();
    await h.page
      .getByRole('table', { name: 'Noslodze pa amatpersonām' })
      .getByRole('cell', { name: 'Ilze Kalniņa' })
      .waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-cases-dashboard');
    await h.page.getByRole('link', { name: 'Lietas', exact: true }).click();
    await h.page.getByLabel('Statuss').selectOption('in-review');
    await h.page
      .getByRole('status')
      .getByText(/Parādītas [1-9]\d* no \d+/)
      .waitFor();
    await h.page.getByRole('cell', { name: 'Jānis Bērziņš' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-cases-queue');

    await h.app.backgroundJobs.deliverOutbox();
    await staff('admin');
    await h.page.getByRole('link', { name: 'Paziņojumi' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Paziņojumi' }).waitFor();
    await h.page.getByRole('heading', { level: 2, name: `${reference}: pieņemts lēmums` }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-outbox');
  });

  it('the resident reads the application in English', async () => {
    await annaSignIn();
    await h.page.goto(`${h.baseUrl}/my/cases`);
    await h.page.getByRole('button', { name: /Valoda: English/ }).click();
    await h.page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
    await h.page.getByRole('link', { name: reference }).click();
    await h.page.getByText('The register data are corrected. You can read the decision below.').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-case-decided-en');
    await h.page.getByRole('button', { name: /Language: Latviešu/ }).click();
  });

  it('the resident contests a refusal: the appeal opens as a linked case', async () => {
    const view = await refusedCorrection('ethnicity', 'latviete');
    await annaSignIn();
    await h.page.goto(`${h.baseUrl}/my/cases/${view.id}`);
    await h.page.getByRole('heading', { level: 2, name: 'Apstrīdēt lēmumu' }).waitFor();
    await h.page.getByLabel('Kāpēc lēmums ir nepareizs').fill('Pievienoju vecāku dzimšanas apliecības.');
    await h.page.locator('#appeal-files').setInputFiles(evidence);
    await h.page.getByRole('button', { name: 'Iesniegt apstrīdēšanas iesniegumu' }).click();
    await h.page.getByRole('heading', { level: 1, name: /Iesniegums AP-\d{4}-\d{6}/ }).waitFor();
    await h.page.getByRole('link', { name: view.reference }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-appeal-submitted');
  });
});

describe('the inclusion of a person not in the register, at the desk', () => {
  let inclusion = '';

  it('the registrar opens it from the queue with the person’s identity document (a missing field is named first)', async () => {
    await staff('registrar');
    await h.page.getByRole('link', { name: 'Lietas', exact: true }).click();
    await h.page.getByRole('link', { name: 'Jauns iekļaušanas iesniegums' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Iekļaušana Fizisko personu reģistrā' }).waitFor();
    await h.page.getByRole('button', { name: 'Atvērt lietu' }).click();
    await h.page.getByRole('alert').getByText('Iesniedzēja e-pasts').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-inclusion-errors');
    await h.page.getByLabel('Dzimums').selectOption('M');
    // Typed as in the passport's Cyrillic, each name gets its Latvian form to accept (Cabinet Regulation No. 114).
    await h.page.getByLabel('Vārds (vārdi)').fill('Дмитро');
    await h.page.getByLabel('Uzvārds', { exact: true }).fill('Шевчук');
    await h.page.getByText('Latviski šo vārdu raksta “Ševčuks”.').waitFor();
    await screenshot(h.page, 'staff-inclusion-latvian-form');
    await h.page.getByRole('button', { name: 'Lietot “Dmitro”' }).click();
    await h.page.getByRole('button', { name: 'Lietot “Ševčuks”' }).click();
    expect(await h.page.getByLabel('Uzvārds', { exact: true }).inputValue()).toBe('Ševčuks');
    expect(await h.page.getByLabel('Vārds (vārdi)').inputValue()).toBe('Dmitro');
    expect(await axeViolations(h.page)).toEqual([]);
    await h.page.getByLabel('Dzimšanas datums').fill('1988-02-03');
    await h.page.getByLabel('Dzimšanas valsts').selectOption('UKR');
    await h.page.getByLabel('Pilsonība').fill('UKR');
    await h.page.getByLabel('Dokumenta numurs').fill('FB998877');
    await h.page.getByLabel('Dokumenta izdevējvalsts').selectOption('UKR');
    await h.page.getByLabel('Iekļaušanas mērķis').fill('Darba līgums un nodokļu maksāšana.');
    await h.page.getByLabel('Iesniedzēja e-pasts').fill('dmytro@example.invalid');
    await h.page.getByLabel('Personu apliecinošā dokumenta kopija un citi dokumenti').setInputFiles(evidence);
    await h.page.getByRole('button', { name: 'Atvērt lietu' }).click();
    const title = h.page.getByRole('heading', { level: 1, name: /Lieta IR-\d{4}-\d{6}/ });
    await title.waitFor();
    inclusion = ((await title.textContent()) ?? '').replace('Lieta ', '').trim();
    await h.page.getByText('Vēl nav reģistrā').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-inclusion-opened');
  });

  it('the senior registrar takes it and proposes the inclusion; a decision-maker approves, and the case shows the new personal code', async () => {
    await staff('senior.registrar');
    await openCase(inclusion);
    await h.page.getByLabel('Kāpēc ārpus kārtas').fill('Klients gaida pie letes');
    await h.page.getByRole('button', { name: 'Paņemt' }).click();
    await h.page.getByText('Lieta piešķirta.').waitFor();
    await h.page.getByLabel('Iekļaut reģistrā un piešķirt personas kodu').check();
    await h.page.locator('#propose-reasoning').fill('Identitāte noskaidrota pēc pases; reģistrā personas nav.');
    await h.page.getByRole('button', { name: 'Sagatavot', exact: true }).click();
    await h.page.getByText('Lēmuma projekts nodots apstiprināšanai.').waitFor();
    await h.page.getByRole('cell', { name: 'Reģistrā nav līdzīgas personas' }).waitFor();
    await staff('decision.maker');
    await openCase(inclusion);
    await h.page.getByRole('button', { name: 'Apstiprināt' }).click();
    await h.page.getByText('Lēmums apstiprināts un nosūtīts iesniedzējam.').waitFor();
    await h.page.getByText('Iekļauts reģistrā', { exact: true }).waitFor();
    const code = h.page
      .locator('dt', { hasText: 'Piešķirtais personas kods' })
      .locator('xpath=following-sibling::dd[1]');
    expect(await code.textContent()).toMatch(/^3[2-9]\d{4}-\d{5}$/);
    await h.page.getByText('Iesniedzējs sasaistīts ar personu reģistrā').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-inclusion-decided');
  });
});

describe('the closed cases in the work queue', () => {
  it('says what the list is, words each status as its type does, dates each closing, and keeps the list in the address', async () => {
    await staff('registrar');
    await h.page.getByRole('link', { name: 'Lietas', exact: true }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Darba rinda' }).waitFor();
    await h.page.locator('#state').selectOption('closed');
    await h.page.getByText(/^Nodaļas slēgtās lietas: izlemtas, atsauktas vai izsniegtas/).waitFor();
    await h.page.getByRole('columnheader', { name: 'Slēgta' }).waitFor();
    await h.page.waitForURL(/[?&]state=closed/);
    await h.page.locator('#type').selectOption('register-correction');
    await h.page.waitForURL(/type=register-correction/);
    // The correction's own words for its closing statuses, none of another type's.
    const options = await h.page.locator('#status option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Labots', 'Atteikts', 'Atsaukts']));
    expect(options).not.toContain('Izsniegts');
    const row = h.page.getByRole('row', { name: new RegExp(reference) });
    await row.getByRole('cell', { name: 'Labots', exact: true }).waitFor();
    expect(await row.getByRole('cell').first().textContent()).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);

    // A reload and a visit to a case and Back show the same list.
    await h.page.reload();
    await row.waitFor();
    expect(await h.page.locator('#state').inputValue()).toBe('closed');
    expect(await h.page.locator('#type').inputValue()).toBe('register-correction');
    await row.getByRole('link', { name: reference }).click();
    await h.page.getByRole('heading', { level: 1, name: `Lieta ${reference}` }).waitFor();
    await h.page.goBack();
    await row.waitFor();
    expect(await h.page.locator('#state').inputValue()).toBe('closed');
    await lookEverywhere(h.page, 'staff-queue-closed');

    // The page is in the address too: the second page, then back to the first and Back again.
    await h.page.goto(`${h.baseUrl}/staff/cases?state=closed&offset=1`);
    await h.page
      .getByRole('status')
      .getByText(/^Rāda 2–\d+ no \d+$/)
      .waitFor();
    await h.page.getByRole('button', { name: 'Iepriekšējā lapa' }).click();
    await h.page.waitForURL((url) => !url.search.includes('offset'));
    await h.page
      .getByRole('status')
      .getByText(/^Parādītas \d+ no \d+$/)
      .waitFor();
    await h.page.goBack();
    await h.page
      .getByRole('status')
      .getByText(/^Rāda 2–\d+ no \d+$/)
      .waitFor();
    expect(await h.page.locator('#state').inputValue()).toBe('closed');
  });
});

describe('an appeal after its term (it moves the clock: last in this file)', () => {
  it('the resident says why the term was missed; an officer renews the term before the appeal is examined', async () => {
    const view = await refusedCorrection('birthPlace', 'Bauska');
    // Fifty days on: the week the posted decision takes to count as received, and the month after, are over.
    h.clock.advance(50 * 86_400_000);
    await annaSignIn();
    await h.page.goto(`${h.baseUrl}/my/cases/${view.id}`);
    await h.page.getByRole('heading', { level: 2, name: 'Apstrīdēt lēmumu' }).waitFor();
    await h.page.getByText(/^Termiņš šā lēmuma apstrīdēšanai beidzās \d{2}\.\d{2}\.\d{4}\./).waitFor();
    // Lodged at the desk without an e-mail address, the decision went by post: it shows the day it took
    // effect (the seventh after posting), as the PDF does.
    await h.page
      .getByText(/^Nosūtīts ierakstītā pasta sūtījumā \d{2}\.\d{2}\.\d{4}; uzskatāms par paziņotu septītajā dienā/)
      .waitFor();
    await h.page.getByLabel('Kāpēc lēmums ir nepareizs').fill('Dzimšanas apliecībā rakstīts Bauska.');
    await h.page.getByRole('button', { name: 'Iesniegt apstrīdēšanas iesniegumu' }).click();
    await h.page.getByRole('alert').getByText('Kāpēc lēmumu nevarējāt apstrīdēt laikā').waitFor();
    await h.page.getByLabel('Kāpēc lēmumu nevarējāt apstrīdēt laikā').fill('Biju slimnīcā līdz pagājušajai nedēļai.');
    await h.page.getByRole('button', { name: 'Iesniegt apstrīdēšanas iesniegumu' }).click();
    await h.page.getByRole('heading', { level: 1, name: /Iesniegums AP-\d{4}-\d{6}/ }).waitFor();
    await h.page.getByText('Vēl nav izlemts: iesniegumu izskata tikai tad, ja termiņu atjauno.').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await lookEverywhere(h.page, 'portal-late-appeal');
    const appealRef = (await h.page.getByRole('heading', { level: 1 }).textContent())?.match(/AP-\d{4}-\d{6}/)?.[0];

    await staff('senior.registrar');
    await openCase(appealRef as string);
    // Other appeals of this file wait in the queue too: taking this one first needs a reason.
    await h.page.getByLabel('Kāpēc ārpus kārtas').fill('Nokavēta termiņa lūgums jāizlemj vispirms.');
    await h.page.getByRole('button', { name: 'Paņemt' }).click();
    await h.page.getByText('Lieta piešķirta.').waitFor();
    // The appeal is not decided on its merits before its term is renewed: no proposal is offered yet.
    expect(await h.page.getByRole('form', { name: 'Sagatavot lēmumu' }).count()).toBe(0);
    const renewal = h.page.getByRole('form', { name: 'Lemt par nokavētā apstrīdēšanas termiņa atjaunošanu' });
    await renewal.getByRole('button', { name: 'Reģistrēt lēmumu' }).click();
    await renewal.getByRole('alert').waitFor();
    await renewal.getByLabel('Jā, atjaunot termiņu un izskatīt iesniegumu').check();
    await renewal.getByLabel('Pamatojums').fill('Slimnīcas izraksts apliecina attaisnojošu iemeslu.');
    await renewal.getByRole('button', { name: 'Reģistrēt lēmumu' }).click();
    await h.page.getByText('Lēmums par termiņa atjaunošanu reģistrēts.').waitFor();
    await h.page.getByText(/^Atjaunots \d{2}\.\d{2}\.\d{4}: Slimnīcas izraksts/).waitFor();
    await h.page.getByRole('form', { name: 'Sagatavot lēmumu' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await lookEverywhere(h.page, 'staff-late-appeal-renewed');
  });

  it('an officer records an appeal the applicant lodged on paper; it opens as the applicant’s appeal case', async () => {
    const view = await refusedCorrection('originalName', 'Anna Maria Ozola-Papīrs');
    await staff('registrar');
    await h.page.goto(`${h.baseUrl}/staff/cases/${view.id}`);
    const record = h.page.getByRole('form', { name: 'Reģistrēt papīra apstrīdēšanas iesniegumu' });
    await record.getByRole('button', { name: 'Reģistrēt iesniegumu' }).click();
    await record
      .getByRole('alert')
      .getByText(/Kāpēc iesniedzējs uzskata lēmumu par nepareizu/)
      .waitFor();
    await lookEverywhere(h.page, 'staff-record-paper-appeal');
    await record
      .getByLabel('Kāpēc iesniedzējs uzskata lēmumu par nepareizu')
      .fill('Iesniedzēja vēstule: pasē oriģinālforma ir Anna Maria.');
    await record.locator('#record-appeal-files').setInputFiles(evidence);
    await record.getByRole('button', { name: 'Reģistrēt iesniegumu' }).click();
    await h.page.getByRole('heading', { level: 1, name: /Lieta AP-\d{4}-\d{6}/ }).waitFor();
    await h.page.getByRole('link', { name: view.reference }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
  });
});
