/** The appointments module's public face. */
export {
  createAppointmentsService,
  DEFAULT_SERVICES,
  DEFAULT_HOURS,
  type AppointmentsService,
} from './appointments.service.ts';
export { createAppointmentsRepository } from './appointments.repository.ts';
export { registerAppointmentsRoutes } from './appointments.routes.ts';
