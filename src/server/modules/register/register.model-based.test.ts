/**
 * Model-based property tests of the register (issue 24): random sequences of 3–8 life events over a small
 * synthetic population, many of them deliberately wrong, against a small pure reference model
 * (src/test/register-model/). The same numbers run on whichever engine the lane uses — PGlite in `npm test`,
 * PostgreSQL in `npm run test:pg` — with fixed seeds, so both engines run the very same sequences:
 *
 * - SERVICE_SEQUENCES sequences run through the real register service, each inside one transaction rolled
 *   back at its end. After every command the model and the service agree: both accept, or both refuse with
 *   the same rule. After every accepted event `checkInvariants(…, 'all')` finds no breach in the whole
 *   register, and after every command nothing the register knew at any earlier instant is gone from (or
 *   added to) its history as recorded then; a refused event leaves no row behind.
 * - MODEL_SEQUENCES further sequences run through the model alone (the service is too slow for ten thousand
 *   within CI's minute). Each one's final state, and the state forced past its last refusal, are written as
 *   rows, and the invariant SQL must find exactly the breaches the model's own invariants find: none in every
 *   state the model accepted, the same rule, person and relative in every forced one.
 *
 * Together: SERVICE_SEQUENCES + MODEL_SEQUENCES sequences per engine; only the first tier exercises the service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, TEST_START, type TestContext } from '../../../test/test-app.ts';
import { createPool } from '../../../test/register-model/model-pool.ts';
import { runOnModel, runSequence, type ModelRun } from '../../../test/register-model/model-sequence.ts';
import { sequenceArbitrary, type Sequence } from '../../../test/register-model/model-commands.ts';
import type { ModelState } from '../../../test/register-model/model-state.ts';
import { breachKey, writeStates } from '../../../test/register-model/state-rows.ts';
import { inOneTransaction } from '../../../test/register-model/service-runner.ts';
import { checkInvariants } from './register-invariants.ts';

/**
 * Measured on the 2-core CI machine: about 0.15 s per sequence through the service, about 2 s per 1,000 model
 * sequences written and checked; the file takes about 40–45 s on either engine.
 */
const SERVICE_SEQUENCES = 120;
const MODEL_SEQUENCES = 10_000;
const BATCH = 1_000;
const TODAY = TEST_START.slice(0, 10);

let ctx: TestContext;
let pool: ModelState;
beforeAll(async () => {
  ctx = await createTestContext();
  // The pool's history is recorded the day before the sequences run.
  ctx.clock.set(new Date(Date.parse(TEST_START) - 86_400_000));
  pool = { ...(await createPool(ctx.database.db, ctx.clock, TODAY)), today: TODAY };
});
afterAll(() => ctx.close());

const count = (tally: Map<string, number>, key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

describe('the register against its reference model', () => {
  it(`agrees with the model, keeps every invariant and loses no history over ${SERVICE_SEQUENCES} random sequences through the service`, async () => {
    const outcomes = new Map<string, number>();
    const serial = { next: 1 };
    await fc.assert(
      fc.asyncProperty(sequenceArbitrary(pool.actors.length), async (sequence) => {
        const steps = await runSequence(ctx.database.db, ctx.clock, TEST_START, pool, sequence, serial);
        for (const s of steps) count(outcomes, s.outcome.accepted ? `accepted ${s.event.kind}` : s.outcome.refusal);
      }),
      { numRuns: SERVICE_SEQUENCES, seed: 20261130 },
    );
    // The sequences reached every kind of event accepted, and the refusals issue 24 is about.
    for (const kind of ['birth', 'marriage', 'divorce', 'death', 'name-change', 'residence', 'correction'])
      expect(outcomes.get(`accepted ${kind}`), kind).toBeGreaterThan(0);
    for (const refusal of [
      'register.births-too-close',
      'register.mother-dead-before-birth',
      'register.father-dead-before-conception',
      'register.parent-too-young',
      'register.two-spouses-at-once',
      'register.death-before-later-fact',
      'field:mother-not-female',
      'field:minor-needs-consent',
      'field:under-16',
    ])
      expect(outcomes.get(refusal), refusal).toBeGreaterThan(0);
  }, 120_000);

  it(`the invariant SQL finds exactly the model's breaches in the states of ${MODEL_SEQUENCES} further sequences run on the model`, async () => {
    const sequences = fc.sample(sequenceArbitrary(pool.actors.length), { numRuns: MODEL_SEQUENCES, seed: 20261201 });
    const serial = { next: 1 };
    const runs = sequences.map((sequence) => ({ sequence, ...runOnModel(pool, sequence, serial) }));
    const broken = new Map<string, number>();
    for (let from = 0; from < runs.length; from += BATCH) {
      const found = await compareWithSql(runs.slice(from, from + BATCH));
      for (const key of found) count(broken, key.split('|')[0] as string);
    }
    expect(runs.filter((r) => r.refusals.length > 0).length).toBeGreaterThan(MODEL_SEQUENCES / 2);
    // Every rule an event can break was broken in some forced state (a parent of their own, a third parent
    // or a one-sided marriage no event can write: those rules guard data loaded from elsewhere).
    expect([...broken.keys()].sort()).toEqual([
      'death-before-birth',
      'father-dead-before-conception',
      'married-after-death',
      'mother-dead-before-birth',
      'parent-listed-twice',
      'parent-too-young',
      'parents-same-sex',
      'spouse-listed-twice',
      'spouse-under-age',
      'spouses-same-sex',
      'two-spouses-at-once',
    ]);
  }, 120_000);
});

/**
 * Writes the final and forced states of the runs (in a transaction rolled back afterwards), runs the invariant
 * SQL over the whole register and fails, naming a sequence, where its breaches and the model's differ.
 * Returns the breaches found.
 */
async function compareWithSql(runs: ReadonlyArray<ModelRun & { sequence: Sequence }>): Promise<string[]> {
  const states = runs.flatMap((r, index) => [
    { index, state: r.final },
    ...(r.forced ? [{ index, state: r.forced }] : []),
  ]);
  return inOneTransaction(ctx.database.db, ctx.clock, async (_register, trx) => {
    const { expected, stateOf } = await writeStates(
      trx,
      states.map((s) => s.state),
      TEST_START,
    );
    const findings = await checkInvariants(trx, 'all', { examples: 1_000_000 });
    const found = findings.flatMap((f) => f.examples.map((e) => breachKey(f.id, e.personId, e.relatedPersonId)));
    const [modelOnly, sqlOnly] = [multisetMinus(expected, found), multisetMinus(found, expected)];
    const first = modelOnly[0] ?? sqlOnly[0];
    if (first) {
      const state = states[stateOf.get(first.split('|')[1] as string) ?? 0];
      throw new Error(
        `the invariant SQL and the model differ: only the model finds ${JSON.stringify(modelOnly.slice(0, 5))}, ` +
          `only the SQL ${JSON.stringify(sqlOnly.slice(0, 5))}\nsequence: ${JSON.stringify(runs[state?.index ?? 0]?.sequence)}`,
      );
    }
    return found;
  });
}

/** The keys of `a` not matched one for one in `b`. */
function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const k of b) count(left, k);
  return a.filter((k) => {
    const n = left.get(k) ?? 0;
    left.set(k, n - 1);
    return n <= 0;
  });
}
