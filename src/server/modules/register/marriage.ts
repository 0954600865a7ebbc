/**
 * Marriage and divorce: one life event on each of the two persons, in one transaction, changing the
 * spouse relation of both and, where the certificate says so, their surnames.
 */
import { yearsBetween, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { PersonRow, RelationFactRow } from './register.repository.ts';
import {
  checkPastDate,
  checkVersion,
  invalid,
  requireAlive,
  requirePerson,
  type RegisterContext,
} from './register-context.ts';
import { recordEvent } from './event-recording.ts';
import { LEGAL_BASIS, type ActionContext, type FactChange } from './register-model.ts';

export type MarriageKind = 'marriage' | 'divorce';

export interface MarriageInput {
  effectiveDate: string;
  spouseId: string;
  spouseExpectedVersion: number;
  surname: string;
  spouseSurname: string;
  legalBasis?: string | undefined;
  sourceDocument: string;
  expectedVersion: number;
  /** For a spouse of 16 or 17: who consented in writing, and the document (Civil Law, Section 33). */
  minorConsent?: { givenBy: 'parents' | 'guardians' | 'orphans-court'; document: string } | undefined;
}

export async function recordMarriageOrDivorce(
  register: RegisterContext,
  ctx: ActionContext,
  kind: MarriageKind,
  personId: string,
  input: MarriageInput,
) {
  if (personId === input.spouseId) invalid('spouseId', 'A person cannot marry themselves', 'same-person');
  return register.db.transaction().execute(async (trx) => {
    const { person, spouse } = await lockPair(register, trx, personId, input);
    checkPastDate(register, 'effectiveDate', input.effectiveDate, 'The date');
    const facts = await register.repository.allFacts(trx, personId);
    const married = currentSpouses(facts.relation);
    if (kind === 'marriage') {
      await checkMayMarry(register, trx, person, spouse, facts.relation, input);
    } else {
      checkMayDivorce(married, spouse, input.effectiveDate);
    }
    const r = await recordPairEvents(register, trx, ctx, kind, person, spouse, input);
    return { personId, ...r, version: (await register.repository.personById(trx, personId))?.version ?? r.version };
  });
}

/** Locks both persons and checks the versions the officer saw and that both live. */
async function lockPair(
  register: RegisterContext,
  trx: DbExecutor,
  personId: string,
  input: MarriageInput,
): Promise<{ person: PersonRow; spouse: PersonRow }> {
  // Lock in id order so two events on the same pair cannot deadlock.
  const [firstId, secondId] = [personId, input.spouseId].sort() as [string, string];
  const first = await requirePerson(register, trx, firstId, true);
  const second = await requirePerson(register, trx, secondId, true);
  const person = first.id === personId ? first : second;
  const spouse = first.id === personId ? second : first;
  checkVersion(person, input.expectedVersion);
  checkVersion(spouse, input.spouseExpectedVersion, 'spouseExpectedVersion');
  requireAlive(person);
  requireAlive(spouse, 'spouseId');
  return { person, spouse };
}

/** The spouse relations that hold now and have no end. */
const currentSpouses = (relations: readonly RelationFactRow[]): RelationFactRow[] =>
  relations.filter((r) => r.kind === 'spouse' && r.supersededAt === null && r.validTo === null);

/**
 * Civil Law, Section 33: both are 18 on the day; in exception a person of 16 or 17 may marry an adult with
 * the written consent of their parents, guardians or the orphans' court (the consent is on the event).
 * Neither may be married already.
 */
async function checkMayMarry(
  register: RegisterContext,
  trx: DbExecutor,
  person: PersonRow,
  spouse: PersonRow,
  relations: readonly RelationFactRow[],
  input: MarriageInput,
): Promise<void> {
  const married = currentSpouses(relations);
  const age = (p: PersonRow) => yearsBetween(p.birthDate as PlainDate, input.effectiveDate as PlainDate);
  for (const [p, other, path] of [
    [person, spouse, 'personId'],
    [spouse, person, 'spouseId'],
  ] as const) {
    if (age(p) >= 18) continue;
    const name = `${p.givenNames} ${p.surname}`;
    if (age(p) < 16) invalid(path, `${name} is under 16 on that date`, 'under-16');
    if (age(other) < 18) invalid(path, `${name} is under 18 and may marry only an adult`, 'minor-marries-adult-only');
    if (!input.minorConsent)
      invalid(
        'minorConsent',
        `${name} is under 18: the written consent of parents, guardians or the orphans' court is needed`,
        'minor-needs-consent',
      );
  }
  const spouseFacts = await register.repository.allFacts(trx, spouse.id);
  checkNotRelated(person, spouse, relations, spouseFacts.relation, input.effectiveDate);
  if (married.length) {
    throw new AppError('INVALID_STATE', `${person.givenNames} ${person.surname} is already married`, {
      details: [{ path: 'personId', message: 'already married' }],
      rule: { id: 'register.already-married', values: { name: `${person.givenNames} ${person.surname}` } },
    });
  }
  if (currentSpouses(spouseFacts.relation).length) {
    throw new AppError('INVALID_STATE', `${spouse.givenNames} ${spouse.surname} is already married`, {
      details: [{ path: 'spouseId', message: 'already married' }],
      rule: { id: 'register.already-married', values: { name: `${spouse.givenNames} ${spouse.surname}` } },
    });
  }
}

/** The parent and guardian rows that hold on `date` (a relation row points from the child or ward to them). */
const heldOn = (relations: readonly RelationFactRow[], kind: 'parent' | 'guardian', date: string) =>
  relations.filter(
    (r) =>
      r.kind === kind && r.supersededAt === null && r.validFrom <= date && (r.validTo === null || r.validTo > date),
  );

/**
 * The Civil Law forbids marriage between a parent and child, between brothers and sisters (half ones too), and
 * between a guardian and the ward while the guardianship holds. Checked where the marriage is made, from both
 * persons' recorded parents and guardians.
 */
function checkNotRelated(
  person: PersonRow,
  spouse: PersonRow,
  personRelations: readonly RelationFactRow[],
  spouseRelations: readonly RelationFactRow[],
  date: string,
): void {
  const names = (rows: readonly RelationFactRow[]) => new Set(rows.map((r) => r.relatedPersonId));
  const parentsOfPerson = names(heldOn(personRelations, 'parent', date));
  const parentsOfSpouse = names(heldOn(spouseRelations, 'parent', date));
  const relation =
    parentsOfPerson.has(spouse.id) || parentsOfSpouse.has(person.id)
      ? 'parent'
      : [...parentsOfPerson].some((id) => parentsOfSpouse.has(id))
        ? 'siblings'
        : names(heldOn(personRelations, 'guardian', date)).has(spouse.id) ||
            names(heldOn(spouseRelations, 'guardian', date)).has(person.id)
          ? 'guardian'
          : null;
  if (!relation) return;
  throw new AppError('INVALID_STATE', `The Civil Law forbids this marriage (${relation})`, {
    details: [{ path: 'spouseId', message: relation }],
    rule: { id: 'register.marriage-between-relatives', values: { relation } },
  });
}

/**
 * A divorce ends the marriage that holds now, on a day after it began: dated on or before the wedding, it
 * would erase the whole marriage from the register instead of ending it.
 */
function checkMayDivorce(married: readonly RelationFactRow[], spouse: PersonRow, date: string): void {
  const marriage = married.find((r) => r.relatedPersonId === spouse.id);
  if (!marriage)
    throw new AppError('INVALID_STATE', 'These persons are not married to each other', {
      details: [{ path: 'spouseId', message: 'not the current spouse' }],
      rule: { id: 'register.not-spouses' },
    });
  if (date <= marriage.validFrom)
    throw new AppError('INVALID_STATE', `The marriage began on ${marriage.validFrom}: a divorce is dated after it`, {
      details: [{ path: 'effectiveDate', message: `not after the wedding on ${marriage.validFrom}` }],
      rule: { id: 'register.divorce-before-marriage', values: { date: marriage.validFrom } },
    });
}

/**
 * The person's event carries both spouse relations and the person's new surname; the spouse's event
 * only the spouse's new surname. Returns the person's event.
 */
async function recordPairEvents(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  kind: MarriageKind,
  person: PersonRow,
  spouse: PersonRow,
  input: MarriageInput,
): Promise<{ eventId: string; version: number }> {
  const period = { validFrom: input.effectiveDate, validTo: null };
  const relationChange = (a: string, b: string): FactChange =>
    kind === 'marriage'
      ? { personId: a, fact: 'relation', period, payload: { kind: 'spouse', relatedPersonId: b }, append: true }
      : { personId: a, fact: 'relation', period, scope: (r) => r.kind === 'spouse' && r.relatedPersonId === b };
  const nameChange = (p: PersonRow, surname: string): FactChange[] =>
    surname === p.surname
      ? []
      : [
          {
            personId: p.id,
            fact: 'name',
            period,
            payload: { givenNames: p.givenNames, surname, originalName: p.originalName },
          },
        ];
  const legalBasis = input.legalBasis ?? LEGAL_BASIS.civilStatus;
  const r = await recordEvent(
    register,
    trx,
    ctx,
    {
      personId: person.id,
      kind,
      effectiveDate: input.effectiveDate,
      legalBasis,
      sourceDocument: input.sourceDocument,
      details: {
        spouseId: spouse.id,
        surname: input.surname,
        spouseSurname: input.spouseSurname,
        ...(input.minorConsent ? { minorConsent: input.minorConsent } : {}),
      },
    },
    [relationChange(person.id, spouse.id), relationChange(spouse.id, person.id), ...nameChange(person, input.surname)],
  );
  await recordEvent(
    register,
    trx,
    ctx,
    {
      personId: spouse.id,
      kind,
      effectiveDate: input.effectiveDate,
      legalBasis,
      sourceDocument: input.sourceDocument,
      details: { spouseId: person.id, surname: input.spouseSurname, spouseSurname: input.surname },
    },
    nameChange(spouse, input.spouseSurname),
  );
  return r;
}
