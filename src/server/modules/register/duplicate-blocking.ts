/**
 * Blocking for the full duplicate scan (decision 0010), pure. Persons arrive in birth-date order, so the
 * persons of one birth date, and of one birth year, come together and only those few are kept in memory.
 * A pair is compared when the two
 *   - were born the same day and share a whole-name key, a given name, a surname stem, or the first letters
 *     of given name and surname the other way round (swapped names); or
 *   - were born the same year, a day apart or with day and month swapped, and share a whole-name key, the
 *     swapped-names key, or a given name with the surname's initial (a typo rarely hits the first letter).
 * Before this ran in Node, the same keys were joined in SQL; hashing millions of text keys per row there
 * cost more than streaming the persons out once (measured in decision 0015). The name keys are those of
 * search-keys.ts, built here from the names (the register stores only their hashes, decision 0016).
 */
import { nameKeysOf } from './search-keys.ts';

export interface ScanPerson {
  id: string;
  givenNames: string;
  surname: string;
  /** YYYY-MM-DD */
  birthDate: string;
  surnameStem: string;
}

type Emit = (a: ScanPerson, b: ScanPerson) => void;

interface Keyed {
  person: ScanPerson;
  /** Keys compared within one birth date. */
  sameDay: string[];
  /** Keys compared within one birth year (date one day off or day and month swapped). */
  sameYear: string[];
  day: number;
  monthDay: number;
  dayMonth: number;
}

const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

function keyed(person: ScanPerson): Keyed {
  const keys = nameKeysOf(person.givenNames, person.surname);
  const whole = keys.filter((k) => !k.includes('~'));
  const givens = [...new Set(whole.map((k) => k.slice(k.indexOf('|') + 1)))];
  const stem = person.surnameStem;
  const firstGiven = (keys[0] ?? '').split('|')[1] ?? '';
  const [x, y] = [stem.slice(0, 3), firstGiven.slice(0, 3)].sort() as [string, string];
  const swap = `s:${x}/${y}`;
  const initials = givens.map((g) => `i:${g}/${stem.slice(0, 1)}`);
  const month = Number(person.birthDate.slice(5, 7));
  const dayOfMonth = Number(person.birthDate.slice(8, 10));
  return {
    person,
    sameDay: [...whole.map((k) => `w:${k}`), swap, ...givens.map((g) => `g:${g}`), `n:${stem}`],
    sameYear: [...whole.map((k) => `w:${k}`), swap, ...initials],
    day: dayNumber(person.birthDate),
    monthDay: month * 100 + dayOfMonth,
    dayMonth: dayOfMonth * 100 + month,
  };
}

/** Buckets of member indexes by key. */
function bucketsOf(members: readonly Keyed[], keysOf: (k: Keyed) => string[]): Map<string, number[]> {
  const buckets = new Map<string, number[]>();
  members.forEach((m, i) => {
    for (const key of keysOf(m)) {
      const bucket = buckets.get(key);
      if (bucket) {
        if (bucket.at(-1) !== i) bucket.push(i);
      } else buckets.set(key, [i]);
    }
  });
  return buckets;
}

/** Emits a pair of members once, however many buckets they share. */
function pairEmitter(members: readonly Keyed[], emit: Emit) {
  const seen = new Set<number>();
  let pairs = 0;
  return {
    pair(i: number, j: number): void {
      const [x, y] = i < j ? [i, j] : [j, i];
      const key = x * members.length + y;
      if (seen.has(key)) return;
      seen.add(key);
      emit((members[x] as Keyed).person, (members[y] as Keyed).person);
      pairs++;
    },
    get count() {
      return pairs;
    },
  };
}

/** Same birth date: every pair in a bucket (a day's bucket holds a few persons). */
function sameDayPairs(members: readonly Keyed[], emit: Emit): number {
  const out = pairEmitter(members, emit);
  for (const bucket of bucketsOf(members, (k) => k.sameDay).values()) {
    for (let x = 0; x < bucket.length; x++)
      for (let y = x + 1; y < bucket.length; y++) out.pair(bucket[x] as number, bucket[y] as number);
  }
  return out.count;
}

/**
 * Same birth year: a year's bucket of a common name holds hundreds of persons, so pairs are looked up by
 * date (the next day, and the day with day and month swapped) instead of tried all against all.
 */
function nearDatePairs(members: readonly Keyed[], emit: Emit): number {
  const out = pairEmitter(members, emit);
  for (const bucket of bucketsOf(members, (k) => k.sameYear).values()) {
    if (bucket.length < 2) continue;
    const byDay = new Map<number, number[]>();
    const byMonthDay = new Map<number, number[]>();
    for (const i of bucket) {
      const m = members[i] as Keyed;
      byDay.set(m.day, [...(byDay.get(m.day) ?? []), i]);
      byMonthDay.set(m.monthDay, [...(byMonthDay.get(m.monthDay) ?? []), i]);
    }
    for (const i of bucket) {
      const m = members[i] as Keyed;
      for (const j of byDay.get(m.day + 1) ?? []) out.pair(i, j);
      if (m.dayMonth !== m.monthDay)
        for (const j of byMonthDay.get(m.dayMonth) ?? []) if ((members[j] as Keyed).day !== m.day) out.pair(i, j);
    }
  }
  return out.count;
}

/**
 * Feeds persons in birth-date order; `emit` gets each candidate pair once. `finish` flushes the last
 * day and year. Returns how many pairs were emitted.
 */
export function createScanBlocker(emit: Emit) {
  let day: Keyed[] = [];
  let year: Keyed[] = [];
  let pairs = 0;
  const flushDay = () => {
    pairs += sameDayPairs(day, emit);
    day = [];
  };
  const flushYear = () => {
    pairs += nearDatePairs(year, emit);
    year = [];
  };
  return {
    add(person: ScanPerson): void {
      const previous = day[0]?.person.birthDate;
      if (previous !== undefined && previous !== person.birthDate) {
        if (previous > person.birthDate)
          throw new Error(`persons must come in birth-date order (${person.birthDate} after ${previous})`);
        flushDay();
        if (previous.slice(0, 4) !== person.birthDate.slice(0, 4)) flushYear();
      }
      const k = keyed(person);
      day.push(k);
      year.push(k);
    },
    finish(): number {
      flushDay();
      flushYear();
      return pairs;
    },
  };
}
