/**
 * One sequence of the model-based test against the service: its commands run one by one, each resolved
 * on the model's state, predicted by the model and recorded through the service, all in one transaction
 * that is rolled back at the end. After every command the model and the service must agree (accepted, or
 * refused by the same rule); after every accepted event the whole register keeps every invariant; and
 * nothing the register knew at any earlier instant is gone from its history.
 */
import type { Db } from '../../server/db/database.ts';
import type { Clock } from '../../server/platform/clock.ts';
import { checkInvariants } from '../../server/modules/register/register-invariants.ts';
import { HistoryWatch } from './history-watch.ts';
import { resolve, type Sequence } from './model-commands.ts';
import { apply, predict, type Prediction, type ResolvedEvent } from './model-events.ts';
import { cloneState, type ModelState } from './model-state.ts';
import { inOneTransaction, runOnService, type ServiceOutcome } from './service-runner.ts';

export type ManualClock = Clock & { set(t: Date | string): void; advance(ms: number): void };

/** What happened at each step, for the failure message and the counts the test reports. */
export interface Step {
  event: ResolvedEvent;
  predicted: Prediction;
  outcome: ServiceOutcome;
}

const label = (p: Prediction | ServiceOutcome) => (p.accepted ? 'accepted' : `refused ${p.refusal}`);

function disagreement(steps: readonly Step[], problem: string): Error {
  const lines = steps.map(
    (s, i) => `  ${i + 1}. ${JSON.stringify(s.event)}\n     model: ${label(s.predicted)}; service: ${label(s.outcome)}`,
  );
  return new Error(`${problem}\nsequence so far:\n${lines.join('\n')}`);
}

/** The sequence's starting state: the pool, with the cast the commands name. */
export function castOf(pool: ModelState, sequence: Sequence): ModelState {
  const state = cloneState(pool);
  state.actors = sequence.cast.map((i) => pool.actors[i % pool.actors.length] as string);
  return state;
}

/** Runs the sequence against the service; throws, with the steps so far, at the first disagreement. */
export async function runSequence(
  db: Db,
  clock: ManualClock,
  start: string,
  pool: ModelState,
  sequence: Sequence,
  serial: { next: number },
): Promise<Step[]> {
  clock.set(start);
  return inOneTransaction(db, clock, async (register, trx) => {
    let state = castOf(pool, sequence);
    const steps: Step[] = [];
    const watch = new HistoryWatch();
    await watch.start(
      trx,
      state.persons.map((p) => p.id),
      clock.now().toISOString(),
    );
    for (const command of sequence.commands) {
      clock.advance(1000);
      const event = resolve(state, command, serial.next++);
      const { prediction } = predict(state, event, 'child-to-be');
      const outcome = await runOnService(register, trx, event);
      steps.push({ event, predicted: prediction, outcome });
      if (label(prediction) !== label(outcome)) throw disagreement(steps, 'the model and the register disagree');
      if (outcome.accepted) {
        state = apply(state, event, outcome.newPersonId ?? '');
        const breaches = (await checkInvariants(trx, 'all')).filter((f) => f.count > 0);
        if (breaches.length) throw disagreement(steps, `accepted, but the register breaks ${JSON.stringify(breaches)}`);
      }
      const ids = state.persons.map((p) => p.id);
      const lost = await watch.check(trx, ids, clock.now().toISOString(), outcome.accepted);
      if (lost.length) throw disagreement(steps, `the history changed: ${lost.join('\n')}`);
    }
    return steps;
  });
}

/** A sequence run on the model alone: what it refused, the state it ends in, and the state forced past its last refusal. */
export interface ModelRun {
  refusals: string[];
  final: ModelState;
  forced: ModelState | null;
}

/** Runs the sequence on the model only (children get ids of the model's own). */
export function runOnModel(pool: ModelState, sequence: Sequence, serial: { next: number }): ModelRun {
  let state = castOf(pool, sequence);
  const refusals: string[] = [];
  let forced: ModelState | null = null;
  for (const command of sequence.commands) {
    const n = serial.next++;
    const event = resolve(state, command, n);
    const { prediction, after } = predict(state, event, `model-child-${n}`);
    if (prediction.accepted) state = after;
    else {
      refusals.push(prediction.refusal);
      forced = after;
    }
  }
  return { refusals, final: involved(state), forced: forced && involved(forced) };
}

/**
 * The part of a state its cast is involved in: the cast and the children born, the persons their rows name,
 * and the rows among those (the rest of the pool, untouched, adds nothing to compare).
 */
export function involved(s: ModelState): ModelState {
  const ids = new Set(s.actors);
  for (const r of s.parents) if (ids.has(r.childId) || ids.has(r.parentId)) ids.add(r.childId).add(r.parentId);
  for (const r of s.spouses) if (ids.has(r.personId)) ids.add(r.relatedId);
  return {
    ...s,
    persons: s.persons.filter((p) => ids.has(p.id)),
    parents: s.parents.filter((r) => ids.has(r.childId) && ids.has(r.parentId)),
    spouses: s.spouses.filter((r) => ids.has(r.personId) && ids.has(r.relatedId)),
  };
}
