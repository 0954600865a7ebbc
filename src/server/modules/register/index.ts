/** Public API of the register module (so far: the synthetic population generator). */
export { generatePopulation, type SyntheticPerson, type PopulationOptions } from './synthetic-population.ts';
