/**
 * Review of the candidate pairs the duplicate scan finds among registered persons: an officer decides
 * whether a pair is one person or two. (Look-alikes of a registration not yet made are held and
 * decided in registration.ts.)
 */
import type { DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { scanForDuplicates } from './duplicate-scan.ts';
import type { PersonRow } from './register.repository.ts';
import { auditAccess, type RegisterContext } from './register-context.ts';
import { LEGAL_BASIS, summaryOf, type ActionContext } from './register-model.ts';

/** Candidate pairs from the scan; each person shown to the officer is an audited read. */
export async function listCandidates(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  status: 'open' | 'same-person' | 'different-persons',
  limit: number,
) {
  const rows = await trx
    .selectFrom('register.duplicateCandidate')
    .selectAll()
    .where('status', '=', status)
    .where('personId', 'is not', null)
    .orderBy('score', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  const persons = new Map(
    (
      await register.repository.personsByIds(
        trx,
        rows.flatMap((r) => [r.personId as string, r.otherPersonId]),
      )
    ).map((p) => [p.id, p]),
  );
  for (const id of persons.keys()) {
    await auditAccess(register, trx, ctx, {
      action: 'read',
      purpose: 'duplicate-review',
      legalBasis: LEGAL_BASIS.register,
      subjectPersonId: id,
      resource: 'register.person',
      touched: ['summary'],
    });
  }
  return rows.flatMap((r) => {
    const a = persons.get(r.personId as string);
    const b = persons.get(r.otherPersonId);
    return a && b ? [{ ...r, person: summaryOf(a), other: summaryOf(b) }] : [];
  });
}

export async function scanDuplicates(register: RegisterContext, onProgress?: (done: number, total: number) => void) {
  return scanForDuplicates(register.db, {
    now: register.clock.now().toISOString(),
    ...(onProgress ? { onProgress } : {}),
  });
}

/** An officer decides a candidate pair from the scan (same person, or two persons); a decided pair is final. */
export async function decideCandidate(
  register: RegisterContext,
  ctx: ActionContext,
  id: string,
  decision: 'same-person' | 'different-persons',
) {
  return register.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('register.duplicateCandidate')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.personId === null) throw new AppError('NOT_FOUND', 'No such candidate pair');
    if (row.status !== 'open')
      throw new AppError('INVALID_STATE', `This pair was already decided (${row.status})`, {
        rule: { id: 'register.pair-decided' },
      });
    const updated = await trx
      .updateTable('register.duplicateCandidate')
      .set({ status: decision, decidedBy: ctx.actor.id, decidedAt: register.clock.now().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const personId of [row.personId, row.otherPersonId]) {
      await auditAccess(register, trx, ctx, {
        action: 'decide',
        purpose: 'duplicate-review',
        legalBasis: LEGAL_BASIS.register,
        subjectPersonId: personId,
        resource: 'register.duplicateCandidate',
        touched: [decision],
      });
    }
    const persons = await register.repository.personsByIds(trx, [row.personId, row.otherPersonId]);
    const a = persons.find((p) => p.id === row.personId) as PersonRow;
    const b = persons.find((p) => p.id === row.otherPersonId) as PersonRow;
    return { ...updated, person: summaryOf(a), other: summaryOf(b) };
  });
}
