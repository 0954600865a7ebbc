/**
 * The statistics projection of one person: the periods (valid time, current knowledge) in which they
 * were alive with one residence municipality and one legal status. Counting persons by municipality ×
 * status on any date is then one scan of these periods. Pure.
 */
import type { ValidPeriod } from './bitemporal.ts';

export interface PopulationPeriod extends ValidPeriod {
  municipalityCode: string | null;
  legalStatus: string;
}

interface Input {
  birthDate: string;
  deathDate: string | null;
  statuses: ReadonlyArray<ValidPeriod & { legalStatus: string }>;
  /** Main residence only (not additional addresses); `municipalityCode` null when abroad. */
  residences: ReadonlyArray<ValidPeriod & { municipalityCode: string | null }>;
}

const minEnd = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);

export function populationPeriods(input: Input): PopulationPeriod[] {
  const lifeEnd = input.deathDate;
  // Every date at which either fact may change splits the life into pieces.
  const cuts = new Set<string>([input.birthDate]);
  for (const r of [...input.statuses, ...input.residences]) {
    cuts.add(r.validFrom);
    if (r.validTo) cuts.add(r.validTo);
  }
  const points = [...cuts].filter((d) => d >= input.birthDate && (lifeEnd === null || d < lifeEnd)).sort();
  const periods: PopulationPeriod[] = [];
  for (let i = 0; i < points.length; i++) {
    const from = points[i] as string;
    const to = minEnd(points[i + 1] ?? null, lifeEnd);
    const status = input.statuses.find((s) => s.validFrom <= from && (s.validTo === null || s.validTo > from));
    if (!status) continue;
    const residence = input.residences.find((r) => r.validFrom <= from && (r.validTo === null || r.validTo > from));
    const municipalityCode = residence?.municipalityCode ?? null;
    const last = periods.at(-1);
    if (
      last &&
      last.validTo === from &&
      last.legalStatus === status.legalStatus &&
      last.municipalityCode === municipalityCode
    ) {
      last.validTo = to;
    } else {
      periods.push({ validFrom: from, validTo: to, municipalityCode, legalStatus: status.legalStatus });
    }
  }
  return periods;
}
