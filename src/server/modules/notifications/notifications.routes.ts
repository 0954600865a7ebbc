/** HTTP for notifications: administrators see the outbox (the demo mailbox is its sent e-mails) and retry failures. */
import type { FastifyInstance } from 'fastify';
import { registerEndpoint } from '../../http/route.ts';
import { AppError } from '../../http/app-error.ts';
import * as c from '../../../shared/contracts/notifications.contract.ts';
import type { NotificationsService } from './notifications.service.ts';

export function registerNotificationsRoutes(app: FastifyInstance, deps: { notifications: NotificationsService }): void {
  const { notifications } = deps;
  const access = { permission: 'notifications:read-outbox' } as const;
  registerEndpoint(app, c.listOutbox, access, async ({ query }) => {
    const { messages, counts } = await notifications.list(query);
    return { transport: notifications.transportName, counts, messages };
  });
  registerEndpoint(app, c.retryOutboxMessage, access, async ({ params }) => {
    if (!(await notifications.retry(params.id)))
      throw new AppError('INVALID_STATE', 'Only a failed message can be queued again', {
        rule: { id: 'notification.retry-only-failed' },
      });
  });
}
