/** Public API of the identity module. */
export {
  createIdentityService,
  type IdentityService,
  type PersonDirectory,
  type StaffMember,
  hashToken,
} from './identity.service.ts';
export { createIdentityRepository } from './identity.repository.ts';
export { registerIdentityRoutes, SESSION_COOKIE } from './identity.routes.ts';
export { createOidcRelyingParty, type OidcRelyingParty } from './oidc.ts';
export { seedDemoIdentity, DEMO_PASSWORD, DEMO_STAFF_USERNAMES, DEMO_EID_PERSONS } from './demo-seed.ts';

/** The office's own institution, as branches and staff accounts name it; a partner's branch names its own. */
export const OFFICE_INSTITUTION = 'PMLP';
