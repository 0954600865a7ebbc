/** HTTP for opening the register's cases: a correction at the desk or online, an inclusion at the desk. */
import type { FastifyInstance } from 'fastify';
import { registerEndpoint } from '../../../http/route.ts';
import { personalData } from '../../../http/personal-data.ts';
import { caseActorContext, idempotencyKey } from '../../cases/index.ts';
import * as c from '../../../../shared/contracts/cases.contract.ts';
import type { RegisterCasesService } from './register-cases.service.ts';

export function registerRegisterCasesRoutes(app: FastifyInstance, deps: { registerCases: RegisterCasesService }): void {
  const { registerCases } = deps;
  // Case files may carry several scanned documents: a larger body than the default 1 MB.
  const uploads = { bodyLimit: 60 * 1024 * 1024 };
  const read = { permission: 'cases:read' } as const;
  registerEndpoint(
    app,
    personalData(c.createCorrectionAtDesk),
    read,
    async ({ principal, body, request }) =>
      registerCases.createCorrectionAtDesk(caseActorContext(principal, request), body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(
    app,
    personalData(c.createInclusionAtDesk),
    read,
    async ({ principal, body, request }) =>
      registerCases.createInclusionAtDesk(caseActorContext(principal, request), body, idempotencyKey(request)),
    uploads,
  );
  registerEndpoint(
    app,
    personalData(c.createMyCorrection),
    'resident',
    async ({ principal, body, request }) =>
      registerCases.createCorrectionOnline(caseActorContext(principal, request), body, idempotencyKey(request)),
    uploads,
  );
}
