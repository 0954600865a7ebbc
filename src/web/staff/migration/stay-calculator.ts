/**
 * The 90/180-day calculator's form and its bridge to the kernel (`shared/kernel/short-stay.ts`): the form's
 * schema, the kernel's input made from it, and each `ShortStayError` as a message at the field it is about.
 * The calculator has no endpoint: the kernel is its contract, so the form's schema is built from the
 * kernel's own types and limits, and the kernel's refusals (stays out of order or overlapping, an exit before
 * its entry…) are not checked a second time here but read from the kernel and put on the form.
 */
import { z } from 'zod';
import { PlainDateSchema } from '../../../shared/kernel/plain-date.ts';
import {
  EARLIEST_STAY_DATE,
  MAX_DAYS_IN_WINDOW,
  VISA_ENTRIES,
  type ShortStayError,
  type ShortStayErrorCode,
  type ShortStayInput,
} from '../../../shared/kernel/short-stay.ts';
import type { MessageRef } from '../../../shared/validation/messages.ts';
import { numberAsText } from '../../ui/form/number-as-text.ts';

/** The most stays the form takes: enough for any officer's check; a longer history is the CLI's (`stay days`). */
export const MAX_STAYS = 40;

export const StayCalculatorForm = z.strictObject({
  /** In the order they happened; an exit left empty means the person is still inside. */
  stays: z.array(z.strictObject({ entry: PlainDateSchema, exit: PlainDateSchema.optional() })).max(MAX_STAYS),
  controlDate: PlainDateSchema,
  plannedEntry: PlainDateSchema.optional(),
  hasVisa: z.boolean().default(false),
  /** On the page only while `hasVisa` is ticked. */
  visa: z
    .strictObject({
      validFrom: PlainDateSchema,
      validUntil: PlainDateSchema,
      durationOfStay: numberAsText(z.number().int().min(1).max(MAX_DAYS_IN_WINDOW)),
      entries: z.enum(VISA_ENTRIES),
    })
    .optional(),
});
export type StayCalculatorValues = z.output<typeof StayCalculatorForm>;

/** The kernel's input: an empty exit is a stay still in progress; the visa counts only while ticked. */
export function toShortStayInput(v: StayCalculatorValues): ShortStayInput {
  return {
    controlDate: v.controlDate,
    stays: v.stays.map((s) => ({ entry: s.entry, exit: s.exit ?? null })),
    visa: v.hasVisa && v.visa ? v.visa : undefined,
    plannedEntry: v.plannedEntry,
  };
}

/** A kernel refusal as the form shows it: the field's path and the catalogue message with its values. */
export interface StayRefusal {
  field: string;
  message: MessageRef;
}

const ref = (key: string, values: Record<string, number> = {}): MessageRef => ({ key, values });

/** Which date the kernel found too early when it names no stay: it checks the control date, the visa, then the planned entry. */
function earlyField(input: ShortStayInput): string {
  if (input.controlDate < EARLIEST_STAY_DATE) return 'controlDate';
  if (input.visa && input.visa.validFrom < EARLIEST_STAY_DATE) return 'visa.validFrom';
  return 'plannedEntry';
}

/** Maps each kernel error code to the field it is about; stays are numbered from 1 on the page. */
const REFUSALS = {
  DATE_TOO_EARLY: (i, input) => ({
    field: i === undefined ? earlyField(input) : `stays.${i}.entry`,
    message: ref('validation.stay.tooEarly'),
  }),
  EXIT_BEFORE_ENTRY: (i) => ({ field: `stays.${i ?? 0}.exit`, message: ref('validation.stay.exitBeforeEntry') }),
  UNORDERED_STAYS: (i) => ({
    field: `stays.${i ?? 0}.entry`,
    message: ref('validation.stay.unordered', { previous: i ?? 0 }),
  }),
  OVERLAPPING_STAYS: (i) => ({
    field: `stays.${i ?? 0}.entry`,
    message: ref('validation.stay.overlapping', { previous: i ?? 0 }),
  }),
  // The kernel names the stay that follows the open one; the open one's empty exit is what to fill in.
  OPEN_STAY_NOT_LAST: (i) => ({
    field: `stays.${Math.max(0, (i ?? 1) - 1)}.exit`,
    message: ref('validation.stay.openNotLast', { next: (i ?? 1) + 1 }),
  }),
  INVALID_VISA: (_i, input) =>
    input.visa && input.visa.validUntil < input.visa.validFrom
      ? { field: 'visa.validUntil', message: ref('fieldReason.ends-before-start') }
      : { field: 'visa.durationOfStay', message: ref('validation.stay.visaDuration', { max: MAX_DAYS_IN_WINDOW }) },
  PLANNED_ENTRY_DURING_STAY: (i) => ({
    field: 'plannedEntry',
    message: ref('validation.stay.plannedDuringStay', { stay: (i ?? 0) + 1 }),
  }),
} as const satisfies Record<ShortStayErrorCode, (stayIndex: number | undefined, input: ShortStayInput) => StayRefusal>;

/** The field a kernel refusal is about, and what to tell the officer there. */
export function stayRefusal(error: Pick<ShortStayError, 'code' | 'stayIndex'>, input: ShortStayInput): StayRefusal {
  return REFUSALS[error.code](error.stayIndex, input);
}
