/** The Kysely table interfaces must match the migrated schema: every interface column exists, and vice versa. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

// Declared by hand from the *.tables.ts interfaces (snake_case), so a change to either side shows up here.
const DECLARED: Record<string, string[]> = {
  'identity.branch': ['id', 'code', 'name_lv', 'name_en', 'municipality_code', 'address', 'created_at'],
  'identity.staff_account': ['id', 'username', 'display_name', 'email', 'password_hash', 'roles', 'branch_id', 'institution', 'totp_secret', 'totp_enabled', 'totp_last_step', 'is_demo', 'failed_login_count', 'locked_until', 'oidc_subject', 'created_at', 'disabled_at'],
  'identity.session': ['id', 'token_hash', 'kind', 'staff_account_id', 'person_id', 'personal_code', 'display_name', 'auth_method', 'csrf_token', 'mfa_pending', 'created_at', 'last_seen_at', 'expires_at', 'ended_at', 'end_reason', 'ip', 'user_agent'],
  'identity.demo_eid_person': ['person_id', 'personal_code', 'given_names', 'surname', 'birth_date'],
  'identity.resident_contact': ['person_id', 'email', 'language', 'updated_at'],
  'identity.oidc_pending_login': ['state', 'kind', 'code_verifier', 'nonce', 'return_to', 'created_at'],
  'audit.entry': ['seq', 'id', 'occurred_at', 'actor_type', 'actor_id', 'actor_name', 'actor_role', 'institution', 'action', 'purpose', 'legal_basis', 'case_reference', 'reason', 'subject_person_id', 'resource', 'touched', 'request_id', 'prev_hash', 'hash'],
  'audit.chain_head': ['id', 'seq', 'hash'],
  'register.address_fact': ['id', 'person_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'event_id', 'is_additional', 'country', 'municipality_code', 'settlement', 'street', 'building', 'flat', 'postcode', 'address_line', 'legal_basis'],
  'register.code_fact': ['id', 'person_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'event_id', 'personal_code'],
  'register.core_fact': ['id', 'person_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'event_id', 'sex', 'birth_date', 'birth_country', 'birth_municipality', 'birth_place', 'birth_surname', 'ethnicity', 'death_date'],
  'register.duplicate_candidate': ['id', 'person_id', 'pending_registration_id', 'other_person_id', 'score', 'reasons', 'source', 'found_at', 'status', 'decided_by', 'decided_at'],
  'register.life_event': ['id', 'person_id', 'kind', 'effective_date', 'recorded_at', 'legal_basis', 'source_document', 'channel', 'actor_type', 'actor_id', 'institution', 'details'],
  'register.name_fact': ['id', 'person_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'event_id', 'given_names', 'surname', 'original_name'],
  'register.pending_index': ['statement', 'queued_at'],
  'register.pending_registration': ['id', 'kind', 'payload', 'submitted_by', 'submitted_at', 'status', 'decided_by', 'decided_at', 'decision_note', 'person_id'],
  'register.person': ['id', 'personal_code', 'given_names', 'surname', 'original_name', 'sex', 'birth_date', 'legal_status', 'citizenships', 'municipality_code', 'abroad_country', 'death_date', 'surname_stem', 'name_fold', 'search_hashes', 'birth_year', 'version', 'registered_at', 'updated_at'],
  'register.population_period': ['person_id', 'valid_from', 'valid_to', 'municipality_code', 'legal_status'],
  'register.relation_fact': ['id', 'person_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'event_id', 'kind', 'related_person_id'],
  'register.residence_fact': ['id', 'person_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'event_id', 'kind', 'document_number', 'issued_by', 'legal_basis'],
  'migration.visa_number_counter': ['issuing_state', 'last'],
  'migration.residence_permit': ['permit_number', 'case_id', 'person_id', 'kind', 'ground', 'valid_from', 'valid_until', 'card_valid_until', 'granted_on', 'language', 'status', 'cancelled', 'created_at'],
  'migration.visa': ['visa_number', 'case_id', 'case_reference', 'person_id', 'visa_type', 'territory', 'entries', 'valid_from', 'valid_until', 'duration_days', 'issued_on', 'given_names', 'surname', 'birth_date', 'nationality', 'travel_document_number', 'language', 'mrz', 'status', 'ended', 'created_at'],
  'register.residence_declaration': ['id', 'event_id', 'person_id', 'declarant_person_id', 'declarant_role', 'valid_from', 'country', 'municipality_code', 'address_line', 'housing_basis', 'declared_at'],
  'cases.action': ['case_id', 'seq', 'kind', 'actor_type', 'actor_id', 'actor_name', 'on_date', 'at', 'payload'],
  'cases.case': ['id', 'reference', 'case_type', 'status', 'version', 'applicant_person_id', 'applicant_name', 'language', 'contact_email', 'channel', 'branch_id', 'assignee_id', 'assignee_name', 'subject', 'received_on', 'due_on', 'suspended', 'deadline_alert', 'appeal_of', 'opened_at', 'updated_at', 'closed_at'],
  'cases.command': ['actor_type', 'actor_id', 'idempotency_key', 'request_hash', 'case_id', 'response', 'created_at'],
  'cases.document': ['id', 'case_id', 'kind', 'file_name', 'media_type', 'size', 'sha256', 'content', 'uploaded_by_type', 'uploaded_by_id', 'uploaded_at'],
  'cases.reference_counter': ['prefix', 'year', 'last'],
  'cases.representative': ['case_id', 'person_id', 'name', 'kind', 'may'],
  'notifications.outbox': ['id', 'event_key', 'channel', 'recipient', 'language', 'template', 'params', 'status', 'attempts', 'next_attempt_at', 'last_error', 'subject', 'body', 'created_at', 'sent_at'],
  'documents.number_series': ['document_type', 'prefix', 'last'],
  'documents.document': ['id', 'document_type', 'number', 'person_id', 'surname', 'given_names', 'nationality', 'issued_on', 'valid_until', 'issuing_branch_id', 'mrz', 'invalidated_on', 'invalidation_reason', 'invalidation_note', 'invalidated_by', 'issued_at', 'invalidated_at'],
  'documents.change': ['seq', 'document_id', 'change', 'at'],
  'appointments.service': ['code', 'name_lv', 'name_en', 'duration_minutes'],
  'appointments.branch_service': ['branch_id', 'service_code', 'desks'],
  'appointments.opening_hours': ['branch_id', 'iso_weekday', 'opens', 'closes'],
  'documents.production_batch': ['id', 'reference', 'created_at', 'created_by', 'idempotency_key', 'item_count', 'key_id', 'signed_export', 'confirmed_at'],
  'documents.production_item': ['batch_id', 'case_id', 'case_reference', 'document_type', 'document_number', 'person_id', 'issued_on', 'valid_until', 'result', 'result_reason', 'result_at'],
  'appointments.booking': ['id', 'branch_id', 'service_code', 'starts_at', 'desk', 'person_id', 'booked_by_person_id', 'contact_email', 'language', 'status', 'created_at', 'changed_at', 'application_case_id'],
  'appointments.ticket': ['branch_id', 'day', 'number', 'service_code', 'status', 'issued_at', 'called_at', 'called_by'],
  'register.status_fact': ['id', 'person_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'event_id', 'legal_status', 'citizenships'],
};

describe('schema drift', () => {
  it('every table and column in the database is declared, and every declared one exists', async () => {
    const r = await sql<{ t: string; c: string }>`
      SELECT table_schema || '.' || table_name AS t, column_name AS c FROM information_schema.columns
      WHERE table_schema IN ('identity', 'audit', 'register', 'cases', 'notifications', 'documents', 'appointments', 'migration') ORDER BY 1, ordinal_position`.execute(database.db);
    const actual: Record<string, string[]> = {};
    for (const row of r.rows) (actual[row.t] ??= []).push(row.c);
    expect(Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, [...v].sort()]))).toEqual(
      Object.fromEntries(Object.entries(DECLARED).map(([k, v]) => [k, [...v].sort()])),
    );
  });

  it('comments every table', async () => {
    const r = await sql<{ t: string }>`
      SELECT n.nspname || '.' || c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname IN ('identity', 'audit', 'cases', 'notifications', 'documents', 'appointments') AND obj_description(c.oid, 'pg_class') IS NULL`.execute(database.db);
    expect(r.rows).toEqual([]);
  });
});
