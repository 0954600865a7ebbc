/**
 * Random commands for the model-based tests: life events over a small population, with arguments that are
 * often deliberately wrong — a man as the mother, a birth after the mother's death or days after a sibling,
 * a 16- or 17-year-old marrying with or without consent, a divorce dated before the wedding, a death dated
 * before a marriage, a stale version. A command names persons by index and dates relative to the facts of
 * the state it runs on (a birth, a death, a wedding, the end of a marriage, a child's birth), so a short
 * sequence reaches the boundaries of the rules (300 days after a husband's death, 180 days between births,
 * the 16th birthday) far more often than uniformly random dates would.
 */
import fc from 'fast-check';
import { currentName, personOf, plusDays, type ModelState } from './model-state.ts';
import type { ResolvedEvent } from './model-events.ts';

/**
 * A date relative to a fact of a person (`who`: an index into the cast, or -1 for the person the event is
 * about): `years` then `days` after it. Today when the person has no such fact.
 */
export interface DateSpec {
  anchor: 'today' | 'birth' | 'death' | 'wedding' | 'marriage-end' | 'child-birth';
  who: number;
  years: number;
  days: number;
}

/** A person of the cast by index, among those of a sex (mostly the one the role needs) or among all. */
export interface PersonPick {
  i: number;
  among: 'F' | 'M' | 'all';
}

export type Command =
  | {
      kind: 'birth';
      mother: PersonPick;
      father: PersonPick | null;
      sex: 'M' | 'F';
      date: DateSpec;
      confirmClose: boolean;
    }
  | {
      kind: 'marriage';
      person: number;
      /** `opposite`: among the persons of the other sex. */
      spouse: { i: number; among: 'opposite' | 'all' };
      date: DateSpec;
      consent: boolean;
      stale: 'none' | 'person' | 'spouse';
      newSurname: boolean;
    }
  | { kind: 'divorce'; person: number; spouse: number | 'own'; date: DateSpec }
  | { kind: 'death'; person: number; date: DateSpec }
  | { kind: 'name-change'; person: number; date: DateSpec; same: boolean }
  | { kind: 'residence'; person: number; date: DateSpec }
  | { kind: 'correction'; person: number; field: 'surname' | 'birthPlace'; empty: boolean };

/** Offsets that sit on the rules' edges (a day, 180 days, 300 days), and anything within ten years. */
const days = fc.oneof(
  fc.constantFrom(-302, -301, -300, -299, -181, -180, -179, -2, -1, 0, 1, 2, 179, 180, 181, 299, 300, 301, 302),
  fc.integer({ min: -3650, max: 3650 }),
);
const anchorPerson = fc.oneof(fc.constant(-1), fc.nat(9));
const dateSpec: fc.Arbitrary<DateSpec> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      anchor: fc.constant<'today'>('today'),
      who: fc.constant(-1),
      years: fc.constant(0),
      days: fc.oneof(fc.integer({ min: -6000, max: 10 }), fc.integer({ min: -25000, max: 10 })),
    }),
  },
  {
    // Around the 12th, 16th and 18th birthdays, or any adult age.
    weight: 2,
    arbitrary: fc.record({
      anchor: fc.constant<'birth'>('birth'),
      who: anchorPerson,
      years: fc.oneof(fc.integer({ min: 11, max: 19 }), fc.integer({ min: 20, max: 45 })),
      days: fc.integer({ min: -400, max: 400 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      anchor: fc.constantFrom('death', 'wedding', 'marriage-end', 'child-birth'),
      who: anchorPerson,
      years: fc.constant(0),
      days,
    }),
  },
);
const who = fc.nat(9);
/** A date on the edge of a fact of the event's own person (its mother's, for a birth). */
const edgeOf = (anchor: DateSpec['anchor'], offsets: readonly number[]): fc.Arbitrary<DateSpec> =>
  fc.record({
    anchor: fc.constant(anchor),
    who: fc.constant(-1),
    years: fc.constant(0),
    days: fc.constantFrom(...offsets),
  });
/** Births near a sibling's (twins, 180 days) and near the end of the mother's marriage (300 days). */
const birthDate = fc.oneof(
  { weight: 3, arbitrary: dateSpec },
  { weight: 1, arbitrary: edgeOf('child-birth', [-181, -180, -179, -2, -1, 0, 1, 2, 3, 179, 180, 181]) },
  { weight: 1, arbitrary: edgeOf('marriage-end', [-100, 0, 299, 300, 300, 301, 301, 302]) },
);
/** Weddings after (or, wrongly, during) the end of an earlier marriage; divorces around the wedding day. */
const weddingDate = fc.oneof(
  { weight: 3, arbitrary: dateSpec },
  { weight: 1, arbitrary: edgeOf('marriage-end', [-400, -1, 0, 1, 30, 400]) },
);
const divorceDate = fc.oneof(
  { weight: 3, arbitrary: dateSpec },
  { weight: 1, arbitrary: edgeOf('wedding', [-30, -1, 0, 1, 2, 700]) },
);
const pick = (sex: 'F' | 'M'): fc.Arbitrary<PersonPick> =>
  fc.record({ i: who, among: fc.constantFrom<PersonPick['among']>(sex, sex, sex, 'all') });

export const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: birth() },
  { weight: 4, arbitrary: marriage() },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('divorce'),
      person: who,
      spouse: fc.oneof(fc.constant<'own'>('own'), fc.constant<'own'>('own'), who),
      date: divorceDate,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('death'), person: who, date: dateSpec }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('name-change'), person: who, date: dateSpec, same: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('residence'), person: who, date: dateSpec }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('correction'),
      person: who,
      field: fc.constantFrom('surname', 'birthPlace'),
      empty: fc.boolean(),
    }),
  },
) as fc.Arbitrary<Command>;

function birth() {
  return fc.record({
    kind: fc.constant('birth'),
    mother: pick('F'),
    father: fc.option(pick('M'), { freq: 2 }),
    sex: fc.constantFrom('M', 'F'),
    date: birthDate,
    confirmClose: fc.constantFrom(false, false, true),
  });
}

function marriage() {
  return fc.record({
    kind: fc.constant('marriage'),
    person: who,
    spouse: fc.record({ i: who, among: fc.constantFrom<'opposite' | 'all'>('opposite', 'opposite', 'all') }),
    date: weddingDate,
    consent: fc.boolean(),
    stale: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'person', 'spouse'),
    newSurname: fc.boolean(),
  });
}

/** A sequence: which persons of the pool take part, and 3–8 commands. */
export const sequenceArbitrary = (poolSize: number) =>
  fc.record({
    cast: fc.uniqueArray(fc.nat(poolSize - 1), { minLength: 4, maxLength: 6 }),
    commands: fc.array(commandArbitrary, { minLength: 3, maxLength: 8 }),
  });
export type Sequence = { cast: number[]; commands: Command[] };

/** The fact a date is counted from (of the event's own person when `who` is -1), or today when there is none. */
function anchorDate(s: ModelState, spec: DateSpec, subjectId: string): string | undefined {
  const id = spec.who < 0 ? subjectId : actorId(s, spec.who);
  const p = s.persons.find((x) => x.id === id);
  if (!p || spec.anchor === 'today') return undefined;
  const latest = (dates: ReadonlyArray<string | null>) =>
    dates
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1);
  switch (spec.anchor) {
    case 'birth':
      return p.birthDate;
    case 'death':
      return p.deathDate ?? undefined;
    case 'wedding':
      return latest(s.spouses.filter((r) => r.personId === p.id).map((r) => r.from));
    case 'marriage-end':
      return latest(s.spouses.filter((r) => r.personId === p.id).map((r) => r.dissolved));
    case 'child-birth':
      return latest(s.parents.filter((r) => r.parentId === p.id).map((r) => personOf(s, r.childId).birthDate));
  }
}

export function resolveDate(s: ModelState, spec: DateSpec, subjectId: string): string {
  const from = anchorDate(s, spec, subjectId);
  if (from === undefined) return plusDays(s.today, Math.min(spec.days, 10) - (spec.anchor === 'today' ? 0 : 30));
  const year = Number(from.slice(0, 4)) + spec.years;
  const monthDay = from.slice(4) === '-02-29' ? '-02-28' : from.slice(4);
  return plusDays(`${year}${monthDay}`, spec.days);
}

const GIVEN = ['Anna', 'Kristaps', 'Zigrīda', 'Olafs', 'Ieva', 'Bruno', 'Līga', 'Teodors'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ster', 'vu', 'dre', 'pil', 'zan', 'gos', 'tur', 'bek', 'nai', 'rum', 'fel'];
/** A surname no one else in the register bears (so the birth is never held as a look-alike). */
export function uniqueSurname(n: number): string {
  const parts = [7, 11, 13].map((m, i) => SYLLABLES[(Math.floor(n / (i + 1)) * m + i) % SYLLABLES.length]);
  const s = `${parts.join('')}${n.toString(36)}`;
  return `Q${s}s`;
}

const actorId = (s: ModelState, i: number): string => s.actors[i % s.actors.length] as string;

/** The i-th actor among those of a sex (all actors when none is of that sex). */
function pickActor(s: ModelState, i: number, among: 'F' | 'M' | 'all'): string {
  const ids = s.actors.filter((id) => among === 'all' || personOf(s, id).sex === among);
  return (ids.length ? ids : s.actors)[i % (ids.length || s.actors.length)] as string;
}

/** The command with persons and dates fixed on the state; `serial` makes the new child's name unique. */
export function resolve(s: ModelState, c: Command, serial: number): ResolvedEvent {
  const id = (i: number) => actorId(s, i);
  const nameOf = (i: number) => currentName(personOf(s, id(i)), s.today);
  switch (c.kind) {
    case 'birth': {
      const motherId = pickActor(s, c.mother.i, c.mother.among);
      return {
        kind: 'birth',
        motherId,
        fatherId: c.father === null ? null : pickActor(s, c.father.i, c.father.among),
        sex: c.sex,
        birthDate: resolveDate(s, c.date, motherId),
        confirmClose: c.confirmClose,
        givenNames: GIVEN[serial % GIVEN.length] as string,
        surname: uniqueSurname(serial),
      };
    }
    case 'marriage': {
      const current = nameOf(c.person)?.surname ?? '';
      return {
        kind: 'marriage',
        personId: id(c.person),
        spouseId: pickActor(
          s,
          c.spouse.i,
          c.spouse.among === 'all' ? 'all' : personOf(s, id(c.person)).sex === 'F' ? 'M' : 'F',
        ),
        date: resolveDate(s, c.date, id(c.person)),
        consent: c.consent,
        stale: c.stale,
        surname: c.newSurname ? `${current}-Laulāt` : current,
      };
    }
    case 'divorce': {
      const own = s.spouses.find((r) => r.personId === id(c.person) && r.to === null)?.relatedId;
      const spouseId = c.spouse === 'own' ? (own ?? id(c.person + 1)) : id(c.spouse);
      return { kind: 'divorce', personId: id(c.person), spouseId, date: resolveDate(s, c.date, id(c.person)) };
    }
    case 'death':
      return { kind: 'death', personId: id(c.person), date: resolveDate(s, c.date, id(c.person)) };
    case 'name-change': {
      const now = nameOf(c.person);
      return {
        kind: 'name-change',
        personId: id(c.person),
        date: resolveDate(s, c.date, id(c.person)),
        givenNames: now?.givenNames ?? 'Vārds',
        surname: c.same ? (now?.surname ?? '') : `${now?.surname ?? ''}-Jauns`,
      };
    }
    case 'residence':
      return { kind: 'residence', personId: id(c.person), date: resolveDate(s, c.date, id(c.person)) };
    case 'correction':
      return {
        kind: 'correction',
        personId: id(c.person),
        field: c.field,
        value: c.empty ? (c.field === 'surname' ? ' ' : '') : `Labots${serial}`,
      };
  }
}
