/**
 * The staff workbench as an officer meets it (issue 23, item 10), in Latvian and English, on a desktop
 * (1280×900) and a phone (390×844): the sign-in hint lists every demo account; the start page names the
 * branch and counts the work waiting, with links into the filtered queue; register search says when it
 * shows only the first results; the person card opens under the purpose given in the search; the case page
 * says since when a stopped clock stands still, with no days-left badge, in the office's own words; and
 * registrar2 works RIGA-1's cases. axe finds nothing on any of these pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, screenshot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // RIGA-1's demo cases (one in each step, and an inclusion) and three visits on the next working day.
  await h.app.backgroundJobs.seedDemoCases();
  await h.app.backgroundJobs.ensureAppointmentDefaults();
  await h.app.backgroundJobs.seedDemoAppointments();
});
afterAll(() => h.close());

const WORDS = {
  lv: {
    signInTitle: 'Pieslēgšanās darbiniekiem',
    hello: /Labdien/,
    branch: 'Rīgas 1. nodaļa',
    signOut: 'Atslēgties',
    assigned: 'Jums piešķirtas 3 lietas',
    unassigned: 'Nodaļas rindā gaida 2 nepiešķirtas lietas',
    today: /Šodien nodaļā/,
    queueTitle: 'Darba rinda',
    queueMine: 'Man',
    search: 'Personu reģistrs',
    reason: 'Iemesls (ja nav lietas)',
    name: 'Vārds un uzvārds',
    find: 'Meklēt',
    // Every person the search matched is counted, not the page.
    cut: /^Atrast(a|as) \d+ person(a|as)( \(vai vairāk\))?; rādītas pirmās 20$/,
    exact: 'precīzs vārds',
    narrow: /Lai redzētu pārējās, precizējiet meklēšanu/,
    purposeShown: 'Skatīšanas mērķis, kas reģistrēts auditā: Iedzīvotāja jautājums',
    purposeAsk: 'Atvērt personas datus',
    stopped: 'Termiņš apturēts',
    stoppedSince: /Apturēta kopš \d{2}\.\d{2}\.\d{4}: gaida iesniedzēja atbildi/,
    daysLeft: /atlikuš/,
    staffStep: 'Gaida iesniedzēja atbildi; termiņa skaitīšana ir apturēta.',
    residentWords: /gaidām|varat lasīt|jūsu/,
    whenRequested: 'Reģistrā iesnieguma brīdī',
    notRecorded: 'nav ierakstīts',
  },
  en: {
    signInTitle: 'Staff sign-in',
    hello: /Hello/,
    branch: 'Riga Division 1',
    signOut: 'Sign out',
    assigned: '3 cases assigned to you',
    unassigned: '2 cases in the branch queue that nobody has taken',
    today: /Today at the branch/,
    queueTitle: 'Work queue',
    queueMine: 'Me',
    search: 'Population register',
    reason: 'Reason (if there is no case)',
    name: 'Name',
    find: 'Search',
    cut: /^\d+ persons found( \(or more\))?; showing the first 20$/,
    exact: 'exact name',
    narrow: /Narrow the search to see the rest/,
    purposeShown: 'Purpose of this look-up, recorded in the audit log: Iedzīvotāja jautājums',
    purposeAsk: "Open the person's data",
    stopped: 'Clock paused',
    stoppedSince: /Paused since \d{1,2} \w+ \d{4}: waiting for the applicant’s answer/,
    daysLeft: /working days? left/,
    staffStep: 'Waiting for the applicant’s answer; the deadline clock is paused.',
    residentWords: /\bwe wait|\byour\b|read the decision below/i,
    whenRequested: 'In the register when the request was made',
    notRecorded: 'not recorded',
  },
} as const;
type Lang = keyof typeof WORDS;

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

/** Sets the language the way a person's choice is kept (localStorage), on the sign-in page. */
async function openSignIn(page: Page, lang: Lang): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${h.baseUrl}/staff/sign-in`);
  await page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: WORDS[lang].signInTitle }).waitFor();
}

async function signIn(page: Page, lang: Lang, username: string): Promise<void> {
  await openSignIn(page, lang);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('civitas-demo');
  await page.locator('form button[type="submit"]').click();
  await page.getByRole('heading', { level: 1, name: WORDS[lang].hello }).waitFor();
}

/** The menu folds into a button on a phone: open it when it is there. */
async function navigate(page: Page, name: string): Promise<void> {
  const link = page.getByRole('navigation').getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await page.locator('.menu-button').click();
  await link.click();
}

async function looksRight(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  // Nothing wider than the screen (tables scroll inside their own box).
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(page, name);
}

for (const lang of ['lv', 'en'] as const) {
  for (const viewport of VIEWPORTS) {
    const w = WORDS[lang];
    const shot = (what: string) => `workbench-${lang}-${viewport.width}-${what}`;

    describe(`staff workbench in ${lang} at ${viewport.width}×${viewport.height}`, () => {
      beforeAll(async () => {
        await h.page.setViewportSize(viewport);
      });

      it('lists every demo account of the README on the sign-in page, with its roles', async () => {
        await openSignIn(h.page, lang);
        for (const username of [
          'registrar',
          'registrar2',
          'document.officer2',
          'senior.registrar',
          'municipality.jelgava',
          'admin',
        ]) {
          await h.page
            .getByRole('term')
            .filter({ hasText: new RegExp(`^${username.replace('.', '\\.')}$`) })
            .waitFor();
        }
        await looksRight(h.page, shot('sign-in'));
      });

      it('shows the registrar the branch by name and the work waiting, and links into the filtered queue', async () => {
        await signIn(h.page, lang, 'registrar');
        await h.page.getByText(w.branch, { exact: true }).waitFor();
        expect(await h.page.getByText('RIGA-1', { exact: true }).count()).toBe(0);
        await h.page.getByRole('link', { name: w.unassigned }).waitFor();
        await h.page.getByRole('link', { name: w.today }).waitFor();
        await looksRight(h.page, shot('home'));
        await h.page.getByRole('link', { name: w.assigned }).click();
        await h.page.getByRole('heading', { level: 1, name: w.queueTitle }).waitFor();
        await h.page.getByRole('row').nth(3).waitFor();
        expect(await h.page.locator('#assignee option:checked').textContent()).toBe(w.queueMine);
        expect(await h.page.locator('tbody tr').count()).toBe(3);
      });

      it('says on a stopped clock since when it stands still, with no days left, in the office’s words', async () => {
        await h.page
          .getByRole('row', { name: /Līga Kalniņa/ })
          .getByRole('link')
          .click();
        await h.page.getByText(w.stoppedSince).waitFor();
        const deadline = h.page.locator('dl').filter({ hasText: w.stoppedSince });
        await deadline.getByText(w.stopped, { exact: true }).waitFor();
        expect(await deadline.getByText(w.daysLeft).count()).toBe(0);
        await h.page.getByText(w.staffStep).waitFor();
        await h.page.getByText(w.whenRequested).waitFor();
        await h.page.getByText(w.notRecorded, { exact: true }).waitFor();
        // The case's facts column (the actions beside it are the officer's own forms).
        expect(await h.page.locator('.case-layout > div').first().getByText(w.residentWords).count()).toBe(0);
        await looksRight(h.page, shot('case-stopped'));
      });

      it('says when a register search shows only the first results, and opens a card under the purpose given', async () => {
        await navigate(h.page, w.search);
        await h.page.getByLabel(w.reason).fill('Iedzīvotāja jautājums klātienē');
        await h.page.getByLabel(w.name, { exact: true }).fill('Kalniņš');
        await h.page.getByRole('button', { name: w.find, exact: true }).click();
        await h.page.getByRole('heading', { level: 2, name: w.cut }).waitFor();
        await h.page.getByText(w.narrow).waitFor();
        await looksRight(h.page, shot('search-cut'));
        // Both names exactly as written are labelled apart from the likely matches.
        await h.page.getByLabel(w.name, { exact: true }).fill('Anna Marija Ozola');
        await h.page.getByRole('button', { name: w.find, exact: true }).click();
        await h.page
          .getByRole('row', { name: /Anna Marija/ })
          .getByText(w.exact)
          .waitFor();
        await h.page.getByLabel(w.name, { exact: true }).fill('ozola anna');
        await h.page.getByRole('button', { name: w.find, exact: true }).click();
        expect(
          await h.page
            .getByRole('row', { name: /Anna Marija/ })
            .getByText(w.exact)
            .count(),
        ).toBe(0);
        await h.page
          .getByRole('row', { name: /Anna Marija/ })
          .getByRole('link', { name: 'Ozola' })
          .click();
        await h.page.getByRole('heading', { level: 1, name: 'Anna Marija Ozola' }).waitFor();
        await h.page.getByText(w.purposeShown).waitFor();
        expect(await h.page.getByRole('heading', { level: 1, name: w.purposeAsk }).count()).toBe(0);
        await looksRight(h.page, shot('person'));
      });

      it('puts registrar2, the four-eyes colleague, in RIGA-1 with its cases', async () => {
        await signIn(h.page, lang, 'registrar2');
        await h.page.getByText(w.branch, { exact: true }).waitFor();
        await looksRight(h.page, shot('registrar2-home'));
        await h.page.getByRole('link', { name: w.unassigned }).click();
        await h.page.getByRole('row', { name: /Anna Marija Ozola/ }).waitFor();
        // The queue page itself belongs to the case screens; here only that registrar2 sees RIGA-1's cases, accessibly.
        expect(await axeViolations(h.page)).toEqual([]);
        await h.page.getByRole('button', { name: w.signOut }).click();
      });
    });
  }
}
