/** The migration module's public face: visas (C, D), invitations, issued visas, partners' consultations, residence permits. */
export { createMigrationService, type MigrationService, type RegisteredPerson } from './migration.service.ts';
export { createMigrationRepository } from './migration.repository.ts';
export { registerMigrationRoutes } from './migration.routes.ts';
export { seedDemoMigration } from './demo-migration.ts';
export { seedDemoLawChange } from './demo-law-change.ts';
export { createPermitService, type PermitService } from './permit.service.ts';
export { registerPermitRoutes } from './permit.routes.ts';
export type { ResidenceRightsPort } from './visa-data.ts';
export { seedDemoPermits } from './demo-permits.ts';
