/** The cases module's public face: the engine, and the plug-in shape of a procedure. */
export { createCasesService, type CasesService } from './cases.service.ts';
export type { CaseActorContext, FoundPerson } from './engine.ts';
export type { ModuleActionInput } from './take-action.ts';
export type { ApplicationSpec, SpecBuilder } from './open-case.ts';
export { decisionPdf } from './decision-pdf.ts';
export { decisionAppealTerm } from './case-view.ts';
export type {
  LifecycleTable,
  CaseState,
  CaseStatus,
  ActionPayload,
  ActionActor,
  CaseAction,
  CaseRole,
  RuleCheck,
  IdentityMethod,
  PaymentMethod,
} from './case-lifecycle.ts';
/** The engine's pure core, for procedures' own tests of their lifecycle tables. */
export {
  applyAction,
  availableActions,
  emptyState,
  foldActions,
  refusalOf,
  violatesFourEyes,
} from './case-lifecycle.ts';
export type { DeadlineRule } from './case-deadline.ts';
export {
  oneVersionBook,
  versionOn,
  versionById,
  type RuleBook,
  type RuleVersion,
  type RuleMoveEffect,
} from './rule-versions.ts';
export type { Lodging } from './open-case.ts';
export { createCasesRepository } from './cases.repository.ts';
export { registerRuleMoveRoutes } from './rule-moves.routes.ts';
export type { RuleMover } from './rule-moves.ts';
export { registerCasesRoutes, actorContext as caseActorContext, idempotencyKey } from './cases.routes.ts';
export {
  staffCaseRoles,
  type CaseProcedure,
  type CaseTypeHandler,
  type CaseTypeDefinition,
  type HandlerAccess,
  type HandledCase,
  type RowText,
  type AppealRoute,
} from './procedure.ts';
