/**
 * Notifications: messages are written to the outbox in the same transaction as the action that causes
 * them (so an action and its message commit or fail together), then delivered in rounds: due rows are
 * claimed with SKIP LOCKED under a lease (any number of processes may deliver, and no transaction or
 * connection is held while a message is on the wire), rendered in the recipient's language from the i18n
 * catalogue, sent, and marked. A failure is retried with a doubling backoff and, after the
 * last attempt, marked failed for the administrators. One row per event and recipient: a message is
 * never queued twice; a crash between sending and marking can repeat it once, with the same Message-ID.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbExecutor } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { translate, type Locale, type MessageKey } from '../../platform/messages.ts';
import { formatDate } from '../../../shared/kernel/display-format.ts';
import type { NotificationsRepository, OutboxRow } from './notifications.repository.ts';
import type { Transport } from './transports.ts';

export const TEMPLATES = [
  'case-received',
  'case-rules-moved',
  'information-requested',
  'term-renewal-decided',
  'decision-made',
  'deadline-warning',
  'deadline-breached',
  'information-overdue',
  'consultation-overdue',
  'visa-ended',
  'permit-cancelled',
  'appointment-booked',
  'appointment-reminder',
  'document-expiring',
  'document-ready',
] as const;
export type Template = (typeof TEMPLATES)[number];

export interface OutgoingMessage {
  /** Unique per event and recipient, e.g. `case:<id>:decision:<recipient>`. */
  eventKey: string;
  channel: 'email' | 'sms';
  recipient: string;
  language: Locale;
  template: Template;
  params: Record<string, string | number>;
}

/** How long a claimed message is left alone by other delivery rounds (a send takes seconds at most). */
const LEASE_MS = 5 * 60_000;
const BACKOFF_START_MS = 30_000;
const BACKOFF_MAX_MS = 3_600_000;

/** Delay before attempt n + 1 after n failed ones: 30 s, 1 min, 2 min … at most 1 h. */
export function backoffMs(failedAttempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.max(0, failedAttempts - 1));
}

/** Values for parameters a template gained after messages were queued: such a message still renders, as it would have. */
const LATER_PARAMS: Record<string, string> = { via: 'portal', kind: 'correction', due: 'set' };

/**
 * A message's subject and body in the recipient's language. Dates are queued as ISO days (`2026-05-17`) and
 * written here, at the edge, as the reader's language writes them (17.05.2026, 17 May 2026); times are
 * queued already on the office's clock (`14:05`).
 */
export function render(
  template: Template,
  language: Locale,
  queued: Record<string, string | number>,
): { subject: string; body: string } {
  const params = Object.fromEntries(
    Object.entries({ ...LATER_PARAMS, ...queued }).map(([k, v]) => [
      k,
      typeof v === 'string' ? formatDate(v, language) : v,
    ]),
  );
  return {
    subject: translate(language, `notification.${template}.subject` as MessageKey, params),
    body: translate(language, `notification.${template}.body` as MessageKey, params),
  };
}

export function createNotificationsService(deps: {
  db: Db;
  clock: Clock;
  repository: NotificationsRepository;
  email: Transport;
  sms: Transport;
  maxAttempts: number;
}) {
  const { db, clock, repository } = deps;
  let delivering: Promise<{ sent: number; failed: number }> | undefined;

  async function deliverRound(limit: number): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    const now = clock.now();
    const due = await repository.claimDue(
      db,
      now.toISOString(),
      new Date(now.getTime() + LEASE_MS).toISOString(),
      limit,
    );
    for (const row of due) {
      const transport = row.channel === 'email' ? deps.email : deps.sms;
      try {
        const rendered = render(row.template as Template, row.language, row.params);
        await transport.send({ id: row.id, to: row.recipient, ...rendered });
        await repository.markSent(db, row.id, { ...rendered, at: clock.now().toISOString() });
        sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        await repository.markFailedAttempt(db, row.id, {
          error: error instanceof Error ? error.message : String(error),
          givesUp: attempts >= deps.maxAttempts,
          nextAttemptAt: new Date(clock.now().getTime() + backoffMs(attempts)).toISOString(),
        });
        failed++;
      }
    }
    return { sent, failed };
  }

  return {
    transportName: deps.email.name,

    /** Queues messages in the caller's transaction. */
    async enqueue(trx: DbExecutor, messages: readonly OutgoingMessage[]): Promise<void> {
      const now = clock.now().toISOString();
      await repository.insert(
        trx,
        messages.map((m) => ({ id: randomUUID(), ...m, nextAttemptAt: now, createdAt: now })),
      );
    },

    /** One delivery round (at most `limit` messages); rounds in one process never overlap. */
    async deliverDue(limit = 50): Promise<{ sent: number; failed: number }> {
      while (delivering) await delivering.catch(() => undefined);
      delivering = deliverRound(limit);
      try {
        return await delivering;
      } finally {
        delivering = undefined;
      }
    },

    async list(filter: {
      status?: OutboxRow['status'] | undefined;
      channel?: OutboxRow['channel'] | undefined;
      limit: number;
    }) {
      const [rows, counts] = await Promise.all([repository.list(db, filter), repository.countByStatus(db)]);
      return { messages: rows, counts };
    },

    async retry(id: string): Promise<boolean> {
      return repository.retry(db, id, clock.now().toISOString());
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
