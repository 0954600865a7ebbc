/**
 * Procedure rules by version (issue 25): an administrator sees the three versions of the Schengen visa's rules
 * with their acts in the reader's language, previews a move that touches no case, is refused a version not yet
 * in force at the field, and previews and then applies the move of a visa lodged under the 2020 rules onto the
 * 2024 ones (its fee EUR 80 → 90), after which the counts of open cases follow. Axe-clean in both languages at
 * 1280×900 and 390×844.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import lv from '../src/shared/i18n/lv.json' with { type: 'json' };
import en from '../src/shared/i18n/en.json' with { type: 'json' };
import { formatMoney } from '../src/shared/kernel/display-format.ts';
import { addDays, type PlainDate } from '../src/shared/kernel/plain-date.ts';
import { signInStaff } from '../src/test/test-app.ts';
import { lookEverywhere, staffSignIn, startHarness, useLanguage, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await staffSignIn(h, 'admin');
});
afterAll(() => h.close());

type Key = keyof typeof lv;
const say = (key: Key, values: Record<string, string | number> = {}, lang: 'lv' | 'en' = 'lv') =>
  String(new IntlMessageFormat((lang === 'lv' ? lv : en)[key], lang).format(values));

/** The table of a procedure's versions, by its caption. */
const versions = (procedure: string) => h.page.getByRole('table', { name: say(`cases.type.${procedure}` as Key) });
const openCasesIn = async (validFrom: RegExp) =>
  (await versions('visa-c').getByRole('row', { name: validFrom }).getByRole('cell').last().textContent())?.trim();
const previewButton = () => h.page.getByRole('button', { name: say('procedureRules.preview') });

/** The case the desk lodged under the 2020 rules (moved by the administrator, then paid up by the officer). */
let lodgedCaseId = '';

/** A Schengen visa application as the desk lodges it on `day`: an adult, for a trip a month later. */
async function lodgeVisaOn(day: PlainDate): Promise<string> {
  h.clock.set(`${day}T08:00:00Z`);
  const officer = await signInStaff(h.app, 'migration.officer');
  const entry = addDays(day, 30);
  const exit = addDays(day, 40);
  const res = await officer.request('POST', '/api/migration/visas', {
    visaType: 'C',
    givenNames: 'Olena',
    surname: 'Shevchenko',
    sex: 'F',
    birthDate: '1988-02-14',
    nationality: 'UKR',
    travelDocument: { number: 'FP123456', country: 'UKR', validUntil: addDays(day, 2000) },
    purpose: 'tourism',
    intendedEntry: entry,
    intendedExit: exit,
    entriesRequested: 'single',
    insurance: {
      insurer: 'Demo Insurance',
      policyNumber: 'TMI-1',
      coverageEur: 30000,
      validFrom: entry,
      validUntil: exit,
    },
    means: { kind: 'bank-statement', amountEur: 1500 },
    language: 'en',
    contactEmail: 'olena@example.invalid',
    payment: { method: 'card' },
  });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode}: ${res.body}`);
  const view = res.json() as { id: string; reference: string };
  lodgedCaseId = view.id;
  return view.reference;
}

describe('procedure rules (administrator)', () => {
  /** The move form's procedure: the Schengen visa (its version to move to follows, the newest in force). */
  const chooseVisaC = () => h.page.getByLabel(say('procedureRules.procedure')).selectOption('visa-c');

  it('lists the three versions of the Schengen visa’s rules with their acts', async () => {
    await h.page.getByRole('link', { name: say('staff.nav.procedureRules') }).click();
    await h.page.getByRole('heading', { level: 1, name: say('procedureRules.title') }).waitFor();
    await expect(h.page.title()).resolves.toBe(`${say('procedureRules.title')} — ${say('app.name')}`);
    const rows = versions('visa-c').getByRole('row');
    await expect(rows.count()).resolves.toBe(4);
    await expect(rows.nth(1).textContent()).resolves.toContain('05.04.2010');
    await expect(rows.nth(1).textContent()).resolves.toContain('Regula (EK) Nr. 810/2009');
    await expect(rows.nth(2).textContent()).resolves.toContain('02.02.2020');
    await expect(rows.nth(3).textContent()).resolves.toContain('11.06.2024');
    await expect(rows.nth(3).textContent()).resolves.toContain('Deleģētā regula (ES) 2024/1415');
    await expect(rows.nth(3).textContent()).resolves.toContain(say('procedureRules.inForceYes'));
    await versions('visa-d').waitFor();
    await lookEverywhere(h.page, 'staff-procedure-rules');
  });

  it('shows the English page with the acts cited in English', async () => {
    await useLanguage(h.page, 'en');
    await h.page.getByRole('heading', { level: 1, name: say('procedureRules.title', {}, 'en') }).waitFor();
    const table = h.page.getByRole('table', { name: say('cases.type.visa-c', {}, 'en') });
    await expect(table.textContent()).resolves.toContain('11 June 2024');
    await expect(table.textContent()).resolves.toContain('Commission Delegated Regulation (EU) 2024/1415');
    await expect(table.textContent()).resolves.toContain('Regulation (EC) No 810/2009');
    await useLanguage(h.page, 'lv');
  });

  it('refuses a legal basis that is too long at the field, and previews a move that touches no case', async () => {
    // The first procedure that has somewhere to move is the document application; the visa is chosen here.
    await chooseVisaC();
    await expect(h.page.getByLabel(say('procedureRules.procedure')).inputValue()).resolves.toBe('visa-c');
    await expect(h.page.getByLabel(say('procedureRules.to')).inputValue()).resolves.toBe('2024-06-11');
    const basis = h.page.getByLabel(new RegExp(`^${say('procedureRules.legalBasis')}`));
    await basis.fill('x'.repeat(301));
    await previewButton().click();
    const summary = h.page.getByRole('alert');
    await summary.getByRole('link', { name: new RegExp(say('procedureRules.legalBasis')) }).waitFor();
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await basis.fill('');
    await previewButton().click();
    await h.page.getByText(say('procedureRules.noCases')).waitFor();
    await expect(h.page.getByRole('button', { name: /^Pārcelt/ }).count()).resolves.toBe(0);
    await lookEverywhere(h.page, 'staff-procedure-rules-no-cases');
  });

  it('refuses, at the field, a version that is not yet in force', async () => {
    await lodgeVisaOn('2024-06-10' as PlainDate);
    await h.page.reload();
    await h.page.getByRole('heading', { level: 1, name: say('procedureRules.title') }).waitFor();
    await chooseVisaC();
    await expect(
      versions('visa-c')
        .getByRole('row', { name: /^11\.06\.2024/ })
        .textContent(),
    ).resolves.toContain(say('procedureRules.notYet'));
    await h.page.getByLabel(say('procedureRules.to')).selectOption('2024-06-11');
    await previewButton().click();
    const message = say('fieldReason.rules-not-in-force', { field: say('procedureRules.to') });
    await h.page.getByRole('alert').getByRole('link', { name: message }).waitFor();
    await expect(h.page.locator('#move-to-error').textContent()).resolves.toContain(message);
    await lookEverywhere(h.page, 'staff-procedure-rules-refused');
    // The server's refusal is worded again in the language switched to, at the field and in the summary.
    await useLanguage(h.page, 'en');
    const english = say('fieldReason.rules-not-in-force', { field: say('procedureRules.to', {}, 'en') }, 'en');
    await expect(h.page.locator('#move-to-error').textContent()).resolves.toContain(english);
    await h.page.getByRole('alert').getByRole('link', { name: english }).waitFor();
    await useLanguage(h.page, 'lv');
  });

  it('previews the move of a visa lodged under the 2020 rules, then moves it', async () => {
    h.clock.set(new Date().toISOString());
    await h.page.context().clearCookies();
    await staffSignIn(h, 'admin');
    await h.page.goto(`${h.baseUrl}/staff/procedure-rules`);
    await h.page.getByRole('heading', { level: 1, name: say('procedureRules.title') }).waitFor();
    const before2024 = Number(await openCasesIn(/^11\.06\.2024/));
    await expect(openCasesIn(/^02\.02\.2020/)).resolves.toBe('1');
    await chooseVisaC();
    await previewButton().click();
    const row = h.page
      .getByRole('table', { name: say('procedureRules.planCaption') })
      .getByRole('row')
      .nth(1);
    await row.getByText(/^VC-2024-\d{6}/).waitFor();
    const text = await row.textContent();
    // By reference only: the administrator has no case officer's access to open it or read the applicant's name.
    expect(text).not.toContain('Olena Shevchenko');
    await expect(row.getByRole('link').count()).resolves.toBe(0);
    expect(text).toContain(say('procedureRules.change', { before: '02.02.2020', after: '11.06.2024' }));
    expect(text).toContain(
      say('procedureRules.change', { before: formatMoney(8000, 'lv'), after: formatMoney(9000, 'lv') }),
    );
    const move = h.page.getByRole('button', { name: say('procedureRules.move', { count: 1 }) });
    await lookEverywhere(h.page, 'staff-procedure-rules-preview');

    // A changed form is no longer what was previewed: nothing to move until it is previewed again.
    await h.page.getByLabel(new RegExp(`^${say('procedureRules.lodgedBefore')}`)).fill('2024-06-10');
    await h.page.getByText(say('procedureRules.stale')).waitFor();
    await expect(move.count()).resolves.toBe(0);
    await previewButton().click();
    await h.page.getByText(say('procedureRules.noCases')).waitFor();
    await h.page.getByLabel(new RegExp(`^${say('procedureRules.lodgedBefore')}`)).fill('');
    await previewButton().click();

    await move.click();
    await h.page.getByText(say('procedureRules.moved', { count: 1, date: '11.06.2024' })).waitFor();
    await expect.poll(() => openCasesIn(/^02\.02\.2020/)).toBe('0');
    await expect(openCasesIn(/^11\.06\.2024/)).resolves.toBe(String(before2024 + 1));
    await lookEverywhere(h.page, 'staff-procedure-rules-moved');
  });

  it('shows the officer the move in the case’s history, and takes the fee still owed at the desk', async () => {
    await h.page.context().clearCookies();
    await staffSignIn(h, 'migration.officer');
    await h.page.goto(`${h.baseUrl}/staff/cases/${lodgedCaseId}`);
    const panel = h.page.getByRole('form', { name: say('staff.case.payment.title') });
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain(
      say('staff.case.payment.owed', {
        owed: formatMoney(1000, 'lv'),
        due: formatMoney(9000, 'lv'),
        paid: formatMoney(8000, 'lv'),
      }),
    );
    await expect(
      h.page
        .getByRole('list')
        .filter({ hasText: say('cases.event.move-rules') })
        .count(),
    ).resolves.toBe(1);
    await lookEverywhere(h.page, 'staff-case-fee-owed');
    // The receipt's number is asked for: sent without it, the form says so at the field.
    await panel
      .getByRole('button', { name: say('staff.case.payment.submit', { amount: formatMoney(1000, 'lv') }) })
      .click();
    await h.page.getByRole('alert').waitFor();
    await panel.getByLabel(say('staff.case.payment.cash')).check();
    await panel.getByLabel(new RegExp(`^${say('staff.case.payment.reference')}`)).fill('KASE-77');
    await panel
      .getByRole('button', { name: say('staff.case.payment.submit', { amount: formatMoney(1000, 'lv') }) })
      .click();
    await h.page.getByText(say('staff.case.done.record-payment')).waitFor();
    await expect(panel.count()).resolves.toBe(0);
  });
});
