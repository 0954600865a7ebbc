/** The whole database as Kysely sees it: each module contributes its own schema's tables. */
import type { AuditTables } from '../modules/audit/audit.tables.ts';
import type { IdentityTables } from '../modules/identity/identity.tables.ts';
import type { RegisterTables } from '../modules/register/register.tables.ts';
import type { CasesTables } from '../modules/cases/cases.tables.ts';
import type { NotificationsTables } from '../modules/notifications/notifications.tables.ts';
import type { DocumentsTables } from '../modules/documents/documents.tables.ts';
import type { AppointmentsTables } from '../modules/appointments/appointments.tables.ts';
import type { MigrationTables } from '../modules/migration/migration.tables.ts';
import type { CalendarTables } from '../modules/calendar/calendar.tables.ts';

export interface Database
  extends
    IdentityTables,
    AuditTables,
    RegisterTables,
    CasesTables,
    NotificationsTables,
    DocumentsTables,
    AppointmentsTables,
    MigrationTables,
    CalendarTables {}
