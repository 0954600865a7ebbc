/**
 * Measures duplicate detection on the labelled synthetic set: a population is loaded, noisy copies of
 * some of its persons are (1) checked as new registrations against it and (2) loaded as persons and
 * found by the full scan. Precision and recall are reported for both, and recall per kind of noise.
 * Used by the test suite (small) and by bench/ (large).
 */
import type pg from 'pg';
import type { Db, Engine } from '../../db/database.ts';
import { newFormatCodeCandidate } from '../../../shared/kernel/personal-code.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import { buildDuplicateTestSet, NOISE_KINDS, type NoiseKind } from './duplicate-test-set.ts';
import { DUPLICATE_THRESHOLD } from './match-score.ts';
import { createPersonSearch } from './person-search.ts';
import { loadPersons } from './population-loader.ts';
import type { RegisterRepository } from './register.repository.ts';
import { scanForDuplicates } from './duplicate-scan.ts';
import { generatePopulation, type SyntheticPerson } from './synthetic-population.ts';

export interface DetectionFigures {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface EvaluationResult {
  population: number;
  duplicates: number;
  negatives: number;
  registration: DetectionFigures & { seconds: number };
  scan: DetectionFigures & { seconds: number; pairsCompared: number };
  recallByNoise: Record<NoiseKind, { found: number; total: number }>;
  scanRecallByNoise: Record<NoiseKind, { found: number; total: number }>;
}

const figures = (tp: number, fp: number, fn: number): DetectionFigures => ({
  truePositives: tp,
  falsePositives: fp,
  falseNegatives: fn,
  precision: tp + fp === 0 ? 1 : tp / (tp + fp),
  recall: tp + fn === 0 ? 1 : tp / (tp + fn),
});

export async function evaluateDuplicateDetection(
  db: Db,
  pool: pg.Pool,
  repository: RegisterRepository,
  options: {
    engine: Engine;
    population: number;
    duplicates: number;
    negatives: number;
    seed: number;
    today: string;
    now: string;
  },
): Promise<EvaluationResult> {
  const population = [
    ...generatePopulation({ seed: options.seed, persons: options.population, today: options.today as PlainDate }),
  ];
  await loadPersons(
    pool,
    { kind: 'list', persons: population },
    { engine: options.engine, today: options.today, now: options.now },
  );
  const set = buildDuplicateTestSet(population, {
    seed: options.seed + 1,
    duplicates: options.duplicates,
    negatives: 0,
  });
  // Negatives: persons of another population, never loaded (a name may still happen to exist).
  const negatives = [
    ...generatePopulation({ seed: options.seed + 2, persons: options.negatives, today: options.today as PlainDate }),
  ];
  const search = createPersonSearch(repository);

  // 1. The check on registration, against the population without the copies.
  let started = performance.now();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byNoise = Object.fromEntries(NOISE_KINDS.map((k) => [k, { found: 0, total: 0 }])) as Record<
    NoiseKind,
    { found: number; total: number }
  >;
  for (const r of set) {
    const hits = (await search.candidatesFor(db, r)).filter((c) => c.score >= DUPLICATE_THRESHOLD);
    const original = population[r.duplicateOf as number] as SyntheticPerson;
    const found = hits.some((c) => c.person.id === original.personId);
    if (found) tp++;
    else fn++;
    fp += hits.filter((c) => c.person.id !== original.personId).length;
    for (const k of r.noise) {
      byNoise[k].total++;
      if (found) byNoise[k].found++;
    }
  }
  for (const n of negatives)
    fp += (await search.candidatesFor(db, n)).filter((c) => c.score >= DUPLICATE_THRESHOLD).length;
  const registration = { ...figures(tp, fp, fn), seconds: (performance.now() - started) / 1000 };

  // 2. The full scan, with the copies loaded as persons of their own.
  const used = new Set(population.map((p) => p.personalCode));
  let state = options.seed >>> 0;
  const randomInt = (bound: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 4294967296) * bound);
  };
  const copies: SyntheticPerson[] = set.map((r, i) => {
    const original = population[r.duplicateOf as number] as SyntheticPerson;
    let code = newFormatCodeCandidate(randomInt);
    while (used.has(code)) code = newFormatCodeCandidate(randomInt);
    used.add(code);
    const id = `dddddddd-0000-4000-8000-${String(i).padStart(12, '0')}`;
    return {
      ...original,
      index: i,
      personId: id,
      personalCode: code,
      previousPersonalCode: null,
      givenNames: r.givenNames,
      surname: r.surname,
      birthSurname: r.surname,
      birthDate: r.birthDate,
      motherIndex: null,
      fatherIndex: null,
      spouseIndex: null,
    };
  });
  await loadPersons(
    pool,
    { kind: 'list', persons: copies },
    { engine: options.engine, today: options.today, now: options.now },
  );
  started = performance.now();
  const scan = await scanForDuplicates(db, { now: options.now });
  const labelled = new Set(
    copies.map((c, i) => pairKey(c.personId, (population[set[i]?.duplicateOf as number] as SyntheticPerson).personId)),
  );
  const found = new Set(scan.pairs.map((p) => pairKey(p.a, p.b)));
  let scanTp = 0;
  for (const key of found) if (labelled.has(key)) scanTp++;
  const scanByNoise = Object.fromEntries(NOISE_KINDS.map((k) => [k, { found: 0, total: 0 }])) as Record<
    NoiseKind,
    { found: number; total: number }
  >;
  set.forEach((r, i) => {
    const hit = found.has(
      pairKey(
        (copies[i] as SyntheticPerson).personId,
        (population[r.duplicateOf as number] as SyntheticPerson).personId,
      ),
    );
    for (const k of r.noise) {
      scanByNoise[k].total++;
      if (hit) scanByNoise[k].found++;
    }
  });
  return {
    population: population.length,
    duplicates: set.length,
    negatives: negatives.length,
    registration,
    scan: {
      ...figures(scanTp, found.size - scanTp, labelled.size - scanTp),
      seconds: (performance.now() - started) / 1000,
      pairsCompared: scan.pairsCompared,
    },
    recallByNoise: byNoise,
    scanRecallByNoise: scanByNoise,
  };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
