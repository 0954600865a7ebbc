/** Public API of the audit module: the gate every module writes through, and its routes. */
export {
  createAuditService,
  dataUseActor,
  type AuditService,
  type AccessRecord,
  type AuditActor,
  type VerifyResult,
} from './audit.service.ts';
export type { AuditAction, AuditPurpose, AuditResource } from '../../../shared/contracts/audit.contract.ts';
export { createAuditRepository } from './audit.repository.ts';
export { registerAuditRoutes } from './audit.routes.ts';
export { actorFromPrincipal } from './audit-actor.ts';
