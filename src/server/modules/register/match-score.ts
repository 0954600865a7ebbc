/**
 * How alike a candidate person is to a searched or newly registered one, with the reasons, so an
 * officer sees why two records were put side by side. Latvian-aware through the name keys: diacritics,
 * gendered endings and Cyrillic transliterations count as the same name; typos, a missing second given
 * name, swapped given name and surname, and birth-date typos lower the score without ruling a match out.
 * Pure; weights tuned on the labelled synthetic set (duplicate-test-set.ts).
 */
import { foldName, givenNameKeys, surnameStem, transliterationKey } from '../../../shared/kernel/name-keys.ts';

export interface MatchSubject {
  givenNames: string;
  surname: string;
  /** Full date, when known. */
  birthDate?: string | null;
  birthYear?: number | null;
}

export interface MatchResult {
  score: number;
  reasons: string[];
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions); names are short. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (d[(i - 1) * cols + j] as number) + 1,
        (d[i * cols + j - 1] as number) + 1,
        (d[(i - 1) * cols + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (d[(i - 2) * cols + j - 2] as number) + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1] as number;
}

function surnameSimilarity(a: string, b: string): [number, string] {
  if (foldName(a) === foldName(b)) return [a === b ? 1 : 0.97, a === b ? 'surname' : 'surname-diacritics'];
  if (transliterationKey(a) === transliterationKey(b)) return [0.95, 'surname-transliteration'];
  const sa = surnameStem(a);
  const sb = surnameStem(b);
  if (sa === sb) return [0.92, 'surname-gender-form'];
  const distance = editDistance(sa, sb);
  if (distance === 1 && Math.min(sa.length, sb.length) >= 4) return [0.8, 'surname-typo'];
  if (distance === 2 && Math.min(sa.length, sb.length) >= 6) return [0.6, 'surname-typo'];
  if (sa.length >= 3 && (sb.startsWith(sa) || sa.startsWith(sb))) return [0.7, 'surname-partial'];
  return [0, 'surname-different'];
}

function givenSimilarity(query: string, candidate: string): [number, string] {
  const q = givenNameKeys(query);
  const c = givenNameKeys(candidate);
  if (q.length === 0 || c.length === 0) return [0, 'given-different'];
  if (q.join(' ') === c.join(' ')) return [1, 'given-name'];
  if (q.every((k) => c.includes(k)) || c.every((k) => q.includes(k))) return [0.9, 'given-name-missing-part'];
  let best = 0;
  for (const a of q) {
    for (const b of c) {
      if (a === b) best = Math.max(best, 0.85);
      else if (editDistance(a, b) === 1 && Math.min(a.length, b.length) >= 4) best = Math.max(best, 0.75);
      else if (a.length >= 2 && b.startsWith(a)) best = Math.max(best, 0.7);
    }
  }
  return best > 0
    ? [best, best >= 0.85 ? 'given-name-missing-part' : best === 0.75 ? 'given-name-typo' : 'given-name-partial']
    : [0, 'given-different'];
}

function birthSimilarity(query: MatchSubject, candidate: { birthDate: string }): [number, string] | undefined {
  const [cy, cm, cd] = candidate.birthDate.split('-').map(Number) as [number, number, number];
  if (query.birthDate) {
    if (query.birthDate === candidate.birthDate) return [1, 'birth-date'];
    const [qy, qm, qd] = query.birthDate.split('-').map(Number) as [number, number, number];
    if (qy === cy && qm === cd && qd === cm) return [0.8, 'birth-date-day-month-swapped'];
    const days = Math.abs(Date.UTC(qy, qm - 1, qd) - Date.UTC(cy, cm - 1, cd)) / 86_400_000;
    if (days <= 1) return [0.8, 'birth-date-one-day-apart'];
    if (qm === cm && qd === cd && Math.abs(qy - cy) <= 10) return [0.6, 'birth-year-differs'];
    if (qy === cy) return [0.3, 'birth-year'];
    return [0, 'birth-date-different'];
  }
  if (query.birthYear)
    return query.birthYear === cy
      ? [1, 'birth-year']
      : Math.abs(query.birthYear - cy) === 1
        ? [0.5, 'birth-year-one-apart']
        : [0, 'birth-year-different'];
  return undefined;
}

/** Names compared directly and with given name and surname swapped; the better reading counts. */
function nameSimilarity(
  query: MatchSubject,
  candidate: MatchSubject,
): { surname: [number, string]; given: [number, string]; swapped: boolean } {
  const direct = {
    surname: surnameSimilarity(query.surname, candidate.surname),
    given: givenSimilarity(query.givenNames, candidate.givenNames),
    swapped: false,
  };
  const swapped = {
    surname: surnameSimilarity(query.givenNames, candidate.surname),
    given: givenSimilarity(query.surname, candidate.givenNames),
    swapped: true,
  };
  const value = (n: typeof direct) => n.surname[0] + n.given[0] - (n.swapped ? 0.1 : 0);
  return value(swapped) > value(direct) ? swapped : direct;
}

export function scoreMatch(query: MatchSubject, candidate: MatchSubject & { birthDate: string }): MatchResult {
  const names = nameSimilarity(query, candidate);
  const birth = birthSimilarity(query, candidate);
  const reasons = [names.surname[1], names.given[1]];
  if (names.swapped) reasons.push('names-swapped');
  let score: number;
  if (birth) {
    reasons.push(birth[1]);
    score = 0.4 * names.surname[0] + 0.3 * names.given[0] + 0.3 * birth[0];
  } else {
    score = (0.4 * names.surname[0] + 0.3 * names.given[0]) / 0.7;
  }
  if (names.swapped) score -= 0.03;
  return { score: Math.max(0, Math.round(score * 1000) / 1000), reasons };
}

/** At or above this score a registration is held for a second officer; tuned on the labelled set. */
export const DUPLICATE_THRESHOLD = 0.8;
