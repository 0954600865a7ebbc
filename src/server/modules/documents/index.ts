/** The documents module's public face. */
export { createDocumentsService, type DocumentsService, type DocumentsActor } from './documents.service.ts';
export { createDocumentsRepository } from './documents.repository.ts';
export { registerDocumentsRoutes } from './documents.routes.ts';
export { seedDemoDocuments } from './demo-documents.ts';
export { DOCUMENT_RULES, documentTypesFor, validUntilByAge, validityOn, documentMrz } from './document-rules.ts';
export { createApplicationsService, type ApplicationsService } from './applications.service.ts';
export { registerApplicationsRoutes } from './applications.routes.ts';
export { createDocumentApplicationHandler } from './application-handler.ts';
export { DEFAULT_FEE_TABLE, type FeePeriod } from './application-rules.ts';
export { documentRuleBook, type DocumentRuleVersion } from './application-rule-versions/index.ts';
