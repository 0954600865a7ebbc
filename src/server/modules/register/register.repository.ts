/**
 * All SQL for the register's tables. Fact tables share one shape (register.tables.ts FactColumns), so
 * the generic fact operations take the table name; the payload is whatever else the row holds.
 */
import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DbExecutor } from '../../db/database.ts';
import { precompiled } from '../../db/precompiled.ts';
import type {
  AddressFactTable,
  CodeFactTable,
  CoreFactTable,
  FactTableName,
  LifeEventTable,
  NameFactTable,
  PersonTable,
  RelationFactTable,
  ResidenceFactTable,
  StatusFactTable,
} from './register.tables.ts';
import type { PopulationPeriod } from './population-periods.ts';
import { searchKeyHashes } from './search-keys.ts';

export type PersonRow = Selectable<PersonTable>;
/** What a lookup by code answers with: the person row without its search projection. */
export const LOOKUP_COLUMNS = [
  'id',
  'personalCode',
  'givenNames',
  'surname',
  'birthDate',
  'sex',
  'legalStatus',
  'citizenships',
  'municipalityCode',
  'abroadCountry',
  'deathDate',
  'version',
] as const;
export type LookupRow = Pick<PersonRow, (typeof LOOKUP_COLUMNS)[number]>;
/** What search and duplicate checks rank and show: a candidate without its search projection (hundreds per search). */
export const CANDIDATE_COLUMNS = [
  'id',
  'personalCode',
  'givenNames',
  'surname',
  'birthDate',
  'sex',
  'legalStatus',
  'municipalityCode',
  'deathDate',
] as const;
export type CandidateRow = Pick<PersonRow, (typeof CANDIDATE_COLUMNS)[number]>;
export type LifeEventRow = Selectable<LifeEventTable>;
export type CodeFactRow = Selectable<CodeFactTable>;
export type NameFactRow = Selectable<NameFactTable>;
export type CoreFactRow = Selectable<CoreFactTable>;
export type StatusFactRow = Selectable<StatusFactTable>;
export type AddressFactRow = Selectable<AddressFactTable>;
export type RelationFactRow = Selectable<RelationFactTable>;
export type ResidenceFactRow = Selectable<ResidenceFactTable>;

export interface FactRows {
  code: CodeFactRow[];
  name: NameFactRow[];
  core: CoreFactRow[];
  status: StatusFactRow[];
  address: AddressFactRow[];
  relation: RelationFactRow[];
  residence: ResidenceFactRow[];
}

export const FACT_TABLE: Record<keyof FactRows, FactTableName> = {
  code: 'register.codeFact',
  name: 'register.nameFact',
  core: 'register.coreFact',
  status: 'register.statusFact',
  address: 'register.addressFact',
  relation: 'register.relationFact',
  residence: 'register.residenceFact',
};

/** The columns every fact table shares; the rest of a row is its payload. */
export const FACT_COLUMN_NAMES = [
  'id',
  'personId',
  'validFrom',
  'validTo',
  'recordedAt',
  'supersededAt',
  'eventId',
] as const;

export interface NewFactRow {
  personId: string;
  validFrom: string;
  validTo: string | null;
  recordedAt: string;
  eventId: string | null;
  [payload: string]: unknown;
}

export function createRegisterRepository() {
  return {
    async personByCurrentCode(db: DbExecutor, code: string): Promise<PersonRow | undefined> {
      const rows = await lookupByCode(db, [code]);
      return rows[0] as PersonRow | undefined;
    },

    /** Persons by current personal code, many at once (one index probe each, one round trip). */
    async personsByCurrentCodes(db: DbExecutor, codes: readonly string[]): Promise<Map<string, LookupRow>> {
      const rows = await lookupByCodes(db, [[...codes]]);
      return new Map(rows.map((r) => [r.personalCode, r as LookupRow]));
    },

    /** Any code the person ever had (an earlier code stays findable). */
    async personIdByAnyCode(db: DbExecutor, code: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('register.codeFact')
        .select('personId')
        .where('personalCode', '=', code)
        .limit(1)
        .executeTakeFirst();
      return row?.personId;
    },

    async personById(db: DbExecutor, id: string): Promise<PersonRow | undefined> {
      return (await db.selectFrom('register.person').selectAll().where('id', '=', id).executeTakeFirst()) as
        PersonRow | undefined;
    },

    async personsByIds(db: DbExecutor, ids: readonly string[]): Promise<PersonRow[]> {
      if (ids.length === 0) return [];
      return (await db
        .selectFrom('register.person')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()) as PersonRow[];
    },

    /** Just what scoring needs, for many persons at once (the duplicate scan). */
    async namesByIds(
      db: DbExecutor,
      ids: readonly string[],
    ): Promise<Array<{ id: string; givenNames: string; surname: string; birthDate: string }>> {
      if (ids.length === 0) return [];
      return db
        .selectFrom('register.person')
        .select(['id', 'givenNames', 'surname', 'birthDate'])
        .where('id', 'in', [...ids])
        .execute();
    },

    /** Locks the person row for a change (serializes concurrent life events on one person). */
    async lockPerson(db: DbExecutor, id: string): Promise<PersonRow | undefined> {
      return (await db
        .selectFrom('register.person')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst()) as PersonRow | undefined;
    },

    async codeTaken(db: DbExecutor, code: string): Promise<boolean> {
      const row = await db
        .selectFrom('register.codeFact')
        .select('id')
        .where('personalCode', '=', code)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async insertPerson(db: DbExecutor, person: Omit<PersonRow, 'version'>): Promise<void> {
      await db.insertInto('register.person').values(person).execute();
    },

    async updateProjection(
      db: DbExecutor,
      id: string,
      values: Partial<Omit<PersonRow, 'id' | 'version' | 'registeredAt'>>,
    ): Promise<number> {
      const row = await db
        .updateTable('register.person')
        .set({ ...values, version: sql<number>`version + 1` })
        .where('id', '=', id)
        .returning('version')
        .executeTakeFirstOrThrow();
      return row.version;
    },

    async insertEvent(
      db: DbExecutor,
      event: Omit<LifeEventRow, 'details'> & { details: Record<string, unknown> },
    ): Promise<void> {
      await db
        .insertInto('register.lifeEvent')
        .values({ ...event, details: JSON.stringify(event.details) })
        .execute();
    },

    async eventsOf(db: DbExecutor, personId: string): Promise<LifeEventRow[]> {
      return (await db
        .selectFrom('register.lifeEvent')
        .selectAll()
        .where('personId', '=', personId)
        .orderBy('recordedAt')
        .orderBy('id')
        .execute()) as LifeEventRow[];
    },

    /** Every row (current and superseded) of every fact table for one person. */
    async allFacts(db: DbExecutor, personId: string): Promise<FactRows> {
      const [code, name, core, status, address, relation, residence] = await Promise.all(
        Object.values(FACT_TABLE).map((t) =>
          db.selectFrom(t).selectAll().where('personId', '=', personId).orderBy('validFrom').orderBy('id').execute(),
        ),
      );
      return { code, name, core, status, address, relation, residence } as unknown as FactRows;
    },

    /** The person's rights to reside as known now (current rows), in the order they start. */
    async currentResidenceRights(db: DbExecutor, personId: string): Promise<ResidenceFactRow[]> {
      return db
        .selectFrom('register.residenceFact')
        .selectAll()
        .where('personId', '=', personId)
        .where('supersededAt', 'is', null)
        .orderBy('validFrom')
        .orderBy('id')
        .execute();
    },

    /** Relation rows that point at this person (they are someone's parent, guardian or spouse). */
    async relationsPointingAt(db: DbExecutor, personId: string): Promise<RelationFactRow[]> {
      return (await db
        .selectFrom('register.relationFact')
        .selectAll()
        .where('relatedPersonId', '=', personId)
        .orderBy('validFrom')
        .execute()) as RelationFactRow[];
    },

    async supersede(db: DbExecutor, table: FactTableName, ids: readonly number[], at: string): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable(table)
        .set({ supersededAt: at })
        .where('id', 'in', [...ids])
        .where('supersededAt', 'is', null)
        .execute();
    },

    async insertFacts(db: DbExecutor, table: FactTableName, rows: readonly NewFactRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto(table)
        .values(rows.map((r) => ({ ...r, supersededAt: null })) as never)
        .execute();
    },

    async replacePopulationPeriods(
      db: DbExecutor,
      personId: string,
      periods: readonly PopulationPeriod[],
    ): Promise<void> {
      await db.deleteFrom('register.populationPeriod').where('personId', '=', personId).execute();
      if (periods.length)
        await db
          .insertInto('register.populationPeriod')
          .values(periods.map((p) => ({ personId, ...p })))
          .execute();
    },

    /** Candidates for a name query: the blocking keys (GIN), narrowed by the optional filters. */
    async candidatesByKeys(
      db: DbExecutor,
      keys: readonly string[],
      filters: CandidateFilters,
      limit: number,
    ): Promise<CandidateRow[]> {
      if (keys.length === 0) return [];
      let q = db
        .selectFrom('register.person')
        .select(CANDIDATE_COLUMNS)
        .where(sql<boolean>`search_hashes && ${sql.val(searchKeyHashes(keys))}::int4[]`);
      q = applyFilters(q, filters);
      return q.limit(limit).execute();
    },

    /** Candidates whose surname stem starts with a prefix (partial names). */
    async candidatesBySurnamePrefix(
      db: DbExecutor,
      prefix: string,
      filters: CandidateFilters,
      limit: number,
    ): Promise<CandidateRow[]> {
      let q = db
        .selectFrom('register.person')
        .select(CANDIDATE_COLUMNS)
        .where('surnameStem', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`);
      q = applyFilters(q, filters);
      return q.orderBy('surnameStem').limit(limit).execute();
    },

    async candidatesByBirthDate(
      db: DbExecutor,
      birthDate: string,
      filters: CandidateFilters,
      limit: number,
    ): Promise<CandidateRow[]> {
      let q = db.selectFrom('register.person').select(CANDIDATE_COLUMNS).where('birthDate', '=', birthDate);
      q = applyFilters(q, filters);
      return q.orderBy('surname').limit(limit).execute();
    },

    async populationCounts(
      db: DbExecutor,
      date: string,
    ): Promise<Array<{ municipalityCode: string | null; legalStatus: string; persons: number }>> {
      const r = await sql<{ municipalityCode: string | null; legalStatus: string; persons: number }>`
        SELECT municipality_code, legal_status, count(*)::int AS persons FROM register.population_period
        WHERE valid_from <= ${date} AND (valid_to IS NULL OR valid_to > ${date})
        GROUP BY 1, 2 ORDER BY 1, 2`.execute(db);
      return r.rows;
    },
  };
}
export type RegisterRepository = ReturnType<typeof createRegisterRepository>;

export interface CandidateFilters {
  birthYearFrom?: number | undefined;
  birthYearTo?: number | undefined;
  municipalityCode?: string | undefined;
}

type PersonQuery<O> = SelectQueryBuilder<Database, 'register.person', O>;

function applyFilters<O>(query: PersonQuery<O>, f: CandidateFilters): PersonQuery<O> {
  let q = query;
  if (f.birthYearFrom !== undefined) q = q.where('birthYear', '>=', f.birthYearFrom);
  if (f.birthYearTo !== undefined) q = q.where('birthYear', '<=', f.birthYearTo);
  if (f.municipalityCode !== undefined) q = q.where('municipalityCode', '=', f.municipalityCode);
  return q;
}

const lookupByCode = precompiled((db) => db.selectFrom('register.person').selectAll().where('personalCode', '=', ''));
const lookupByCodes = precompiled((db) =>
  db
    .selectFrom('register.person')
    .select(LOOKUP_COLUMNS)
    .where(sql<boolean>`personal_code = ANY(${[] as string[]}::text[])`),
);
