/** Notifications over HTTP: the outbox for administrators (failures visible, retry), and the demo mailbox. */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';

export const OutboxMessage = z.object({
  id: z.uuid(),
  eventKey: z.string(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  language: z.enum(['lv', 'en']),
  template: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const listOutbox = defineEndpoint({
  method: 'GET',
  path: '/api/notifications/outbox',
  summary: 'Messages to people and their delivery: pending, sent, failed (with the last error)',
  tags: ['notifications'],
  query: z.object({
    status: z.enum(['pending', 'sent', 'failed']).optional(),
    channel: z.enum(['email', 'sms']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({
    transport: z.string(),
    counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
    messages: z.array(OutboxMessage),
  }),
});
export const retryOutboxMessage = defineEndpoint({
  method: 'POST',
  path: '/api/notifications/outbox/{id}/retry',
  summary: 'Queue a failed message again',
  tags: ['notifications'],
  params: z.object({ id: z.uuid() }),
  response: null,
});
