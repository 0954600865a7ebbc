/**
 * Writes model states into the register's tables (each state's persons under fresh ids, many states at
 * once) so that the invariant SQL can be asked about them: the second tier of the model-based test, which
 * compares the SQL rules with the model's own on thousands of states without running the service.
 *
 * Only what the invariants read is written: the person rows (sex, birth, death) and the relation rows that
 * hold, in the order the model recorded them (the order the database numbers them in).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../server/db/schema.ts';
import { breachesOf, type ModelState } from './model-state.ts';

/** A breach as a comparable key: rule, person and the other person where the rule names one. */
export const breachKey = (rule: string, personId: string, relatedId: string | null): string =>
  `${rule}|${personId}|${relatedId ?? ''}`;

let serial = 0;
/** A fresh, well-formed id and personal code for the n-th written person. */
function freshIdentity(): { id: string; code: string } {
  serial++;
  const hex = serial.toString(16).padStart(12, '0');
  // Personal codes starting 99 are no real birth day: they cannot collide with the register's own.
  return { id: `0000f00d-0000-4000-8000-${hex}`, code: `99${String(serial).padStart(9, '0')}` };
}

const chunks = <T>(rows: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/**
 * Writes the states and returns the breaches the model finds in them, as keys over the written ids, with the
 * state each written person belongs to (for the failure message).
 */
export async function writeStates(
  trx: Transaction<Database>,
  states: readonly ModelState[],
  now: string,
): Promise<{ expected: string[]; stateOf: Map<string, number> }> {
  const persons: Array<Record<string, unknown>> = [];
  const relations: Array<Record<string, unknown>> = [];
  const expected: string[] = [];
  const stateOf = new Map<string, number>();
  states.forEach((original, index) => {
    const ids = new Map<string, string>();
    for (const p of original.persons) {
      const { id, code } = freshIdentity();
      ids.set(p.id, id);
      stateOf.set(id, index);
      persons.push(personRow(id, code, p, now));
    }
    // The model's breaches over the written ids: a rule that names the greater of two ids must see these.
    const state = renamed(original, (id) => ids.get(id) as string);
    const rows = [
      ...state.parents.map((r) => ({ ...r, personId: r.childId, relatedId: r.parentId, kind: 'parent', to: null })),
      ...state.spouses.map((r) => ({ ...r, kind: 'spouse' })),
    ].sort((a, b) => a.seq - b.seq);
    for (const r of rows)
      relations.push({
        personId: r.personId,
        validFrom: r.from,
        validTo: r.to,
        recordedAt: now,
        supersededAt: null,
        eventId: null,
        kind: r.kind,
        relatedPersonId: r.relatedId,
      });
    for (const b of breachesOf(state)) expected.push(breachKey(b.rule, b.personId, b.relatedId));
  });
  for (const chunk of chunks(persons, 2000))
    await trx
      .insertInto('register.person')
      .values(chunk as never)
      .execute();
  for (const chunk of chunks(relations, 4000))
    await trx
      .insertInto('register.relationFact')
      .values(chunk as never)
      .execute();
  return { expected, stateOf };
}

function renamed(s: ModelState, id: (id: string) => string): ModelState {
  return {
    ...s,
    persons: s.persons.map((p) => ({ ...p, id: id(p.id) })),
    actors: s.actors.map(id),
    parents: s.parents.map((r) => ({ ...r, childId: id(r.childId), parentId: id(r.parentId) })),
    spouses: s.spouses.map((r) => ({ ...r, personId: id(r.personId), relatedId: id(r.relatedId) })),
  };
}

function personRow(id: string, code: string, p: ModelState['persons'][number], now: string): Record<string, unknown> {
  return {
    id,
    personalCode: code,
    givenNames: 'Modelis',
    surname: 'Stāvoklis',
    originalName: null,
    sex: p.sex,
    birthDate: p.birthDate,
    legalStatus: 'citizen',
    citizenships: ['LVA'],
    municipalityCode: null,
    abroadCountry: null,
    deathDate: p.deathDate,
    surnameStem: 'stavokl',
    nameFold: 'modelis stavoklis',
    searchHashes: [],
    birthYear: Number(p.birthDate.slice(0, 4)),
    registeredAt: now,
    updatedAt: now,
  };
}
