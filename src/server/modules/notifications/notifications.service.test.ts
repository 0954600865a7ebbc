import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../platform/clock.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import {
  backoffMs,
  createNotificationsRepository,
  createNotificationsService,
  render,
  type Transport,
} from './index.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A transport that fails while `down` is true and records what it sent. */
function flakyTransport() {
  const sent: string[] = [];
  const transport: Transport & { down: boolean; sent: string[] } = {
    name: 'test',
    down: true,
    sent,
    async send(m) {
      if (transport.down) throw new Error('connection refused by smtp.example.invalid');
      sent.push(`${m.to}|${m.subject}`);
    },
  };
  return transport;
}

describe('the outbox', () => {
  it('queues a message once per event key, retries with a doubling backoff, gives up after the last attempt, and an administrator retries it', async () => {
    const clock = createManualClock('2026-11-30T08:00:00.000Z');
    const email = flakyTransport();
    const service = createNotificationsService({
      db: database.db,
      clock,
      repository: createNotificationsRepository(),
      email,
      sms: email,
      maxAttempts: 3,
    });
    const message = {
      eventKey: 'case:x:received:a@example.invalid',
      channel: 'email' as const,
      recipient: 'a@example.invalid',
      language: 'en' as const,
      template: 'case-received' as const,
      params: { reference: 'DL-2026-000001', dueOn: '2026-12-30' },
    };
    await database.db.transaction().execute((trx) => service.enqueue(trx, [message]));
    await database.db.transaction().execute((trx) => service.enqueue(trx, [message]));
    expect((await service.list({ limit: 10 })).messages).toHaveLength(1);

    expect(await service.deliverDue()).toEqual({ sent: 0, failed: 1 });
    // Not due again before the backoff has passed.
    expect(await service.deliverDue()).toEqual({ sent: 0, failed: 0 });
    clock.advance(backoffMs(1));
    expect(await service.deliverDue()).toEqual({ sent: 0, failed: 1 });
    clock.advance(backoffMs(2));
    expect(await service.deliverDue()).toEqual({ sent: 0, failed: 1 });
    const failed = (await service.list({ status: 'failed', limit: 10 })).messages[0];
    expect(failed).toMatchObject({ attempts: 3, lastError: 'connection refused by smtp.example.invalid' });

    email.down = false;
    clock.advance(24 * 3_600_000);
    expect(await service.deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect(await service.retry(failed?.id as string)).toBe(true);
    expect(await service.deliverDue()).toEqual({ sent: 1, failed: 0 });
    expect(email.sent).toEqual(['a@example.invalid|Application DL-2026-000001 received']);
    expect((await service.list({ status: 'sent', limit: 10 })).messages[0]).toMatchObject({
      subject: 'Application DL-2026-000001 received',
      body: expect.stringContaining('30 December 2026'),
    });
    expect(await service.retry(failed?.id as string)).toBe(false);
  });

  it('holds no transaction while a message is on the wire; another process skips a claimed message', async () => {
    const clock = createManualClock('2026-12-01T08:00:00.000Z');
    let release: () => void = () => undefined;
    const slow: Transport = {
      name: 'slow',
      send: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    };
    const fast = flakyTransport();
    fast.down = false;
    const repository = createNotificationsRepository();
    const a = createNotificationsService({
      db: database.db,
      clock,
      repository,
      email: slow,
      sms: slow,
      maxAttempts: 3,
    });
    const b = createNotificationsService({
      db: database.db,
      clock,
      repository,
      email: fast,
      sms: fast,
      maxAttempts: 3,
    });
    await database.db.transaction().execute((trx) =>
      a.enqueue(trx, [
        {
          eventKey: 'lease-test',
          channel: 'email',
          recipient: 'b@example.invalid',
          language: 'lv',
          template: 'deadline-breached',
          params: { reference: 'DL-2026-000009', dueOn: '2026-12-01' },
        },
      ]),
    );
    const first = a.deliverDue();
    await new Promise((r) => setTimeout(r, 50));
    // The database answers meanwhile (on the embedded engine too, which has one connection), and the
    // other deliverer finds nothing to send: the message is claimed.
    expect(await b.deliverDue()).toEqual({ sent: 0, failed: 0 });
    release();
    expect(await first).toEqual({ sent: 1, failed: 0 });
    expect(fast.sent).toEqual([]);
  });

  it('backs off 30 s, 1 min, 2 min … up to an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
  });

  it('renders every template in both languages with Latvian diacritics intact', () => {
    const params = {
      reference: 'DL-2026-000001',
      dueOn: '2026-12-30',
      question: 'Lūdzu pievienojiet apliecību',
      outcome: 'accept',
      appealUntil: '2027-01-29',
      days: 12,
    };
    for (const template of [
      'case-received',
      'information-requested',
      'decision-made',
      'deadline-warning',
      'deadline-breached',
    ] as const) {
      for (const language of ['lv', 'en'] as const)
        expect(render(template, language, params).subject).toContain('DL-2026-000001');
    }
    expect(render('deadline-warning', 'lv', params).body).toContain('atlikušas 12 darba dienas');
    expect(render('decision-made', 'lv', params).body).toContain('reģistra dati tiek laboti');
  });

  it('writes the dates of a message as the reader’s language does (STYLE §13), never as ISO', () => {
    const visit = {
      branch: 'Rīga',
      address: 'Čiekurkalna 1. līnija 1',
      date: '2026-05-17',
      time: '14:05',
      service: 'Pase',
      name: 'Jānis Bērziņš',
    };
    expect(render('appointment-booked', 'lv', visit).subject).toBe('Pieraksts 17.05.2026 plkst. 14:05');
    expect(render('appointment-booked', 'en', visit).body).toContain('17 May 2026');
    const decided = { reference: 'DL-2026-000001', outcome: 'accept', appealUntil: '2027-01-29' };
    expect(render('decision-made', 'lv', decided).body).toContain('līdz 29.01.2027');
    expect(render('decision-made', 'en', decided).body).toContain('until 29 January 2027');
    for (const language of ['lv', 'en'] as const)
      expect(render('decision-made', language, decided).body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('a decision message', () => {
  it('says what was decided in each kind of case, in both languages, never a register correction for a visa', () => {
    const said = (kind: string, language: 'lv' | 'en') =>
      render('decision-made', language, {
        reference: 'X-2026-000001',
        via: 'portal',
        kind,
        outcome: 'accept',
        appealUntil: '2027-01-01',
      }).body;
    expect(said('visa', 'en')).toContain('the visa is issued');
    expect(said('invitation', 'en')).toContain('the invitation is approved');
    expect(said('correction', 'en')).toContain('the register data are corrected');
    expect(said('visa', 'lv')).toContain('vīza ir izsniegta');
    for (const kind of ['visa', 'invitation', 'documentapplication', 'inclusion']) {
      for (const language of ['lv', 'en'] as const)
        expect(said(kind, language)).not.toMatch(/register data are corrected|reģistra dati tiek laboti/);
    }
  });
});
