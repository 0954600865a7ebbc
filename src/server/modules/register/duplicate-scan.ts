/**
 * The full-register duplicate scan: the register streamed once in birth-date order through the blocking
 * of duplicate-blocking.ts, each candidate pair scored by `scoreMatch`. Pairs at or above the threshold
 * become open candidates for an officer; pairs already decided are kept.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { DUPLICATE_THRESHOLD, scoreMatch } from './match-score.ts';
import { createScanBlocker, type ScanPerson } from './duplicate-blocking.ts';

export interface ScanResult {
  personsScanned: number;
  pairsCompared: number;
  candidatesFound: number;
  seconds: number;
  /** The pairs at or above the threshold (ids ordered), for evaluation. */
  pairs: Array<{ a: string; b: string; score: number; reasons: string[] }>;
}

const FETCH = 20_000;
const INSERT = 20_000;

export async function scanForDuplicates(
  db: Db,
  options: { now: string; onProgress?: (done: number, total: number) => void },
): Promise<ScanResult> {
  const started = performance.now();
  const found: ScanResult['pairs'] = [];
  const blocker = createScanBlocker((a, b) => {
    const r = scoreMatch(a, b);
    if (r.score >= DUPLICATE_THRESHOLD)
      found.push(a.id < b.id ? { a: a.id, b: b.id, ...r } : { a: b.id, b: a.id, ...r });
  });
  const { persons, compared } = await db.transaction().execute(async (trx) => {
    const total = Number(
      (await sql<{ n: string }>`SELECT count(*) AS n FROM register.person`.execute(trx)).rows[0]?.n ?? 0,
    );
    // One pass over the register in birth-date order: a sort in memory, not an index walk across the heap.
    await sql`SET LOCAL work_mem = '512MB'`.execute(trx);
    await sql`SET LOCAL cursor_tuple_fraction = 1`.execute(trx);
    await sql`DECLARE scan_persons NO SCROLL CURSOR FOR
      SELECT id, given_names AS "givenNames", surname, birth_date::text AS "birthDate", surname_stem AS "surnameStem"
      FROM register.person ORDER BY birth_date`.execute(trx);
    let seen = 0;
    for (;;) {
      const slice = (await sql<ScanPerson>`FETCH ${sql.raw(String(FETCH))} FROM scan_persons`.execute(trx)).rows;
      if (slice.length === 0) break;
      for (const person of slice) blocker.add(person);
      seen += slice.length;
      options.onProgress?.(seen, total);
    }
    return { persons: total, compared: blocker.finish() };
  });

  // In person order, so the pair index and the foreign-key checks walk their indexes forwards.
  found.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  // Tens of thousands of candidates per statement, as one JSON parameter: a Kysely multi-row insert of
  // that many rows spends longer compiling its parameter list than the database spends inserting. All in
  // one transaction (a crash leaves the earlier scan's candidates, not half of this one's), without the
  // foreign-key checks: each would lock both persons' rows (hundreds of thousands of row locks written
  // into the person table), and the persons were just read and are never deleted (the register refuses
  // DELETE).
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    for (let i = 0; i < found.length; i += INSERT) {
      const slice = found.slice(i, i + INSERT).map((p) => ({ a: p.a, b: p.b, s: p.score, r: p.reasons }));
      await sql`INSERT INTO register.duplicate_candidate (person_id, other_person_id, score, reasons, source, found_at)
        SELECT x.a, x.b, x.s, x.r, 'scan', ${options.now}::timestamptz FROM json_to_recordset(${JSON.stringify(slice)}::json) AS x(a uuid, b uuid, s real, r text[])
        ON CONFLICT (person_id, other_person_id) WHERE person_id IS NOT NULL DO NOTHING`.execute(trx);
    }
  });
  return {
    personsScanned: persons,
    pairsCompared: compared,
    candidatesFound: found.length,
    seconds: (performance.now() - started) / 1000,
    pairs: found,
  };
}
