/** Precision and recall of duplicate detection on the labelled synthetic set, on this test's engine. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.ts';
import { createRegisterRepository } from './register.repository.ts';
import { evaluateDuplicateDetection, type EvaluationResult } from './duplicate-evaluation.ts';

let database: TestDatabase;
let result: EvaluationResult;
beforeAll(async () => {
  database = await createTestDatabase();
  result = await evaluateDuplicateDetection(database.db, database.pool, createRegisterRepository(), {
    engine: database.engine,
    population: 4000,
    duplicates: 300,
    negatives: 300,
    seed: 11,
    today: '2026-11-30',
    now: '2026-11-30T08:00:00.000Z',
  });
  // The figures belong in the test output: this is where a change to the matcher shows its effect.
  console.info(
    `duplicate detection on ${result.population} persons, ${result.duplicates} labelled duplicates, ${result.negatives} negatives:\n${JSON.stringify({ registration: result.registration, scan: result.scan, recallByNoise: result.recallByNoise, scanRecallByNoise: result.scanRecallByNoise }, null, 1)}`,
  );
}, 240_000);
afterAll(() => database.close());

describe('duplicate detection on the labelled synthetic set', () => {
  it('holds nearly every noisy copy at registration and rarely holds a new person', () => {
    expect(result.registration.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.registration.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('finds nearly every labelled pair in the full scan with few false pairs', () => {
    expect(result.scan.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.scan.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('copes with every kind of noise', () => {
    for (const [kind, r] of Object.entries(result.recallByNoise)) {
      expect(r.total, kind).toBeGreaterThan(0);
      expect(r.found / r.total, kind).toBeGreaterThanOrEqual(0.75);
    }
  });
});
