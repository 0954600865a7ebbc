/** The calendar module's public face: the Cabinet's orders moving working days, shipped and recorded. */
export { createCalendarService, type CalendarService, type OrderRecorder } from './calendar.service.ts';
export { createCalendarRepository } from './calendar.repository.ts';
export { registerCalendarRoutes } from './calendar.routes.ts';
