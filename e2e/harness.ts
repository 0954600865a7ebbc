/**
 * One Civitas server per journey file (embedded database in a temp folder, demo data, a clock the
 * test can move) and Debian's Chromium with a fresh profile; axe-core checks each page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { parseConfig } from '../src/server/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/server/db/database.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createManualClock } from '../src/server/platform/clock.ts';
import { createArgon2Hasher } from '../src/server/platform/password.ts';
import { seedDemoIdentity } from '../src/server/modules/identity/index.ts';
import { seedRegister } from '../src/server/modules/register/index.ts';
import { plainDateInZone } from '../src/shared/kernel/plain-date.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  baseUrl: string;
  app: FastifyInstance;
  clock: ReturnType<typeof createManualClock>;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'civitas-e2e-'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'civitas-chromium-'));
  const database: DatabaseHandle = await openDatabase({ dataDir });
  await migrateToLatest(database.db);
  const hasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });
  await seedDemoIdentity(database.db, hasher);
  // The demo families and a small synthetic population, so search has something to find.
  await seedRegister(database.db, database.pool, {
    engine: database.engine,
    persons: 400,
    seed: 3,
    today: plainDateInZone(new Date(), 'Europe/Riga'),
    now: new Date().toISOString(),
  });
  const clock = createManualClock(new Date());
  const config = parseConfig({
    DATA_DIR: dataDir,
    DEMO_MODE: 'true',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '1000',
    ...env,
  });
  const app = await buildApp({ config, db: database.db, clock, hasher, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    locale: 'lv-LV',
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    baseUrl: address,
    app,
    clock,
    context,
    page,
    async close() {
      await context.close();
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on the current page and returns violations as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The two sizes every screen is looked at: a desktop and a phone. */
export const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * The rounds a journey runs in: each language and each size once, Latvian on the phone (the longer words in the
 * narrower layout) and English at the desk's width. A journey repeated over the full cross of both was the
 * lane's largest cost. What a journey's rounds check (axe, overflow, a screenshot) it checks in these two; the
 * pages a spec passes to `lookEverywhere` are still looked at in all four.
 */
export const ROUNDS = [
  { lang: 'lv', viewport: VIEWPORTS[1] },
  { lang: 'en', viewport: VIEWPORTS[0] },
] as const;

/** Switches the page's language with the header's button (the page keeps its state, an open form stays open). */
export async function useLanguage(page: Page, lang: 'lv' | 'en'): Promise<void> {
  const shown = await page.evaluate(() => document.documentElement.lang);
  if (shown === lang) return;
  await page.getByRole('button', { name: shown === 'lv' ? /Valoda: English/ : /Language: Latviešu/ }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** The page as it stands, in both languages at both sizes: no axe violation, no sideways scrolling, a screenshot each; back to Latvian at 1280. */
export async function lookEverywhere(page: Page, name: string): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const lang of ['lv', 'en'] as const) {
      await useLanguage(page, lang);
      expect(await axeViolations(page), `${name} ${lang} ${viewport.width}`).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        `${name} ${lang} ${viewport.width} overflow`,
      ).toBeLessThanOrEqual(0);
      await screenshot(page, `${name}-${lang}-${viewport.width}`);
    }
  }
  await useLanguage(page, 'lv');
  await page.setViewportSize(VIEWPORTS[0]);
}

/** Saves a screenshot under e2e/screenshots (ignored by git) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('e2e', 'screenshots', `${name}.png`), fullPage: true });
}

/** Signs a demo person in through the portal's demo eID page (Latvian labels), with a clean set of cookies. */
export async function residentSignIn(h: Harness, name: RegExp, greeting: RegExp | string = /Labdien/): Promise<void> {
  await h.page.context().clearCookies();
  await h.page.goto(`${h.baseUrl}/sign-in/demo-eid`);
  await h.page.getByLabel(name).check();
  await h.page.getByRole('button', { name: 'Pieslēgties' }).click();
  await h.page.getByRole('heading', { level: 1, name: greeting }).waitFor();
}

/** Signs a demo staff account in through the workbench's sign-in page (Latvian labels). */
export async function staffSignIn(h: Harness, username: string): Promise<void> {
  await h.page.goto(`${h.baseUrl}/staff/sign-in`);
  await h.page.getByLabel('Lietotājvārds').fill(username);
  await h.page.getByLabel('Parole').fill('civitas-demo');
  await h.page.getByRole('button', { name: 'Pieslēgties' }).click();
  await h.page.getByRole('heading', { level: 1, name: /Labdien/ }).waitFor();
}
