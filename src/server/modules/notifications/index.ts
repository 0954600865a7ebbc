/** The notifications module's public face. */
export {
  createNotificationsService,
  render,
  backoffMs,
  TEMPLATES,
  type NotificationsService,
  type OutgoingMessage,
  type Template,
} from './notifications.service.ts';
export { createNotificationsRepository } from './notifications.repository.ts';
export { smtpTransport, mailboxTransport, recordingSmsTransport, type Transport } from './transports.ts';
export { registerNotificationsRoutes } from './notifications.routes.ts';
