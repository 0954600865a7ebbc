/**
 * Issue 23, items 6 and 7: one clock and one way of writing dates for pages, PDFs and e-mails (the page and
 * its PDF show the same Riga time; 17.05.1980 in Latvian, 17 May 1980 in English), and "who used my data"
 * in words (translated purposes, the right actor). Both languages, 1280×900 and 390×844, axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, residentSignIn, screenshot, staffSignIn, startHarness, type Harness } from './harness.ts';
import { signInResident, signInStaff, type Client } from '../src/test/test-app.ts';
import { pdfText } from '../src/test/pdf-text.ts';
import { act } from '../src/test/case-actions.ts';
import { formatMoney } from '../src/shared/kernel/display-format.ts';

const JANIS = '00000000-0000-4000-8000-000000000001';
// A summer day ahead of the seeded data: 11:05 UTC is 14:05 on the office's (Riga, UTC+3) clock.
const YEAR = new Date().getUTCFullYear() + 1;
const AT = `${YEAR}-05-17T11:05:00.000Z`;
const LV = { day: `17.05.${YEAR}`, time: `17.05.${YEAR} 14:05` };
const EN = { day: `17 May ${YEAR}`, time: `17 May ${YEAR}, 14:05` };
const SIZES = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];
/** Codes and phrases a reader must never meet on the data-use page. */
const RAW =
  /document-issuance|document-lookup|appointment-list|register-lookup|data-subject-access|municipality-residence-register|life-event:|\bsign-in\b|skatījāt savus datus|viewed your own data/;

let h: Harness;
let declarationId: string;
let reference: string;
let correctionId: string;

async function ok(
  res: { statusCode: number; body: string; json(): unknown },
  status: number,
): Promise<Record<string, string>> {
  if (res.statusCode !== status) throw new Error(`${res.statusCode}: ${res.body}`);
  return res.json() as Record<string, string>;
}

/** What Jānis and three others do at 14:05: the data the pages and PDFs then show. */
async function actAt14_05(): Promise<void> {
  h.clock.set(AT);
  // The office's system issues the demo documents (its own action, not Jānis's).
  await h.app.backgroundJobs.seedDemoDocuments();
  const janis: Client = await signInResident(h.app, JANIS);
  declarationId = (
    await ok(
      await janis.request('POST', '/api/portal/me/residence-declarations', {
        subjectPersonId: JANIS,
        validFrom: `${YEAR}-05-17`,
        housingBasis: 'Īres līgums',
        address: {
          kind: 'latvia',
          municipalityCode: 'LV-JEL',
          street: 'Lielā iela',
          building: '5',
          postcode: 'LV-3001',
        },
      }),
      201,
    )
  ).declarationId as string;
  const correction = await ok(
    await janis.request('POST', '/api/portal/me/cases/corrections', {
      field: 'birthPlace',
      requestedValue: 'Jelgava',
      explanation: 'Dzimšanas apliecībā norādīta Jelgava',
      language: 'lv',
      contactEmail: 'janis@example.invalid',
      documents: [
        {
          kind: 'evidence',
          fileName: 'apliecība.pdf',
          contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
        },
      ],
    }),
    201,
  );
  reference = correction.reference as string;
  correctionId = correction.id as string;
  // The municipality of the new address lists its declarations; a registrar opens Jānis's card.
  await ok(await (await signInStaff(h.app, 'municipality.jelgava')).request('GET', '/api/register/declarations'), 200);
  await ok(
    await (
      await signInStaff(h.app, 'registrar')
    ).request('GET', `/api/register/persons/${JANIS}?reason=${encodeURIComponent('Iedzīvotāja jautājums')}`),
    200,
  );
  await h.app.backgroundJobs.deliverOutbox();
}

async function setLanguage(lang: 'lv' | 'en'): Promise<void> {
  await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
  await h.page.reload();
}

async function pdf(url: string): Promise<string> {
  const res = await h.page.request.get(`${h.baseUrl}${url}`);
  expect(res.headers()['content-type']).toBe('application/pdf');
  return pdfText(await res.body());
}

const mainText = () => h.page.locator('main').innerText();

/** axe and a screenshot at both sizes; the page never scrolls sideways. */
async function lookAt(name: string): Promise<void> {
  for (const size of SIZES) {
    await h.page.setViewportSize(size);
    expect(await axeViolations(h.page)).toEqual([]);
    expect(await h.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await screenshot(h.page, `${name}-${size.width}`);
  }
  await h.page.setViewportSize(SIZES[0] as { width: number; height: number });
}

beforeAll(async () => {
  h = await startHarness();
  await actAt14_05();
});
afterAll(() => h.close());

describe('dates and times: the page and its PDF agree', () => {
  it('Latvian: "my data" and the extract show the declaration at 14:05 Riga time, dates as 17.05.1980', async () => {
    await residentSignIn(h, /Jānis Bērziņš/);
    await h.page.goto(`${h.baseUrl}/my/data`);
    await h.page.getByRole('heading', { level: 1, name: 'Mani dati reģistrā' }).waitFor();
    const event = h.page.getByRole('row', { name: /Dzīvesvietas deklarācija/ });
    await event.getByRole('cell', { name: LV.time, exact: true }).waitFor();
    await event.getByRole('cell', { name: LV.day, exact: true }).waitFor();
    const page = await mainText();
    expect(page).toContain('17.05.1980');
    expect(page).not.toMatch(/\d{4}-\d{2}-\d{2}|UTC/);

    const extract = await pdf('/api/portal/me/register/extract.pdf?lang=lv');
    expect(extract).toContain(`${LV.day}\tDzīvesvietas deklarācija\t${LV.time}`);
    expect(extract).toContain('Dzimšanas datums\t17.05.1980');
    expect(extract).toContain(`Sagatavots ${LV.time}`);
    expect(await pdf(`/api/portal/me/residence-declarations/${declarationId}/confirmation.pdf?lang=lv`)).toContain(
      `Iesniegta\t${LV.time}`,
    );
    await lookAt('dates-my-data-lv');
  });

  it('English: the same time as 17 May …, 14:05 on the page and in the PDF', async () => {
    await setLanguage('en');
    await h.page.getByRole('heading', { level: 1, name: 'My data in the register' }).waitFor();
    const event = h.page.getByRole('row', { name: /Residence declaration/ });
    await event.getByRole('cell', { name: EN.time, exact: true }).waitFor();
    const page = await mainText();
    expect(page).toContain('17 May 1980');
    expect(page).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}|AM|PM/);

    const extract = await pdf('/api/portal/me/register/extract.pdf?lang=en');
    expect(extract).toContain(`${EN.day}\tResidence declaration\t${EN.time}`);
    expect(extract).toContain('Date of birth\t17 May 1980');
    expect(await pdf(`/api/portal/me/residence-declarations/${declarationId}/confirmation.pdf?lang=en`)).toContain(
      `Submitted\t${EN.time}`,
    );
    await lookAt('dates-my-data-en');
  });
});

describe('who used my data: purposes and actors in words', () => {
  it('Latvian: you, an officer of the office, an officer of the municipality, the office’s system', async () => {
    await setLanguage('lv');
    await h.page.goto(`${h.baseUrl}/my/data-use`);
    await h.page.getByRole('heading', { level: 1, name: 'Kas izmantoja manus datus' }).waitFor();
    const more = h.page.getByRole('button', { name: 'Rādīt vecākus ierakstus' });
    while (await more.isVisible()) await more.click();
    const row = (name: RegExp) => h.page.getByRole('row', { name }).first().waitFor();
    await row(new RegExp(`${LV.time} Jūs Pieslēgšanās portālam Personas identifikācija`));
    await row(/Jūs Reģistra datu maiņa Dzīvesvietas deklarēšana/);
    await row(new RegExp(`Jūs Iesnieguma reģistrēšana Jūsu pieprasījums .* ${reference}`));
    await row(
      /Pilsonības un migrācijas lietu pārvalde\s*darbinieks \(Reģistra speciālists\) Reģistra datu apskate Personas datu skatīšana reģistrā/,
    );
    await row(
      /Jelgavas valstspilsētas pašvaldība\s*darbinieks \(Pašvaldības speciālists\) Dzīvesvietas deklarācijas apskate Pašvaldības dzīvesvietu uzskaite/,
    );
    await row(
      /Pilsonības un migrācijas lietu pārvalde\s*automātiska sistēmas darbība Dokumenta izsniegšana Dokumenta izsniegšana/,
    );
    const page = await mainText();
    expect(page).not.toMatch(RAW);
    // The system's own actions are never told as the resident's.
    expect(await h.page.getByRole('row', { name: /^.*Jūs .*Dokumenta izsniegšana/ }).count()).toBe(0);
    await lookAt('data-use-lv');
  });

  it('English: the same entries in English', async () => {
    await setLanguage('en');
    await h.page.getByRole('heading', { level: 1, name: 'Who used my data' }).waitFor();
    const more = h.page.getByRole('button', { name: 'Show older entries' });
    while (await more.isVisible()) await more.click();
    const row = (name: RegExp) => h.page.getByRole('row', { name }).first().waitFor();
    await row(new RegExp(`${EN.time} You Signed in to the portal Identification`));
    await row(/You Changed the register data Residence declaration/);
    await row(new RegExp(`You Registered an application Your own request .* ${reference}`));
    await row(
      /Office of Citizenship and Migration Affairs\s*an officer \(Registrar\) Viewed the register data Viewing data in the register/,
    );
    await row(
      /Jelgava City Municipality\s*an officer \(Municipality officer\) Viewed a residence declaration Municipal residence records/,
    );
    await row(
      /Office of Citizenship and Migration Affairs\s*an automatic action of the office's system Issued a document Issuing a document/,
    );
    expect(await mainText()).not.toMatch(RAW);
    await lookAt('data-use-en');
  });

  it('an auditor reads the same log with the officers’ names, the person told apart from “you”', async () => {
    await setLanguage('lv');
    await staffSignIn(h, 'auditor');
    await h.page.goto(`${h.baseUrl}/staff/audit`);
    await h.page.getByRole('heading', { level: 1, name: 'Audita žurnāls' }).waitFor();
    await h.page.getByLabel('Personas identifikators').fill(JANIS);
    await h.page.getByLabel(/Pamatojums/).fill('Sūdzība 2027/5');
    await h.page.getByRole('button', { name: 'Rādīt ierakstus' }).click();
    await h.page
      .getByRole('row', { name: /Pati persona Pieslēgšanās portālam/ })
      .first()
      .waitFor();
    await h.page
      .getByRole('row', { name: /Personas pašas pieprasījums/ })
      .first()
      .waitFor();
    expect(await mainText()).not.toMatch(RAW);
    await lookAt('staff-audit-person-lv');
  });
});

describe('the messages page', () => {
  it('names the channel in words and the time on the office’s clock, in both languages', async () => {
    await h.page.context().clearCookies();
    await staffSignIn(h, 'admin');
    await h.page.goto(`${h.baseUrl}/staff/outbox`);
    await h.page.getByRole('heading', { level: 1, name: 'Paziņojumi' }).waitFor();
    const message = h.page
      .getByRole('article')
      .filter({ has: h.page.getByRole('heading', { name: `Iesniegums ${reference} saņemts` }) });
    await message.getByText(`Nosūtīts · E-pasts · janis@example.invalid · nosūtīts ${LV.time}`).waitFor();
    const text = await message.innerText();
    expect(text).toMatch(/Lēmumu pieņemsim līdz \d{2}\.\d{2}\.\d{4}\./);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|· email ·/);
    await lookAt('staff-outbox-lv');

    await setLanguage('en');
    await h.page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await h.page.getByText(`Sent · E-mail · janis@example.invalid · sent ${EN.time}`).first().waitFor();
    await lookAt('staff-outbox-en');
  });
});

describe('a case page in the page’s language: legal bases, money and branch names', () => {
  type View = { id: string; version: number; reference: string };
  let applicationId: string;
  let feeCents: number;

  beforeAll(async () => {
    // Jānis's correction is decided (a registrar proposes, a decision-maker approves); he prepares a passport application.
    const registrar = await signInStaff(h.app, 'registrar');
    let view = (await ok(await registrar.request('GET', `/api/cases/${correctionId}`), 200)) as unknown as View;
    view = await act(registrar, view, { kind: 'assign', outOfOrderReason: 'e2e' });
    view = await act(registrar, view, { kind: 'propose-decision', outcome: 'accept', reasoning: 'Apliecība to rāda.' });
    await act(await signInStaff(h.app, 'decision.maker'), view, { kind: 'approve-decision' });

    const janis = await signInResident(h.app, JANIS);
    const options = (await ok(
      await janis.request('GET', '/api/portal/me/document-applications/options'),
      200,
    )) as unknown as {
      subjects: Array<{
        relation: string;
        documentTypes: Array<{ type: string; fees: { standard: { amountCents: number } | null } }>;
      }>;
      branches: Array<{ id: string; name: string }>;
    };
    const own = options.subjects.find((s) => s.relation === 'self');
    const type = own?.documentTypes.find((d) => d.type === 'passport' && d.fees.standard);
    feeCents = type?.fees.standard?.amountCents ?? 0;
    expect(feeCents).toBeGreaterThan(0);
    const riga = options.branches.find((b) => b.name === 'Rīgas 1. nodaļa');
    const application = await ok(
      await janis.request('POST', '/api/portal/me/document-applications', {
        documentType: 'passport',
        reason: 'renewal',
        pickupBranchId: riga?.id,
        language: 'lv',
      }),
      201,
    );
    applicationId = application.id as string;
  });

  it('Latvian: the law as recorded, money as 50,00 €, the branch’s Latvian name', async () => {
    await setLanguage('lv');
    await residentSignIn(h, /Jānis Bērziņš/);
    await h.page.goto(`${h.baseUrl}/my/cases/${correctionId}`);
    await h.page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    const decided = await mainText();
    expect(decided).toContain('Fizisko personu reģistra likums; MK 22.06.2021. noteikumi Nr. 412');

    await h.page.goto(`${h.baseUrl}/my/cases/${applicationId}`);
    const lvFee = formatMoney(feeCents, 'lv');
    expect(lvFee).toMatch(/^\d+,00\s€$/);
    await h.page.getByRole('button', { name: `Samaksāt ${lvFee}` }).waitFor();
    const page = await mainText();
    expect(page).toContain(lvFee);
    expect(page).toContain('Rīgas 1. nodaļa');
    expect(page).not.toMatch(/\d+\.\d{2} EUR|EUR \d/);
    await lookAt('case-money-lv');
  });

  it('English: the acts by their English titles, money as €50.00, the branch’s English name', async () => {
    await setLanguage('en');
    const enFee = formatMoney(feeCents, 'en');
    expect(enFee).toMatch(/^€\d+\.00$/);
    await h.page.getByRole('button', { name: `Pay ${enFee}` }).waitFor();
    await h.page.getByText('Riga Division 1').waitFor();
    expect(await mainText()).not.toMatch(/Rīgas 1\. nodaļa|\d+,\d{2}\s€/);
    await lookAt('case-money-en');

    await h.page.goto(`${h.baseUrl}/my/cases/${correctionId}`);
    await h.page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    // Exactly the legal basis: the rules applied (the same acts, after their day) are a row of their own.
    await h.page
      .getByText(
        'Law on the Register of Natural Persons; Cabinet Regulation No. 412 of 22 June 2021 “Procedures for the Inclusion and Updating of Information in the Register of Natural Persons”',
        { exact: true },
      )
      .waitFor();
    const page = await mainText();
    // The Latvian record is not shown beside it (a decided case shows no deadline basis any more).
    expect(page).not.toMatch(/likums|pants|noteikumi/);
    await lookAt('case-legal-basis-en');
  });
});
