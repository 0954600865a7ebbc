/**
 * The full-register duplicate scan: candidate pairs from blocking in SQL (persons born the same day who
 * share a search key, a given name or a surname stem, or whose names look swapped; persons who share a
 * whole-name key and a birth year with dates one day apart or with day and month swapped), then scored
 * by `scoreMatch`. Pairs at
 * or above the threshold become open candidates for an officer; pairs already decided are kept.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { DUPLICATE_THRESHOLD, scoreMatch } from './match-score.ts';
import type { RegisterRepository } from './register.repository.ts';

export interface ScanResult {
  personsScanned: number;
  pairsCompared: number;
  candidatesFound: number;
  seconds: number;
  /** The pairs at or above the threshold (ids ordered), for evaluation. */
  pairs: Array<{ a: string; b: string; score: number; reasons: string[] }>;
}

const FETCH = 5000;

export async function scanForDuplicates(db: Db, repository: RegisterRepository, options: { now: string; onProgress?: (done: number, total: number) => void }): Promise<ScanResult> {
  const started = performance.now();
  const blocked = await db.transaction().execute(async (trx) => {
    // The joins below are hash joins over millions of keys: in memory they take seconds, spilled minutes.
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    // Whole-name keys only: with the same birth date, the given-name and surname keys below already catch a
    // typo anywhere in the other name, so the prefix keys (~) would add rows and no pairs.
    await sql`CREATE TEMP TABLE scan_key ON COMMIT DROP AS
      SELECT id, birth_date, birth_year, k AS key FROM register.person, unnest(search_keys) AS k WHERE strpos(k, '@') = 0 AND strpos(k, '~') = 0
      UNION ALL
      SELECT id, birth_date, birth_year, 'swap:' || least(left(surname_stem, 3), left(split_part(search_keys[1], '|', 2), 3))
        || '/' || greatest(left(surname_stem, 3), left(split_part(search_keys[1], '|', 2), 3)) FROM register.person
      UNION
      -- With the same birth date, one name alone is enough to compare: a typo anywhere in the other still meets.
      SELECT id, birth_date, birth_year, 'given:' || split_part(k, '|', 2) FROM register.person, unnest(search_keys) AS k WHERE strpos(k, '~') = 0 AND strpos(k, '@') = 0
      UNION ALL
      SELECT id, birth_date, birth_year, 'surname:' || surname_stem FROM register.person
      UNION
      -- For a birth-date typo on top of a surname typo: a given name and the surname's first letter (a typo rarely hits it).
      SELECT id, birth_date, birth_year, 'initial:' || split_part(k, '|', 2) || '/' || left(surname_stem, 1) FROM register.person, unnest(search_keys) AS k WHERE strpos(k, '~') = 0 AND strpos(k, '@') = 0`.execute(trx);
    await sql`ANALYZE scan_key`.execute(trx);
    const pairs = await sql<{ a: string; b: string }>`
      SELECT a.id AS a, b.id AS b FROM scan_key a JOIN scan_key b ON a.key = b.key AND a.birth_date = b.birth_date AND a.id < b.id
      WHERE a.key NOT LIKE 'initial:%'
      UNION
      SELECT a.id, b.id FROM scan_key a JOIN scan_key b ON a.key = b.key AND a.birth_year = b.birth_year AND a.id < b.id
      WHERE strpos(a.key, '~') = 0 AND a.key NOT LIKE 'given:%' AND a.key NOT LIKE 'surname:%'
        AND (abs(a.birth_date - b.birth_date) = 1 OR to_char(a.birth_date, 'MM-DD') = to_char(b.birth_date, 'DD-MM'))`.execute(trx);
    const persons = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM register.person`.execute(trx)).rows[0]?.n ?? 0);
    return { pairs: pairs.rows, persons };
  });

  const found: ScanResult['pairs'] = [];
  for (let i = 0; i < blocked.pairs.length; i += FETCH) {
    const slice = blocked.pairs.slice(i, i + FETCH);
    const persons = new Map((await repository.namesByIds(db, [...new Set(slice.flatMap((p) => [p.a, p.b]))])).map((p) => [p.id, p]));
    for (const pair of slice) {
      const a = persons.get(pair.a) as { givenNames: string; surname: string; birthDate: string };
      const b = persons.get(pair.b) as { givenNames: string; surname: string; birthDate: string };
      const r = scoreMatch(a, b);
      if (r.score >= DUPLICATE_THRESHOLD) found.push({ a: pair.a, b: pair.b, ...r });
    }
    options.onProgress?.(Math.min(i + FETCH, blocked.pairs.length), blocked.pairs.length);
  }
  for (let i = 0; i < found.length; i += FETCH) {
    const slice = found.slice(i, i + FETCH);
    await db.insertInto('register.duplicateCandidate').values(slice.map((p) => ({
      personId: p.a, pendingRegistrationId: null, otherPersonId: p.b, score: p.score, reasons: p.reasons, source: 'scan' as const, foundAt: options.now, decidedBy: null, decidedAt: null,
    }))).onConflict((oc) => oc.columns(['personId', 'otherPersonId']).where('personId', 'is not', null).doNothing()).execute();
  }
  return { personsScanned: blocked.persons, pairsCompared: blocked.pairs.length, candidatesFound: found.length, seconds: (performance.now() - started) / 1000, pairs: found };
}
