/**
 * Reads of persons' data: search, lookup by code, the card and its history as of a date, the resident's
 * own data, and the few fields other modules need. Every read passes the audit gate, with the purpose
 * it served.
 */
import type { z } from 'zod';
import type { DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { PersonCard, PersonHistory, SearchHit } from '../../../shared/contracts/register.contract.ts';
import type { SearchInput } from './person-search.ts';
import { buildHistoryRows, buildPersonCard, lastDay, type AsOf, type RelatedPerson } from './person-view.ts';
import type { LookupRow, ResidenceFactRow } from './register.repository.ts';
import { accessRecord, auditAccess, checkPastDate, requirePerson, type RegisterContext } from './register-context.ts';
import { LEGAL_BASIS, type ActionContext } from './register-model.ts';
import { declarationFor, requireSubject, subjectsOf } from './residence.ts';

/** What a search result shows of each person it lists (the page's columns). */
const SEARCH_RESULT_FIELDS = ['name', 'personalCode', 'birthDate', 'sex', 'legalStatus', 'municipality'];

/**
 * A staff search. Every person it lists is a use of that person's data: one entry each (action `search`, the
 * officer's case reference or reason), all appended by one statement of the audit group commit, so a page of
 * 50 costs one round trip, not 50; the results leave only once their entries are committed. The purpose is
 * checked before the register is read. A search that lists nobody still leaves one entry without a subject,
 * so the officer's search itself is on record.
 */
export async function searchPersons(
  register: RegisterContext,
  ctx: ActionContext,
  input: SearchInput,
): Promise<{ results: SearchHit[]; total: number; totalAtLeast: boolean; hasMore: boolean }> {
  const entry = (subjectPersonId: string | null) =>
    accessRecord(ctx, {
      action: 'search',
      purpose: 'person-search',
      legalBasis: LEGAL_BASIS.register,
      subjectPersonId,
      resource: 'register.person',
      touched: SEARCH_RESULT_FIELDS,
    });
  register.audit.requirePurpose(entry(null));
  const { results, total, totalAtLeast } = await register.search.search(register.db, input);
  await register.audit.recordManyCommitted(results.length ? results.map((r) => entry(r.id)) : [entry(null)]);
  return { results, total, totalAtLeast, hasMore: total > results.length };
}

/**
 * The person with this personal code (or an earlier one). The busiest read of partner systems, so
 * lookups arriving together share one query and their audit entries one group commit; the person is
 * returned only after the entry is committed.
 */
export async function lookupByCode(register: RegisterContext, ctx: ActionContext, code: string): Promise<LookupRow> {
  let person: LookupRow | undefined = await register.personByCurrentCode(code);
  if (!person) {
    const id = await register.repository.personIdByAnyCode(register.db, code);
    if (id) person = await register.repository.personById(register.db, id);
  }
  if (!person) throw new AppError('NOT_FOUND', 'No person with this personal code');
  await register.audit.recordCommitted(
    accessRecord(ctx, {
      action: 'read',
      purpose: 'register-lookup',
      legalBasis: LEGAL_BASIS.register,
      subjectPersonId: person.id,
      resource: 'register.person',
      touched: ['currentData'],
    }),
  );
  return person;
}

export async function readCard(
  register: RegisterContext,
  ctx: ActionContext,
  personId: string,
  validOn?: string,
  recordedAt?: string,
): Promise<PersonCard> {
  const asOf = resolveAsOf(register, validOn, recordedAt);
  return register.db.transaction().execute(async (trx) => {
    const card = await loadCard(register, trx, personId, asOf);
    await auditAccess(register, trx, ctx, {
      action: 'read',
      purpose: ctx.actor.type === 'resident' ? 'data-subject-access' : 'register-lookup',
      legalBasis: LEGAL_BASIS.register,
      subjectPersonId: personId,
      resource: 'register.person',
      touched: ['card'],
    });
    return card;
  });
}

export async function readHistory(
  register: RegisterContext,
  ctx: ActionContext,
  personId: string,
): Promise<z.infer<typeof PersonHistory>> {
  return register.db.transaction().execute(async (trx) => {
    await requirePerson(register, trx, personId);
    const [facts, events] = await Promise.all([
      register.repository.allFacts(trx, personId),
      register.repository.eventsOf(trx, personId),
    ]);
    await auditAccess(register, trx, ctx, {
      action: 'read',
      purpose: 'register-lookup',
      legalBasis: LEGAL_BASIS.register,
      subjectPersonId: personId,
      resource: 'register.person',
      touched: ['history'],
    });
    return { personId, rows: buildHistoryRows(facts), events: events.map((e) => ({ ...e, details: e.details ?? {} })) };
  });
}

/** The resident's own card, or that of a person they may act for. */
export async function readMyData(
  register: RegisterContext,
  ctx: ActionContext,
  residentPersonId: string,
  subjectId: string | undefined,
  validOn?: string,
): Promise<PersonCard> {
  const asOf = resolveAsOf(register, validOn);
  return register.db.transaction().execute(async (trx) => {
    const subject = await requireSubject(register, trx, residentPersonId, subjectId ?? residentPersonId);
    const card = await loadCard(register, trx, subject.personId, asOf);
    await auditAccess(register, trx, ctx, {
      action: 'read',
      purpose: subject.relation === 'self' ? 'data-subject-access' : 'legal-representative-access',
      legalBasis: LEGAL_BASIS.register,
      subjectPersonId: subject.personId,
      resource: 'register.person',
      touched: ['card'],
    });
    return card;
  });
}

/**
 * Names of persons for a list an officer works from (the day's appointments), in the caller's transaction: each
 * listed person is one audit entry, all written by one statement.
 */
export async function namesFor(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await register.repository.namesByIds(trx, [...new Set(personIds)]);
  await register.audit.recordMany(
    trx,
    rows.map((r) =>
      accessRecord(ctx, {
        action: 'read',
        purpose: 'appointment-list',
        legalBasis: LEGAL_BASIS.register,
        subjectPersonId: r.id,
        resource: 'register.person',
        touched: ['name'],
      }),
    ),
  );
  return new Map(rows.map((r) => [r.id, `${r.givenNames} ${r.surname}`]));
}

/** The purpose of a resident's read of a person they see in the portal: their own data, or as a representative. */
const portalPurpose = (ctx: ActionContext, personId: string) =>
  ctx.actor.type === 'resident' && ctx.actor.id === personId ? 'data-subject-access' : 'legal-representative-access';

/**
 * The persons the signed-in resident may act for (themselves, minor children, wards), as the portal lists them:
 * each listed person is a use of their data, all in one group commit.
 */
export async function readMySubjects(register: RegisterContext, ctx: ActionContext, residentPersonId: string) {
  const subjects = await subjectsOf(register, register.db, residentPersonId);
  await register.audit.recordManyCommitted(
    subjects.map((s) =>
      accessRecord(ctx, {
        action: 'read',
        purpose: portalPurpose(ctx, s.personId),
        legalBasis: LEGAL_BASIS.register,
        subjectPersonId: s.personId,
        resource: 'register.person',
        touched: ['name', 'birthDate'],
      }),
    ),
  );
  return subjects;
}

/** A residence declaration the resident made (for themselves, a child or a ward), for its confirmation PDF; the read is audited. */
export async function readMyDeclaration(
  register: RegisterContext,
  ctx: ActionContext,
  residentPersonId: string,
  declarationId: string,
) {
  const found = await declarationFor(register, register.db, residentPersonId, declarationId);
  await register.audit.recordCommitted(
    accessRecord(ctx, {
      action: 'read',
      purpose: portalPurpose(ctx, found.person.id),
      legalBasis: LEGAL_BASIS.residence,
      subjectPersonId: found.person.id,
      resource: 'register.residenceDeclaration',
      touched: ['declaration', 'name', 'personalCode', 'address'],
    }),
  );
  return found;
}

/** What a document needs of its holder (name, birth, sex, status, code), read through the audit gate in the caller's transaction. */
export async function documentHolder(register: RegisterContext, trx: DbExecutor, ctx: ActionContext, personId: string) {
  const p = await requirePerson(register, trx, personId);
  await auditAccess(register, trx, ctx, {
    action: 'read',
    purpose: 'document-issuance',
    legalBasis: LEGAL_BASIS.register,
    subjectPersonId: personId,
    resource: 'register.person',
    touched: ['name', 'birthDate', 'status', 'residenceRights'],
  });
  const residencePermit = cardTerm(await register.repository.currentResidenceRights(trx, personId), register.today());
  return {
    id: p.id,
    personalCode: p.personalCode,
    givenNames: p.givenNames,
    surname: p.surname,
    birthDate: p.birthDate,
    sex: p.sex,
    legalStatus: p.legalStatus,
    citizenships: p.citizenships,
    deathDate: p.deathDate,
    residencePermit,
  };
}

/**
 * A person's rights to reside not yet ended (a renewal must have one to renew), or with `ended` every one the
 * register holds (five years' residence is read from them), read through the audit gate under the case.
 */
export async function residenceRightsFor(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  personId: string,
  options: { ended?: boolean } = {},
) {
  await requirePerson(register, trx, personId);
  await auditAccess(register, trx, ctx, {
    action: 'read',
    purpose: 'case-processing',
    legalBasis: LEGAL_BASIS.register,
    subjectPersonId: personId,
    resource: 'register.person',
    touched: ['residenceRights'],
  });
  const on = register.today();
  return (await register.repository.currentResidenceRights(trx, personId))
    .filter((r) => options.ended || r.validTo === null || r.validTo > on)
    .map((r) => ({
      kind: r.kind,
      documentNumber: r.documentNumber,
      validFrom: r.validFrom,
      validUntil: lastDay(r.validTo),
    }));
}

/** The rights to reside a residence permit card is made for (a visa is a sticker; a registration certificate is not a card). */
export const CARD_RIGHTS: readonly string[] = [
  'temporary-permit',
  'permanent-permit',
  'eu-long-term-resident',
  'eu-family-residence-card',
  'eu-family-permanent-residence-card',
];

/**
 * The permit a residence card is made for today: of the card-kind rights not yet ended, one without end if any,
 * else the one that ends last. Its last day (null: no end) bounds the card's validity.
 */
function cardTerm(
  rows: readonly ResidenceFactRow[],
  on: string,
): { documentNumber: string; validFrom: string; validUntil: string | null } | null {
  // A right granted from a later day counts too: its card is made before it starts.
  const holding = rows.filter((r) => CARD_RIGHTS.includes(r.kind) && (r.validTo === null || r.validTo > on));
  const best =
    holding.find((r) => r.validTo === null) ??
    holding.reduce<ResidenceFactRow | undefined>(
      (a, b) => (!a || (b.validTo as string) > (a.validTo as string) ? b : a),
      undefined,
    );
  return best
    ? { documentNumber: best.documentNumber, validFrom: best.validFrom, validUntil: lastDay(best.validTo) }
    : null;
}

/** A person as another procedure's case needs them (an applicant's or inviter's status, name, birth), read through the audit gate under the case. */
export async function personForCase(register: RegisterContext, trx: DbExecutor, ctx: ActionContext, personId: string) {
  const p = await requirePerson(register, trx, personId);
  await auditAccess(register, trx, ctx, {
    action: 'read',
    purpose: 'case-processing',
    legalBasis: LEGAL_BASIS.register,
    subjectPersonId: personId,
    resource: 'register.person',
    touched: ['name', 'birthDate', 'status'],
  });
  return {
    personalCode: p.personalCode,
    givenNames: p.givenNames,
    surname: p.surname,
    birthDate: p.birthDate,
    sex: p.sex,
    legalStatus: p.legalStatus,
    citizenships: p.citizenships,
    deathDate: p.deathDate,
  };
}

/** Persons per municipality and legal status on a date (today by default), counted from the statistics periods: no person's data is read, so there is no audit entry. */
export async function populationCounts(register: RegisterContext, date?: string) {
  const on = date ?? register.today();
  const rows = await register.repository.populationCounts(register.db, on);
  return { date: on, rows, total: rows.reduce((n, r) => n + r.persons, 0) };
}

async function related(
  register: RegisterContext,
  trx: DbExecutor,
  ids: Iterable<string>,
): Promise<Map<string, RelatedPerson>> {
  const rows = await register.repository.personsByIds(trx, [...new Set(ids)]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        givenNames: r.givenNames,
        surname: r.surname,
        birthDate: r.birthDate,
        sex: r.sex,
        deathDate: r.deathDate,
      },
    ]),
  );
}

async function loadCard(register: RegisterContext, trx: DbExecutor, personId: string, asOf: AsOf): Promise<PersonCard> {
  const person = await requirePerson(register, trx, personId);
  const [facts, incoming, events] = await Promise.all([
    register.repository.allFacts(trx, personId),
    register.repository.relationsPointingAt(trx, personId),
    register.repository.eventsOf(trx, personId),
  ]);
  const relatedPersons = await related(register, trx, [
    ...facts.relation.map((r) => r.relatedPersonId),
    ...incoming.map((r) => r.personId),
  ]);
  return buildPersonCard({ person, facts, incoming, related: relatedPersons, events, asOf });
}

/** The card as valid on `validOn` (today by default) and as the register knew it at `recordedAt` (now by default). */
function resolveAsOf(register: RegisterContext, validOn?: string, recordedAt?: string): AsOf {
  if (validOn) checkPastDate(register, 'validOn', validOn, 'The “as of” date');
  return {
    validOn: validOn ?? register.today(),
    recordedAt: recordedAt ? new Date(recordedAt).toISOString() : register.clock.now().toISOString(),
  };
}
