/**
 * "No earlier fact is gone from the bitemporal history": after every accepted event the watch keeps what
 * the register knew at that instant (every fact row and life event of the sequence's persons, read with the
 * register's own recorded-time rule, `knownAt`), and after every later command it reads the rows again and
 * asks the register's history, as recorded at each of those instants, for exactly the same rows. A refused
 * event must leave the rows exactly as they were.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../server/db/schema.ts';
import { knownAt } from '../../server/modules/register/bitemporal.ts';

interface HistoryRow {
  key: string;
  recordedAt: string;
  supersededAt: string | null;
}

const FACT_TABLES = [
  'code_fact',
  'name_fact',
  'core_fact',
  'status_fact',
  'address_fact',
  'relation_fact',
  'residence_fact',
] as const;

/** Every fact row (current and superseded) and life event of the persons, in one round trip. */
async function historyRows(trx: Transaction<Database>, personIds: readonly string[]): Promise<HistoryRow[]> {
  const ids = sql.val([...personIds]);
  const facts = FACT_TABLES.map(
    (t) => sql`SELECT ${t} || ':' || (to_jsonb(f) - 'superseded_at')::text AS key, recorded_at, superseded_at
      FROM ${sql.table(`register.${t}`)} f WHERE person_id = ANY(${ids}::uuid[])`,
  );
  const events = sql`SELECT 'life_event:' || to_jsonb(e)::text AS key, recorded_at, NULL::timestamptz AS superseded_at
      FROM register.life_event e WHERE person_id = ANY(${ids}::uuid[])`;
  const rows = await sql<HistoryRow>`${sql.join([...facts, events], sql` UNION ALL `)}`.execute(trx);
  return rows.rows;
}

const knownSet = (rows: readonly HistoryRow[], at: string): Set<string> =>
  new Set(rows.filter((r) => knownAt(r, at)).map((r) => r.key));
const fullSet = (rows: readonly HistoryRow[]): Set<string> =>
  new Set(rows.map((r) => `${r.key}|${r.supersededAt ?? ''}`));

function difference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((k) => !b.has(k));
}

export class HistoryWatch {
  private readonly snapshots: Array<{ at: string; known: Set<string> }> = [];
  private last = new Set<string>();

  /** Starts the watch: what the register knows now is the first thing that must never be lost. */
  async start(trx: Transaction<Database>, personIds: readonly string[], at: string): Promise<void> {
    const rows = await historyRows(trx, personIds);
    this.snapshots.push({ at, known: knownSet(rows, at) });
    this.last = fullSet(rows);
  }

  /**
   * Checks after a command (recorded at `at`): every earlier snapshot is still what the register knew at
   * its instant; a refused command changed nothing; an accepted one adds a snapshot. Returns the problems.
   */
  async check(
    trx: Transaction<Database>,
    personIds: readonly string[],
    at: string,
    accepted: boolean,
  ): Promise<string[]> {
    const rows = await historyRows(trx, personIds);
    const problems: string[] = [];
    for (const s of this.snapshots) {
      const now = knownSet(rows, s.at);
      const gone = difference(s.known, now);
      const added = difference(now, s.known);
      if (gone.length) problems.push(`as recorded at ${s.at}, gone: ${gone.join('; ')}`);
      if (added.length) problems.push(`as recorded at ${s.at}, added afterwards: ${added.join('; ')}`);
    }
    const full = fullSet(rows);
    if (!accepted) {
      const changed = [...difference(this.last, full), ...difference(full, this.last)];
      if (changed.length) problems.push(`a refused event left changes: ${changed.join('; ')}`);
    } else {
      this.snapshots.push({ at, known: knownSet(rows, at) });
    }
    this.last = full;
    return problems;
  }

  /** Instants at which the register's knowledge was recorded, oldest first. */
  get instants(): string[] {
    return this.snapshots.map((s) => s.at);
  }
}
