/**
 * The legal calendar (issue 24): an administrator sees the Cabinet's orders moving working days with their
 * sources and the warning that the coming year has none, is refused a Sunday as the Saturday worked in the
 * catalogue's words at the field, and records the order, after which the warning is gone. Axe-clean in both
 * languages at 1280×900 and 390×844.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lv from '../src/shared/i18n/lv.json' with { type: 'json' };
import { lookEverywhere, staffSignIn, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await staffSignIn(h, 'admin');
});
afterAll(() => h.close());

const say = (key: keyof typeof lv, values: Record<string, string> = {}) =>
  Object.entries(values).reduce((text, [k, v]) => text.replace(new RegExp(`\\{${k}\\}`, 'g'), v), lv[key]);

describe('the legal calendar (administrator)', () => {
  it('lists the orders with their sources and warns that 2027 has none', async () => {
    await h.page.getByRole('link', { name: say('staff.nav.calendar') }).click();
    await h.page.getByRole('heading', { level: 1, name: say('staff.calendar.title') }).waitFor();
    await h.page.getByText(say('staff.calendar.missing', { year: '2027' })).waitFor();
    const row2026 = h.page.getByRole('row', { name: /^2026/ });
    await expect(row2026.textContent()).resolves.toContain(
      say('staff.calendar.move', { dayOff: '22.06.2026', saturday: '27.06.2026' }),
    );
    await expect(row2026.getByRole('link', { name: 'www.la.lv' }).count()).resolves.toBe(1);
    await lookEverywhere(h.page, 'staff-calendar');
  });

  it('refuses a Sunday as the Saturday worked, at the field, and records a good order', async () => {
    const dayOff = say('staff.calendar.dayOff', { n: '1' });
    const saturday = say('staff.calendar.workingSaturday', { n: '1' });
    await h.page
      .getByLabel(say('staff.calendar.act'), { exact: true })
      .fill('MK rīkojums "Par darba dienu pārcelšanu 2027. gadā"');
    await h.page.getByLabel(dayOff).fill('2027-05-03');
    await h.page.getByLabel(saturday).fill('2027-05-09');
    await h.page.getByRole('button', { name: say('staff.calendar.record') }).click();
    const summary = h.page.getByRole('alert');
    const message = say('fieldReason.moved-to-not-saturday', { field: saturday });
    await summary.getByRole('link', { name: message }).waitFor();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await lookEverywhere(h.page, 'staff-calendar-refused');
    await h.page.getByLabel(saturday).fill('2027-05-08');
    await h.page.getByRole('button', { name: say('staff.calendar.record') }).click();
    await h.page.getByText(say('staff.calendar.saved', { year: '2027' })).waitFor();
    await h.page.getByText(say('staff.calendar.missing', { year: '2027' })).waitFor({ state: 'detached' });
    const row2027 = h.page.getByRole('row', { name: /^2027/ });
    await expect(row2027.textContent()).resolves.toContain(
      say('staff.calendar.move', { dayOff: '03.05.2027', saturday: '08.05.2027' }),
    );
    await lookEverywhere(h.page, 'staff-calendar-recorded');
  });
});
