/** Kysely table types for schema `appointments` (kept in step with the migrations by schema-drift.test.ts). */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<string, string, string>;

export interface ServiceTable {
  code: string;
  nameLv: string;
  nameEn: string;
  durationMinutes: number;
}

export interface BranchServiceTable {
  branchId: string;
  serviceCode: string;
  desks: number;
}

export interface OpeningHoursTable {
  branchId: string;
  isoWeekday: number;
  opens: string;
  closes: string;
}

export interface BookingTable {
  id: string;
  branchId: string;
  serviceCode: string;
  startsAt: Timestamp;
  desk: number;
  personId: string;
  bookedByPersonId: string;
  contactEmail: string | null;
  language: 'lv' | 'en';
  status: 'booked' | 'cancelled' | 'arrived' | 'no-show';
  createdAt: Timestamp;
  changedAt: Timestamp;
  applicationCaseId: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TicketTable {
  branchId: string;
  day: string;
  number: number;
  serviceCode: string;
  status: 'waiting' | 'called';
  issuedAt: Timestamp;
  calledAt: Timestamp | null;
  calledBy: string | null;
}

export interface AppointmentsTables {
  'appointments.service': ServiceTable;
  'appointments.branchService': BranchServiceTable;
  'appointments.openingHours': OpeningHoursTable;
  'appointments.booking': BookingTable;
  'appointments.ticket': TicketTable;
}
