/** HTTP: "who used my data" for residents, person logs for auditors, and the chain verifier. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { registerEndpoint } from '../../http/route.ts';
import { listMyDataUse, listPersonAuditEntries, verifyAuditChain } from '../../../shared/contracts/audit.contract.ts';
import { dataUseActor, type AuditService } from './audit.service.ts';
import type { AuditEntryTable } from './audit.tables.ts';
import { actorFromPrincipal } from './audit-actor.ts';

/** An entry as the contracts send it: with who acted, told relative to the person it is about. */
const withActor = (rows: AuditEntryTable[]) => rows.map((r) => ({ ...r, actor: dataUseActor(r) }));

export function registerAuditRoutes(app: FastifyInstance, deps: { db: Db; audit: AuditService }): void {
  const { db, audit } = deps;

  registerEndpoint(app, listMyDataUse, 'resident', async ({ principal, query }) => {
    const rows = await audit.listAboutPerson(db, principal.personId, query.limit + 1, query.before);
    const page = rows.slice(0, query.limit);
    return { entries: withActor(page), ...(rows.length > query.limit ? { nextBefore: page.at(-1)?.seq } : {}) };
  });

  // Reading a person's access log is itself a use of their data: it goes through the gate, and the
  // person will see that the data protection officer looked.
  registerEndpoint(
    app,
    listPersonAuditEntries,
    { permission: 'audit:read-person-log' },
    async ({ principal, params, query, request }) =>
      db.transaction().execute(async (trx) => {
        await audit.record(trx, {
          actor: actorFromPrincipal(principal),
          action: 'read',
          purpose: 'data-protection-supervision',
          legalBasis: 'Regula (ES) 2016/679 39. pants',
          caseReference: query.caseReference ?? null,
          reason: query.reason ?? null,
          subjectPersonId: params.personId,
          resource: 'audit.entry',
          touched: ['accessLog'],
          requestId: request.id,
        });
        const rows = await audit.listAboutPerson(trx, params.personId, query.limit + 1, query.before);
        const page = rows.slice(0, query.limit);
        return { entries: withActor(page), ...(rows.length > query.limit ? { nextBefore: page.at(-1)?.seq } : {}) };
      }),
  );

  registerEndpoint(app, verifyAuditChain, { permission: 'audit:verify' }, async () => {
    const r = await audit.verify(db);
    return {
      ok: r.ok,
      entriesChecked: r.entriesChecked,
      headSeq: r.headSeq,
      headHash: r.headHash,
      message: r.message,
      ...(r.firstBreak ? { firstBrokenSeq: r.firstBreak.seq } : {}),
    };
  });
}
