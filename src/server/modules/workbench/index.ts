/** The workbench module's public face: the staff start page's summary, read from the modules that own the work. */
export { createWorkbenchService, type WorkbenchService, type WorkbenchDeps } from './workbench.service.ts';
export { registerWorkbenchRoutes } from './workbench.routes.ts';
