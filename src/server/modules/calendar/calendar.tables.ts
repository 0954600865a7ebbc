/** Kysely table types for schema `calendar` (kept in step with the migrations by schema-drift.test.ts). */
import type { ColumnType } from 'kysely';

export interface MovedDaysOrderTable {
  year: number;
  act: string | null;
  adoptedOn: string | null;
  moves: ColumnType<Array<{ dayOff: string; workingSaturday: string }>, string, string>;
  sources: string[];
  note: string | null;
  recordedById: string;
  recordedByName: string;
  recordedAt: ColumnType<string, string, string>;
}

export interface CalendarTables {
  'calendar.moved_days_order': MovedDaysOrderTable;
}
