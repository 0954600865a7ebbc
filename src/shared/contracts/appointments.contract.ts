/** Appointments over HTTP: branches and their services, free slots, the resident's bookings, the desk's day list and walk-in tickets. */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { PlainDateSchema } from '../kernel/plain-date.ts';
import { CLOSED_REASONS } from '../kernel/closed-reasons.ts';

export const SERVICE_CODES = ['document-application', 'document-pickup', 'residence-permit'] as const;
export const ServiceCodeSchema = z.enum(SERVICE_CODES);
export type ServiceCode = (typeof SERVICE_CODES)[number];

export const BOOKING_STATUSES = ['booked', 'cancelled', 'arrived', 'no-show'] as const;

export const BranchOffer = z.object({
  id: z.uuid(),
  code: z.string(),
  nameLv: z.string(),
  nameEn: z.string(),
  address: z.string().nullable(),
  services: z.array(z.object({ code: ServiceCodeSchema, durationMinutes: z.number().int(), desks: z.number().int() })),
  hours: z.array(z.object({ isoWeekday: z.number().int(), opens: z.string(), closes: z.string() })),
});

export const Slot = z.object({ startsAt: z.string(), time: z.string(), free: z.number().int() });

export const BookingView = z.object({
  id: z.uuid(),
  branchId: z.uuid(),
  /** The branch's name in Latvian and in English: the page shows the one of its language. */
  branchName: z.string(),
  branchNameEn: z.string(),
  serviceCode: ServiceCodeSchema,
  startsAt: z.string(),
  date: z.string(),
  time: z.string(),
  status: z.enum(BOOKING_STATUSES),
  personId: z.uuid(),
  /** The visitor's name: for the resident (self, child or ward) and for the desk's day list. */
  personName: z.string(),
  /** The application prepared online for this visit, so the desk receives it instead of taking a new one. */
  applicationCaseId: z.uuid().nullable(),
});
export type BookingView = z.infer<typeof BookingView>;

export const listBranchOffers = defineEndpoint({
  method: 'GET',
  path: '/api/public/appointments/branches',
  summary: 'Branch offices, the services they take appointments for, and their opening hours',
  tags: ['appointments'],
  response: z.object({ branches: z.array(BranchOffer) }),
});
/** Every branch office's name in both languages: a page shows a record's stored (Latvian) branch name in its own language. */
export const BranchName = z.object({ id: z.uuid(), code: z.string(), nameLv: z.string(), nameEn: z.string() });
export const listBranchNames = defineEndpoint({
  method: 'GET',
  path: '/api/public/branches',
  summary: 'Every branch office with its name in Latvian and in English (also those that take no appointments)',
  tags: ['appointments'],
  response: z.object({ branches: z.array(BranchName) }),
});
export const listFreeSlots = defineEndpoint({
  method: 'GET',
  path: '/api/public/appointments/slots',
  summary: 'The slots of a service at a branch on a day, with the desks still free',
  tags: ['appointments'],
  query: z.object({ branchId: z.uuid(), service: ServiceCodeSchema, date: PlainDateSchema }),
  response: z.object({ slots: z.array(Slot) }),
});

export { CLOSED_REASONS, type ClosedReason } from '../kernel/closed-reasons.ts';

/**
 * The days a service can be booked at a branch, on the Latvian working-day calendar and the branch's hours:
 * from the first day with a time still ahead to the last day of the horizon that has times; between them,
 * the days the branch is closed and why. No first and last day: nothing can be booked in the horizon.
 */
export const BookingCalendar = z.object({
  today: z.string(),
  horizonDays: z.number().int(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  closedDays: z.array(z.object({ date: z.string(), reason: z.enum(CLOSED_REASONS) })),
});
export type BookingCalendar = z.infer<typeof BookingCalendar>;
export const bookingCalendar = defineEndpoint({
  method: 'GET',
  path: '/api/public/appointments/calendar',
  summary:
    'The bookable days of a service at a branch: first and last, and the closed days between (holidays, weekends, days the branch is shut)',
  tags: ['appointments'],
  query: z.object({ branchId: z.uuid(), service: ServiceCodeSchema }),
  response: BookingCalendar,
});
export const listMyAppointments = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/appointments',
  summary: 'My appointments and my minor children’s and wards’',
  tags: ['appointments'],
  response: z.object({ appointments: z.array(BookingView) }),
});
export const BookingInput = z.strictObject({
  branchId: z.uuid(),
  serviceCode: ServiceCodeSchema,
  startsAt: z.iso.datetime({ offset: true }),
  /** My minor child or ward; absent: myself. */
  forPersonId: z.uuid().optional(),
  contactEmail: z.email().max(254).optional(),
  language: z.enum(['lv', 'en']).default('lv'),
  /** A booking of mine this one replaces (rescheduling): it is cancelled in the same step. */
  replaces: z.uuid().optional(),
  /** An application of mine (or my child's or ward's) prepared online for this visit. */
  applicationCaseId: z.uuid().optional(),
});
export const bookAppointment = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/appointments',
  summary: 'Book a slot (or move a booking to another slot); never more bookings than desks',
  tags: ['appointments'],
  body: BookingInput,
  response: BookingView,
  successStatus: 201,
});
export const cancelMyAppointment = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/appointments/{bookingId}/cancel',
  summary:
    'Cancel my appointment (the slot is free again); it can be restored until `undoUntil` while the slot stays free',
  tags: ['appointments'],
  params: z.object({ bookingId: z.uuid() }),
  response: BookingView.extend({ undoUntil: z.string() }),
});
export const restoreMyAppointment = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/appointments/{bookingId}/restore',
  summary: 'Undo the cancellation of my appointment, shortly after it and only while its time is still free',
  tags: ['appointments'],
  params: z.object({ bookingId: z.uuid() }),
  response: BookingView,
});
export const branchDayList = defineEndpoint({
  method: 'GET',
  path: '/api/appointments/day',
  summary: 'The day’s appointments at my branch, and the walk-in queue (audited)',
  tags: ['appointments'],
  query: z.object({ date: PlainDateSchema }),
  response: z.object({
    appointments: z.array(BookingView),
    queue: z.object({
      lastCalled: z.number().int().nullable(),
      waiting: z.number().int(),
      lastIssued: z.number().int().nullable(),
    }),
  }),
});
export const markAppointment = defineEndpoint({
  method: 'POST',
  path: '/api/appointments/bookings/{bookingId}/status',
  summary: 'Mark a visitor as arrived, or as not come',
  tags: ['appointments'],
  params: z.object({ bookingId: z.uuid() }),
  body: z.strictObject({ status: z.enum(['arrived', 'no-show']) }),
  response: BookingView,
});
export const issueTicket = defineEndpoint({
  method: 'POST',
  path: '/api/appointments/tickets',
  summary: 'Give a walk-in visitor the next number of the branch’s queue',
  tags: ['appointments'],
  body: z.strictObject({ serviceCode: ServiceCodeSchema }),
  response: z.object({ number: z.number().int(), waitingBefore: z.number().int() }),
  successStatus: 201,
});
export const callNextTicket = defineEndpoint({
  method: 'POST',
  path: '/api/appointments/tickets/call-next',
  summary: 'Call the next waiting number to my desk',
  tags: ['appointments'],
  response: z.object({
    number: z.number().int().nullable(),
    serviceCode: ServiceCodeSchema.nullable(),
    waiting: z.number().int(),
  }),
});
export const branchQueue = defineEndpoint({
  method: 'GET',
  path: '/api/public/appointments/branches/{branchId}/queue',
  summary: 'The walk-in queue for the waiting-room screen: the number called last and how many wait',
  tags: ['appointments'],
  params: z.object({ branchId: z.uuid() }),
  response: z.object({ lastCalled: z.number().int().nullable(), waiting: z.number().int() }),
});

/** A wall-clock time of day, 00:00–23:59. */
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format.timeOfDay');

export const BranchSettings = z.strictObject({
  /** The days the branch is open (a day left out is closed), at most one entry per weekday. */
  hours: z
    .array(z.strictObject({ isoWeekday: z.number().int().min(1).max(7), opens: TimeOfDay, closes: TimeOfDay }))
    .max(7),
  /** The services the branch takes appointments for, with the desks that serve each at once. */
  services: z
    .array(z.strictObject({ code: ServiceCodeSchema, desks: z.number().int().min(1).max(50) }))
    .max(SERVICE_CODES.length),
});
export type BranchSettings = z.infer<typeof BranchSettings>;

export const readBranchSettings = defineEndpoint({
  method: 'GET',
  path: '/api/appointments/branches/{branchId}/settings',
  summary: 'A branch’s opening hours and the desks per service (administrators; a supervisor for their own branch)',
  tags: ['appointments'],
  params: z.object({ branchId: z.uuid() }),
  response: BranchSettings,
});
export const saveBranchSettings = defineEndpoint({
  method: 'PUT',
  path: '/api/appointments/branches/{branchId}/settings',
  summary:
    'Set a branch’s opening hours and desks; says how many booked visits no longer fit (they stay booked: the branch contacts them)',
  tags: ['appointments'],
  params: z.object({ branchId: z.uuid() }),
  body: BranchSettings,
  response: BranchSettings.extend({ bookingsOutsideSlots: z.number().int() }),
});
