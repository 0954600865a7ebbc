/** Resident portal: demo eID sign-in, my page, "who used my data" seeing a staff access live — axe-clean. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, screenshot, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('resident portal', () => {
  it('shows the landing page with the demo eID option, accessible', async () => {
    await h.page.goto(`${h.baseUrl}/`);
    await h.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-landing');
  });

  it('signs in through the demo eID page as a synthetic person', async () => {
    await h.page.getByRole('link', { name: 'Pieslēgties ar demo eID' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Demo eID' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-demo-eid');
    await h.page.getByLabel(/Jānis Bērziņš/).check();
    await h.page.getByRole('button', { name: 'Pieslēgties' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Labdien, Jānis Bērziņš!' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-my');
  });

  it('lists the sign-in under "who used my data", and an auditor’s access appears within seconds', async () => {
    await h.page.getByRole('link', { name: 'Kas izmantoja manus datus' }).first().click();
    await h.page.getByRole('heading', { level: 1, name: 'Kas izmantoja manus datus' }).waitFor();
    await h.page.getByRole('cell', { name: 'Pieslēgšanās' }).waitFor();

    const signIn = await h.app.inject({
      method: 'POST',
      url: '/api/auth/staff/sign-in',
      payload: { username: 'auditor', password: 'civitas-demo' },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'civitas_session');
    const read = await h.app.inject({
      url: '/api/audit/persons/00000000-0000-4000-8000-000000000001/entries?reason=Sūdzība%2017',
      headers: { cookie: `civitas_session=${cookie?.value}` },
    });
    expect(read.statusCode).toBe(200);
    const started = Date.now();
    await h.page.getByRole('cell', { name: 'Datu aizsardzības uzraudzība' }).waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-data-use');
  });

  it('works in English', async () => {
    await h.page.getByRole('button', { name: /Valoda: English/ }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Who used my data' }).waitFor();
    expect(await axeViolations(h.page)).toEqual([]);
    await screenshot(h.page, 'portal-data-use-en');
  });

  it('signs out', async () => {
    await h.page.getByRole('button', { name: 'Sign out' }).click();
    await h.page.getByText('You have signed out.').waitFor();
  });
});
