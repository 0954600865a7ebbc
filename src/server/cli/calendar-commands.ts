/**
 * `civitas calendar orders` and `civitas calendar add-order`: the Cabinet's orders moving working days,
 * read and recorded through the calendar module's service (the same checks as the staff screen).
 */
import os from 'node:os';
import type { Db } from '../db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { AppError } from '../http/app-error.ts';
import { createCalendarRepository, createCalendarService } from '../modules/calendar/index.ts';
import { RecordCalendarOrder, type CalendarOrderView } from '../../shared/contracts/calendar.contract.ts';
import { CliError, firstIssue, type CliResult } from './kernel-commands.ts';

/** Who records from the command line: the operating-system account, under a fixed id. */
const CLI_RECORDER = { id: '00000000-0000-4000-8000-00000000c11e', name: `command line (${os.userInfo().username})` };

export interface AddOrderOptions {
  year: string;
  act?: string;
  none?: boolean;
  adopted?: string;
  move?: string[];
  source?: string[];
  note?: string;
}

const service = (db: Db, clock: Clock, timeZone: string) =>
  createCalendarService({ db, clock, timeZone, repository: createCalendarRepository() });

const line = (o: CalendarOrderView): string => {
  const moves = o.moves.map((m) => `${m.dayOff} → ${m.workingSaturday}`).join(', ') || 'no day moved';
  const by = o.origin === 'recorded' ? `recorded by ${o.recordedByName ?? '?'}` : 'shipped';
  return `${o.year}  ${moves}  ${o.act ?? '(the Cabinet issued no order)'}  [${by}]`;
};

export async function listOrders(db: Db, clock: Clock, timeZone: string): Promise<CliResult> {
  const result = await service(db, clock, timeZone).list(db);
  const warning = result.comingYearHasOrder
    ? []
    : [`warning: no order is recorded for ${result.comingYear} (the Cabinet issues it by 1 July)`];
  return { text: [...result.orders.map(line), ...warning].join('\n'), json: result };
}

/** "2027-05-03:2027-05-08" → the day made a rest day and the Saturday worked. */
function parseMove(text: string): { dayOff: string; workingSaturday: string } {
  const [dayOff, workingSaturday, extra] = text.split(':');
  if (!dayOff || !workingSaturday || extra !== undefined)
    throw new CliError(`--move ${text}: write the day off and the Saturday worked as YYYY-MM-DD:YYYY-MM-DD`);
  return { dayOff, workingSaturday };
}

export async function addOrder(db: Db, clock: Clock, timeZone: string, o: AddOrderOptions): Promise<CliResult> {
  if (o.none && (o.act || o.move?.length))
    throw new CliError('--none records that no order was issued: no --act or --move');
  if (!o.none && !o.act) throw new CliError('give the order’s title and number with --act, or --none');
  const parsed = RecordCalendarOrder.safeParse({
    year: Number(o.year),
    act: o.none ? null : o.act,
    adoptedOn: o.adopted ?? null,
    moves: (o.move ?? []).map(parseMove),
    sources: o.source ?? [],
    note: o.note ?? null,
  });
  if (!parsed.success) throw firstIssue(parsed.error);
  try {
    const view = await db
      .transaction()
      .execute((trx) => service(db, clock, timeZone).record(trx, CLI_RECORDER, parsed.data));
    return {
      text: `recorded: ${line(view)}\nA running server follows it from its next start.`,
      json: view,
    };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'VALIDATION_FAILED' || error.code === 'CONFLICT'))
      throw new CliError(error.message);
    throw error;
  }
}
