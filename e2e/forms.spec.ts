/**
 * The interaction foundation (issue 23): a form driven by the contract's schema says exactly what is wrong
 * with each field, all at once, in the person's language; required fields are marked; focus goes to the error
 * summary and, after success, to the result — at 1280×900 and on a phone (390×844), in Latvian and English.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Locator } from 'playwright-core';
import {
  axeViolations,
  CHROMIUM,
  type Harness,
  residentSignIn,
  ROUNDS,
  screenshot,
  staffSignIn,
  startHarness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await residentSignIn(h, /Jānis Bērziņš/);
});
afterAll(() => h.close());

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

const TEXT = {
  lv: {
    title: 'Dzīvesvietas deklarēšana',
    submit: 'Iesniegt deklarāciju',
    municipality: 'Pašvaldība',
    street: 'Iela vai mājas nosaukums',
    building: 'Mājas numurs',
    postcode: 'Pasta indekss',
    basis: 'Tiesiskais pamats dzīvot šajā adresē',
    since: 'Dzīvo šajā adresē kopš',
    summary: 'Lūdzu, izlabojiet',
    postcodeMessage: '“Pasta indekss”: ievadiet pasta indeksu formā LV-1234',
    tooLong: 'var būt ne vairāk kā 200 rakstzīmes (jūs ierakstījāt 5000)',
    required: 'Aizpildiet lauku “Iela vai mājas nosaukums”',
    choose: 'Izvēlieties: “Pašvaldība”',
    date: 'ievadiet īstu datumu, piemēram, 17.05.1980',
    optional: '(nav obligāts)',
    done: 'Deklarācija iesniegta',
  },
  en: {
    title: 'Declare a place of residence',
    submit: 'Submit the declaration',
    municipality: 'Municipality',
    street: 'Street or house name',
    building: 'House number',
    postcode: 'Postcode',
    basis: 'Legal basis for living at this address',
    since: 'Living at this address since',
    summary: 'Please correct the following',
    postcodeMessage: '“Postcode”: enter the postcode as LV-1234',
    tooLong: 'can be at most 200 characters (you wrote 5,000)',
    required: 'Fill in “Street or house name”',
    choose: 'Choose “Municipality”',
    date: 'enter a real date, for example 17 May 1980',
    optional: '(optional)',
    done: 'Declaration submitted',
  },
} as const;

async function openDeclaration(lang: 'lv' | 'en'): Promise<void> {
  await h.page.goto(`${h.baseUrl}/my/declare`);
  await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
  await h.page.reload();
  await h.page.getByRole('heading', { level: 1, name: TEXT[lang].title }).waitFor();
}

describe('a contract form says what is wrong, field by field', () => {
  for (const { lang, viewport } of ROUNDS) {
    it(`names every rule at once, at ${viewport.width} px in ${lang}`, async () => {
      const x = TEXT[lang];
      await h.page.setViewportSize(viewport);
      await openDeclaration(lang);
      // Required and optional fields are told apart before anything is typed.
      expect(await h.page.getByText(x.optional).count()).toBeGreaterThan(0);
      expect(await h.page.getByLabel(x.street).getAttribute('aria-required')).toBe('true');

      await h.page.getByLabel(x.postcode).fill('12345');
      await h.page.getByLabel(x.basis).fill('x'.repeat(5000));
      await h.page.getByRole('button', { name: x.submit }).click();
      const summary = h.page.getByRole('alert');
      await summary.getByRole('heading', { name: x.summary }).waitFor();
      // Focus is on the summary, which lists every problem at once with its own words.
      expect(await h.page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await summary.getByText(x.postcodeMessage).waitFor();
      await summary.getByText(x.tooLong).waitFor();
      await summary.getByText(x.required).waitFor();
      await summary.getByText(x.choose).waitFor();
      // Each field shows its own message too, tied to it by aria-describedby.
      const postcode = h.page.getByLabel(x.postcode);
      expect(await postcode.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await postcode.getAttribute('aria-describedby')) ?? '';
      expect(
        await h.page.locator(`#${describedBy.split(' ').find((id) => id.endsWith('-error'))}`).textContent(),
      ).toContain(x.postcodeMessage);
      // A link in the summary takes focus to its field.
      await summary.getByRole('link', { name: x.postcodeMessage }).click();
      expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('address-postcode');
      expect(await axeViolations(h.page)).toEqual([]);
      await screenshot(h.page, `forms-declare-errors-${lang}-${viewport.width}`);
    });
  }

  it('refuses a typed date that is not a whole, real day as a date, not as an empty field', async () => {
    await h.page.setViewportSize(VIEWPORTS[0]);
    await openDeclaration('lv');
    const since = h.page.getByLabel(TEXT.lv.since);
    await since.fill('');
    await since.focus();
    // Two digits typed, the year not: the browser holds no value, only the fact that the input is bad.
    await h.page.keyboard.type('31');
    expect(
      await since.evaluate((el) => [(el as HTMLInputElement).value, (el as HTMLInputElement).validity.badInput]),
    ).toEqual(['', true]);
    await h.page.getByRole('button', { name: TEXT.lv.submit }).click();
    await h.page.getByRole('alert').getByText(`“${TEXT.lv.since}”: ${TEXT.lv.date}`).waitFor();
  });

  it('an address abroad left empty names its own two fields, not the address as a whole', async () => {
    await h.page.setViewportSize(VIEWPORTS[0]);
    await openDeclaration('lv');
    await h.page.getByLabel('Ārvalstīs').check();
    await h.page.getByRole('button', { name: TEXT.lv.submit }).click();
    const summary = h.page.getByRole('alert');
    await summary.getByText('Izvēlieties: “Valsts”').waitFor();
    await summary.getByText(/Aizpildiet lauku “Adrese/).waitFor();
    expect(await summary.getByText(/“address”/).count()).toBe(0);
  });

  it('a refusal by the server lands at its field and takes focus like the browser’s own', async () => {
    await h.page.setViewportSize(VIEWPORTS[1]);
    await openDeclaration('lv');
    const x = TEXT.lv;
    await h.page.getByLabel(x.municipality, { exact: true }).selectOption({ label: 'Liepāja' });
    await h.page.getByLabel(x.street).fill('Jūras iela');
    await h.page.getByLabel(x.building).fill('9');
    await h.page.getByLabel(x.postcode).fill('LV-3401');
    await h.page.getByLabel(x.basis).fill('Īres līgums');
    await h.page.getByLabel(x.since).fill('2000-01-01');
    await h.page.getByRole('button', { name: x.submit }).click();
    await h.page
      .getByRole('alert')
      .getByText(new RegExp(`^“?${x.since}`))
      .waitFor();
    await h.page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    expect(await h.page.getByLabel(x.since).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'forms-declare-server-refusal-lv-390');
  });

  it('after a successful submit, focus moves to the result', async () => {
    await h.page.setViewportSize(VIEWPORTS[1]);
    await openDeclaration('en');
    const x = TEXT.en;
    await h.page.getByLabel(x.municipality, { exact: true }).selectOption({ label: 'Liepāja' });
    await h.page.getByLabel(x.street).fill('Jūras iela');
    await h.page.getByLabel(x.building).fill('9');
    await h.page.getByLabel(x.postcode).fill('LV-3401');
    await h.page.getByLabel(x.basis).fill('Lease');
    await h.page.getByRole('button', { name: x.submit }).click();
    await h.page.getByRole('heading', { level: 1, name: x.done }).waitFor();
    expect(await h.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await h.page.title()).toBe(`${x.done} — Civitas`);
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'forms-declare-done-en-390');
  });
});

describe('what opens below a button comes into view and takes focus', () => {
  // Anna holds a valid passport and identity card among the demo documents.
  beforeAll(async () => {
    await h.app.backgroundJobs.seedDemoDocuments();
    await h.page.setViewportSize(VIEWPORTS[0]);
    await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
    await residentSignIn(h, /Anna Marija Ozola/);
  });
  const REPORT = {
    lv: {
      page: 'Mani dokumenti',
      open: /^Ziņot par nozaudētu vai nozagtu/,
      title: /^Nozaudēts vai nozagts dokuments/,
      cancel: 'Atcelt',
    },
    en: {
      page: 'My documents',
      open: /^Report .* lost or stolen$/,
      title: /^Document .* lost or stolen$/,
      cancel: 'Cancel',
    },
  } as const;
  for (const { lang, viewport } of ROUNDS) {
    it(`"report lost or stolen" scrolls its form into view with focus on it, and cancel gives focus back, at ${viewport.width} px in ${lang}`, async () => {
      const x = REPORT[lang];
      await h.page.setViewportSize(viewport);
      await h.page.goto(`${h.baseUrl}/my/documents`);
      await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
      await h.page.reload();
      await h.page.getByRole('heading', { level: 1, name: x.page }).waitFor();
      const opener = h.page.getByRole('button', { name: x.open }).first();
      await opener.click();
      const heading = h.page.getByRole('heading', { level: 2, name: x.title });
      await heading.waitFor();
      await h.page.waitForFunction(() => document.activeElement?.id === 'report-title');
      // In view: the heading's box lies inside the window.
      const inView = await heading.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      expect(inView).toBe(true);
      expect(await axeViolations(h.page)).toEqual([]);
      await screenshot(h.page, `forms-report-open-${lang}-${viewport.width}`);
      await h.page.getByRole('button', { name: x.cancel, exact: true }).click();
      expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    });
  }
});

describe('the staff search on the same pattern', () => {
  beforeAll(async () => {
    await h.page.context().clearCookies();
    await h.page.setViewportSize(VIEWPORTS[0]);
    await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
    await staffSignIn(h, 'registrar');
  });
  for (const viewport of VIEWPORTS) {
    for (const [lang, x] of [
      [
        'lv',
        {
          title: 'Personu meklēšana',
          submit: 'Meklēt',
          purpose: /Norādiet lietas numuru vai iemeslu/,
          criteria: /ierakstiet vārdu un uzvārdu, personas kodu vai dzimšanas datumu/,
        },
      ],
      [
        'en',
        {
          title: 'Find a person',
          submit: 'Search',
          purpose: /Give a case reference or a reason/,
          criteria: /enter a name, a personal code or a birth date/,
        },
      ],
    ] as const) {
      it(`an empty search asks for the purpose and a criterion at once, at ${viewport.width} px in ${lang}`, async () => {
        await h.page.setViewportSize(viewport);
        await h.page.goto(`${h.baseUrl}/staff/register`);
        await h.page.evaluate((l) => {
          localStorage.setItem('civitas.locale', l);
          sessionStorage.clear();
        }, lang);
        await h.page.reload();
        await h.page.getByRole('heading', { level: 1, name: x.title }).waitFor();
        await h.page.getByRole('button', { name: x.submit, exact: true }).click();
        const summary = h.page.getByRole('alert');
        await summary.getByText(x.purpose).waitFor();
        await summary.getByText(x.criteria).waitFor();
        expect(await axeViolations(h.page)).toEqual([]);
        await screenshot(h.page, `forms-search-empty-${lang}-${viewport.width}`);
      });
    }
  }
});

/** The hint a field is described by (its own paragraph, not the error). */
async function hintOf(field: Locator): Promise<string> {
  const id = await field.getAttribute('id');
  return (await field.page().locator(`[id="${id}-hint"]`).innerText()).trim();
}

describe('a native date field says the order this browser shows it in (decision 0026)', () => {
  it('a Latvian browser: dd.mm.gggg on a Latvian page, dd.mm.yyyy on an English one', async () => {
    await h.page.setViewportSize(VIEWPORTS[0]);
    await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
    await residentSignIn(h, /Jānis Bērziņš/);
    await openDeclaration('lv');
    expect(await hintOf(h.page.getByLabel(TEXT.lv.since))).toContain('Datuma formāts: dd.mm.gggg');
    await openDeclaration('en');
    expect(await hintOf(h.page.getByLabel(TEXT.en.since))).toContain('Date format: dd.mm.yyyy');
    await openDeclaration('lv');
  });

  it('an English (US) browser on a Latvian page: mm/dd/gggg, as its own field shows the day', async () => {
    // A second Chromium whose own language is English (US), signed in as the same resident.
    const profile = mkdtempSync(path.join(os.tmpdir(), 'civitas-chromium-en-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      locale: 'en-US',
      viewport: VIEWPORTS[1],
    });
    try {
      await context.addCookies(await h.context.cookies());
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${h.baseUrl}/my/declare`);
      await page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
      await page.reload();
      await page.getByRole('heading', { level: 1, name: TEXT.lv.title }).waitFor();
      expect(await page.evaluate(() => navigator.language)).toBe('en-US');
      const since = page.getByLabel(TEXT.lv.since);
      expect(await hintOf(since)).toContain('Datuma formāts: mm/dd/gggg');
      // Typed in the order the hint gives (month first here), the field holds ISO as always.
      await since.focus();
      await page.keyboard.type('05171980');
      expect(await since.inputValue()).toBe('1980-05-17');
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join('e2e', 'screenshots', 'forms-date-hint-en-US-browser-lv-390.png') });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
