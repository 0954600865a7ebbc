/**
 * The legal calendar's orders: the shipped ones (code) and those an administrator recorded (database).
 * `install` makes every deadline computed from then on follow them.
 */
import type { Db, DbExecutor } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../http/app-error.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { SHIPPED_CALENDAR_ORDERS, type CalendarOrder } from '../../../shared/kernel/working-days.data.ts';
import {
  calendarOrderProblems,
  comingYearWithoutOrder,
  installCalendarOrders,
} from '../../../shared/kernel/working-days.ts';
import { plainDateInZone, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type {
  CalendarOrderView,
  CalendarOrders,
  RecordCalendarOrder,
} from '../../../shared/contracts/calendar.contract.ts';
import type { CalendarRepository, RecordedOrderRow } from './calendar.repository.ts';

export interface CalendarDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  repository: CalendarRepository;
}

/** Who records an order: an administrator's account. */
export interface OrderRecorder {
  id: string;
  name: string;
}

const asOrder = (r: RecordedOrderRow): CalendarOrder => ({
  year: r.year,
  act: r.act,
  adoptedOn: r.adoptedOn,
  moves: r.moves,
  sources: r.sources,
  ...(r.note ? { note: r.note } : {}),
});

/** An order as the screen shows it: shipped (no recorder) or recorded (by whom, when). */
function viewOf(
  o: CalendarOrder,
  recorded: Pick<RecordedOrderRow, 'recordedByName' | 'recordedAt'> | null,
): CalendarOrderView {
  return {
    year: o.year,
    act: o.act,
    adoptedOn: o.adoptedOn as PlainDate | null,
    moves: o.moves.map((m) => ({ dayOff: m.dayOff as PlainDate, workingSaturday: m.workingSaturday as PlainDate })),
    sources: [...o.sources],
    note: o.note ?? null,
    origin: recorded ? 'recorded' : 'shipped',
    recordedByName: recorded?.recordedByName ?? null,
    recordedAt: recorded?.recordedAt ?? null,
  };
}

/**
 * Only this year's or a later year's order is recorded here, and not one shipped with the code: a recorded
 * order overrides the shipped one and cannot be changed, so past and shipped years are corrected in code.
 */
function yearProblems(year: number, thisYear: number): FieldError[] {
  if (year < thisYear)
    return [
      { path: 'year', reason: 'calendar-year-past', message: `${year} is past: its order is corrected in the code` },
    ];
  if (SHIPPED_CALENDAR_ORDERS.some((o) => o.year === year))
    return [
      { path: 'year', reason: 'calendar-year-shipped', message: `The order for ${year} is shipped with the code` },
    ];
  return [];
}

export function createCalendarService(deps: CalendarDeps) {
  const { repository } = deps;
  const today = () => plainDateInZone(deps.clock.now(), deps.timeZone);

  /** Reads the recorded orders and makes the calendar follow them; returns every order in force. */
  async function install(db: DbExecutor): Promise<readonly CalendarOrder[]> {
    return installCalendarOrders((await repository.recorded(db)).map(asOrder));
  }

  async function list(db: DbExecutor): Promise<CalendarOrders> {
    const recorded = new Map((await repository.recorded(db)).map((r) => [r.year, r]));
    const orders = [
      ...SHIPPED_CALENDAR_ORDERS.filter((o) => !recorded.has(o.year)).map((o) => viewOf(o, null)),
      ...[...recorded.values()].map((r) => viewOf(asOrder(r), r)),
    ].sort((a, b) => b.year - a.year);
    const missing = comingYearWithoutOrder(today(), orders);
    return { orders, comingYear: Number(today().slice(0, 4)) + 1, comingYearHasOrder: missing === null };
  }

  /** Records an order after checking its moves; a year already recorded here is refused (orders are not rewritten). */
  async function record(trx: DbExecutor, by: OrderRecorder, input: RecordCalendarOrder): Promise<CalendarOrderView> {
    const order = {
      ...input,
      adoptedOn: input.adoptedOn ?? null,
      moves: input.moves ?? [],
      sources: input.sources ?? [],
    };
    const adoptedLater: FieldError[] =
      order.adoptedOn && order.adoptedOn > today()
        ? [{ path: 'adoptedOn', reason: 'future-date', message: 'An order is recorded once it is adopted' }]
        : [];
    const problems = [
      ...yearProblems(order.year, Number(today().slice(0, 4))),
      ...adoptedLater,
      ...calendarOrderProblems(order),
    ];
    if (problems.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        problems.map((p) => p.message).join('; '),
        problems.map(({ path, reason, message }) => ({ path, reason, message }) as FieldError),
      );
    const row: RecordedOrderRow = {
      year: order.year,
      act: order.act,
      adoptedOn: order.adoptedOn,
      moves: order.moves,
      sources: order.sources,
      note: input.note ?? null,
      recordedById: by.id,
      recordedByName: by.name,
      recordedAt: deps.clock.now().toISOString(),
    };
    if (!(await repository.insert(trx, row)))
      throw new AppError('CONFLICT', `An order for ${order.year} is already recorded`, {
        rule: { id: 'calendar.order-recorded', values: { year: order.year } },
      });
    return viewOf(asOrder(row), row);
  }

  /** The coming year when no order for it is known (said at start and on the calendar screen). */
  async function comingYearMissing(db: DbExecutor): Promise<number | null> {
    const recorded = await repository.recorded(db);
    return comingYearWithoutOrder(today(), [...SHIPPED_CALENDAR_ORDERS, ...recorded]);
  }

  return { install, list, record, comingYearMissing };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
