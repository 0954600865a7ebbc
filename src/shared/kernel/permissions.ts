/**
 * Roles and named permissions. Every endpoint names one permission (or a public/session rule);
 * the role table below is the only place that says who holds what.
 */
import { z } from 'zod';

export const ROLES = [
  'registrar',
  'document-officer',
  'migration-officer',
  'asylum-officer',
  'naturalization-officer',
  'decision-maker',
  'supervisor',
  'auditor',
  'administrator',
  'municipality-officer',
] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

export const PERMISSIONS = [
  'branch:read',
  'staff:read',
  'staff:manage',
  'audit:read-person-log',
  'audit:verify',
  'register:search',
  'register:read',
  'register:record-event',
  'register:review-duplicates',
  'register:statistics',
  'register:read-municipality-declarations',
  'cases:read',
  'cases:supervise',
  'notifications:read-outbox',
  'documents:read',
  'documents:invalidate',
  'documents:apply',
  'documents:produce',
  'appointments:desk',
  'appointments:configure',
  'calendar:record-order',
  'procedures:move-rules',
  'migration:lodge',
  'migration:read-visa',
  'migration:end-visa',
  'migration:read-permit',
  'migration:cancel-permit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS = {
  registrar: [
    'branch:read',
    'register:search',
    'register:read',
    'register:record-event',
    'register:review-duplicates',
    'cases:read',
    'documents:read',
    'appointments:desk',
  ],
  'document-officer': [
    'branch:read',
    'register:search',
    'register:read',
    'cases:read',
    'documents:read',
    'documents:invalidate',
    'documents:apply',
    'appointments:desk',
  ],
  'migration-officer': [
    'branch:read',
    'register:search',
    'register:read',
    'appointments:desk',
    'cases:read',
    'migration:lodge',
    'migration:read-visa',
    'migration:read-permit',
  ],
  'asylum-officer': ['branch:read', 'register:search', 'register:read'],
  'naturalization-officer': ['branch:read', 'register:search', 'register:read'],
  'decision-maker': [
    'branch:read',
    'register:search',
    'register:read',
    'register:review-duplicates',
    'cases:read',
    'migration:read-visa',
    'migration:end-visa',
    'migration:read-permit',
    'migration:cancel-permit',
  ],
  supervisor: [
    'branch:read',
    'staff:read',
    'register:search',
    'register:read',
    'register:review-duplicates',
    'register:statistics',
    'cases:read',
    'cases:supervise',
    'documents:read',
    'documents:invalidate',
    'documents:apply',
    'documents:produce',
    'appointments:desk',
    'appointments:configure',
    'migration:read-visa',
    'migration:read-permit',
  ],
  auditor: ['branch:read', 'staff:read', 'audit:read-person-log', 'audit:verify'],
  administrator: [
    'branch:read',
    'staff:read',
    'staff:manage',
    'audit:verify',
    'register:statistics',
    'notifications:read-outbox',
    'appointments:configure',
    'calendar:record-order',
    'procedures:move-rules',
  ],
  // Works at a municipality's declaration office, not at the office: sees declarations of its own territory only.
  'municipality-officer': ['register:read-municipality-declarations'],
} as const satisfies Record<Role, readonly Permission[]>;

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => (ROLE_PERMISSIONS[r] as readonly Permission[]).includes(permission));
}

/**
 * Who may call an endpoint: `public` (anyone), `any-session` (signed in, staff or resident),
 * `resident` (a signed-in resident), `staff` (any signed-in staff member), `partner` (a partner
 * institution's system with its API key), or a named permission.
 */
export type AccessRule = 'public' | 'any-session' | 'resident' | 'staff' | 'partner' | { permission: Permission };
