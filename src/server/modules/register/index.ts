/** Public API of the register module (so far: synthetic population and the labelled duplicate test set). */
export { generatePopulation, type SyntheticPerson, type PopulationOptions } from './synthetic-population.ts';
export { buildDuplicateTestSet, applyNoise, NOISE_KINDS, type NoisyRecord, type NoiseKind } from './duplicate-test-set.ts';
