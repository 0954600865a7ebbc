/**
 * Turns synthetic persons into register rows: each person becomes the same fact rows a life event
 * would write (codes, names, core, status, residences, relations), the person row's projection and the
 * statistics periods, computed by the same functions the service uses, encoded for the bulk writer:
 * COPY text lines for PostgreSQL, JSON for the embedded engine. Pure; runs in a worker for big loads.
 */
import { addMonthsClamped, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { findMunicipality } from '../../../shared/kernel/municipalities.ts';
import { currentProjection } from './person-view.ts';
import type { FactRows } from './register.repository.ts';
import type { SyntheticPerson } from './synthetic-population.ts';

type Value = string | number | boolean | null | string[];
export interface TableSpec {
  table: string;
  columns: readonly string[];
}

const FACT = ['person_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'event_id'] as const;
export const TABLES = {
  person: { table: 'register.person', columns: ['id', 'personal_code', 'given_names', 'surname', 'original_name', 'sex', 'birth_date', 'legal_status', 'citizenships', 'municipality_code', 'abroad_country', 'death_date', 'surname_stem', 'name_fold', 'search_keys', 'birth_year', 'registered_at', 'updated_at'] },
  code: { table: 'register.code_fact', columns: [...FACT, 'personal_code'] },
  name: { table: 'register.name_fact', columns: [...FACT, 'given_names', 'surname', 'original_name'] },
  core: { table: 'register.core_fact', columns: [...FACT, 'sex', 'birth_date', 'birth_country', 'birth_municipality', 'birth_place', 'birth_surname', 'ethnicity', 'death_date'] },
  status: { table: 'register.status_fact', columns: [...FACT, 'legal_status', 'citizenships'] },
  address: { table: 'register.address_fact', columns: [...FACT, 'is_additional', 'country', 'municipality_code', 'settlement', 'street', 'building', 'flat', 'postcode', 'address_line', 'legal_basis'] },
  relation: { table: 'register.relation_fact', columns: [...FACT, 'kind', 'related_person_id'] },
  period: { table: 'register.population_period', columns: ['person_id', 'valid_from', 'valid_to', 'municipality_code', 'legal_status'] },
} as const satisfies Record<string, TableSpec>;
export type TableKey = keyof typeof TABLES;

const STREETS = ['Brīvības iela', 'Rīgas iela', 'Skolas iela', 'Dārza iela', 'Liepu iela', 'Saules iela', 'Parka iela', 'Meža iela', 'Ezera iela', 'Lāčplēša iela', 'Krasta iela', 'Stacijas iela'];

/** A deterministic synthetic street address in a municipality (never a real person's address). */
export function syntheticAddress(municipalityCode: string, n: number): { settlement: string; street: string; building: string; flat: string | null; postcode: string; addressLine: string } {
  const m = findMunicipality(municipalityCode);
  const settlement = m ? m.name.replace(/ novads$/, '') : 'Rīga';
  const street = STREETS[n % STREETS.length] as string;
  const building = String(1 + (n % 97));
  const flat = n % 3 === 0 ? null : String(1 + (n % 60));
  const postcode = `LV-${String(1000 + ((n * 37) % 4000)).padStart(4, '0')}`;
  return { settlement, street, building, flat, postcode, addressLine: `${street} ${building}${flat ? `-${flat}` : ''}, ${settlement}, ${postcode}` };
}

/** The moment a seeded fact was recorded: the day it began (so "as the register showed it on R" has a history). */
const recordedOn = (date: string, now: string): string => (`${date}T00:00:00.000Z` < now ? `${date}T00:00:00.000Z` : now);

interface BatchRows {
  add(table: TableKey, values: Value[]): void;
}

/** Turns one synthetic person into rows; `idOf` resolves relation indexes already seen. */
export function rowsOf(p: SyntheticPerson, idOf: (index: number) => SyntheticPerson | undefined, today: string, now: string, out: BatchRows): void {
  const fact = (from: string, to: string | null): [string, string, string | null, string, null, null] => [p.personId, from, to, recordedOn(from, now), null, null];
  const facts: FactRows = { code: [], name: [], core: [], status: [], address: [], relation: [] };
  const base = (from: string, to: string | null) => ({ id: 0, personId: p.personId, validFrom: from, validTo: to, recordedAt: recordedOn(from, now), supersededAt: null, eventId: null });

  if (p.previousPersonalCode) {
    facts.code.push({ ...base(p.birthDate, p.previousPersonalCode.until), personalCode: p.previousPersonalCode.code });
    facts.code.push({ ...base(p.previousPersonalCode.until, null), personalCode: p.personalCode });
  } else {
    facts.code.push({ ...base(p.birthDate, null), personalCode: p.personalCode });
  }

  const spouse = p.spouseIndex !== null && p.spouseIndex < p.index ? idOf(p.spouseIndex) : undefined;
  const marriage = p.spouseIndex !== null ? marriageDate(p, spouse, today) : null;
  if (p.birthSurname !== p.surname && marriage) {
    facts.name.push({ ...base(p.birthDate, marriage), givenNames: p.givenNames, surname: p.birthSurname, originalName: null });
    facts.name.push({ ...base(marriage, null), givenNames: p.givenNames, surname: p.surname, originalName: null });
  } else {
    facts.name.push({ ...base(p.birthDate, null), givenNames: p.givenNames, surname: p.surname, originalName: p.citizenship && p.citizenship !== 'LVA' ? p.givenNames + ' ' + p.surname : null });
  }
  facts.core.push({
    ...base(p.birthDate, null), sex: p.sex, birthDate: p.birthDate, birthCountry: p.birthCountry,
    birthMunicipality: p.birthCountry === 'LVA' ? (p.addresses[0]?.municipalityCode ?? null) : null, birthPlace: null, birthSurname: p.birthSurname, ethnicity: null, deathDate: p.deathDate,
  });
  facts.status.push({ ...base(p.birthDate, null), legalStatus: p.legalStatus, citizenships: p.citizenship ? [p.citizenship] : [] });
  p.addresses.forEach((a, i) => {
    const next = p.addresses[i + 1];
    const address = syntheticAddress(a.municipalityCode, p.index * 7 + i);
    facts.address.push({
      ...base(a.validFrom, next ? next.validFrom : null), isAdditional: false, country: 'LVA', municipalityCode: a.municipalityCode, ...address,
      legalBasis: 'pārņemts no iepriekšējā reģistra',
    });
  });
  // Same-day moves collapse: keep the periods non-empty.
  facts.address = facts.address.filter((a) => a.validTo === null || a.validTo > a.validFrom);

  const { projection, periods } = currentProjection(facts, today);
  out.add('person', [
    p.personId, projection.personalCode, projection.givenNames, projection.surname, projection.originalName, projection.sex, projection.birthDate, projection.legalStatus,
    projection.citizenships, projection.municipalityCode, projection.abroadCountry, projection.deathDate, projection.surnameStem, projection.nameFold, projection.searchKeys,
    projection.birthYear, recordedOn(p.birthDate, now), now,
  ]);
  for (const c of facts.code) out.add('code', [...fact(c.validFrom, c.validTo), c.personalCode]);
  for (const n of facts.name) out.add('name', [...fact(n.validFrom, n.validTo), n.givenNames, n.surname, n.originalName]);
  for (const c of facts.core) out.add('core', [...fact(c.validFrom, c.validTo), c.sex, c.birthDate, c.birthCountry, c.birthMunicipality, c.birthPlace, c.birthSurname, c.ethnicity, c.deathDate]);
  for (const s of facts.status) out.add('status', [...fact(s.validFrom, s.validTo), s.legalStatus, s.citizenships]);
  for (const a of facts.address) out.add('address', [...fact(a.validFrom, a.validTo), false, a.country, a.municipalityCode, a.settlement, a.street, a.building, a.flat, a.postcode, a.addressLine, a.legalBasis]);
  for (const parentIndex of [p.motherIndex, p.fatherIndex]) {
    const parent = parentIndex === null ? undefined : idOf(parentIndex);
    if (parent) out.add('relation', [...fact(p.birthDate, null), 'parent', parent.personId]);
  }
  // The spouse pair is written when the second spouse arrives, both directions at once.
  if (spouse && marriage) {
    const end = spouse.deathDate && (!p.deathDate || spouse.deathDate < p.deathDate) ? spouse.deathDate : p.deathDate;
    const until = end && end >= marriage ? nextDay(end) : null;
    if (!until || until > marriage) {
      out.add('relation', [...fact(marriage, until), 'spouse', spouse.personId]);
      out.add('relation', [spouse.personId, marriage, until, recordedOn(marriage, now), null, null, 'spouse', p.personId]);
    }
  }
  for (const period of periods) out.add('period', [p.personId, period.validFrom, period.validTo, period.municipalityCode, period.legalStatus]);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A plausible wedding day: the younger spouse's 22nd birthday, not before 18, not after today. */
function marriageDate(p: SyntheticPerson, spouse: SyntheticPerson | undefined, today: string): string | null {
  const younger = spouse && spouse.birthDate > p.birthDate ? spouse.birthDate : p.birthDate;
  const date = addMonthsClamped(younger as PlainDate, 22 * 12);
  return date <= today ? date : addMonthsClamped(younger as PlainDate, 18 * 12) <= today ? today : null;
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes, arrays as quoted literals. */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
function escapeCopy(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
function copyValue(v: Value): string {
  if (v === null) return '\\N';
  if (Array.isArray(v)) return escapeCopy(`{${v.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return typeof v === 'number' ? String(v) : escapeCopy(v);
}
export function copyLine(values: readonly Value[]): string {
  let line = copyValue(values[0] as Value);
  for (let i = 1; i < values.length; i++) line += '\t' + copyValue(values[i] as Value);
  return line + '\n';
}

/**
 * One batch, encoded as UTF-8 bytes: per table either COPY text (PostgreSQL) or a JSON array of row
 * objects (embedded). Bytes, so a worker can hand a batch over without copying it.
 */
export interface EncodedBatch {
  persons: number;
  tables: Record<TableKey, Uint8Array>;
  rows: number;
}
export type Encoding = 'copy' | 'json';

/** Encodes persons into batches of `batchSize`; `window` resolves relations to recent persons. */
const utf8 = new TextEncoder();

export function* encodeBatches(persons: Iterable<SyntheticPerson>, options: { encoding: Encoding; batchSize: number; today: string; now: string }): Generator<EncodedBatch> {
  const window = new Map<number, SyntheticPerson>();
  const keys = Object.keys(TABLES) as TableKey[];
  const start = () => Object.fromEntries(keys.map((k) => [k, [] as string[]])) as Record<TableKey, string[]>;
  let parts = start();
  let count = 0;
  let rows = 0;
  const sink: BatchRows = options.encoding === 'copy'
    ? { add: (t, v) => { parts[t].push(copyLine(v)); rows++; } }
    : { add: (t, v) => { const cols = TABLES[t].columns; const o: Record<string, Value> = {}; for (let i = 0; i < cols.length; i++) o[cols[i] as string] = v[i] as Value; parts[t].push(JSON.stringify(o)); rows++; } };
  const finish = (): EncodedBatch => {
    const tables = Object.fromEntries(keys.map((k) => [k, utf8.encode(options.encoding === 'copy' ? parts[k].join('') : `[${parts[k].join(',')}]`)])) as Record<TableKey, Uint8Array>;
    const batch = { persons: count, tables, rows };
    parts = start();
    count = 0;
    rows = 0;
    return batch;
  };
  for (const p of persons) {
    window.set(p.index, p);
    window.delete(p.index - 64);
    rowsOf(p, (i) => window.get(i), options.today, options.now, sink);
    if (++count >= options.batchSize) yield finish();
  }
  if (count > 0) yield finish();
}
