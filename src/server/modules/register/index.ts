/** Public API of the register module. */
export { generatePopulation, type SyntheticPerson, type PopulationOptions } from './synthetic-population.ts';
export {
  buildDuplicateTestSet,
  applyNoise,
  NOISE_KINDS,
  type NoisyRecord,
  type NoiseKind,
} from './duplicate-test-set.ts';
export {
  createRegisterService,
  type RegisterService,
  type ActionContext,
  type LifeEventHook,
} from './register.service.ts';
export { CARD_RIGHTS } from './person-reads.ts';
export { createRegisterRepository, type RegisterRepository } from './register.repository.ts';
export { registerRegisterRoutes } from './register.routes.ts';
export { createRegisterPersonDirectory } from './register-person-directory.ts';
export { seedRegister, demoRegisterPersons } from './register-seed.ts';
export { loadPersons } from './population-loader.ts';
export { scanForDuplicates } from './duplicate-scan.ts';
export { createPersonSearch } from './person-search.ts';
export { DUPLICATE_THRESHOLD } from './match-score.ts';
export { buildPendingIndexes } from './population-loader.ts';
export { isKnownCountry } from './countries.ts';
export { checkInvariants, REGISTER_INVARIANTS, type RuleFinding } from './register-invariants.ts';
export { registerProcedures } from './cases/register-procedures.ts';
export { createRegisterCasesService, type RegisterCasesService } from './cases/register-cases.service.ts';
export { registerRegisterCasesRoutes } from './cases/register-cases.routes.ts';
export { seedDemoCases } from './cases/demo-cases.ts';
export { casePersonLookup } from './cases/case-person-lookup.ts';
