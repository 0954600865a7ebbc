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
import { domesticAddressLine } from '../../../shared/kernel/address-format.ts';

type Value = string | number | boolean | null | string[] | number[];
export interface TableSpec {
  table: string;
  /** The columns the rows carry; an identity `id` column, when given explicitly, comes before them. */
  columns: readonly string[];
  /** The table's key is an identity column (`id`), which a bulk load may number itself. */
  identity?: boolean;
  /**
   * Columns that may hold free text (names, addresses), the only ones COPY escaping is checked for. The
   * others hold ids, dates, codes and numbers, which cannot contain a tab, a newline or a backslash.
   */
  text?: readonly string[];
}

const FACT = ['person_id', 'valid_from', 'valid_to', 'recorded_at', 'superseded_at', 'event_id'] as const;
export const TABLES = {
  person: {
    table: 'register.person',
    text: ['given_names', 'surname', 'original_name', 'surname_stem', 'name_fold'],
    columns: [
      'id',
      'personal_code',
      'given_names',
      'surname',
      'original_name',
      'sex',
      'birth_date',
      'legal_status',
      'citizenships',
      'municipality_code',
      'abroad_country',
      'death_date',
      'surname_stem',
      'name_fold',
      'search_hashes',
      'birth_year',
      'registered_at',
      'updated_at',
    ],
  },
  code: { table: 'register.code_fact', identity: true, columns: [...FACT, 'personal_code'] },
  name: {
    table: 'register.name_fact',
    identity: true,
    text: ['given_names', 'surname', 'original_name'],
    columns: [...FACT, 'given_names', 'surname', 'original_name'],
  },
  core: {
    table: 'register.core_fact',
    identity: true,
    text: ['birth_place', 'birth_surname', 'ethnicity'],
    columns: [
      ...FACT,
      'sex',
      'birth_date',
      'birth_country',
      'birth_municipality',
      'birth_place',
      'birth_surname',
      'ethnicity',
      'death_date',
    ],
  },
  status: { table: 'register.status_fact', identity: true, columns: [...FACT, 'legal_status', 'citizenships'] },
  address: {
    table: 'register.address_fact',
    identity: true,
    text: ['settlement', 'street', 'building', 'flat', 'postcode', 'address_line', 'legal_basis'],
    columns: [
      ...FACT,
      'is_additional',
      'country',
      'municipality_code',
      'settlement',
      'street',
      'building',
      'flat',
      'postcode',
      'address_line',
      'legal_basis',
    ],
  },
  relation: { table: 'register.relation_fact', identity: true, columns: [...FACT, 'kind', 'related_person_id'] },
  period: {
    table: 'register.population_period',
    columns: ['person_id', 'valid_from', 'valid_to', 'municipality_code', 'legal_status'],
  },
} as const satisfies Record<string, TableSpec>;
export type TableKey = keyof typeof TABLES;
export const IDENTITY_TABLES = (Object.keys(TABLES) as TableKey[]).filter((k) => (TABLES[k] as TableSpec).identity);

/** The first identity value to use per table, when the loader numbers the rows itself. */
export type FirstIds = Partial<Record<TableKey, number>>;

const STREETS = [
  'Brīvības iela',
  'Rīgas iela',
  'Skolas iela',
  'Dārza iela',
  'Liepu iela',
  'Saules iela',
  'Parka iela',
  'Meža iela',
  'Ezera iela',
  'Lāčplēša iela',
  'Krasta iela',
  'Stacijas iela',
];

/** A deterministic synthetic street address in a municipality (never a real person's address). */
export function syntheticAddress(
  municipalityCode: string,
  n: number,
): {
  settlement: string;
  street: string;
  building: string;
  flat: string | null;
  postcode: string;
  addressLine: string;
} {
  // The town in the nominative, with a postcode from its own range (an address a reader recognises as one).
  const m = findMunicipality(municipalityCode) ?? findMunicipality('LV-RIX');
  const settlement = m?.town ?? 'Rīga';
  const [first, last] = m?.postcodes ?? [1001, 1084];
  const street = STREETS[n % STREETS.length] as string;
  const building = String(1 + (n % 97));
  const flat = n % 3 === 0 ? null : String(1 + (n % 60));
  const postcode = `LV-${first + ((n * 37) % (last - first + 1))}`;
  return {
    settlement,
    street,
    building,
    flat,
    postcode,
    addressLine: domesticAddressLine({
      street,
      building,
      flat,
      settlement,
      municipalityCode: m?.code ?? 'LV-RIX',
      postcode,
    }),
  };
}

/** The moment a seeded fact was recorded: the day it began (so "as the register showed it on R" has a history). */
const recordedOn = (date: string, now: string): string =>
  `${date}T00:00:00.000Z` < now ? `${date}T00:00:00.000Z` : now;

interface BatchRows {
  add(table: TableKey, values: Value[]): void;
}

/** Turns one synthetic person into rows; `idOf` resolves relation indexes already seen. */
export function rowsOf(
  p: SyntheticPerson,
  idOf: (index: number) => SyntheticPerson | undefined,
  today: string,
  now: string,
  out: BatchRows,
): void {
  const fact = (from: string, to: string | null): [string, string, string | null, string, null, null] => [
    p.personId,
    from,
    to,
    recordedOn(from, now),
    null,
    null,
  ];
  const facts: FactRows = { code: [], name: [], core: [], status: [], address: [], relation: [], residence: [] };
  const base = (from: string, to: string | null) => ({
    id: 0,
    personId: p.personId,
    validFrom: from,
    validTo: to,
    recordedAt: recordedOn(from, now),
    supersededAt: null,
    eventId: null,
  });

  if (p.previousPersonalCode) {
    facts.code.push({ ...base(p.birthDate, p.previousPersonalCode.until), personalCode: p.previousPersonalCode.code });
    facts.code.push({ ...base(p.previousPersonalCode.until, null), personalCode: p.personalCode });
  } else {
    facts.code.push({ ...base(p.birthDate, null), personalCode: p.personalCode });
  }

  const spouse = p.spouseIndex !== null && p.spouseIndex < p.index ? idOf(p.spouseIndex) : undefined;
  const marriage = p.spouseIndex !== null ? marriageDate(p, spouse, today) : null;
  if (p.birthSurname !== p.surname && marriage) {
    facts.name.push({
      ...base(p.birthDate, marriage),
      givenNames: p.givenNames,
      surname: p.birthSurname,
      originalName: null,
    });
    facts.name.push({ ...base(marriage, null), givenNames: p.givenNames, surname: p.surname, originalName: null });
  } else {
    facts.name.push({
      ...base(p.birthDate, null),
      givenNames: p.givenNames,
      surname: p.surname,
      originalName: p.citizenship && p.citizenship !== 'LVA' ? p.givenNames + ' ' + p.surname : null,
    });
  }
  facts.core.push({
    ...base(p.birthDate, null),
    sex: p.sex,
    birthDate: p.birthDate,
    birthCountry: p.birthCountry,
    birthMunicipality: p.birthCountry === 'LVA' ? (p.addresses[0]?.municipalityCode ?? null) : null,
    birthPlace: null,
    birthSurname: p.birthSurname,
    ethnicity: null,
    deathDate: p.deathDate,
  });
  facts.status.push({
    ...base(p.birthDate, null),
    legalStatus: p.legalStatus,
    citizenships: p.citizenship ? [p.citizenship] : [],
  });
  p.addresses.forEach((a, i) => {
    const next = p.addresses[i + 1];
    const address = syntheticAddress(a.municipalityCode, p.index * 7 + i);
    facts.address.push({
      ...base(a.validFrom, next ? next.validFrom : null),
      isAdditional: false,
      country: 'LVA',
      municipalityCode: a.municipalityCode,
      ...address,
      legalBasis: 'pārņemts no iepriekšējā reģistra',
    });
  });
  // Same-day moves collapse: keep the periods non-empty.
  facts.address = facts.address.filter((a) => a.validTo === null || a.validTo > a.validFrom);

  const { projection, periods } = currentProjection(facts, today);
  out.add('person', [
    p.personId,
    projection.personalCode,
    projection.givenNames,
    projection.surname,
    projection.originalName,
    projection.sex,
    projection.birthDate,
    projection.legalStatus,
    projection.citizenships,
    projection.municipalityCode,
    projection.abroadCountry,
    projection.deathDate,
    projection.surnameStem,
    projection.nameFold,
    projection.searchHashes,
    projection.birthYear,
    recordedOn(p.birthDate, now),
    now,
  ]);
  for (const c of facts.code) out.add('code', [...fact(c.validFrom, c.validTo), c.personalCode]);
  for (const n of facts.name)
    out.add('name', [...fact(n.validFrom, n.validTo), n.givenNames, n.surname, n.originalName]);
  for (const c of facts.core)
    out.add('core', [
      ...fact(c.validFrom, c.validTo),
      c.sex,
      c.birthDate,
      c.birthCountry,
      c.birthMunicipality,
      c.birthPlace,
      c.birthSurname,
      c.ethnicity,
      c.deathDate,
    ]);
  for (const s of facts.status) out.add('status', [...fact(s.validFrom, s.validTo), s.legalStatus, s.citizenships]);
  for (const a of facts.address)
    out.add('address', [
      ...fact(a.validFrom, a.validTo),
      false,
      a.country,
      a.municipalityCode,
      a.settlement,
      a.street,
      a.building,
      a.flat,
      a.postcode,
      a.addressLine,
      a.legalBasis,
    ]);
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
      out.add('relation', [
        spouse.personId,
        marriage,
        until,
        recordedOn(marriage, now),
        null,
        null,
        'spouse',
        p.personId,
      ]);
    }
  }
  for (const period of periods)
    out.add('period', [p.personId, period.validFrom, period.validTo, period.municipalityCode, period.legalStatus]);
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
  if (typeof v === 'string') return escapeCopy(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v[0] === 'number') return `{${v.join(',')}}`;
  return escapeCopy(`{${(v as string[]).map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
}
/** A value that cannot need escaping (an id, a date, a code, a number): written as it is. */
function plainValue(v: Value): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return copyValue(v);
  return String(v);
}
/** One COPY text line; `text[i]` says whether value i may be free text (checked for escapes). */
export function copyLine(values: readonly Value[], text?: readonly boolean[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as Value;
    line += (i === 0 ? '' : '\t') + (text && !text[i] ? plainValue(v) : copyValue(v));
  }
  return line + '\n';
}

/**
 * One batch, encoded as UTF-8 bytes: per table either COPY text (PostgreSQL) or a JSON array of row
 * objects (embedded). Bytes, so a worker can hand a batch over without copying it.
 */
export interface EncodedBatch {
  /** The batch's place in the load (batches go to the database in this order). */
  index: number;
  persons: number;
  tables: Record<TableKey, Uint8Array>;
  /** Rows per table. */
  counts: Record<TableKey, number>;
  rows: number;
}
export type Encoding = 'copy' | 'json';

/**
 * A growing UTF-8 buffer for one table's rows. Each row is written straight into it, so a batch of tens
 * of megabytes never exists as strings to join and re-encode (measured: that and its garbage were a
 * quarter of the encoder's time).
 */
class ByteSink {
  private buffer = Buffer.allocUnsafeSlow(1 << 16);
  private length = 0;
  rows = 0;
  write(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (this.buffer.length - this.length < text.length * 3) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }
  /** The bytes written, on their own ArrayBuffer (transferable). */
  take(): Uint8Array {
    return new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.length);
  }
}

export interface EncodeOptions {
  encoding: Encoding;
  batchSize: number;
  today: string;
  now: string;
  /**
   * COPY only: number the identity tables' rows, batch `b` from `firstIds + b × idBlock(batchSize)` (saves a
   * sequence call per row; blocks let workers encoding different batches number them without talking).
   */
  firstIds?: FirstIds | undefined;
  /** Encode only every `count`-th batch, starting at `index` (the others are generated and skipped). */
  shard?: { index: number; count: number } | undefined;
}

/** Identity values reserved per batch and table: far more rows than a person ever gets in one table. */
export const idBlock = (batchSize: number): number => batchSize * 32;

/** Encodes persons into batches of `batchSize`; `window` resolves relations to recent persons. */
export function* encodeBatches(persons: Iterable<SyntheticPerson>, options: EncodeOptions): Generator<EncodedBatch> {
  const window = new Map<number, SyntheticPerson>();
  const keys = Object.keys(TABLES) as TableKey[];
  const json = options.encoding === 'json';
  const shard = options.shard ?? { index: 0, count: 1 };
  const block = idBlock(options.batchSize);
  // Per table, which of the values a row carries may be free text (the rest skip the escape check).
  const textMask = Object.fromEntries(
    keys.map((k) => {
      const spec = TABLES[k] as TableSpec;
      return [k, spec.columns.map((c) => spec.text?.includes(c) ?? false)];
    }),
  ) as Record<TableKey, boolean[]>;
  const start = () => Object.fromEntries(keys.map((k) => [k, new ByteSink()])) as Record<TableKey, ByteSink>;
  let sinks = start();
  let batchIndex = 0;
  let count = 0;
  let nextIds: FirstIds = {};
  const numberFrom = (b: number): FirstIds =>
    Object.fromEntries(Object.entries(options.firstIds ?? {}).map(([k, first]) => [k, first + b * block]));
  const sink: BatchRows = {
    add: (t, v) => {
      const out = sinks[t];
      if (json) {
        const cols = TABLES[t].columns;
        const o: Record<string, Value> = {};
        for (let i = 0; i < cols.length; i++) o[cols[i] as string] = v[i] as Value;
        out.write(out.rows === 0 ? '[' : ',');
        out.write(JSON.stringify(o));
      } else {
        const id = nextIds[t];
        if (id === undefined) out.write(copyLine(v, textMask[t]));
        else {
          if (out.rows >= block)
            throw new Error(`batch ${batchIndex} has more than ${block} rows for ${TABLES[t].table}`);
          out.write(`${id}\t${copyLine(v, textMask[t])}`);
          nextIds[t] = id + 1;
        }
      }
      out.rows++;
    },
  };
  const finish = (): EncodedBatch => {
    if (json) for (const k of keys) sinks[k].write(sinks[k].rows === 0 ? '[]' : ']');
    const tables = Object.fromEntries(keys.map((k) => [k, sinks[k].take()])) as Record<TableKey, Uint8Array>;
    const counts = Object.fromEntries(keys.map((k) => [k, sinks[k].rows])) as Record<TableKey, number>;
    const batch = {
      index: batchIndex,
      persons: count,
      tables,
      counts,
      rows: Object.values(counts).reduce((x, y) => x + y, 0),
    };
    sinks = start();
    return batch;
  };
  const mine = () => batchIndex % shard.count === shard.index;
  nextIds = numberFrom(0);
  for (const p of persons) {
    window.set(p.index, p);
    window.delete(p.index - 64);
    // Another worker's batch: the persons still pass through the window (relations point backwards).
    if (mine()) rowsOf(p, (i) => window.get(i), options.today, options.now, sink);
    if (++count >= options.batchSize) {
      if (mine()) yield finish();
      batchIndex++;
      count = 0;
      nextIds = numberFrom(batchIndex);
    }
  }
  if (count > 0 && mine()) yield finish();
}
