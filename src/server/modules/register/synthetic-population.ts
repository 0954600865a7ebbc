/**
 * A deterministic synthetic population (never real people): households of Latvian, Slavic and foreign
 * origin; gendered surname pairs; wives who mostly take the husband's surname; children after their
 * mother's twentieth birthday; a status mix like the published one (mostly citizens, ~9 % non-citizens,
 * foreigners of many citizenships, temporary protection); municipalities sized like the real ones;
 * moves over time and deaths. Personal codes are valid and unique: legacy codes (with the birth date)
 * before 2017-07-01, new-format codes after, and for foreigners; a few persons switched to a new code.
 * Pure and streaming: the same seed always yields the same persons, in constant memory per person.
 */
import {
  addMonthsClamped,
  fromEpochDay,
  makePlainDate,
  toEpochDay,
  yearsBetween,
  type PlainDate,
} from '../../../shared/kernel/plain-date.ts';
import { buildLegacyCode, newFormatCodeCandidate } from '../../../shared/kernel/personal-code.ts';
import { MUNICIPALITIES } from '../../../shared/kernel/municipalities.ts';
import type { LegalStatus } from '../../../shared/kernel/legal-status.ts';
import {
  FOREIGN_CITIZENSHIPS,
  LATVIAN_FEMALE_GIVEN,
  LATVIAN_MALE_GIVEN,
  LATVIAN_SURNAMES,
  SLAVIC_FEMALE_GIVEN,
  SLAVIC_MALE_GIVEN,
  SLAVIC_SURNAMES,
  type Weighted,
} from './synthetic-names.ts';

export interface SyntheticAddress {
  municipalityCode: string;
  validFrom: PlainDate;
}

export interface SyntheticPerson {
  /** Position in the generated stream (0-based); relations refer to it. */
  index: number;
  personId: string;
  personalCode: string;
  /** The legacy code of a person who switched to a new-format code, with the date of the switch. */
  previousPersonalCode: { code: string; until: PlainDate } | null;
  givenNames: string;
  surname: string;
  birthSurname: string;
  sex: 'M' | 'F';
  birthDate: PlainDate;
  birthCountry: string;
  legalStatus: LegalStatus;
  /** ISO 3166-1 alpha-3; null for non-citizens and stateless persons. */
  citizenship: string | null;
  /** Declared addresses, oldest first; the last one is current. */
  addresses: SyntheticAddress[];
  deathDate: PlainDate | null;
  motherIndex: number | null;
  fatherIndex: number | null;
  spouseIndex: number | null;
}

export interface PopulationOptions {
  seed: number;
  persons: number;
  /** The register's "today": no birth, move or death after it. */
  today: PlainDate;
  /** Codes already issued (e.g. the demo persons'), never generated again. */
  reservedCodes?: Iterable<string>;
}

const NEW_FORMAT_FROM = toEpochDay(makePlainDate(2017, 7, 1));
/** The synthetic register's ids count milliseconds from here, one per person (UUID version 7). */
const ID_EPOCH_MS = Date.UTC(2026, 0, 1);

/** mulberry32: small, fast, deterministic; plenty for synthetic data. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (bound: number): number => Math.floor(next() * bound);
  const chance = (p: number): boolean => next() < p;
  function pick<T>(items: Weighted<T>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items.at(-1) as readonly [T, number])[0];
  }
  const hex8 = (): string => (Math.floor(next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
  /**
   * A UUID version 7 (RFC 9562): 48 bits of milliseconds, then random bits. Ids that grow with `ms` keep a
   * bulk load appending to the end of the primary-key index instead of writing all over it.
   */
  const uuidV7 = (ms: number): string => {
    const time = ms.toString(16).padStart(12, '0');
    const a = hex8();
    const b = hex8();
    const c = hex8();
    const variant = (8 + (parseInt(b[0] as string, 16) & 3)).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${a.slice(0, 3)}-${variant}${b.slice(1, 4)}-${b.slice(4)}${c}`;
  };
  return { next, int, chance, pick, uuidV7 };
}

type Origin = 'latvian' | 'slavic' | 'foreign' | 'protection';
const ORIGINS: Weighted<Origin> = [
  ['latvian', 66],
  ['slavic', 27],
  ['foreign', 5],
  ['protection', 2],
];
const MUNICIPALITY_WEIGHTS: Weighted<string> = MUNICIPALITIES.map((m) => [m.code, m.weight] as const);
const FOREIGN_WEIGHTS: Weighted<(typeof FOREIGN_CITIZENSHIPS)[number]> = FOREIGN_CITIZENSHIPS.map(
  (c) => [c, c.weight] as const,
);

interface Household {
  origin: Origin;
  foreign?: (typeof FOREIGN_CITIZENSHIPS)[number];
  surname: readonly [string, string];
  municipality: string;
  /** Non-citizen household (Slavic origin only). */
  nonCitizen: boolean;
}

/** Streams `persons` synthetic persons. Relations point backwards or within the same household. */
export function* generatePopulation(options: PopulationOptions): Generator<SyntheticPerson> {
  const random = createRandom(options.seed);
  const today = toEpochDay(options.today);
  const usedCodes = new Set<string>(options.reservedCodes ?? []);
  let index = 0;

  const birthBetween = (minAge: number, maxAge: number): PlainDate =>
    fromEpochDay(today - Math.floor((minAge + random.next() * (maxAge - minAge)) * 365.25));

  function personalCodeFor(birthDate: PlainDate, forceNew: boolean): string {
    const useNew = forceNew || toEpochDay(birthDate) >= NEW_FORMAT_FROM;
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const code = useNew ? newFormatCodeCandidate(random.int) : buildLegacyCode(birthDate, random.int(1000));
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
    throw new Error(`no free ${useNew ? 'new-format' : 'legacy'} personal code for birth date ${birthDate}`);
  }

  function newHousehold(): Household {
    const origin = random.pick(ORIGINS);
    const municipality = random.pick(MUNICIPALITY_WEIGHTS);
    if (origin === 'latvian') {
      const s = random.pick(LATVIAN_SURNAMES.map(([m, f, w]) => [[m, f] as const, w] as const));
      return { origin, surname: s, municipality, nonCitizen: false };
    }
    if (origin === 'slavic') {
      const s = random.pick(SLAVIC_SURNAMES.map(([m, f, w]) => [[m, f] as const, w] as const));
      // About a third of Slavic-origin households are Latvian non-citizens (~9 % of everyone).
      return { origin, surname: s, municipality, nonCitizen: random.chance(0.34) };
    }
    const foreign =
      origin === 'protection'
        ? (FOREIGN_CITIZENSHIPS.find((c) => c.code === 'UKR') as (typeof FOREIGN_CITIZENSHIPS)[number])
        : random.pick(FOREIGN_WEIGHTS);
    const s = foreign.surnames[random.int(foreign.surnames.length)] as readonly [string, string];
    return {
      origin,
      foreign,
      surname: s,
      municipality: random.chance(0.6) ? 'LV-RIX' : municipality,
      nonCitizen: false,
    };
  }

  function givenName(h: Household, sex: 'M' | 'F'): string {
    if (h.foreign) {
      const list = sex === 'M' ? h.foreign.male : h.foreign.female;
      return list[random.int(list.length)] as string;
    }
    const lists =
      h.origin === 'latvian' ? [LATVIAN_MALE_GIVEN, LATVIAN_FEMALE_GIVEN] : [SLAVIC_MALE_GIVEN, SLAVIC_FEMALE_GIVEN];
    const list = sex === 'M' ? lists[0] : lists[1];
    const first = random.pick(list as Weighted<string>);
    // About 13 % get a second given name (CSP); never the same one twice.
    if (random.chance(0.13)) {
      const second = random.pick(list as Weighted<string>);
      if (second !== first) return `${first} ${second}`;
    }
    return first;
  }

  function statusOf(
    h: Household,
    birthDate: PlainDate,
  ): { legalStatus: LegalStatus; citizenship: string | null; birthCountry: string } {
    if (h.origin === 'latvian') return { legalStatus: 'citizen', citizenship: 'LVA', birthCountry: 'LVA' };
    if (h.origin === 'slavic') {
      // Children born to non-citizens since 2020 are citizens.
      if (h.nonCitizen && toEpochDay(birthDate) < toEpochDay(makePlainDate(2020, 1, 1)))
        return { legalStatus: 'non-citizen', citizenship: null, birthCountry: 'LVA' };
      return { legalStatus: 'citizen', citizenship: 'LVA', birthCountry: 'LVA' };
    }
    const code = h.foreign?.code ?? 'XXX';
    if (h.origin === 'protection') {
      const r = random.next();
      const legalStatus: LegalStatus =
        r < 0.85
          ? 'temporary-protection'
          : r < 0.9
            ? 'refugee'
            : r < 0.94
              ? 'alternative-status'
              : r < 0.97
                ? 'asylum-seeker'
                : 'stateless';
      return { legalStatus, citizenship: legalStatus === 'stateless' ? null : code, birthCountry: code };
    }
    return { legalStatus: 'foreigner', citizenship: code, birthCountry: code };
  }

  /** Declared addresses: one at birth (or at 18 for adults who came from elsewhere), then moves. */
  function addressesOf(h: Household, birthDate: PlainDate, adult: boolean): SyntheticAddress[] {
    const start = toEpochDay(birthDate) + (adult ? Math.floor(18 * 365.25) : 0);
    const moves = random.int(3);
    const result: SyntheticAddress[] = [];
    let from = Math.min(start, today);
    for (let i = 0; i < moves && from < today - 400; i++) {
      result.push({ municipalityCode: random.pick(MUNICIPALITY_WEIGHTS), validFrom: fromEpochDay(from) });
      from = from + 200 + random.int(Math.max(1, today - from - 200));
    }
    result.push({ municipalityCode: h.municipality, validFrom: fromEpochDay(Math.min(from, today)) });
    return result;
  }

  function makePerson(
    h: Household,
    sex: 'M' | 'F',
    birthDate: PlainDate,
    adult: boolean,
    parents: { mother: number | null; father: number | null },
  ): SyntheticPerson {
    const status = statusOf(h, birthDate);
    const foreignCode = h.origin === 'foreign' || h.origin === 'protection';
    const code = personalCodeFor(birthDate, foreignCode);
    let personalCode = code;
    let previous: SyntheticPerson['previousPersonalCode'] = null;
    // A few holders of legacy codes asked for a new-format code (allowed once, since 2017-07-01).
    if (!foreignCode && toEpochDay(birthDate) < NEW_FORMAT_FROM && random.chance(0.004)) {
      personalCode = personalCodeFor(birthDate, true);
      previous = { code, until: fromEpochDay(NEW_FORMAT_FROM + random.int(Math.max(1, today - NEW_FORMAT_FROM))) };
    }
    const surname = sex === 'M' ? h.surname[0] : h.surname[1];
    const age = yearsBetween(birthDate, options.today);
    const deathDate =
      age > 70 && random.chance(0.04 + (age - 70) * 0.004)
        ? fromEpochDay(today - random.int(Math.min(3650, Math.max(1, today - toEpochDay(birthDate) - 70 * 365))))
        : null;
    return {
      index: index++,
      personId: random.uuidV7(ID_EPOCH_MS + index),
      personalCode,
      previousPersonalCode: previous,
      givenNames: givenName(h, sex),
      surname,
      birthSurname: surname,
      sex,
      birthDate,
      birthCountry: status.birthCountry,
      legalStatus: status.legalStatus,
      citizenship: status.citizenship,
      addresses: addressesOf(h, birthDate, adult),
      deathDate,
      motherIndex: parents.mother,
      fatherIndex: parents.father,
      spouseIndex: null,
    };
  }

  while (index < options.persons) {
    const h = newHousehold();
    const kind = random.next();
    const members: SyntheticPerson[] = [];
    const none = { mother: null, father: null };
    if (kind < 0.3) {
      members.push(makePerson(h, random.chance(0.5) ? 'M' : 'F', birthBetween(18, 95), true, none));
    } else {
      // Couples (60 %) and single mothers (10 %); the birth dates are fixed before any code is issued,
      // since a legacy personal code carries the birth date.
      const couple = kind < 0.9;
      const fatherBirth = birthBetween(20, 90);
      let motherEpoch = toEpochDay(fatherBirth) + random.int(3650) - 1500;
      // A partner too young to be an adult mother gets a fresh adult birth date (not one clamped date for all:
      // that would pile thousands of people onto one day's 1,000 legacy serials).
      if (motherEpoch > toEpochDay(addMonthsClamped(options.today, -20 * 12)))
        motherEpoch = toEpochDay(birthBetween(20, 45));
      const father = couple ? makePerson(h, 'M', fatherBirth, true, none) : undefined;
      const mother = makePerson(h, 'F', fromEpochDay(motherEpoch), true, none);
      if (father) {
        father.spouseIndex = mother.index;
        mother.spouseIndex = father.index;
        // About a fifth of wives keep their own surname (DOMAIN.md §7); the rest take the husband's.
        const own =
          h.origin === 'latvian' ? random.pick(LATVIAN_SURNAMES.map(([, f, w]) => [f, w] as const)) : mother.surname;
        if (random.chance(0.8)) mother.birthSurname = own;
        else {
          mother.surname = own;
          mother.birthSurname = own;
        }
        members.push(father);
      }
      members.push(mother);
      const children = kind < 0.55 ? 0 : 1 + random.int(3);
      // Children come after both parents are 20 (a mother drawn afresh may be much older than the father).
      const motherAt20 = toEpochDay(addMonthsClamped(fromEpochDay(motherEpoch), 20 * 12));
      const fatherAt20 = couple ? toEpochDay(addMonthsClamped(fatherBirth, 20 * 12)) : motherAt20;
      const earliest = Math.max(motherAt20, fatherAt20);
      for (let c = 0; c < children && index < options.persons; c++) {
        const latest = Math.min(today - 1, motherEpoch + 42 * 365);
        if (latest <= earliest) break;
        const birth = fromEpochDay(earliest + random.int(latest - earliest));
        members.push(
          makePerson(h, random.chance(0.51) ? 'M' : 'F', birth, false, {
            mother: mother.index,
            father: father?.index ?? null,
          }),
        );
      }
    }
    for (const m of members) {
      if (m.index >= options.persons) continue;
      // The last household may be cut at the requested size: drop links to persons never produced.
      if (m.spouseIndex !== null && m.spouseIndex >= options.persons) m.spouseIndex = null;
      yield m;
    }
  }
}
