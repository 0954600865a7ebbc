/** Turns the request's principal into the explicit actor fields an audit entry stores. */
import type { PartnerPrincipal, ResidentPrincipal, StaffPrincipal } from '../../http/auth-context.ts';
import type { AuditActor } from './audit.service.ts';

export function actorFromPrincipal(principal: StaffPrincipal | ResidentPrincipal | PartnerPrincipal): AuditActor {
  // A partner institution's system acts under its configured name (PARTNER_API_KEYS).
  if (principal.kind === 'partner')
    return { type: 'partner', id: principal.name, name: null, role: 'partner-system', institution: principal.name };
  if (principal.kind === 'resident') {
    return { type: 'resident', id: principal.personId, name: null, role: 'resident', institution: 'Civitas' };
  }
  return {
    type: 'staff',
    id: principal.accountId,
    name: principal.displayName,
    role: principal.roles.join(','),
    institution: principal.institution,
  };
}
