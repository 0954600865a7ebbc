/** Kysely table types for schema `notifications` (kept in step with the migrations by schema-drift.test.ts). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface OutboxTable {
  id: string;
  /** One message per event and recipient: the unique key that keeps a message from going out twice. */
  eventKey: string;
  channel: 'email' | 'sms';
  recipient: string;
  language: 'lv' | 'en';
  template: string;
  params: Json<Record<string, string | number>>;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  nextAttemptAt: Timestamp;
  lastError: string | null;
  subject: string | null;
  body: string | null;
  createdAt: Timestamp;
  sentAt: Timestamp | null;
}

export interface NotificationsTables {
  'notifications.outbox': OutboxTable;
}
