/** Turns the request's principal into the explicit actor fields an audit entry stores. */
import type { ResidentPrincipal, StaffPrincipal } from '../../http/auth-context.ts';
import type { AuditActor } from './audit.service.ts';

export function actorFromPrincipal(principal: StaffPrincipal | ResidentPrincipal): AuditActor {
  if (principal.kind === 'resident') {
    return { type: 'resident', id: principal.personId, name: null, role: 'resident', institution: 'Civitas' };
  }
  return { type: 'staff', id: principal.accountId, name: principal.displayName, role: principal.roles.join(','), institution: principal.institution };
}
