/** The cases module's public face. */
export { createCasesService, appealUntil, type CasesService, type CaseActorContext } from './cases.service.ts';
export { createCasesRepository } from './cases.repository.ts';
export { registerCasesRoutes } from './cases.routes.ts';
export { CASE_TYPE_DEFINITIONS, type CaseTypeDefinition } from './case-types.ts';
export type { CaseTypeHandler, CaseTypeHandlers, HandlerAccess } from './case-handlers.ts';
export { createRegisterCaseHandlers } from './register-case-handlers.ts';
export { seedDemoCases } from './demo-cases.ts';
