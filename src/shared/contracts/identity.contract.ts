/** Sign-in, sessions, staff accounts and branches. */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { RoleSchema } from '../kernel/permissions.ts';
import { PlainDateSchema } from '../kernel/plain-date.ts';

export const StaffProfile = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  branchId: z.uuid(),
  branchCode: z.string(),
  institution: z.string(),
  isDemo: z.boolean(),
  totpEnabled: z.boolean(),
});
export type StaffProfile = z.infer<typeof StaffProfile>;

export const ResidentProfile = z.object({
  personId: z.uuid(),
  personalCode: z.string().nullable(),
  displayName: z.string(),
});

export const SessionResponse = z.object({
  authenticated: z.boolean(),
  kind: z.enum(['staff', 'resident']).optional(),
  csrfToken: z.string().optional(),
  mfaPending: z.boolean().optional(),
  staff: StaffProfile.optional(),
  resident: ResidentProfile.optional(),
  idleTimeoutSeconds: z.number().int().optional(),
  expiresAt: z.string().optional(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const getSession = defineEndpoint({
  method: 'GET',
  path: '/api/session',
  summary: 'The current session, if any (with its CSRF token)',
  tags: ['identity'],
  response: SessionResponse,
});

export const StaffSignInRequest = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export const StaffSignInResponse = z.object({
  status: z.enum(['signed-in', 'totp-required', 'totp-enrolment-required']),
  session: SessionResponse,
  /** Present when the account must enrol a second factor: add this secret to an authenticator app. */
  enrolment: z.object({ secret: z.string(), otpauthUri: z.string() }).optional(),
});
export type StaffSignInResponse = z.infer<typeof StaffSignInResponse>;

export const staffSignIn = defineEndpoint({
  method: 'POST',
  path: '/api/auth/staff/sign-in',
  summary: 'Staff sign-in with username and password',
  tags: ['identity'],
  body: StaffSignInRequest,
  response: StaffSignInResponse,
});

export const TotpRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'format.totp'),
});

export const staffVerifyTotp = defineEndpoint({
  method: 'POST',
  path: '/api/auth/staff/totp',
  summary: 'Second factor: a TOTP code (also confirms enrolment)',
  tags: ['identity'],
  body: TotpRequest,
  response: SessionResponse,
});

export const signOut = defineEndpoint({
  method: 'POST',
  path: '/api/auth/sign-out',
  summary: 'End the current session',
  tags: ['identity'],
  response: null,
});

export const DemoEidPerson = z.object({
  personId: z.uuid(),
  personalCode: z.string(),
  givenNames: z.string(),
  surname: z.string(),
  birthDate: PlainDateSchema,
});

export const listDemoEidPersons = defineEndpoint({
  method: 'GET',
  path: '/api/auth/demo-eid/persons',
  summary: 'Synthetic identities of the demo eID page (demo mode only)',
  tags: ['identity'],
  response: z.object({ persons: z.array(DemoEidPerson) }),
});

export const demoEidSignIn = defineEndpoint({
  method: 'POST',
  path: '/api/auth/demo-eid/sign-in',
  summary: 'Resident sign-in as a synthetic person (demo mode only)',
  tags: ['identity'],
  body: z.strictObject({ personId: z.uuid() }),
  response: SessionResponse,
});

export const OidcStartQuery = z.strictObject({
  kind: z.enum(['resident', 'staff']).default('resident'),
  returnTo: z
    .string()
    .regex(/^\/(?!\/)[^\s]*$/, 'format.localPath')
    .default('/'),
});

export const oidcStart = defineEndpoint({
  method: 'GET',
  path: '/api/auth/oidc/start',
  summary: 'Begin OpenID Connect sign-in at the national eID provider (redirect)',
  tags: ['identity'],
  query: OidcStartQuery,
  response: null,
  successStatus: 204,
});

export const oidcCallback = defineEndpoint({
  method: 'GET',
  path: '/api/auth/oidc/callback',
  summary: 'Return from the eID provider (authorization code + PKCE)',
  tags: ['identity'],
  query: z.record(z.string(), z.string()),
  response: null,
  successStatus: 204,
});

export const Branch = z.object({
  id: z.uuid(),
  code: z.string(),
  nameLv: z.string(),
  nameEn: z.string(),
  municipalityCode: z.string(),
  address: z.string(),
});

export const listBranches = defineEndpoint({
  method: 'GET',
  path: '/api/identity/branches',
  summary: 'Branch offices',
  tags: ['identity'],
  response: z.object({ branches: z.array(Branch) }),
});

export const StaffAccountSummary = StaffProfile.extend({
  email: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  failedLoginCount: z.number().int(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});

export const listStaffAccounts = defineEndpoint({
  method: 'GET',
  path: '/api/identity/staff',
  summary: 'Staff accounts (own branch for supervisors, all for administrators and auditors)',
  tags: ['identity'],
  response: z.object({ accounts: z.array(StaffAccountSummary) }),
});

export const CreateStaffAccountRequest = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/, 'format.username'),
  displayName: z.string().trim().min(1).max(200),
  email: z.email().nullable().default(null),
  roles: z.array(RoleSchema).min(1),
  branchId: z.uuid(),
  initialPassword: z.string().min(12).max(1024),
});

export const createStaffAccount = defineEndpoint({
  method: 'POST',
  path: '/api/identity/staff',
  summary: 'Create a staff account',
  tags: ['identity'],
  body: CreateStaffAccountRequest,
  response: StaffAccountSummary,
  successStatus: 201,
});

export const unlockStaffAccount = defineEndpoint({
  method: 'POST',
  path: '/api/identity/staff/{id}/actions/unlock',
  summary: 'Lift a sign-in lockout',
  tags: ['identity'],
  params: z.strictObject({ id: z.uuid() }),
  response: StaffAccountSummary,
});

export const PublicClientConfig = z.object({
  demoMode: z.boolean(),
  oidcForResidents: z.boolean(),
  oidcForStaff: z.boolean(),
  languages: z.array(z.enum(['lv', 'en'])),
  version: z.string(),
  /** The office's time zone: every date and time on a page is shown on its wall clock. */
  timeZone: z.string(),
  /** In demo mode, the demo staff accounts the sign-in page offers (empty otherwise). */
  demoAccounts: z.array(z.object({ username: z.string(), roles: z.array(RoleSchema) })),
});

export const getClientConfig = defineEndpoint({
  method: 'GET',
  path: '/api/config',
  summary: 'What the web apps need to know about this installation',
  tags: ['platform'],
  response: PublicClientConfig,
});

/** Where a resident wants the office's reminders (an expiring document …); null: nowhere. */
export const ResidentContact = z.object({ email: z.email().max(254).nullable(), language: z.enum(['lv', 'en']) });
export type ResidentContact = z.infer<typeof ResidentContact>;
export const readMyContact = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/contact',
  summary: 'My e-mail address for the office’s reminders',
  tags: ['identity'],
  response: ResidentContact,
});
export const saveMyContact = defineEndpoint({
  method: 'PUT',
  path: '/api/portal/me/contact',
  summary: 'Set (or, with null, remove) my e-mail address for the office’s reminders',
  tags: ['identity'],
  body: z.strictObject({ email: z.email().max(254).nullable(), language: z.enum(['lv', 'en']).default('lv') }),
  response: ResidentContact,
});
