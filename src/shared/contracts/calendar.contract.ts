/**
 * The legal calendar: the Cabinet's orders moving working days (Labour Law s.133(4)), shipped with the
 * code or recorded by an administrator, and whether the coming year has one yet.
 */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { PlainDateSchema } from '../kernel/plain-date.ts';

export const MovedDaySchema = z.strictObject({
  /** The Monday-to-Friday working day made a rest day. */
  dayOff: PlainDateSchema,
  /** The Saturday worked instead. */
  workingSaturday: PlainDateSchema,
});

export const CalendarOrderView = z.object({
  year: z.number().int(),
  act: z.string().nullable(),
  adoptedOn: PlainDateSchema.nullable(),
  moves: z.array(MovedDaySchema),
  sources: z.array(z.string()),
  note: z.string().nullable(),
  /** Shipped with the code (reviewed like code), or recorded here by an administrator. */
  origin: z.enum(['shipped', 'recorded']),
  recordedByName: z.string().nullable(),
  recordedAt: z.string().nullable(),
});
export type CalendarOrderView = z.infer<typeof CalendarOrderView>;

export const CalendarOrders = z.object({
  orders: z.array(CalendarOrderView),
  /** The year after today's, and whether an order for it is known (the Cabinet issues it by 1 July). */
  comingYear: z.number().int(),
  comingYearHasOrder: z.boolean(),
});
export type CalendarOrders = z.infer<typeof CalendarOrders>;

export const RecordCalendarOrder = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    /** The order's title and number as published; null to record that the Cabinet issued none. */
    act: z.string().trim().min(5).max(300).nullable(),
    adoptedOn: PlainDateSchema.nullable().default(null),
    moves: z.array(MovedDaySchema).max(12).default([]),
    /** Where the order is published: web addresses (the screen links them). */
    sources: z
      .array(z.url({ protocol: /^https?$/ }).max(500))
      .max(5)
      .default([]),
    note: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((o) => o.act !== null || o.moves.length === 0, {
    path: ['act'],
    message: 'validation.required',
  })
  .refine((o) => o.act === null || o.moves.length > 0, {
    path: ['moves'],
    message: 'validation.required',
  });
export type RecordCalendarOrder = z.input<typeof RecordCalendarOrder>;

export const readCalendarOrders = defineEndpoint({
  method: 'GET',
  path: '/api/calendar/orders',
  summary: 'The Cabinet’s orders moving working days, with their sources; whether the coming year has one',
  tags: ['calendar'],
  response: CalendarOrders,
});

export const recordCalendarOrder = defineEndpoint({
  method: 'POST',
  path: '/api/calendar/orders',
  summary:
    'Record the Cabinet’s order moving working days for a year (administrators); deadlines computed from then on follow it',
  tags: ['calendar'],
  body: RecordCalendarOrder,
  response: CalendarOrderView,
  successStatus: 201,
});
