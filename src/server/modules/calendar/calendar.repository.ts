/** The recorded orders moving working days: read them all (a few dozen rows at most), add one. */
import type { DbExecutor } from '../../db/database.ts';
import type { MovedDaysOrderTable } from './calendar.tables.ts';

export type RecordedOrderRow = Omit<MovedDaysOrderTable, 'moves' | 'recordedAt'> & {
  moves: Array<{ dayOff: string; workingSaturday: string }>;
  recordedAt: string;
};

export function createCalendarRepository() {
  return {
    async recorded(db: DbExecutor): Promise<RecordedOrderRow[]> {
      return db.selectFrom('calendar.moved_days_order').selectAll().orderBy('year').execute();
    },
    /** False when the year already has a recorded order (the table's key decides, so two at once cannot both win). */
    async insert(db: DbExecutor, row: RecordedOrderRow): Promise<boolean> {
      const inserted = await db
        .insertInto('calendar.moved_days_order')
        .values({ ...row, moves: JSON.stringify(row.moves) })
        .onConflict((oc) => oc.column('year').doNothing())
        .returning('year')
        .executeTakeFirst();
      return inserted !== undefined;
    },
  };
}
export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
