/**
 * The explicit, ordered list of migrations (no directory scan, so bundling cannot drop a file).
 * Migrations are frozen: fix mistakes with a new one.
 */
import type { Migration } from 'kysely/migration';
import * as platformExtensions from './20261129T0200_platform_extensions.ts';
import * as identityCreate from './20261129T0210_identity_create.ts';
import * as auditCreate from './20261129T0220_audit_create.ts';
import * as registerCreate from './20261129T0230_register_create.ts';
import * as registerPendingIndex from './20261129T0300_register_pending_index.ts';
import * as registerSearchHashes from './20261130T0100_register_search_hashes.ts';
import * as casesAndNotificationsCreate from './20261130T0200_cases_and_notifications_create.ts';
import * as documentsCreate from './20261130T0300_documents_create.ts';
import * as appointmentsCreate from './20261130T0400_appointments_create.ts';
import * as residentContactCreate from './20261130T0500_resident_contact_create.ts';
import * as documentApplications from './20261201T0100_document_applications.ts';
import * as migrationCreate from './20261207T0100_migration_create.ts';
import * as registerResidenceFact from './20261207T0200_register_residence_fact.ts';
import * as migrationResidencePermit from './20261208T0100_migration_residence_permit.ts';
import * as casesClosedIndex from './20261208T0200_cases_closed_index.ts';
import * as casesAppealIndex from './20261208T0300_cases_appeal_index.ts';
import * as calendarOrder from './20261208T0400_calendar_order.ts';
import * as residencePermitKinds from './20261209T0100_residence_permit_kinds.ts';
import * as casesRulesVersion from './20261210T0100_cases_rules_version.ts';
import * as identityBranchInstitution from './20261211T0100_identity_branch_institution.ts';

export const migrations: Record<string, Migration> = {
  '20261129T0200_platform_extensions': platformExtensions,
  '20261129T0210_identity_create': identityCreate,
  '20261129T0220_audit_create': auditCreate,
  '20261129T0230_register_create': registerCreate,
  '20261129T0300_register_pending_index': registerPendingIndex,
  '20261130T0100_register_search_hashes': registerSearchHashes,
  '20261130T0200_cases_and_notifications_create': casesAndNotificationsCreate,
  '20261130T0300_documents_create': documentsCreate,
  '20261130T0400_appointments_create': appointmentsCreate,
  '20261130T0500_resident_contact_create': residentContactCreate,
  '20261201T0100_document_applications': documentApplications,
  '20261207T0100_migration_create': migrationCreate,
  '20261207T0200_register_residence_fact': registerResidenceFact,
  '20261208T0100_migration_residence_permit': migrationResidencePermit,
  '20261208T0200_cases_closed_index': casesClosedIndex,
  '20261208T0300_cases_appeal_index': casesAppealIndex,
  '20261208T0400_calendar_order': calendarOrder,
  '20261209T0100_residence_permit_kinds': residencePermitKinds,
  '20261210T0100_cases_rules_version': casesRulesVersion,
  '20261211T0100_identity_branch_institution': identityBranchInstitution,
};
