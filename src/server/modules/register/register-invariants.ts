/**
 * The register's invariants as one declarative set (issue 24): each rule is a query over the current facts
 * (recorded time open) that returns the persons breaking it. The same queries scan the whole register
 * (`civitas register check`, for data loaded from elsewhere) or, scoped to the persons an event touched,
 * run in that event's transaction.
 *
 * Each rule names the law it comes from. Where the sources give no figure (the youngest a parent can be),
 * the figure is marked UNSOURCED and kept here as a constant.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { RuleId } from '../../../shared/errors.ts';

/** UNSOURCED: the youngest age at which a person is taken to be able to be a parent (a plausibility floor). */
export const MIN_PARENT_AGE_YEARS = 12;
/** Civil Law Art. 146: a child born within 300 days after the husband's death is presumed his. */
export const PATERNITY_DAYS_AFTER_DEATH = 300;
/**
 * UNSOURCED: the fewest days between two births to one mother that are recorded without the officer's
 * confirmation (beyond twins, born the same day or the next). A plausibility floor (about the shortest
 * interval from one delivery to the next viable one), not a rule of law; checked where a birth is recorded.
 */
export const MIN_DAYS_BETWEEN_BIRTHS = 180;
/** Civil Law Art. 33: marriage from 18, or from 16 with the consent the article requires. */
export const MIN_MARRIAGE_AGE_YEARS = 16;

/** The persons a check is limited to (an event's), or the whole register. */
export type InvariantScope = readonly string[] | 'all';

/** One breach: the person, the other person it concerns if any, and the dates or values that show it. */
export interface Breach {
  personId: string;
  relatedPersonId: string | null;
  detail: string;
}

export interface RegisterInvariant {
  id: string;
  /** The law or fact of life the rule states, in a sentence. */
  rule: string;
  law: string;
  /** The breaches among the persons in scope (as the subject `person_id` of the rule's main row). */
  query(scope: InvariantScope): RawBuilder<{ person_id: string; related_person_id: string | null; detail: string }>;
}

/** `AND <column> = ANY(ids)` for a scoped check; nothing for the whole register. */
function within(column: string, scope: InvariantScope): RawBuilder<unknown> {
  return scope === 'all' ? sql`` : sql`AND ${sql.ref(column)} = ANY(${sql.val([...scope])}::uuid[])`;
}

/** Current parent rows (child → parent) that still hold (an ended one, after an adoption, is history). */
const PARENT_ROWS = sql`
  SELECT r.person_id AS child_id, r.related_person_id AS parent_id, c.birth_date AS child_birth,
         p.sex AS parent_sex, p.birth_date AS parent_birth, p.death_date AS parent_death
  FROM register.relation_fact r
  JOIN register.person c ON c.id = r.person_id
  JOIN register.person p ON p.id = r.related_person_id
  WHERE r.kind = 'parent' AND r.superseded_at IS NULL AND r.valid_to IS NULL`;

/** Current spouse rows with both persons' sex and dates. */
const SPOUSE_ROWS = sql`
  SELECT r.id, r.person_id, r.related_person_id, r.valid_from, r.valid_to,
         a.sex AS sex, a.birth_date AS birth, a.death_date AS death, b.sex AS other_sex, b.birth_date AS other_birth
  FROM register.relation_fact r
  JOIN register.person a ON a.id = r.person_id
  JOIN register.person b ON b.id = r.related_person_id
  WHERE r.kind = 'spouse' AND r.superseded_at IS NULL`;

export const REGISTER_INVARIANTS: readonly RegisterInvariant[] = [
  {
    id: 'parent-is-self',
    rule: 'Nobody is their own parent',
    law: 'Civillikums, 146.–155. pants',
    query: (scope) => sql`
      SELECT child_id AS person_id, parent_id AS related_person_id, 'parent is the child' AS detail
      FROM (${PARENT_ROWS}) x WHERE child_id = parent_id ${within('child_id', scope)}`,
  },
  {
    id: 'parent-listed-twice',
    rule: 'A child lists each parent once',
    law: 'Civillikums, 146.–155. pants',
    query: (scope) => sql`
      SELECT child_id AS person_id, parent_id AS related_person_id, count(*)::text || ' rows' AS detail
      FROM (${PARENT_ROWS}) x WHERE true ${within('child_id', scope)}
      GROUP BY child_id, parent_id HAVING count(*) > 1`,
  },
  {
    id: 'more-than-two-parents',
    rule: 'A child has at most two parents',
    law: 'Civillikums, 146.–155. pants',
    query: (scope) => sql`
      SELECT child_id AS person_id, NULL::uuid AS related_person_id, count(DISTINCT parent_id)::text || ' parents' AS detail
      FROM (${PARENT_ROWS}) x WHERE true ${within('child_id', scope)}
      GROUP BY child_id HAVING count(DISTINCT parent_id) > 2`,
  },
  {
    id: 'parents-same-sex',
    rule: 'A child’s two parents are a mother and a father',
    law: 'Civillikums, 146. pants; Satversme, 110. pants',
    query: (scope) => sql`
      SELECT a.child_id AS person_id, b.parent_id AS related_person_id, 'both parents ' || a.parent_sex AS detail
      FROM (${PARENT_ROWS}) a JOIN (${PARENT_ROWS}) b ON b.child_id = a.child_id AND b.parent_id > a.parent_id
      WHERE a.parent_sex = b.parent_sex ${within('a.child_id', scope)}`,
  },
  {
    id: 'parent-too-young',
    rule: `A parent is at least ${MIN_PARENT_AGE_YEARS} years older than the child`,
    law: 'UNSOURCED plausibility floor',
    query: (scope) => sql`
      SELECT child_id AS person_id, parent_id AS related_person_id,
             'parent born ' || parent_birth::text || ', child ' || child_birth::text AS detail
      FROM (${PARENT_ROWS}) x
      WHERE parent_birth > child_birth - make_interval(years => ${MIN_PARENT_AGE_YEARS}) ${within('child_id', scope)}`,
  },
  {
    id: 'mother-dead-before-birth',
    rule: 'A mother is alive on her child’s birth day',
    law: 'Civillikums, 146. pants',
    query: (scope) => sql`
      SELECT child_id AS person_id, parent_id AS related_person_id,
             'mother died ' || parent_death::text || ', child born ' || child_birth::text AS detail
      FROM (${PARENT_ROWS}) x
      WHERE parent_sex = 'F' AND parent_death < child_birth ${within('child_id', scope)}`,
  },
  {
    id: 'father-dead-before-conception',
    rule: `A father died no more than ${PATERNITY_DAYS_AFTER_DEATH} days before the child’s birth`,
    law: 'Civillikums, 146. pants',
    query: (scope) => sql`
      SELECT child_id AS person_id, parent_id AS related_person_id,
             'father died ' || parent_death::text || ', child born ' || child_birth::text AS detail
      FROM (${PARENT_ROWS}) x
      WHERE parent_sex = 'M' AND parent_death + ${PATERNITY_DAYS_AFTER_DEATH}::int < child_birth ${within('child_id', scope)}`,
  },
  {
    id: 'death-before-birth',
    rule: 'Nobody dies before they are born',
    law: 'Fizisko personu reģistra likums',
    query: (scope) => sql`
      SELECT id AS person_id, NULL::uuid AS related_person_id,
             'born ' || birth_date::text || ', died ' || death_date::text AS detail
      FROM register.person WHERE death_date < birth_date ${within('id', scope)}`,
  },
  {
    id: 'spouses-same-sex',
    rule: 'A marriage is between a man and a woman',
    law: 'Satversme, 110. pants; Civillikums, 35. pants',
    query: (scope) => sql`
      SELECT person_id, related_person_id, 'both ' || sex AS detail
      FROM (${SPOUSE_ROWS}) s WHERE sex = other_sex ${within('person_id', scope)}`,
  },
  {
    id: 'spouse-under-age',
    rule: `Both spouses are at least ${MIN_MARRIAGE_AGE_YEARS} on the day of the marriage`,
    law: 'Civillikums, 33. pants',
    query: (scope) => sql`
      SELECT person_id, related_person_id, 'born ' || birth::text || ', married ' || valid_from::text AS detail
      FROM (${SPOUSE_ROWS}) s
      WHERE birth > valid_from - make_interval(years => ${MIN_MARRIAGE_AGE_YEARS}) ${within('person_id', scope)}`,
  },
  {
    id: 'spouse-not-mutual',
    rule: 'A marriage is on both spouses’ records, from the same day',
    law: 'Civillikums, 35. pants',
    query: (scope) => sql`
      SELECT s.person_id, s.related_person_id, 'married from ' || s.valid_from::text || ' on one side only' AS detail
      FROM (${SPOUSE_ROWS}) s
      WHERE NOT EXISTS (
        SELECT 1 FROM register.relation_fact o
        WHERE o.person_id = s.related_person_id AND o.related_person_id = s.person_id AND o.kind = 'spouse'
          AND o.superseded_at IS NULL AND o.valid_from = s.valid_from
      ) ${within('s.person_id', scope)}`,
  },
  {
    id: 'two-spouses-at-once',
    rule: 'Nobody has two spouses at the same time',
    law: 'Civillikums, 40. pants',
    query: (scope) => sql`
      SELECT a.person_id, b.related_person_id, 'married from ' || a.valid_from::text || ' and ' || b.valid_from::text AS detail
      FROM (${SPOUSE_ROWS}) a JOIN (${SPOUSE_ROWS}) b
        ON b.person_id = a.person_id AND b.id > a.id AND b.related_person_id <> a.related_person_id
      WHERE a.valid_from < coalesce(b.valid_to, 'infinity'::date) AND b.valid_from < coalesce(a.valid_to, 'infinity'::date)
        ${within('a.person_id', scope)}`,
  },
  {
    id: 'spouse-listed-twice',
    rule: 'A marriage is on a spouse’s record once at a time',
    law: 'Civillikums, 35. un 40. pants',
    // Two spouse rows of one person naming the same spouse over overlapping days: a second wedding of a
    // couple dated inside their earlier marriage (two-spouses-at-once looks only at different spouses).
    query: (scope) => sql`
      SELECT a.person_id, b.related_person_id, 'married from ' || a.valid_from::text || ' and ' || b.valid_from::text AS detail
      FROM (${SPOUSE_ROWS}) a JOIN (${SPOUSE_ROWS}) b
        ON b.person_id = a.person_id AND b.id > a.id AND b.related_person_id = a.related_person_id
      WHERE a.valid_from < coalesce(b.valid_to, 'infinity'::date) AND b.valid_from < coalesce(a.valid_to, 'infinity'::date)
        ${within('a.person_id', scope)}`,
  },
  {
    id: 'married-after-death',
    rule: 'Nobody marries after their death',
    law: 'Civillikums, 35. pants',
    query: (scope) => sql`
      SELECT person_id, related_person_id, 'died ' || death::text || ', married ' || valid_from::text AS detail
      FROM (${SPOUSE_ROWS}) s WHERE death < valid_from ${within('person_id', scope)}`,
  },
];

export interface RuleFinding {
  id: string;
  rule: string;
  law: string;
  count: number;
  examples: Breach[];
}

/** Every rule's breaches among the persons in scope: a count and the first few, in the rules' order. */
export async function checkInvariants(
  db: DbExecutor,
  scope: InvariantScope,
  options: { examples?: number; rules?: readonly RegisterInvariant[] } = {},
): Promise<RuleFinding[]> {
  const examples = options.examples ?? 5;
  const findings: RuleFinding[] = [];
  for (const invariant of options.rules ?? REGISTER_INVARIANTS) {
    const rows = await sql<{ count: string; examples: Breach[] | null }>`
      WITH breach AS (${invariant.query(scope)})
      SELECT count(*)::text AS count,
             (SELECT coalesce(json_agg(json_build_object('personId', person_id, 'relatedPersonId', related_person_id, 'detail', detail)), '[]')
              FROM (SELECT * FROM breach ORDER BY person_id LIMIT ${examples}) e) AS examples
      FROM breach`.execute(db);
    const row = rows.rows[0];
    findings.push({
      id: invariant.id,
      rule: invariant.rule,
      law: invariant.law,
      count: Number(row?.count ?? 0),
      examples: row?.examples ?? [],
    });
  }
  return findings;
}

/**
 * The persons whose rules an event can break: those it changed, and those whose own rows point at them
 * (a death dated before a child's birth breaks the child's rule).
 */
export async function eventScope(db: DbExecutor, touched: readonly string[]): Promise<string[]> {
  const rows = await sql<{ personId: string }>`
    SELECT DISTINCT person_id FROM register.relation_fact
    WHERE related_person_id = ANY(${sql.val([...touched])}::uuid[]) AND superseded_at IS NULL`.execute(db);
  return [...new Set([...touched, ...rows.rows.map((r) => r.personId)])];
}

/** Every breach among the persons in scope, as comparable keys (a scope is an event's few persons). */
export async function breachesIn(db: DbExecutor, scope: readonly string[]): Promise<Set<string>> {
  const findings = await checkInvariants(db, scope, { examples: 1000 });
  return new Set(
    findings.flatMap((f) => f.examples.map((e) => `${f.id}|${e.personId}|${e.relatedPersonId ?? ''}|${e.detail}`)),
  );
}

/**
 * Refuses the event when it made a breach that was not there before it, naming the rule (its problem type;
 * the transaction rolls back). A breach already in the register (data loaded from elsewhere) does not block
 * an unrelated event: `civitas register check` reports it.
 */
export async function refuseNewBreaches(db: DbExecutor, scope: readonly string[], before: Set<string>): Promise<void> {
  const findings = await checkInvariants(db, scope, { examples: 1000 });
  for (const f of findings) {
    const fresh = f.examples.find((e) => !before.has(`${f.id}|${e.personId}|${e.relatedPersonId ?? ''}|${e.detail}`));
    if (!fresh) continue;
    throw new AppError('INVALID_STATE', `${f.rule} (${fresh.detail})`, {
      rule: { id: `register.${f.id}` as RuleId, values: { detail: fresh.detail, law: f.law } },
    });
  }
}
