/**
 * Moving and cancelling a visit in the browser (issue 23, item 5), in Latvian and English, at 1280×900 and
 * 390×844: the date field offers only bookable days (min/max from the server's calendar, a closed day named
 * as such, with a way to the next open day); "change the time" starts at the visit's own day, names the
 * visit, and moves it on that day; cancel asks once and then offers undo, which is refused in words when
 * someone has taken the time meanwhile. Branch names follow the page's language (booking, my appointments,
 * the pickup select, the queue screen), and the queue screen says in words that nobody has been called.
 * axe-clean on every state; screenshots under e2e/screenshots.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations, type Harness, residentSignIn, ROUNDS, screenshot, startHarness } from './harness.ts';
import { signInResident } from '../src/test/test-app.ts';
import { addDays, type PlainDate } from '../src/shared/kernel/plain-date.ts';
import { formatDate, formatDateTime } from '../src/shared/kernel/display-format.ts';
import { appointmentBranchId } from '../src/test/appointment-branch.ts';

const ANNA = '00000000-0000-4000-8000-000000000002';
const LIGA = '00000000-0000-4000-8000-000000000004';
const JANIS = '00000000-0000-4000-8000-000000000001';
const SERGEJS = '00000000-0000-4000-8000-000000000003';
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;
type Lang = 'lv' | 'en';
type Calendar = {
  firstDay: string;
  lastDay: string;
  horizonDays: number;
  closedDays: Array<{ date: string; reason: 'public-holiday' | 'rest-day' | 'branch-closed' }>;
};
type Booking = { id: string; date: string; startsAt: string; status: string };

const TEXT = {
  lv: {
    my: 'Mani pieraksti',
    bookTitle: 'Pierakstīties uz pakalpojumu',
    moveTitle: 'Mainīt pieraksta laiku',
    date: 'Datums',
    branch: 'Nodaļa',
    submit: 'Pierakstīties',
    move: 'Mainīt laiku',
    change: 'Mainīt laiku',
    cancel: 'Atcelt',
    confirmTitle: 'Atcelt šo pierakstu?',
    yes: 'Jā, atcelt pierakstu',
    no: 'Nē, paturēt pierakstu',
    undo: 'Atsaukt atcelšanu',
    moving: 'Pieraksts, kuru pārceļat',
    riga: 'Rīgas 1. nodaļa',
    booked: 'Pierakstīts',
    cancelledTag: 'Atcelts',
    closed: {
      'rest-day': 'ir brīvdiena, nodaļa ir slēgta',
      'public-holiday': 'ir svētku diena, nodaļa ir slēgta',
      'branch-closed': 'nodaļā uz šo pakalpojumu pierakstīties nevar',
    },
    nextOpen: 'Izvēlēties',
    afterLast: 'Pierakstīties var ne vairāk kā 90 dienas uz priekšu',
    movedTo: 'pieraksts pārcelts uz',
    cancelled: (when: string) => `Pieraksts ${when} ir atcelts, un laiks ir atbrīvots.`,
    restored: 'Atcelšana atsaukta',
    taken: 'Atcelto pierakstu nevar atjaunot: kāds cits kopš tā laika ir pierakstījies uz šo laiku',
    frees: 'Laiks tiks atbrīvots',
    queue: 'Rinda nodaļā',
    nobody: 'Šodien vēl neviens numurs nav izsaukts.',
    apply: 'Pieteikties dokumentam',
    pickup: 'Saņemšanas nodaļa',
  },
  en: {
    my: 'My appointments',
    bookTitle: 'Book an appointment',
    moveTitle: 'Change the time of an appointment',
    date: 'Date',
    branch: 'Branch',
    submit: 'Book',
    move: 'Change the time',
    change: 'Change the time',
    cancel: 'Cancel',
    confirmTitle: 'Cancel this visit?',
    yes: 'Yes, cancel the visit',
    no: 'No, keep the visit',
    undo: 'Undo the cancellation',
    moving: 'The visit you are moving',
    riga: 'Riga Division 1',
    booked: 'Booked',
    cancelledTag: 'Cancelled',
    closed: {
      'rest-day': 'is a weekend day and the branch is closed',
      'public-holiday': 'is a public holiday and the branch is closed',
      'branch-closed': 'the branch takes no appointments for this service',
    },
    nextOpen: 'the next day the branch is open',
    afterLast: 'You can book up to 90 days ahead',
    movedTo: 'visit is moved to',
    cancelled: (when: string) => `The visit on ${when} is cancelled and the time is freed.`,
    restored: 'The cancellation is undone',
    taken: 'The cancelled visit cannot be restored: someone else has booked its time since',
    frees: 'The time is freed',
    queue: 'Queue at the branch',
    nobody: 'No number has been called yet today.',
    apply: 'Apply for a document',
    pickup: 'Pickup branch',
  },
} as const;

let h: Harness;
let rigaId = '';
let calendar: Calendar;
beforeAll(async () => {
  h = await startHarness();
  await h.app.backgroundJobs.ensureAppointmentDefaults();
  rigaId = await appointmentBranchId(h.app);
  calendar = (
    await h.app.inject({
      method: 'GET',
      url: `/api/public/appointments/calendar?branchId=${rigaId}&service=document-application`,
    })
  ).json() as Calendar;
  await residentSignIn(h, /Anna Marija Ozola/);
});
afterAll(() => h.close());

/** The n-th bookable day after the first (skipping the closed ones). */
function bookableDay(n: number): string {
  const closed = new Set(calendar.closedDays.map((d) => d.date));
  let day = calendar.firstDay as PlainDate;
  for (let i = 0; i < n; i++)
    do day = addDays(day, 1);
    while (closed.has(day));
  return day;
}

async function open(path: string, lang: Lang, heading: string): Promise<void> {
  await h.page.goto(`${h.baseUrl}${path}`);
  await h.page.evaluate((l) => localStorage.setItem('civitas.locale', l), lang);
  await h.page.reload();
  await h.page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function myBookings(): Promise<Booking[]> {
  return (
    (await (await h.page.request.get(`${h.baseUrl}/api/portal/me/appointments`)).json()) as { appointments: Booking[] }
  ).appointments;
}

async function looksRight(name: string): Promise<void> {
  await screenshot(h.page, name);
  expect(await axeViolations(h.page)).toEqual([]);
  // Nothing wider than the screen (the elements that stick out are named, to find them).
  const wider = await h.page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter(
        (e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll, .visually-hidden'),
      )
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  expect(wider).toEqual([]);
  expect(await h.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await h.page.evaluate(() => window.innerWidth),
  );
}

/** Books the first free time on a day through the form; returns the time's label (HH:MM). */
async function bookOn(lang: Lang, day: string): Promise<string> {
  const x = TEXT[lang];
  await open(`/my/appointments/new?branch=${rigaId}`, lang, x.bookTitle);
  await h.page.getByLabel(x.date).fill(day);
  const slot = h.page.locator('input[name="slot"]').first();
  await slot.check();
  const time = ((await h.page.locator(`label[for="${await slot.getAttribute('id')}"]`).textContent()) ?? '').slice(
    0,
    5,
  );
  await h.page.getByRole('button', { name: x.submit, exact: true }).click();
  await h.page.getByRole('heading', { level: 1, name: x.my }).waitFor();
  return time;
}

describe('the date field offers only bookable days', () => {
  for (const lang of ['lv', 'en'] as const) {
    it(`has the server's first and last day as min and max, and names a closed day (${lang})`, async () => {
      const x = TEXT[lang];
      await h.page.setViewportSize(VIEWPORTS[lang === 'lv' ? 0 : 1]);
      await open(`/my/appointments/new?branch=${rigaId}`, lang, x.bookTitle);
      const date = h.page.getByLabel(x.date);
      await h.page.locator('input[name="slot"]').first().waitFor();
      expect([await date.getAttribute('min'), await date.getAttribute('max'), await date.inputValue()]).toEqual([
        calendar.firstDay,
        calendar.lastDay,
        calendar.firstDay,
      ]);
      await h.page.getByText(formatDate(calendar.lastDay, lang), { exact: false }).first().waitFor();
      // The branch select speaks the page's language.
      expect(await h.page.getByLabel(x.branch).locator('option:checked').textContent()).toContain(x.riga);

      const closed = calendar.closedDays[0] as Calendar['closedDays'][number];
      await date.fill(closed.date);
      await h.page.getByText(x.closed[closed.reason]).waitFor();
      expect(await h.page.locator('input[name="slot"]').count()).toBe(0);
      await looksRight(`appointments-closed-day-${lang}`);
      await h.page.getByRole('button', { name: new RegExp(x.nextOpen) }).click();
      await h.page.locator('input[name="slot"]').first().waitFor();
      const next = await date.inputValue();
      expect([calendar.closedDays.some((d) => d.date === next), next > closed.date]).toEqual([false, true]);

      await date.fill(addDays(calendar.lastDay as PlainDate, 1));
      await h.page.getByText(x.afterLast).waitFor();
    });
  }
});

describe('moving, cancelling and undoing, in both languages and on a phone', () => {
  // A round that failed half-way leaves no booking behind to block the next one (one per service).
  beforeEach(async () => {
    const anna = await signInResident(h.app, ANNA);
    const mine = (await anna.request('GET', '/api/portal/me/appointments')).json() as { appointments: Booking[] };
    for (const b of mine.appointments.filter((x) => x.status === 'booked'))
      await anna.request('POST', `/api/portal/me/appointments/${b.id}/cancel`);
  });

  for (const { lang, viewport } of ROUNDS) {
    it(`moves a visit on its own day, cancels it once asked and undoes that (${lang}, ${viewport.width} px)`, async () => {
      const x = TEXT[lang];
      await h.page.setViewportSize(viewport);
      // A visit on the second bookable day, so the first (where a new booking starts) is not it.
      const day = bookableDay(1);
      const first = await bookOn(lang, day);
      const visit = (await myBookings()).find((b) => b.status === 'booked') as Booking;
      expect(visit.date).toBe(day);
      const when = formatDateTime(visit.startsAt, lang, 'Europe/Riga');
      expect(when).toContain(first);
      // Earlier rounds left cancelled visits at the same times: the booked one is meant.
      const row = h.page.getByRole('row', { name: new RegExp(when) }).filter({ hasText: x.booked });
      await row.getByText(x.riga).waitFor();

      // Change the time: the page names the visit, and the date field starts at its day.
      await row.getByRole('link', { name: `${x.change} (${when})` }).click();
      await h.page.getByRole('heading', { level: 1, name: x.moveTitle }).waitFor();
      const moving = h.page.getByRole('region', { name: x.moving });
      await moving.getByText(when).waitFor();
      await moving.getByText(x.riga).waitFor();
      expect(await h.page.getByLabel(x.date).inputValue()).toBe(day);
      const later = h.page.locator('input[name="slot"]').nth(2);
      await later.check();
      await looksRight(`appointments-move-${lang}-${viewport.width}`);
      await h.page.getByRole('button', { name: x.move, exact: true }).click();
      await h.page.getByText(x.movedTo).waitFor();
      const moved = (await myBookings()).find((b) => b.status === 'booked') as Booking;
      expect([moved.date, moved.startsAt > visit.startsAt]).toEqual([day, true]);
      const movedWhen = formatDateTime(moved.startsAt, lang, 'Europe/Riga');

      // Cancel asks once, saying which visit and that the time is freed; "no" keeps it.
      const movedRow = h.page.getByRole('row', { name: new RegExp(movedWhen) }).filter({ hasText: x.booked });
      await movedRow.getByRole('button', { name: `${x.cancel} (${movedWhen})` }).click();
      const confirm = h.page.getByRole('region', { name: x.confirmTitle });
      await confirm.getByText(movedWhen, { exact: false }).waitFor();
      await confirm.getByText(x.frees).waitFor();
      expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('confirm-cancel-title');
      await looksRight(`appointments-cancel-confirm-${lang}-${viewport.width}`);
      await confirm.getByRole('button', { name: x.no }).click();
      expect(await confirm.count()).toBe(0);
      // Focus goes back to the button that asked.
      await h.page.waitForFunction((id) => document.activeElement?.id === id, `cancel-${moved.id}`, {
        timeout: 5000,
      });
      expect((await myBookings()).find((b) => b.id === moved.id)?.status).toBe('booked');

      await movedRow.getByRole('button', { name: `${x.cancel} (${movedWhen})` }).click();
      await h.page.getByRole('button', { name: x.yes }).click();
      await h.page.getByRole('heading', { name: x.cancelled(movedWhen) }).waitFor();
      expect((await myBookings()).find((b) => b.id === moved.id)?.status).toBe('cancelled');
      await looksRight(`appointments-cancelled-undo-${lang}-${viewport.width}`);

      // Undo: booked again, the same visit.
      await h.page.getByRole('button', { name: x.undo }).click();
      await h.page.getByText(x.restored).waitFor();
      expect((await myBookings()).find((b) => b.id === moved.id)?.status).toBe('booked');

      // Leave no booking for the next round.
      await h.page
        .getByRole('row', { name: new RegExp(movedWhen) })
        .filter({ hasText: x.booked })
        .getByRole('button', { name: `${x.cancel} (${movedWhen})` })
        .click();
      await h.page.getByRole('button', { name: x.yes }).click();
      await h.page.getByRole('heading', { name: x.cancelled(movedWhen) }).waitFor();
    });
  }

  it('an undo after someone else has taken the time is refused in words', async () => {
    const x = TEXT.en;
    await h.page.setViewportSize(VIEWPORTS[0]);
    const day = bookableDay(2);
    await bookOn('en', day);
    const visit = (await myBookings()).find((b) => b.status === 'booked') as Booking;
    const when = formatDateTime(visit.startsAt, 'en', 'Europe/Riga');
    await h.page.getByRole('button', { name: `${x.cancel} (${when})` }).click();
    await h.page.getByRole('button', { name: x.yes }).click();
    await h.page.getByRole('button', { name: x.undo }).waitFor();
    // Three others take the slot's three desks.
    for (const person of [JANIS, LIGA, SERGEJS]) {
      const other = await signInResident(h.app, person);
      const res = await other.request('POST', '/api/portal/me/appointments', {
        branchId: rigaId,
        serviceCode: 'document-application',
        startsAt: visit.startsAt,
        language: 'en',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    await h.page.getByRole('button', { name: x.undo }).click();
    await h.page.getByRole('heading', { name: new RegExp(x.taken) }).waitFor();
    expect(await h.page.getByRole('button', { name: x.undo }).count()).toBe(0);
    await looksRight('appointments-undo-taken-en');
  });
});

describe('branch names in the page’s language, and a queue screen in words', () => {
  for (const { lang, viewport } of ROUNDS) {
    it(`the queue screen says nobody has been called, and the pickup select names branches in ${lang} (${viewport.width} px)`, async () => {
      const x = TEXT[lang];
      await h.page.setViewportSize(viewport);
      await open(`/queue?branch=${rigaId}`, lang, x.queue);
      await h.page.getByText(x.nobody).waitFor();
      expect(await h.page.locator('.queue-number--screen').count()).toBe(0);
      expect(await h.page.getByLabel(x.branch).locator('option:checked').textContent()).toBe(x.riga);
      await looksRight(`appointments-queue-empty-${lang}-${viewport.width}`);
      await open('/my/documents/apply', lang, x.apply);
      // The branches arrive with the page's options (a request of its own): wait for them before reading the list.
      await h.page.getByLabel(x.pickup).locator('option', { hasText: x.riga }).waitFor({ state: 'attached' });
      expect(await h.page.getByLabel(x.pickup).locator('option').allTextContents()).toContain(x.riga);
    });
  }
});
