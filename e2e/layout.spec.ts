/**
 * Every page a resident or a staff role can reach fits a phone: no sideways scrolling at 320 px or 390 px
 * (wide tables scroll in their own box), the navigation folds into a menu button, each page has its own
 * title in the page's language, and a role opening a page it may not use is told so (issue 23, items 1, 8, 10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, residentSignIn, screenshot, staffSignIn, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const NARROW = [320, 390] as const;

/** How much wider than the window the page is (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The hrefs of the main navigation, read at desktop width where it is laid out. */
async function navLinks(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: 1280, height: 900 });
  return page.locator('#main-nav a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

/** Visits each page at each narrow width; returns the pages that overflowed and the titles seen. */
async function walk(paths: readonly string[]): Promise<{ wide: string[]; titles: Map<string, string> }> {
  const wide: string[] = [];
  const titles = new Map<string, string>();
  for (const path of paths) {
    await h.page.setViewportSize({ width: 1280, height: 900 });
    await h.page.goto(`${h.baseUrl}${path}`);
    await h.page.getByRole('heading', { level: 1 }).first().waitFor();
    await h.page.waitForLoadState('networkidle');
    titles.set(path, await h.page.title());
    for (const width of NARROW) {
      await h.page.setViewportSize({ width, height: 844 });
      const extra = await overflow(h.page);
      if (extra > 0) {
        wide.push(`${path} at ${width} px: ${extra} px too wide`);
        await screenshot(h.page, `overflow${path.replace(/\//g, '-')}-${width}`);
      }
    }
  }
  return { wide, titles };
}

function expectDistinctTitles(titles: Map<string, string>, suffix: string): void {
  for (const [path, title] of titles) expect(title, path).toMatch(new RegExp(`^.+ — ${suffix}$`));
  const seen = [...titles.values()];
  expect(new Set(seen).size, seen.join(' | ')).toBe(seen.length);
}

describe('the portal on a phone', () => {
  it('fits every page at 320 and 390 px, and every page has its own title', async () => {
    const { wide, titles } = await walk(['/', '/document-check', '/queue']);
    await residentSignIn(h, /Jānis Bērziņš/);
    const signedIn = await walk([
      ...new Set([
        ...(await navLinks(h.page)),
        '/my/documents/apply',
        '/my/appointments/new',
        '/my/cases/new',
        '/my/invitations/new',
        '/my/visas/new',
      ]),
    ]);
    expect([...wide, ...signedIn.wide]).toEqual([]);
    expectDistinctTitles(new Map([...titles, ...signedIn.titles]), 'Civitas');
  });

  it('folds the navigation into a menu button that opens and closes it, in both languages', async () => {
    for (const [lang, menu, home] of [
      ['lv', 'Izvēlne', 'Sākums'],
      ['en', 'Menu', 'Home'],
    ] as const) {
      await h.page.setViewportSize({ width: 390, height: 844 });
      await h.page.goto(`${h.baseUrl}/my`);
      await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
      await h.page.reload();
      const button = h.page.getByRole('button', { name: menu });
      await button.waitFor();
      expect(await h.page.getByRole('link', { name: home, exact: true }).isVisible()).toBe(false);
      await button.click();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      await h.page.getByRole('link', { name: home, exact: true }).waitFor();
      expect(await axeViolations(h.page)).toEqual([]);
      await screenshot(h.page, `layout-portal-menu-${lang}-390`);
      const documents = lang === 'lv' ? 'Mani dokumenti' : 'My documents';
      await h.page.getByRole('navigation').getByRole('link', { name: documents }).click();
      await h.page.getByRole('heading', { level: 1, name: documents }).waitFor();
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await overflow(h.page)).toBeLessThanOrEqual(0);
      await screenshot(h.page, `layout-portal-documents-${lang}-390`);
      await h.page.setViewportSize({ width: 1280, height: 900 });
      expect(await button.isVisible()).toBe(false);
    }
  });

  it('titles follow the language', async () => {
    await h.page.setViewportSize({ width: 1280, height: 900 });
    await h.page.goto(`${h.baseUrl}/my/data-use`);
    await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
    await h.page.reload();
    await h.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await h.page.title()).toBe('Kas izmantoja manus datus — Civitas');
    await h.page.getByRole('button', { name: /Valoda: English/ }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Who used my data' }).waitFor();
    expect(await h.page.title()).toBe('Who used my data — Civitas');
    await h.page.getByRole('button', { name: /Language: Latviešu/ }).click();
  });
});

describe('the staff workbench on a phone', () => {
  /** Pages a role reaches from a page of the menu rather than from the menu itself. */
  const BEYOND_MENU: Partial<Record<string, string[]>> = {
    'migration.officer': ['/staff/migration/visas/new', '/staff/migration/stay'],
  };
  for (const account of [
    'registrar',
    'document.officer',
    'migration.officer',
    'supervisor',
    'admin',
    'auditor',
    'municipality.jelgava',
  ] as const) {
    it(`fits every page ${account} can open at 320 and 390 px, each with its own title`, async () => {
      await h.page.context().clearCookies();
      await staffSignIn(h, account);
      const { wide, titles } = await walk([...(await navLinks(h.page)), ...(BEYOND_MENU[account] ?? [])]);
      expect(wide).toEqual([]);
      expectDistinctTitles(new Map([...titles].map(([p, title]) => [p, title])), 'Civitas');
    });
  }

  it('tells a role that opens a page it may not use why, instead of sending it home without a word', async () => {
    await h.page.context().clearCookies();
    await staffSignIn(h, 'document.officer');
    for (const [lang, title] of [
      ['lv', 'Šī lapa nav paredzēta jūsu lomai'],
      ['en', 'This page is not for your role'],
    ] as const) {
      await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
      for (const width of [1280, 390]) {
        await h.page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
        await h.page.goto(`${h.baseUrl}/staff/accounts`);
        await h.page.getByRole('heading', { level: 1, name: title }).waitFor();
        expect(await h.page.title()).toBe(`${title} — Civitas`);
        expect(await axeViolations(h.page)).toEqual([]);
        await screenshot(h.page, `layout-staff-forbidden-${lang}-${width}`);
      }
    }
    await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
  });
});
