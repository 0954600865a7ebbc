/** Staff workbench: sign-in, pages by role, language switch, sign-out, session expiry — axe-clean throughout. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as otp from 'otplib';
import { axeViolations, screenshot, staffSignIn, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const signIn = (username: string) => staffSignIn(h, username);

describe('staff workbench', () => {
  it('shows the sign-in page in Latvian with the demo banner, and is accessible', async () => {
    await h.page.goto(`${h.baseUrl}/staff/`);
    await h.page.getByRole('heading', { level: 1, name: 'Pieslēgšanās darbiniekiem' }).waitFor();
    expect(await h.page.getAttribute('html', 'lang')).toBe('lv');
    expect(await h.page.getByRole('note').textContent()).toContain('DEMO');
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-sign-in');
  });

  it('shows an error summary that takes focus for empty fields and for a wrong password', async () => {
    await h.page.getByRole('button', { name: 'Pieslēgties' }).click();
    const summary = h.page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Lietotājvārds');
    expect(await h.page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await h.page.getByLabel('Lietotājvārds').fill('registrar');
    await h.page.getByLabel('Parole').fill('wrong password');
    await h.page.getByRole('button', { name: 'Pieslēgties' }).click();
    await h.page.getByText('Nepareizs lietotājvārds vai parole.').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-sign-in-error');
  });

  it('signs in the administrator, who sees the home page, accounts and audit — each accessible', async () => {
    await signIn('admin');
    expect(await h.page.getByText('Administrators').count()).toBeGreaterThan(0);
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-home');

    await h.page.getByRole('link', { name: 'Darbinieku konti' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Darbinieku konti' }).waitFor();
    await h.page.getByRole('cell', { name: 'registrar demo', exact: true }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-accounts');

    await h.page.getByLabel('Lietotājvārds').fill('jauns.darbinieks');
    await h.page.getByLabel('Vārds, uzvārds').fill('Dace Priede');
    await h.page.getByLabel('Reģistra speciālists').check();
    await h.page.getByLabel('Sākotnējā parole (vismaz 12 rakstzīmes)').fill('ļoti droša parole 2026');
    await h.page.getByRole('button', { name: 'Izveidot kontu' }).click();
    await h.page.getByText('Konts jauns.darbinieks ir izveidots.', { exact: false }).waitFor();
    await h.page.getByRole('cell', { name: 'Dace Priede' }).waitFor();

    await h.page.getByRole('link', { name: 'Audits' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Audita žurnāls' }).waitFor();
    await h.page.getByRole('button', { name: 'Pārbaudīt ķēdi' }).click();
    await h.page.getByText(/Ķēde ir neskarta/).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-audit');
  });

  it('switches the whole interface to English and back', async () => {
    await h.page.getByRole('button', { name: /Valoda: English/ }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    expect(await h.page.getAttribute('html', 'lang')).toBe('en');
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-audit-en');
    await h.page.getByRole('button', { name: /Language: Latviešu/ }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Audita žurnāls' }).waitFor();
  });

  it('signs out', async () => {
    await h.page.getByRole('button', { name: 'Atslēgties' }).click();
    await h.page.getByText('Jūs esat atslēdzies.').waitFor();
    await h.page.goto(`${h.baseUrl}/staff/accounts`);
    await h.page.getByRole('heading', { level: 1, name: 'Pieslēgšanās darbiniekiem' }).waitFor();
  });

  it('makes a new (non-demo) officer enrol a second factor at first sign-in', async () => {
    await h.page.goto(`${h.baseUrl}/staff/sign-in`);
    await h.page.getByLabel('Lietotājvārds').fill('jauns.darbinieks');
    await h.page.getByLabel('Parole').fill('ļoti droša parole 2026');
    await h.page.getByRole('button', { name: 'Pieslēgties' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Iestatiet otro faktoru' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-totp-enrolment');
    const secret = (await h.page.locator('code.secret').textContent())?.trim() ?? '';
    await h.page
      .getByLabel('Kods')
      .fill(
        '000000' === (await otp.generate({ secret, epoch: Math.floor(h.clock.now().getTime() / 1000) }))
          ? '111111'
          : '000000',
      );
    await h.page.getByRole('button', { name: 'Turpināt' }).click();
    await h.page.getByRole('alert').waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await h.page
      .getByLabel('Kods')
      .fill(await otp.generate({ secret, epoch: Math.floor(h.clock.now().getTime() / 1000) }));
    await h.page.getByRole('button', { name: 'Turpināt' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Labdien, Dace Priede!' }).waitFor();
    await h.page.getByRole('button', { name: 'Atslēgties' }).click();
    await h.page.getByText('Jūs esat atslēdzies.').waitFor();
  });

  it('sends a person whose session ended back to sign-in with a message', async () => {
    await signIn('supervisor');
    h.clock.advance(16 * 60_000);
    // The page's own next request may find the session ended first and leave before the click: either way the message follows.
    await h.page
      .getByRole('link', { name: 'Darbinieku konti' })
      .click({ timeout: 5000 })
      .catch(() => undefined);
    await h.page.getByText('Jūsu sesija beidzās neaktivitātes dēļ.', { exact: false }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'staff-session-expired');
  });
});
