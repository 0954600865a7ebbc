/**
 * The register's demo data: the demo eID persons as families with addresses, then a synthetic
 * population of the requested size (deterministic from the seed). Idempotent: the demo families are
 * loaded once, and a population only into a register that has none yet.
 */
import type pg from 'pg';
import { sql } from 'kysely';
import type { Db, Engine } from '../../db/database.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import { DEMO_EID_PERSONS } from '../identity/index.ts';
import { buildPendingIndexes, loadPersons } from './population-loader.ts';
import type { SyntheticPerson } from './synthetic-population.ts';

/** Register details of the demo eID persons: two families, two non-citizens, a young adult, a foreigner. */
const DEMO_DETAILS: Record<
  string,
  Pick<
    SyntheticPerson,
    'sex' | 'legalStatus' | 'citizenship' | 'addresses' | 'motherIndex' | 'fatherIndex' | 'spouseIndex'
  > & { birthSurname?: string; birthCountry?: string }
> = {
  // index 0 Jānis Bērziņš, married to Līga Kalniņa (3), father of Markuss (4)
  '00000000-0000-4000-8000-000000000001': {
    sex: 'M',
    legalStatus: 'citizen',
    citizenship: 'LVA',
    addresses: [
      { municipalityCode: 'LV-022', validFrom: '1998-05-17' as PlainDate },
      { municipalityCode: 'LV-RIX', validFrom: '2006-09-01' as PlainDate },
    ],
    motherIndex: null,
    fatherIndex: null,
    spouseIndex: 3,
  },
  // 1 Anna Marija Ozola, mother of Sofija (5)
  '00000000-0000-4000-8000-000000000002': {
    sex: 'F',
    legalStatus: 'citizen',
    citizenship: 'LVA',
    addresses: [{ municipalityCode: 'LV-JEL', validFrom: '2012-09-01' as PlainDate }],
    motherIndex: null,
    fatherIndex: null,
    spouseIndex: null,
  },
  '00000000-0000-4000-8000-000000000003': {
    sex: 'M',
    legalStatus: 'non-citizen',
    citizenship: null,
    addresses: [{ municipalityCode: 'LV-DGV', validFrom: '1983-11-02' as PlainDate }],
    motherIndex: null,
    fatherIndex: null,
    spouseIndex: null,
  },
  // 3 Līga Kalniņa kept her surname at marriage
  '00000000-0000-4000-8000-000000000004': {
    sex: 'F',
    legalStatus: 'citizen',
    citizenship: 'LVA',
    addresses: [{ municipalityCode: 'LV-RIX', validFrom: '2006-09-01' as PlainDate }],
    motherIndex: null,
    fatherIndex: null,
    spouseIndex: 0,
  },
  '00000000-0000-4000-8000-000000000005': {
    sex: 'M',
    legalStatus: 'citizen',
    citizenship: 'LVA',
    addresses: [{ municipalityCode: 'LV-RIX', validFrom: '2018-03-09' as PlainDate }],
    motherIndex: 3,
    fatherIndex: 0,
    spouseIndex: null,
  },
  '00000000-0000-4000-8000-000000000006': {
    sex: 'F',
    legalStatus: 'citizen',
    citizenship: 'LVA',
    addresses: [{ municipalityCode: 'LV-JEL', validFrom: '2020-08-30' as PlainDate }],
    motherIndex: 1,
    fatherIndex: null,
    spouseIndex: null,
  },
  '00000000-0000-4000-8000-000000000007': {
    sex: 'F',
    legalStatus: 'non-citizen',
    citizenship: null,
    addresses: [{ municipalityCode: 'LV-DGV', validFrom: '1976-01-29' as PlainDate }],
    motherIndex: null,
    fatherIndex: null,
    spouseIndex: null,
  },
  '00000000-0000-4000-8000-000000000008': {
    sex: 'M',
    legalStatus: 'citizen',
    citizenship: 'LVA',
    addresses: [{ municipalityCode: 'LV-113', validFrom: '2021-09-01' as PlainDate }],
    motherIndex: null,
    fatherIndex: null,
    spouseIndex: null,
  },
  // 8 Olena Shevchenko, a Ukrainian citizen living in Rīga
  '00000000-0000-4000-8000-000000000009': {
    sex: 'F',
    legalStatus: 'foreigner',
    citizenship: 'UKR',
    birthCountry: 'UKR',
    addresses: [{ municipalityCode: 'LV-RIX', validFrom: '2023-03-01' as PlainDate }],
    motherIndex: null,
    fatherIndex: null,
    spouseIndex: null,
  },
};

export function demoRegisterPersons(): SyntheticPerson[] {
  return DEMO_EID_PERSONS.map((p, index) => {
    const d = DEMO_DETAILS[p.personId];
    if (!d) throw new Error(`no register details for demo person ${p.personId}`);
    return {
      index,
      personId: p.personId,
      personalCode: p.personalCode,
      previousPersonalCode: null,
      givenNames: p.givenNames,
      surname: p.surname,
      birthSurname: d.birthSurname ?? p.surname,
      birthDate: p.birthDate as PlainDate,
      birthCountry: d.birthCountry ?? 'LVA',
      deathDate: null,
      ...d,
    };
  });
}

export interface SeedRegisterOptions {
  engine: Engine;
  persons: number;
  seed: number;
  today: string;
  now: string;
  onProgress?: (loaded: number) => void;
  onIndexing?: () => void;
}

export async function seedRegister(
  db: Db,
  pool: pg.Pool,
  options: SeedRegisterOptions,
): Promise<{ demoFamilies: boolean; population: number }> {
  await buildPendingIndexes(pool);
  const demo = demoRegisterPersons();
  const hasDemo = await db
    .selectFrom('register.person')
    .select('id')
    .where('id', '=', demo[0]?.personId as string)
    .executeTakeFirst();
  if (!hasDemo)
    await loadPersons(
      pool,
      { kind: 'list', persons: demo },
      { engine: options.engine, today: options.today, now: options.now },
    );
  const count = Number(
    (await sql<{ n: string }>`SELECT count(*) AS n FROM register.person`.execute(db)).rows[0]?.n ?? 0,
  );
  if (options.persons <= 0 || count > demo.length) return { demoFamilies: !hasDemo, population: 0 };
  const population = {
    seed: options.seed,
    persons: options.persons,
    today: options.today as PlainDate,
    reservedCodes: demo.map((p) => p.personalCode),
  };
  // Only the demo families are there: the population is a bulk load into an empty register.
  const loaded = await loadPersons(
    pool,
    { kind: 'generated', options: population },
    {
      engine: options.engine,
      today: options.today,
      now: options.now,
      bulk: true,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onIndexing ? { onIndexing: options.onIndexing } : {}),
    },
  );
  // Fresh statistics for the planner after a bulk load: without them it expects thousands of fact rows per
  // person and plans parallel scans (measured: a person card at 57 ms instead of a few).
  // The person table (a long list of common search keys, decision 0016) on one connection, the rest on another.
  await Promise.all([
    sql`ANALYZE register.person`.execute(db),
    sql`ANALYZE register.code_fact, register.name_fact, register.core_fact, register.status_fact, register.address_fact,
      register.relation_fact, register.population_period, register.life_event`.execute(db),
  ]);
  return { demoFamilies: !hasDemo, population: loaded.persons };
}
