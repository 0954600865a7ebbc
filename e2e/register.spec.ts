/**
 * The population register in the browser: an officer finds a person and opens the card under a stated
 * purpose (the resident then sees that lookup), and a resident declares a new residence and downloads the
 * confirmation — axe-clean throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, screenshot, staffSignIn, startHarness, type Harness, residentSignIn } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const signIn = (username: string) => staffSignIn(h, username);

const signInResident = (name: RegExp, greeting: string) => residentSignIn(h, name, greeting);

describe('register: the officer', () => {
  it('searches without diacritics and finds Anna Marija Ozola', async () => {
    await signIn('registrar');
    await h.page.getByRole('link', { name: 'Personu reģistrs' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Personu meklēšana' }).waitFor();
    await h.page.getByRole('button', { name: 'Meklēt' }).click();
    await h.page.getByRole('alert').getByText('Norādiet lietas numuru vai iemeslu').waitFor();
    await h.page.getByLabel('Iemesls (ja nav lietas)').fill('Iedzīvotāja jautājums klātienē');
    await h.page.getByLabel('Vārds un uzvārds').fill('ozola anna');
    await h.page.getByRole('button', { name: 'Meklēt' }).click();
    await h.page
      .getByRole('row', { name: /Anna Marija/ })
      .getByRole('link', { name: 'Ozola' })
      .waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-register-search');
  });

  it('opens the card under the purpose given in the search, lets it be changed, switches to an earlier date and shows the history', async () => {
    // The synthetic population may hold an "Anna Ozola" too, ranked first for this query: pick the row.
    await h.page
      .getByRole('row', { name: /Anna Marija/ })
      .getByRole('link', { name: 'Ozola' })
      .click();
    await h.page.getByRole('heading', { level: 1, name: 'Anna Marija Ozola' }).waitFor();
    await h.page.getByText('Skatīšanas mērķis, kas reģistrēts auditā: Iedzīvotāja jautājums klātienē').waitFor();
    await h.page.getByRole('button', { name: 'Mainīt mērķi' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Atvērt personas datus' }).waitFor();
    expect(await h.page.getByLabel('Iemesls (ja nav lietas)').inputValue()).toBe('Iedzīvotāja jautājums klātienē');
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-register-purpose');
    await h.page.getByRole('button', { name: 'Atvērt personas datus' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Anna Marija Ozola' }).waitFor();
    await h.page.getByText('Sofija Ozola').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-register-card');

    await h.page.getByLabel('Patiesie dati dienā').fill('2010-01-01');
    await h.page.getByRole('button', { name: 'Rādīt', exact: true }).click();
    await h.page
      .getByText('Šajā datumā persona reģistrā nebija.')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await h.page.getByRole('button', { name: 'Šodien' }).click();
    await h.page.getByRole('button', { name: 'Rādīt vēsturi' }).click();
    await h.page.getByRole('columnheader', { name: 'Reģistrēts' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-register-history');
  });

  it('shows the registration, duplicates pages without accessibility problems, then signs out', async () => {
    await h.page.getByRole('link', { name: 'Reģistrēt personu' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Reģistrēt personu' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-register-registration');
    await h.page.getByRole('link', { name: 'Iespējamie dubulti' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Iespējamie dubulti' }).waitFor();
    await h.page.getByRole('button', { name: 'Pārbaudīt visu reģistru' }).click();
    await h.page.getByText(/Pārbaudītas \d+ personas/).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-register-duplicates');
    await h.page.getByRole('button', { name: 'Atslēgties' }).click();
  });

  it('shows the supervisor the population statistics', async () => {
    await signIn('supervisor');
    await h.page.getByRole('link', { name: 'Statistika' }).click();
    await h.page.getByRole('cell', { name: /\d/ }).first().waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-register-statistics');
    await h.page.getByRole('button', { name: 'Atslēgties' }).click();
  });
});

describe('register: the resident', () => {
  it('sees the officer’s lookup under "who used my data"', async () => {
    await signInResident(/Anna Marija Ozola/, 'Labdien, Anna Marija Ozola!');
    await h.page.getByRole('link', { name: 'Kas izmantoja manus datus' }).first().click();
    await h.page.getByRole('cell', { name: 'Personas datu skatīšana reģistrā' }).first().waitFor();
    expect(await h.page.getByRole('cell', { name: /Reģistra speciālists/ }).count()).toBeGreaterThan(0);
  });

  it('declares a new residence: errors first, then the declaration takes effect and the PDF downloads', async () => {
    await h.page.getByRole('link', { name: 'Deklarēt dzīvesvietu' }).first().click();
    await h.page.getByRole('heading', { level: 1, name: 'Dzīvesvietas deklarēšana' }).waitFor();
    await h.page.getByRole('button', { name: 'Iesniegt deklarāciju' }).click();
    await h.page.getByRole('alert').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-declare-errors');

    await h.page.getByLabel('Pašvaldība', { exact: true }).selectOption({ label: 'Liepāja' });
    await h.page.getByLabel('Iela vai mājas nosaukums').fill('Jūras iela');
    await h.page.getByLabel('Mājas numurs').fill('7');
    await h.page.getByLabel('Dzīvoklis').fill('3');
    await h.page.getByLabel('Pasta indekss').fill('LV-3401');
    await h.page.getByLabel('Tiesiskais pamats dzīvot šajā adresē').fill('Īres līgums');
    // A date before the current address began: the server refuses it and the page says why.
    const validFrom = h.page.getByLabel('Dzīvo šajā adresē kopš');
    const today = await validFrom.inputValue();
    await validFrom.fill('2000-01-01');
    await h.page.getByRole('button', { name: 'Iesniegt deklarāciju' }).click();
    await h.page
      .getByRole('alert')
      .getByText('Dzīvo šajā adresē kopš: datumam jābūt pēc pašreizējās deklarētās dzīvesvietas sākuma')
      .waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-declare-server-reason');
    await validFrom.fill(today);
    await h.page.getByRole('button', { name: 'Iesniegt deklarāciju' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Deklarācija iesniegta' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-declare-done');
    const href = await h.page.getByRole('link', { name: 'Lejupielādēt apliecinājumu (PDF)' }).getAttribute('href');
    const pdf = await h.page.request.get(`${h.baseUrl}${href}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the new address under "my data", with the old one ended the day before', async () => {
    await h.page.getByRole('link', { name: 'Mani dati reģistrā' }).first().click();
    await h.page.getByRole('heading', { level: 1, name: 'Mani dati reģistrā' }).waitFor();
    await h.page
      .getByText(/Jūras iela 7-3/)
      .first()
      .waitFor();
    await h.page.getByText('Iepriekšējās adreses').waitFor();
    // The old address ends the day before the new one begins.
    const [y, m, d] = new Date(Date.now() - 86_400_000)
      .toLocaleDateString('sv-SE', { timeZone: 'Europe/Riga' })
      .split('-');
    // Written as Latvian pages write dates (STYLE §13): 05.12.2026.
    await h.page
      .getByRole('cell', { name: `– ${d}.${m}.${y}` })
      .first()
      .waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-my-data');
  });
});

describe('register: a birth close to a sibling’s', () => {
  const isoDaysAgo = (days: number) => new Date(h.clock.now().getTime() - days * 86_400_000).toISOString().slice(0, 10);

  /** Fills the birth form for a daughter of Anna Marija Ozola born `daysAgo` days ago, and sends it. */
  async function registerDaughter(givenNames: string, daysAgo: number): Promise<void> {
    await h.page.getByLabel('Iemesls (ja nav lietas)').fill('Dzimšanas reģistrācija dzimtsarakstu nodaļā');
    await h.page.getByLabel('Vārds (vārdi)').fill(givenNames);
    await h.page.getByLabel('Uzvārds', { exact: true }).fill('Ozola');
    await h.page.getByLabel('Dzimšanas datums').fill(isoDaysAgo(daysAgo));
    await h.page.getByLabel('Māte (personas kods)').fill('150590-14565');
    await h.page.getByLabel('Pamatojuma dokuments').fill(`Dzimšanas apliecība ${givenNames}`);
    await h.page.getByRole('button', { name: 'Reģistrēt', exact: true }).click();
  }

  it('is refused until the officer confirms the dates with a reason, then recorded', async () => {
    await signIn('registrar');
    await h.page.getByRole('link', { name: 'Reģistrēt personu' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Reģistrēt personu' }).waitFor();
    await registerDaughter('Elza', 10);
    await h.page.getByText(/^Persona reģistrēta\. Personas kods: /).waitFor();
    // Forty days apart: not twins, too close to be both right without a look at the documents.
    await registerDaughter('Marta', 50);
    // The refusal names its rule: another child 40 days apart, and what to do.
    await h.page
      .getByRole('alert')
      .getByText(/^Mātei ir cits bērns, dzimis \d{2}\.\d{2}\.\d{4}, ar 40 dienu starpību/)
      .waitFor();
    const confirm = h.page.getByRole('group', { name: 'Dzimšana tuvu brāļa vai māsas dzimšanai' });
    await confirm.waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-register-birth-too-close');
    await confirm.getByLabel('Datumi pārbaudīti: abas dzimšanas ir pareizas').check();
    await confirm
      .getByLabel('Kāpēc datumi ir pareizi (pārbaudītais dokuments)')
      .fill('Abas dzimšanas apliecības pārbaudītas; dati atbilst slimnīcas izziņām.');
    await h.page.getByRole('button', { name: 'Reģistrēt', exact: true }).click();
    await h.page.getByText(/^Persona reģistrēta\. Personas kods: /).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
  });
});
