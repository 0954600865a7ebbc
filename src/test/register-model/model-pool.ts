/**
 * The synthetic population every sequence starts from: twenty persons of both sexes and every age that
 * matters to the rules (15, 16 and 17-year-olds, adults, the old), two marriages that hold, one ended by
 * divorce, one by the husband's death (his widow is within 300 days of it on some days a sequence picks),
 * a man long dead, a child born in a marriage and a declared address. Created once, through the same
 * service and model as the sequences, and committed: each sequence's changes are rolled back.
 */
import { expect } from 'vitest';
import type { Db } from '../../server/db/database.ts';
import type { Clock } from '../../server/platform/clock.ts';
import { apply, predict, type ResolvedEvent } from './model-events.ts';
import { emptyState, type ModelState } from './model-state.ts';
import { inOneTransaction, OFFICER, runOnService } from './service-runner.ts';

const PERSONS: ReadonlyArray<{ key: string; sex: 'M' | 'F'; birthDate: string; givenNames: string; surname: string }> =
  [
    { key: 'w1950', sex: 'F', birthDate: '1950-03-10', givenNames: 'Austra', surname: 'Modele' },
    { key: 'w1968', sex: 'F', birthDate: '1968-07-21', givenNames: 'Velta', surname: 'Paraudziņa' },
    { key: 'w1979', sex: 'F', birthDate: '1979-02-28', givenNames: 'Dzintra', surname: 'Pārbaudīte' },
    { key: 'w1988', sex: 'F', birthDate: '1988-12-01', givenNames: 'Sarmīte', surname: 'Izmēģe' },
    { key: 'w1996', sex: 'F', birthDate: '1996-05-15', givenNames: 'Ilze', surname: 'Šablone' },
    { key: 'w2008', sex: 'F', birthDate: '2008-02-29', givenNames: 'Elīza', surname: 'Paraugiete' },
    { key: 'w2009', sex: 'F', birthDate: '2009-08-08', givenNames: 'Rūta', surname: 'Testiņa' },
    { key: 'w2010', sex: 'F', birthDate: '2010-12-01', givenNames: 'Marta', surname: 'Mēģe' },
    { key: 'w2012', sex: 'F', birthDate: '2012-06-30', givenNames: 'Laura', surname: 'Paraudze' },
    { key: 'm1948', sex: 'M', birthDate: '1948-01-05', givenNames: 'Voldemārs', surname: 'Modelis' },
    { key: 'm1965', sex: 'M', birthDate: '1965-04-04', givenNames: 'Gunārs', surname: 'Paraudziņš' },
    { key: 'm1975', sex: 'M', birthDate: '1975-09-09', givenNames: 'Raimonds', surname: 'Šablons' },
    { key: 'm1985', sex: 'M', birthDate: '1985-10-10', givenNames: 'Aivars', surname: 'Izmēģis' },
    { key: 'w1992', sex: 'F', birthDate: '1992-10-31', givenNames: 'Kristīne', surname: 'Raudzīte' },
    { key: 'm1970', sex: 'M', birthDate: '1970-08-17', givenNames: 'Imants', surname: 'Paraugs' },
    { key: 'm1994', sex: 'M', birthDate: '1994-03-03', givenNames: 'Edgars', surname: 'Pārbaudis' },
    { key: 'm1999', sex: 'M', birthDate: '1999-01-31', givenNames: 'Kārlis', surname: 'Raudzis' },
    { key: 'm2008', sex: 'M', birthDate: '2008-12-24', givenNames: 'Toms', surname: 'Testiņš' },
    { key: 'm2010', sex: 'M', birthDate: '2010-06-15', givenNames: 'Roberts', surname: 'Mēģis' },
  ];

/** The pool's history, in the order it is recorded (all of it lawful). */
function setupEvents(id: (key: string) => string): ResolvedEvent[] {
  const marriage = (a: string, b: string, date: string): ResolvedEvent => ({
    kind: 'marriage',
    personId: id(a),
    spouseId: id(b),
    date,
    consent: false,
    stale: 'none',
    surname: PERSONS.find((p) => p.key === a)?.surname as string,
  });
  return [
    marriage('w1950', 'm1948', '1970-01-10'),
    { kind: 'divorce', personId: id('w1950'), spouseId: id('m1948'), date: '1999-09-09' },
    { kind: 'death', personId: id('m1948'), date: '2025-01-15' },
    marriage('w1968', 'm1965', '1990-06-16'),
    marriage('w1988', 'm1985', '2012-08-18'),
    { kind: 'residence', personId: id('w1988'), date: '2013-01-01' },
    {
      kind: 'birth',
      motherId: id('w1988'),
      fatherId: null,
      sex: 'M',
      birthDate: '2014-03-03',
      confirmClose: false,
      givenNames: 'Mārtiņš',
      surname: 'Izmēģis',
    },
    marriage('w1996', 'm1975', '2019-05-05'),
    { kind: 'death', personId: id('m1975'), date: '2025-10-01' },
  ];
}

/** Creates the pool (committed) and returns the model's state of it; every step must be accepted by both. */
export async function createPool(
  db: Db,
  clock: Clock & { advance(ms: number): void },
  today: string,
): Promise<ModelState> {
  return inOneTransaction(
    db,
    clock,
    async (register, trx) => {
      let state = emptyState(today);
      const ids = new Map<string, string>();
      for (const p of PERSONS) {
        const { personId } = await register.createPerson(trx, OFFICER, {
          kind: 'birth',
          givenNames: p.givenNames,
          surname: p.surname,
          sex: p.sex,
          birthDate: p.birthDate,
          birthCountry: 'LVA',
          legalStatus: 'citizen',
          citizenships: ['LVA'],
          address: null,
          housingBasis: '',
          parents: [],
          legalBasis: 'Fizisko personu reģistra likums',
          sourceDocument: 'Modeļa populācija',
        });
        ids.set(p.key, personId);
        state.persons.push({
          id: personId,
          sex: p.sex,
          birthDate: p.birthDate,
          deathDate: null,
          names: [{ from: p.birthDate, to: null, givenNames: p.givenNames, surname: p.surname }],
          addresses: [],
        });
        state.actors.push(personId);
      }
      for (const event of setupEvents((key) => ids.get(key) as string)) {
        clock.advance(1000);
        expect(predict(state, event, 'new').prediction, JSON.stringify(event)).toEqual({ accepted: true });
        const outcome = await runOnService(register, trx, event);
        expect(outcome, JSON.stringify(event)).toMatchObject({ accepted: true });
        state = apply(state, event, outcome.accepted ? (outcome.newPersonId ?? '') : '');
      }
      return state;
    },
    { commit: true },
  );
}
