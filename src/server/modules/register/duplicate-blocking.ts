/**
 * Blocking for the full duplicate scan (decision 0010), pure. Persons arrive in birth-date order, so the
 * persons of one birth date, and of one birth year, come together and only those few are kept in memory.
 * A pair is compared when the two
 *   - were born the same day and share a whole-name key, a given name, a surname stem, or the first letters
 *     of given name and surname the other way round (swapped names); or
 *   - were born the same year, a day apart or with day and month swapped, and share a whole-name key, the
 *     swapped-names key, or a given name with the surname's initial (a typo rarely hits the first letter).
 * Before this ran in Node, the same keys were joined in SQL; hashing millions of text keys per row there
 * cost more than streaming the persons out once (measured in decision 0015).
 */
export interface ScanPerson {
  id: string;
  givenNames: string;
  surname: string;
  /** YYYY-MM-DD */
  birthDate: string;
  surnameStem: string;
  /** The person's search keys (search-keys.ts), joined by tabs. */
  keys: string;
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

const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

function keyed(person: ScanPerson): Keyed {
  const whole = person.keys.split('\t').filter((k) => !k.includes('@') && !k.includes('~'));
  const givens = [...new Set(whole.map((k) => k.slice(k.indexOf('|') + 1)))];
  const stem = person.surnameStem;
  const firstGiven = (person.keys.split('\t', 1)[0] ?? '').split('|')[1] ?? '';
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

/** Calls `emit` once for every pair sharing a bucket and passing `accept`. */
function pairsInBuckets(members: readonly Keyed[], keysOf: (k: Keyed) => string[], accept: (a: Keyed, b: Keyed) => boolean, emit: Emit): number {
  const buckets = new Map<string, number[]>();
  members.forEach((m, i) => {
    for (const key of keysOf(m)) {
      const bucket = buckets.get(key);
      if (bucket) {
        if (bucket.at(-1) !== i) bucket.push(i);
      } else buckets.set(key, [i]);
    }
  });
  const seen = new Set<number>();
  let pairs = 0;
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const i = bucket[x] as number;
        const j = bucket[y] as number;
        const pairKey = i * members.length + j;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        const a = members[i] as Keyed;
        const b = members[j] as Keyed;
        if (!accept(a, b)) continue;
        emit(a.person, b.person);
        pairs++;
      }
    }
  }
  return pairs;
}

const nearDate = (a: Keyed, b: Keyed): boolean => a.day !== b.day && (Math.abs(a.day - b.day) === 1 || a.monthDay === b.dayMonth);

/**
 * Feeds persons in birth-date order; `emit` gets each candidate pair once. `finish` flushes the last
 * day and year. Returns how many pairs were emitted.
 */
export function createScanBlocker(emit: Emit) {
  let day: Keyed[] = [];
  let year: Keyed[] = [];
  let pairs = 0;
  const always = () => true;
  const flushDay = () => {
    pairs += pairsInBuckets(day, (k) => k.sameDay, always, emit);
    day = [];
  };
  const flushYear = () => {
    pairs += pairsInBuckets(year, (k) => k.sameYear, nearDate, emit);
    year = [];
  };
  return {
    add(person: ScanPerson): void {
      const previous = day[0]?.person.birthDate;
      if (previous !== undefined && previous !== person.birthDate) {
        if (previous > person.birthDate) throw new Error(`persons must come in birth-date order (${person.birthDate} after ${previous})`);
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
