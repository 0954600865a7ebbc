/**
 * The reference model's life events: for each, what the law and the register's rules say about accepting
 * it (the refusal the model expects, in the order an officer meets them) and the state after it.
 *
 * A refusal is named as the service names it: `register.<rule>` for a refused rule, `field:<reason>` for
 * a refused field. Event-time checks come first, in the service's order; then the event is applied and
 * the first rule (in the SQL set's order) that the new state breaks refuses it.
 */
import { yearsBetween, type PlainDate } from '../../shared/kernel/plain-date.ts';
import {
  breachesOf,
  cloneState,
  currentName,
  cutFrom,
  endMarriage,
  personOf,
  plusDays,
  type ModelPerson,
  type ModelState,
  type SpouseRow,
} from './model-state.ts';

/** A command with its persons and dates resolved against the state it runs on. */
export type ResolvedEvent =
  | {
      kind: 'birth';
      motherId: string;
      fatherId: string | null;
      sex: 'M' | 'F';
      birthDate: string;
      confirmClose: boolean;
      givenNames: string;
      surname: string;
    }
  | {
      kind: 'marriage';
      personId: string;
      spouseId: string;
      date: string;
      consent: boolean;
      stale: 'none' | 'person' | 'spouse';
      surname: string;
    }
  | { kind: 'divorce'; personId: string; spouseId: string; date: string }
  | { kind: 'death'; personId: string; date: string }
  | { kind: 'name-change'; personId: string; date: string; givenNames: string; surname: string }
  | { kind: 'residence'; personId: string; date: string }
  | { kind: 'correction'; personId: string; field: 'surname' | 'birthPlace'; value: string };

export type Prediction = { accepted: true } | { accepted: false; refusal: string };

/** The SQL set's order: when an event breaks several rules, the first of them refuses it. */
export const RULE_ORDER = [
  'parent-is-self',
  'parent-listed-twice',
  'more-than-two-parents',
  'parents-same-sex',
  'parent-too-young',
  'mother-dead-before-birth',
  'father-dead-before-conception',
  'death-before-birth',
  'spouses-same-sex',
  'spouse-under-age',
  'spouse-not-mutual',
  'two-spouses-at-once',
  'spouse-listed-twice',
  'married-after-death',
] as const;

/** UNSOURCED plausibility floor the register uses: two births to one mother less than this many days apart ask for confirmation. */
export const MIN_DAYS_BETWEEN_BIRTHS = 180;

/** Thrown by an event-time check: the refusal the model expects. */
class Refused extends Error {
  readonly refusal: string;
  constructor(refusal: string) {
    super(refusal);
    this.refusal = refusal;
  }
}
const refuse = (refusal: string): never => {
  throw new Refused(refusal);
};

/**
 * What the register should answer to `event` on `state`, and the state after it (the new person's id, for
 * a birth, is `newId`). The state after is given also for a refused event — what the register would hold
 * had it not refused (the forced state the invariant SQL is compared on).
 */
export function predict(
  state: ModelState,
  event: ResolvedEvent,
  newId: string,
): { prediction: Prediction; after: ModelState } {
  try {
    checkBeforeApplying(state, event, state.today);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    return { prediction: { accepted: false, refusal: e.refusal }, after: apply(state, event, newId) };
  }
  const after = apply(state, event, newId);
  const broken = breachesOf(after).map((b) => RULE_ORDER.indexOf(b.rule as (typeof RULE_ORDER)[number]));
  if (broken.length === 0) return { prediction: { accepted: true }, after };
  return { prediction: { accepted: false, refusal: `register.${RULE_ORDER[Math.min(...broken)]}` }, after };
}

const age = (p: ModelPerson, on: string) => yearsBetween(p.birthDate as PlainDate, on as PlainDate);
const openSpouses = (s: ModelState, id: string): SpouseRow[] =>
  s.spouses.filter((r) => r.personId === id && r.to === null);

function checkBeforeApplying(s: ModelState, e: ResolvedEvent, today: string): void {
  switch (e.kind) {
    case 'birth':
      return checkBirth(s, e, today);
    case 'marriage':
    case 'divorce':
      return checkMarriageOrDivorce(s, e, today);
    case 'death':
      checkLifeEvent(s, e.personId, e.date, today);
      return checkNothingLater(s, e.personId, e.date);
    case 'name-change': {
      const p = checkLifeEvent(s, e.personId, e.date, today);
      const now = currentName(p, today);
      if (now?.givenNames === e.givenNames && now.surname === e.surname) refuse('field:same-as-current');
      return;
    }
    case 'residence': {
      const p = checkLifeEvent(s, e.personId, e.date, today);
      const current = p.addresses.find((a) => a.to === null);
      if (current && e.date <= current.from) refuse('field:before-current-address');
      return;
    }
    case 'correction':
      if (e.field === 'surname' && !e.value.trim()) refuse('field:value');
      return;
  }
}

/** A life event on one person: they live, the date is not to come and not before their birth. */
function checkLifeEvent(s: ModelState, id: string, date: string, today: string): ModelPerson {
  const p = personOf(s, id);
  if (p.deathDate !== null) refuse('register.person-dead');
  if (date > today) refuse('field:future-date');
  if (date < p.birthDate) refuse('field:before-birth');
  return p;
}

/** A death may not be dated before a fact that shows the person alive later (their own marriage, name, address). */
function checkNothingLater(s: ModelState, id: string, date: string): void {
  const p = personOf(s, id);
  const later = [
    ...s.spouses.filter((r) => r.personId === id).map((r) => r.from),
    ...p.names.map((n) => n.from),
    ...p.addresses.map((a) => a.from),
  ].some((from) => from > date);
  if (later) refuse('register.death-before-later-fact');
}

/**
 * Civil Law, Section 146: the father is the man named, or else the mother's husband on the day of the
 * birth, or her husband in a marriage that ended (by divorce or his death) no more than 300 days before it.
 */
export function presumedFather(s: ModelState, motherId: string, birthDate: string): string | null {
  const rows = s.spouses
    .filter((r) => r.personId === motherId && r.from <= birthDate)
    .filter((r) => r.to === null || r.to > birthDate || plusDays(r.dissolved as string, 300) >= birthDate)
    .sort((a, b) => (a.from < b.from ? 1 : -1));
  return rows[0]?.relatedId ?? null;
}

function checkBirth(s: ModelState, e: Extract<ResolvedEvent, { kind: 'birth' }>, today: string): void {
  if (e.birthDate > today) refuse('field:future-date');
  const mother = personOf(s, e.motherId);
  const fatherId = e.fatherId ?? presumedFather(s, e.motherId, e.birthDate);
  const father = fatherId ? personOf(s, fatherId) : undefined;
  if (e.birthDate < mother.birthDate || (father && e.birthDate < father.birthDate)) refuse('field:before-parent-birth');
  if (mother.sex !== 'F') refuse('field:mother-not-female');
  if (father && father.id === mother.id) refuse('field:same-person');
  if (father && father.sex !== 'M') refuse('field:father-not-male');
  // Twins are born the same day or the next; another child of the mother born closer than that asks for confirmation.
  const siblings = s.parents.filter((r) => r.parentId === mother.id).map((r) => personOf(s, r.childId).birthDate);
  const days = (a: string, b: string) => Math.abs((Date.parse(a) - Date.parse(b)) / 86_400_000);
  if (
    !e.confirmClose &&
    siblings.some((d) => days(d, e.birthDate) > 1 && days(d, e.birthDate) < MIN_DAYS_BETWEEN_BIRTHS)
  )
    refuse('register.births-too-close');
}

function checkMarriageOrDivorce(
  s: ModelState,
  e: Extract<ResolvedEvent, { kind: 'marriage' | 'divorce' }>,
  today: string,
): void {
  if (e.personId === e.spouseId) refuse('field:same-person');
  if (e.kind === 'marriage' && e.stale !== 'none') refuse('register.stale-version');
  const person = personOf(s, e.personId);
  const spouse = personOf(s, e.spouseId);
  if (person.deathDate !== null || spouse.deathDate !== null) refuse('register.person-dead');
  if (e.date > today) refuse('field:future-date');
  if (e.kind === 'divorce') {
    const marriage = openSpouses(s, e.personId).find((r) => r.relatedId === e.spouseId);
    if (!marriage) refuse('register.not-spouses');
    // A divorce ends a marriage that began before it; dated on or before the wedding it would erase the marriage.
    if (marriage && e.date <= marriage.from) refuse('register.divorce-before-marriage');
    return;
  }
  // Civil Law, Section 33: 18, or 16 with written consent and only to an adult.
  for (const [p, other] of [
    [person, spouse],
    [spouse, person],
  ] as const) {
    if (age(p, e.date) >= 18) continue;
    if (age(p, e.date) < 16) refuse('field:under-16');
    if (age(other, e.date) < 18) refuse('field:minor-marries-adult-only');
    if (!e.consent) refuse('field:minor-needs-consent');
  }
  // Civil Law: not a parent and child, nor brothers and sisters (half ones too).
  const parentsOf = (id: string) => new Set(s.parents.filter((r) => r.childId === id).map((r) => r.parentId));
  const [mine, theirs] = [parentsOf(e.personId), parentsOf(e.spouseId)];
  if (mine.has(e.spouseId) || theirs.has(e.personId) || [...mine].some((id) => theirs.has(id)))
    refuse('register.marriage-between-relatives');
  if (openSpouses(s, e.personId).length || openSpouses(s, e.spouseId).length) refuse('register.already-married');
}

/** The state after the event (no checks). */
export function apply(state: ModelState, e: ResolvedEvent, newId: string): ModelState {
  const s = cloneState(state);
  switch (e.kind) {
    case 'birth':
      applyBirth(s, e, newId);
      break;
    case 'marriage':
      applyMarriage(s, e);
      break;
    case 'divorce':
      endMarriage(s, e.personId, e.spouseId, e.date, e.date);
      endMarriage(s, e.spouseId, e.personId, e.date, e.date);
      break;
    case 'death':
      applyDeath(s, e.personId, e.date);
      break;
    case 'name-change': {
      const p = personOf(s, e.personId);
      p.names = cutFrom(p.names, e.date, { from: e.date, to: null, givenNames: e.givenNames, surname: e.surname });
      break;
    }
    case 'residence': {
      const p = personOf(s, e.personId);
      p.addresses = cutFrom(p.addresses, e.date, { from: e.date, to: null });
      break;
    }
    case 'correction': {
      const p = personOf(s, e.personId);
      const latest = [...p.names].sort((a, b) => (a.from < b.from ? 1 : -1))[0];
      if (e.field === 'surname' && latest) latest.surname = e.value;
      break;
    }
  }
  return s;
}

/** Both spouses' rows from the day; the person's surname from the day too when the certificate changes it. */
function applyMarriage(s: ModelState, e: Extract<ResolvedEvent, { kind: 'marriage' }>): void {
  for (const [a, b] of [
    [e.personId, e.spouseId],
    [e.spouseId, e.personId],
  ] as const)
    s.spouses.push({ seq: s.nextSeq++, personId: a, relatedId: b, from: e.date, to: null, dissolved: null });
  const p = personOf(s, e.personId);
  const now = currentName(p, s.today);
  if (now && e.surname !== now.surname)
    p.names = cutFrom(p.names, e.date, { from: e.date, to: null, givenNames: now.givenNames, surname: e.surname });
}

function applyBirth(s: ModelState, e: Extract<ResolvedEvent, { kind: 'birth' }>, newId: string): void {
  const fatherId = e.fatherId ?? presumedFather(s, e.motherId, e.birthDate);
  const mother = personOf(s, e.motherId);
  s.persons.push({
    id: newId,
    sex: e.sex,
    birthDate: e.birthDate,
    deathDate: null,
    names: [{ from: e.birthDate, to: null, givenNames: e.givenNames, surname: e.surname }],
    // The child is declared at the mother's current address from birth, when she has one.
    addresses: mother.addresses.some((a) => a.to === null) ? [{ from: e.birthDate, to: null }] : [],
  });
  s.actors.push(newId);
  for (const parentId of [e.motherId, ...(fatherId ? [fatherId] : [])])
    s.parents.push({ seq: s.nextSeq++, childId: newId, parentId, from: e.birthDate });
}

/** A death ends the person's marriages that hold on: both spouses' rows end with the day of death. */
function applyDeath(s: ModelState, id: string, date: string): void {
  personOf(s, id).deathDate = date;
  for (const r of s.spouses.filter((x) => x.personId === id && x.to === null)) {
    endMarriage(s, id, r.relatedId, plusDays(date, 1), date);
    endMarriage(s, r.relatedId, id, plusDays(date, 1), date);
  }
}
