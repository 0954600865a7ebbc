/**
 * The reference model of the register for the model-based tests (issue 24): a small, pure picture of what
 * the register holds about a handful of persons — sex, birth, death, names, main addresses, parents and
 * spouse periods — and the register's invariants written a second time, in TypeScript, over that picture.
 *
 * The model is written from the law and the rules' sentences, not from the service's code: where the two
 * disagree, the model-based test shows the sequence of events that tells them apart.
 */
import { addDays, type PlainDate } from '../../shared/kernel/plain-date.ts';

/** A row true over [from, to): `to` null while it holds. */
export interface Period {
  from: string;
  to: string | null;
}

export interface NameRow extends Period {
  givenNames: string;
  surname: string;
}

export interface ModelPerson {
  id: string;
  sex: 'M' | 'F';
  birthDate: string;
  deathDate: string | null;
  /** The person's current name rows (a change of name from a day on replaces what the rows said from then on). */
  names: NameRow[];
  /** Current main-address rows. */
  addresses: Period[];
}

/** One side of a marriage, as each spouse's record holds it; `seq` orders rows as the database numbers them. */
export interface SpouseRow extends Period {
  seq: number;
  personId: string;
  relatedId: string;
  /** The day the marriage ended (the divorce's date, or the death's) for a closed row; null while it holds. */
  dissolved: string | null;
}

export interface ParentRow {
  seq: number;
  childId: string;
  parentId: string;
  from: string;
}

export interface ModelState {
  /** The register's today (the office's calendar date) while the sequence runs. */
  today: string;
  persons: ModelPerson[];
  /** The persons a sequence's commands name, by index: its cast from the pool, then the children born in it. */
  actors: string[];
  spouses: SpouseRow[];
  parents: ParentRow[];
  nextSeq: number;
}

export const emptyState = (today: string): ModelState => ({
  today,
  persons: [],
  actors: [],
  spouses: [],
  parents: [],
  nextSeq: 1,
});

export const cloneState = (s: ModelState): ModelState => ({
  today: s.today,
  persons: s.persons.map((p) => ({ ...p, names: p.names.map((n) => ({ ...n })), addresses: [...p.addresses] })),
  actors: [...s.actors],
  spouses: s.spouses.map((r) => ({ ...r })),
  parents: s.parents.map((r) => ({ ...r })),
  nextSeq: s.nextSeq,
});

export function personOf(s: ModelState, id: string): ModelPerson {
  const p = s.persons.find((x) => x.id === id);
  if (!p) throw new Error(`the model holds no person ${id}`);
  return p;
}

/** PostgreSQL's `date - interval 'n years'`: the same day n years earlier, 29 February becoming the 28th. */
export function minusYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  const monthDay = date.slice(4);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, '0')}${monthDay === '-02-29' && !leap ? '-02-28' : monthDay}`;
}

export const plusDays = (date: string, days: number): string => addDays(date as PlainDate, days);

const overlapsPeriod = (a: Period, b: Period): boolean =>
  (a.to === null || a.to > b.from) && (b.to === null || b.to > a.from);

/** The row that holds on `date`, or failing that the latest one begun before it (how a card reads). */
export function atDate<R extends Period>(rows: readonly R[], date: string): R | undefined {
  return (
    rows.find((r) => r.from <= date && (r.to === null || r.to > date)) ??
    [...rows].filter((r) => r.from <= date).sort((a, b) => (a.from < b.from ? 1 : -1))[0]
  );
}

/** The name a person's record shows today (the projection a change of name is compared with). */
export const currentName = (p: ModelPerson, today: string): NameRow | undefined => atDate(p.names, today);

/**
 * "From `from` on, the fact is `added`" over a person's rows: every row still holding on or after `from` is
 * cut back to end there (what a change from a date means), and `added` is appended.
 */
export function cutFrom<R extends Period>(rows: readonly R[], from: string, added?: R): R[] {
  const kept: R[] = [];
  for (const r of rows) {
    if (r.to !== null && r.to <= from) kept.push(r);
    else if (r.from < from) kept.push({ ...r, to: from });
  }
  return added ? [...kept, added] : kept;
}

/**
 * Ends the spouse rows of `personId` with `relatedId` from `end` on (a divorce or a death), recording the
 * day the marriage ended. Cut rows are recorded again, so they take new sequence numbers.
 */
export function endMarriage(s: ModelState, personId: string, relatedId: string, end: string, dissolved: string): void {
  const rows: SpouseRow[] = [];
  for (const r of s.spouses) {
    const ours = r.personId === personId && r.relatedId === relatedId;
    if (!ours || (r.to !== null && r.to <= end)) rows.push(r);
    else if (r.from < end) rows.push({ ...r, seq: s.nextSeq++, to: end, dissolved });
  }
  s.spouses = rows;
}

/** One breach as the invariant queries report it. */
export interface ModelBreach {
  rule: string;
  personId: string;
  relatedId: string | null;
}

/** The model's invariants over a state, each as the rule the SQL set names; in the SQL set's order. */
export function breachesOf(s: ModelState): ModelBreach[] {
  const by = new Map(s.persons.map((p) => [p.id, p]));
  const person = (id: string) => by.get(id) as ModelPerson;
  return [...parentBreaches(s, person), ...deathBreaches(s), ...spouseBreaches(s, person)];
}

function parentBreaches(s: ModelState, person: (id: string) => ModelPerson): ModelBreach[] {
  const out: ModelBreach[] = [];
  const push = (rule: string, personId: string, relatedId: string | null) => out.push({ rule, personId, relatedId });
  for (const r of s.parents) if (r.childId === r.parentId) push('parent-is-self', r.childId, r.parentId);
  const children = [...new Set(s.parents.map((r) => r.childId))];
  for (const child of children) {
    const rows = s.parents.filter((r) => r.childId === child);
    for (const parent of new Set(rows.map((r) => r.parentId)))
      if (rows.filter((r) => r.parentId === parent).length > 1) push('parent-listed-twice', child, parent);
    if (new Set(rows.map((r) => r.parentId)).size > 2) push('more-than-two-parents', child, null);
    for (const a of rows)
      for (const b of rows)
        if (b.parentId > a.parentId && person(a.parentId).sex === person(b.parentId).sex)
          push('parents-same-sex', child, b.parentId);
  }
  for (const r of s.parents) {
    const child = person(r.childId);
    const parent = person(r.parentId);
    if (parent.birthDate > minusYears(child.birthDate, 12)) push('parent-too-young', child.id, parent.id);
  }
  for (const r of s.parents) {
    const child = person(r.childId);
    const parent = person(r.parentId);
    if (parent.sex === 'F' && parent.deathDate !== null && parent.deathDate < child.birthDate)
      push('mother-dead-before-birth', child.id, parent.id);
  }
  for (const r of s.parents) {
    const child = person(r.childId);
    const parent = person(r.parentId);
    if (parent.sex === 'M' && parent.deathDate !== null && plusDays(parent.deathDate, 300) < child.birthDate)
      push('father-dead-before-conception', child.id, parent.id);
  }
  return out;
}

function deathBreaches(s: ModelState): ModelBreach[] {
  return s.persons
    .filter((p) => p.deathDate !== null && p.deathDate < p.birthDate)
    .map((p) => ({ rule: 'death-before-birth', personId: p.id, relatedId: null }));
}

function spouseBreaches(s: ModelState, person: (id: string) => ModelPerson): ModelBreach[] {
  const out: ModelBreach[] = [];
  const push = (rule: string, personId: string, relatedId: string | null) => out.push({ rule, personId, relatedId });
  for (const r of s.spouses)
    if (person(r.personId).sex === person(r.relatedId).sex) push('spouses-same-sex', r.personId, r.relatedId);
  for (const r of s.spouses)
    if (person(r.personId).birthDate > minusYears(r.from, 16)) push('spouse-under-age', r.personId, r.relatedId);
  for (const r of s.spouses)
    if (!s.spouses.some((o) => o.personId === r.relatedId && o.relatedId === r.personId && o.from === r.from))
      push('spouse-not-mutual', r.personId, r.relatedId);
  for (const a of s.spouses)
    for (const b of s.spouses)
      if (b.personId === a.personId && b.seq > a.seq && b.relatedId !== a.relatedId && overlapsPeriod(a, b))
        push('two-spouses-at-once', a.personId, b.relatedId);
  for (const a of s.spouses)
    for (const b of s.spouses)
      if (b.personId === a.personId && b.seq > a.seq && b.relatedId === a.relatedId && overlapsPeriod(a, b))
        push('spouse-listed-twice', a.personId, b.relatedId);
  for (const r of s.spouses) {
    const death = person(r.personId).deathDate;
    if (death !== null && death < r.from) push('married-after-death', r.personId, r.relatedId);
  }
  return out;
}
