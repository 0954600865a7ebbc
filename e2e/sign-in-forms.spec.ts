/**
 * The staff sign-in, the second factor and the new-account form on the contract form layer (decision 0022):
 * each names in the person's language what is wrong with which field, in an error summary that takes focus —
 * at 1280×900 and on a phone (390×844), in Latvian and English, axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Harness, ROUNDS, screenshot, staffSignIn, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;
type Lang = (typeof ROUNDS)[number]['lang'];

const TEXT = {
  lv: {
    fix: 'Lūdzu, izlabojiet',
    optional: '(nav obligāts)',
    signInTitle: 'Pieslēgšanās darbiniekiem',
    signIn: 'Pieslēgties',
    username: 'Lietotājvārds',
    password: 'Parole',
    usernameRequired: 'Aizpildiet lauku “Lietotājvārds”',
    passwordRequired: 'Aizpildiet lauku “Parole”',
    totpTitle: 'Otrais faktors',
    code: 'Kods',
    continue: 'Turpināt',
    codeFormat: '“Kods”: ievadiet 6 ciparus, ko rāda autentifikācijas lietotne',
    accountsTitle: 'Darbinieku konti',
    name: 'Vārds, uzvārds',
    initialPassword: 'Sākotnējā parole (vismaz 12 rakstzīmes)',
    create: 'Izveidot kontu',
    usernameFormat: '“Lietotājvārds”: 3–64 rakstzīmes: burti a–z, cipari, punkts, domuzīme vai pasvītra',
    rolesChoose: 'Izvēlieties: “Lomas”',
  },
  en: {
    fix: 'Please correct the following',
    optional: '(optional)',
    signInTitle: 'Staff sign-in',
    signIn: 'Sign in',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Fill in “Username”',
    passwordRequired: 'Fill in “Password”',
    totpTitle: 'Second factor',
    code: 'Code',
    continue: 'Continue',
    codeFormat: '“Code”: enter the 6 digits your authenticator app shows',
    accountsTitle: 'Staff accounts',
    name: 'Name',
    initialPassword: 'Initial password (at least 12 characters)',
    create: 'Create account',
    usernameFormat: '“Username”: 3–64 characters: letters a–z, digits, dot, dash or underscore',
    rolesChoose: 'Choose “Roles”',
  },
} as const;

/** Opens a workbench page in the given language (the choice is kept in local storage, as the language button does). */
async function open(path: string, lang: Lang, title: string): Promise<void> {
  await h.page.goto(`${h.baseUrl}/staff${path}`);
  await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
  await h.page.reload();
  await h.page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The summary has focus and lists exactly these messages, each a link to its field; the page is axe-clean. */
async function expectSummary(lang: Lang, messages: string[], shot: string): Promise<void> {
  const summary = h.page.getByRole('alert');
  await summary.getByRole('heading', { name: TEXT[lang].fix }).waitFor();
  expect(await h.page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
  expect(await summary.getByRole('link').allTextContents()).toEqual(messages);
  expect(await axeViolations(h.page)).toEqual([]);
  await screenshot(h.page, shot);
}

describe('the sign-in forms say what is wrong, field by field', () => {
  for (const { lang, viewport } of ROUNDS) {
    it(`staff sign-in left empty names both fields, at ${viewport.width} px in ${lang}`, async () => {
      const x = TEXT[lang];
      await h.page.setViewportSize(viewport);
      await h.page.context().clearCookies();
      await open('/sign-in', lang, x.signInTitle);
      // Both fields are required: the label is the bare name, with no "(optional)".
      expect(await h.page.getByText(x.optional).count()).toBe(0);
      expect(await h.page.getByLabel(x.username, { exact: true }).getAttribute('aria-required')).toBe('true');
      await h.page.getByRole('button', { name: x.signIn, exact: true }).click();
      await expectSummary(
        lang,
        [x.usernameRequired, x.passwordRequired],
        `sign-in-forms-empty-${lang}-${viewport.width}`,
      );
      // Each field shows its own message too.
      expect(await h.page.getByLabel(x.password, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    });
  }

  it('an administrator is told a bad username and no roles, then creates the account', async () => {
    await h.page.context().clearCookies();
    await h.page.setViewportSize(VIEWPORTS[0]);
    await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
    await staffSignIn(h, 'admin');
    for (const { lang, viewport } of ROUNDS) {
      const x = TEXT[lang];
      await h.page.setViewportSize(viewport);
      await open('/accounts', lang, x.accountsTitle);
      await h.page.getByLabel(x.username, { exact: true }).fill('Ne Derīgs!');
      await h.page.getByLabel(x.name, { exact: true }).fill('Ilze Kalna');
      await h.page.getByLabel(x.initialPassword, { exact: true }).fill('ļoti droša parole 2026');
      await h.page.getByRole('button', { name: x.create }).click();
      await expectSummary(lang, [x.usernameFormat, x.rolesChoose], `sign-in-forms-account-${lang}-${viewport.width}`);
      // The roles' link takes focus to the first checkbox of the group.
      await h.page.getByRole('alert').getByRole('link', { name: x.rolesChoose }).click();
      expect(await h.page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('roles');
    }
    await open('/accounts', 'lv', TEXT.lv.accountsTitle);
    await h.page.getByLabel('Lietotājvārds', { exact: true }).fill('ilze.kalna');
    await h.page.getByLabel('Vārds, uzvārds', { exact: true }).fill('Ilze Kalna');
    await h.page.getByLabel('Reģistra speciālists').check();
    await h.page.getByLabel(TEXT.lv.initialPassword, { exact: true }).fill('ļoti droša parole 2026');
    await h.page.getByRole('button', { name: 'Izveidot kontu' }).click();
    await h.page.getByText('Konts ilze.kalna ir izveidots.', { exact: false }).waitFor();
    // The confirmation takes focus, and the form is empty again for the next account.
    expect(await h.page.evaluate(() => document.activeElement?.textContent)).toContain(
      'Konts ilze.kalna ir izveidots.',
    );
    expect(await h.page.getByLabel('Lietotājvārds', { exact: true }).inputValue()).toBe('');
    await h.page.getByRole('cell', { name: 'Ilze Kalna' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'sign-in-forms-account-created');
  });

  it('the new officer, asked for a second factor, is told a 5-digit code is not one', async () => {
    await h.page.context().clearCookies();
    await open('/sign-in', 'lv', TEXT.lv.signInTitle);
    await h.page.getByLabel('Lietotājvārds').fill('ilze.kalna');
    await h.page.getByLabel('Parole').fill('ļoti droša parole 2026');
    await h.page.getByRole('button', { name: 'Pieslēgties' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Iestatiet otro faktoru' }).waitFor();
    for (const { lang, viewport } of ROUNDS) {
      const x = TEXT[lang];
      await h.page.setViewportSize(viewport);
      // A reload keeps the half-open session; the enrolment key lived in memory only, so the page is the plain second factor.
      await open('/sign-in/totp', lang, x.totpTitle);
      await h.page.getByLabel(x.code, { exact: true }).fill('12345');
      await h.page.getByRole('button', { name: x.continue }).click();
      await expectSummary(lang, [x.codeFormat], `sign-in-forms-totp-${lang}-${viewport.width}`);
    }
  });

  it('the demo eID page asks to choose a person when none is chosen', async () => {
    await h.page.context().clearCookies();
    await h.page.setViewportSize(VIEWPORTS[1]);
    await h.page.goto(`${h.baseUrl}/sign-in/demo-eid`);
    await h.page.evaluate(() => localStorage.setItem('civitas.locale', 'lv'));
    await h.page.reload();
    await h.page.getByRole('button', { name: 'Pieslēgties' }).click();
    await expectSummary('lv', ['Izvēlieties: “Izvēlieties personu”'], 'sign-in-forms-demo-eid-lv-390');
    await h.page.getByLabel(/Jānis Bērziņš/).check();
    await h.page.getByRole('button', { name: 'Pieslēgties' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Labdien, Jānis Bērziņš!' }).waitFor();
  });
});
