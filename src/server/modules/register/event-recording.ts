/**
 * How every change reaches the register: a life event row, its fact changes overlaid on the bitemporal
 * fact tables, the person rows rebuilt from the facts, the audit entry and other modules' hooks, all in
 * the caller's transaction.
 */
import { randomInt as cryptoRandomInt, randomUUID } from 'node:crypto';
import type { DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { newFormatCodeCandidate } from '../../../shared/kernel/personal-code.ts';
import { planOverlay } from './bitemporal.ts';
import { breachesIn, eventScope, refuseNewBreaches } from './register-invariants.ts';
import { currentProjection } from './person-view.ts';
import { FACT_TABLE } from './register.repository.ts';
import { auditAccess, type RegisterContext } from './register-context.ts';
import { payloadOf, type ActionContext, type EventSpec, type FactChange } from './register-model.ts';

/** Rebuilds the person row's projection and statistics periods from the current facts. */
export async function refresh(register: RegisterContext, trx: DbExecutor, personId: string): Promise<number> {
  const facts = await register.repository.allFacts(trx, personId);
  const { projection, periods } = currentProjection(facts, register.today());
  await register.repository.replacePopulationPeriods(trx, personId, periods);
  return register.repository.updateProjection(trx, personId, {
    ...projection,
    updatedAt: register.clock.now().toISOString(),
  });
}

export async function applyChanges(
  register: RegisterContext,
  trx: DbExecutor,
  eventId: string | null,
  changes: readonly FactChange[],
  recordedAt: string,
): Promise<void> {
  const { repository } = register;
  for (const change of changes) {
    const table = FACT_TABLE[change.fact];
    const row = change.payload;
    if (change.append) {
      if (row)
        await repository.insertFacts(trx, table, [
          { personId: change.personId, ...change.period, recordedAt, eventId, ...row },
        ]);
      continue;
    }
    const all = (await repository.allFacts(trx, change.personId))[change.fact] as unknown as Array<
      Record<string, unknown> & { id: number; validFrom: string; validTo: string | null; supersededAt: string | null }
    >;
    const current = all.filter((r) => r.supersededAt === null && (change.scope ? change.scope(r) : true));
    const plan = planOverlay(
      current.map((r) => ({ id: r.id, validFrom: r.validFrom, validTo: r.validTo, payload: payloadOf(r) })),
      change.period,
      row,
    );
    await repository.supersede(trx, table, plan.supersede, recordedAt);
    await repository.insertFacts(
      trx,
      table,
      plan.insert.map((p) => ({
        personId: change.personId,
        validFrom: p.validFrom,
        validTo: p.validTo,
        recordedAt,
        eventId,
        ...p.payload,
      })),
    );
  }
}

/** Records one life event and its fact changes, refreshes every touched person, and writes the audit entry. */
export async function recordEvent(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  event: EventSpec,
  changes: readonly FactChange[],
): Promise<{ eventId: string; version: number }> {
  const eventId = randomUUID();
  const recordedAt = register.clock.now().toISOString();
  await register.repository.insertEvent(trx, {
    id: eventId,
    personId: event.personId,
    kind: event.kind,
    effectiveDate: event.effectiveDate,
    recordedAt,
    legalBasis: event.legalBasis,
    sourceDocument: event.sourceDocument,
    channel: ctx.channel,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    institution: ctx.actor.institution,
    details: event.details ?? {},
  });
  const touched = [...new Set([event.personId, ...changes.map((c) => c.personId)])];
  // The invariants read core facts and relations only: an event changing neither cannot break them. One
  // that does is refused if it makes a breach that was not there before it (and nothing of it stays).
  const invariantsAtStake = changes.some((c) => c.fact === 'core' || c.fact === 'relation');
  const scope = invariantsAtStake ? await eventScope(trx, touched) : [];
  const before = invariantsAtStake ? await breachesIn(trx, scope) : undefined;
  await applyChanges(register, trx, eventId, changes, recordedAt);
  let version = 0;
  for (const personId of touched) {
    const v = await refresh(register, trx, personId);
    if (personId === event.personId) version = v;
  }
  if (before) await refuseNewBreaches(trx, scope, before);
  await auditAccess(register, trx, ctx, {
    action: 'update',
    purpose: `life-event:${event.kind}`,
    legalBasis: event.legalBasis,
    subjectPersonId: event.personId,
    resource: 'register.person',
    touched: [...new Set(changes.map((c) => c.fact))],
  });
  await runLifeEventHooks(register, trx, ctx, event, changes);
  return { eventId, version };
}

/** Tells the other modules which facts of which persons the event changed. */
async function runLifeEventHooks(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  event: EventSpec,
  changes: readonly FactChange[],
): Promise<void> {
  if (!register.lifeEventHooks.length) return;
  const facts = new Map<string, Set<string>>();
  for (const c of changes)
    (facts.get(c.personId) ?? (facts.set(c.personId, new Set()).get(c.personId) as Set<string>)).add(c.fact);
  for (const hook of register.lifeEventHooks)
    await hook(trx, ctx, { kind: event.kind, personId: event.personId, effectiveDate: event.effectiveDate, facts });
}

export async function issueNewFormatCode(register: RegisterContext, trx: DbExecutor): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = newFormatCodeCandidate(cryptoRandomInt);
    if (!(await register.repository.codeTaken(trx, candidate))) return candidate;
  }
  throw new AppError('SERVICE_UNAVAILABLE', 'No free personal code found; try again');
}
