/** The cases module's public face. */
export { createCasesService, appealUntil, type CasesService, type CaseActorContext, type ModuleActionInput, type ApplicationSpec } from './cases.service.ts';
export type { LifecycleTable, CaseState, ActionPayload, RuleCheck, IdentityMethod, PaymentMethod } from './case-lifecycle.ts';
export type { CaseStatus } from './correction-lifecycle.ts';
export { createCasesRepository } from './cases.repository.ts';
export { registerCasesRoutes, actorContext as caseActorContext, idempotencyKey } from './cases.routes.ts';
export { CASE_TYPE_DEFINITIONS, type CaseTypeDefinition } from './case-types.ts';
export type { CaseTypeHandler, CaseTypeHandlers, HandlerAccess } from './case-handlers.ts';
export { createRegisterCaseHandlers } from './register-case-handlers.ts';
export { seedDemoCases } from './demo-cases.ts';
