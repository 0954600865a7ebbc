/**
 * Registration of new persons: at the desk (with the duplicate check that holds a look-alike for a
 * second officer), at birth, and by a decision that admitted a person (an inclusion case).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { addDays, toEpochDay, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { MIN_DAYS_BETWEEN_BIRTHS, PATERNITY_DAYS_AFTER_DEATH } from './register-invariants.ts';
import type { RegistrationResult } from '../../../shared/contracts/register.contract.ts';
import { DUPLICATE_THRESHOLD } from './match-score.ts';
import type { PersonRow } from './register.repository.ts';
import {
  auditAccess,
  checkPastDate,
  checkStatus,
  invalid,
  requirePerson,
  validateAddress,
  type RegisterContext,
} from './register-context.ts';
import { issueNewFormatCode, recordEvent } from './event-recording.ts';
import {
  LEGAL_BASIS,
  addressPayload,
  summaryOf,
  type ActionContext,
  type FactChange,
  type NewPersonPayload,
} from './register-model.ts';
import { violatesFourEyes } from '../cases/index.ts';

/** Creates the person and all their first facts (one life event). */
export async function createPerson(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  p: NewPersonPayload,
): Promise<{ personId: string; personalCode: string }> {
  const personId = randomUUID();
  const personalCode = await issueNewFormatCode(register, trx);
  const now = register.clock.now().toISOString();
  // The projection is rebuilt from the facts right after; these first values only satisfy NOT NULL.
  await register.repository.insertPerson(trx, {
    id: personId,
    personalCode,
    givenNames: p.givenNames,
    surname: p.surname,
    originalName: p.originalName ?? null,
    sex: p.sex,
    birthDate: p.birthDate,
    legalStatus: p.legalStatus,
    citizenships: p.citizenships,
    municipalityCode: null,
    abroadCountry: null,
    deathDate: null,
    surnameStem: '',
    nameFold: '',
    searchHashes: [],
    birthYear: Number(p.birthDate.slice(0, 4)),
    registeredAt: now,
    updatedAt: now,
  });
  const residenceFrom = p.kind === 'birth' ? p.birthDate : register.today();
  const { eventId } = await recordEvent(
    register,
    trx,
    { ...ctx },
    {
      personId,
      kind: p.kind === 'birth' ? 'birth-registration' : 'registration',
      effectiveDate: p.kind === 'birth' ? p.birthDate : register.today(),
      legalBasis: p.legalBasis,
      sourceDocument: p.sourceDocument,
      details: {
        personalCode,
        ...(p.closeBirthConfirmation ? { closeBirthConfirmation: p.closeBirthConfirmation } : {}),
      },
    },
    firstFacts(personId, personalCode, p, residenceFrom),
  );
  if (p.address) {
    await trx
      .insertInto('register.residenceDeclaration')
      .values({
        id: randomUUID(),
        eventId,
        personId,
        declarantPersonId: null,
        declarantRole: 'officer',
        validFrom: residenceFrom,
        country: p.address.kind === 'abroad' ? p.address.country : 'LVA',
        municipalityCode: p.address.kind === 'latvia' ? p.address.municipalityCode : null,
        addressLine: addressPayload(p.address, null).addressLine as string,
        housingBasis: p.housingBasis,
        declaredAt: now,
      })
      .execute();
  }
  return { personId, personalCode };
}

/** A new person's facts, valid from birth; the address from birth or, for an arrival, from today. */
function firstFacts(personId: string, personalCode: string, p: NewPersonPayload, residenceFrom: string): FactChange[] {
  const since = p.birthDate;
  const changes: FactChange[] = [
    { personId, fact: 'code', period: { validFrom: since, validTo: null }, payload: { personalCode } },
    {
      personId,
      fact: 'name',
      period: { validFrom: since, validTo: null },
      payload: { givenNames: p.givenNames, surname: p.surname, originalName: p.originalName ?? null },
    },
    {
      personId,
      fact: 'core',
      period: { validFrom: since, validTo: null },
      payload: {
        sex: p.sex,
        birthDate: p.birthDate,
        birthCountry: p.birthCountry,
        birthMunicipality: p.birthMunicipality ?? null,
        birthPlace: p.birthPlace ?? null,
        birthSurname: p.surname,
        ethnicity: null,
        deathDate: null,
      },
    },
    {
      personId,
      fact: 'status',
      period: { validFrom: since, validTo: null },
      payload: { legalStatus: p.legalStatus, citizenships: p.citizenships },
    },
    ...p.parents.map((parentId): FactChange => ({
      personId,
      fact: 'relation',
      period: { validFrom: since, validTo: null },
      payload: { kind: 'parent', relatedPersonId: parentId },
      append: true,
    })),
  ];
  if (p.address)
    changes.push({
      personId,
      fact: 'address',
      period: { validFrom: residenceFrom, validTo: null },
      payload: addressPayload(p.address, p.housingBasis),
    });
  return changes;
}

/** Registration with the duplicate check: a new person who looks like an existing one is held for a second officer. */
export async function registerNew(
  register: RegisterContext,
  ctx: ActionContext,
  p: NewPersonPayload,
): Promise<z.infer<typeof RegistrationResult>> {
  checkPastDate(register, 'birthDate', p.birthDate, 'A birth date');
  validateAddress(p.address, 'address');
  return register.db.transaction().execute(async (trx) => {
    const candidates = (
      await register.search.candidatesFor(trx, { givenNames: p.givenNames, surname: p.surname, birthDate: p.birthDate })
    )
      .filter((c) => c.score >= DUPLICATE_THRESHOLD)
      .slice(0, 10);
    if (candidates.length > 0) {
      const pendingId = randomUUID();
      const now = register.clock.now().toISOString();
      await trx
        .insertInto('register.pendingRegistration')
        .values({
          id: pendingId,
          kind: p.kind,
          payload: JSON.stringify(p),
          submittedBy: ctx.actor.id,
          submittedAt: now,
          decidedBy: null,
          decidedAt: null,
          decisionNote: null,
          personId: null,
        })
        .execute();
      await trx
        .insertInto('register.duplicateCandidate')
        .values(
          candidates.map((c) => ({
            personId: null,
            pendingRegistrationId: pendingId,
            otherPersonId: c.person.id,
            score: c.score,
            reasons: c.reasons,
            source: 'registration' as const,
            foundAt: now,
            decidedBy: null,
            decidedAt: null,
          })),
        )
        .execute();
      for (const c of candidates) {
        await auditAccess(register, trx, ctx, {
          action: 'read',
          purpose: 'duplicate-check',
          legalBasis: LEGAL_BASIS.register,
          subjectPersonId: c.person.id,
          resource: 'register.person',
          touched: ['name', 'birthDate'],
        });
      }
      return {
        status: 'held' as const,
        personId: null,
        personalCode: null,
        pendingId,
        candidates: candidates.map((c) => ({ personId: c.person.id, score: c.score, reasons: c.reasons })),
      };
    }
    const created = await createPerson(register, trx, ctx, p);
    return {
      status: 'registered' as const,
      personId: created.personId,
      personalCode: created.personalCode,
      pendingId: null,
      candidates: [],
    };
  });
}

/**
 * The mother's husband on the day of the birth, or her husband in a marriage that ended no more than 300 days
 * before it (Civil Law, Section 146); none when she was not married then. A marriage ends on the divorce's
 * date (the row's end), or on the husband's death day (the row then ends the day after it).
 */
async function presumedFather(trx: DbExecutor, motherId: string, birthDate: string): Promise<string | undefined> {
  const earliestEnd = addDays(birthDate as PlainDate, -PATERNITY_DAYS_AFTER_DEATH);
  const marriages = await trx
    .selectFrom('register.relationFact as r')
    .innerJoin('register.person as h', 'h.id', 'r.relatedPersonId')
    .select(['r.relatedPersonId', 'r.validTo', 'h.deathDate'])
    .where('r.personId', '=', motherId)
    .where('r.kind', '=', 'spouse')
    .where('r.supersededAt', 'is', null)
    .where('r.validFrom', '<=', birthDate)
    .where((eb) => eb.or([eb('r.validTo', 'is', null), eb('r.validTo', '>=', earliestEnd)]))
    .orderBy('r.validFrom', 'desc')
    .execute();
  const ended = (m: (typeof marriages)[number]): string | null =>
    m.validTo === null || m.validTo > birthDate
      ? null
      : m.deathDate !== null && addDays(m.deathDate as PlainDate, 1) === m.validTo
        ? m.deathDate
        : m.validTo;
  return marriages.find((m) => {
    const end = ended(m);
    return end === null || end >= earliestEnd;
  })?.relatedPersonId;
}

/** The mother is a woman and the father a man, and they are two persons (Civil Law, Section 146); every problem at once. */
function checkParentRoles(mother: PersonRow, father: PersonRow | undefined): void {
  const errors: FieldError[] = [];
  if (mother.sex !== 'F')
    errors.push({ path: 'motherId', message: 'The mother is a woman in the register', reason: 'mother-not-female' });
  if (father && father.id === mother.id)
    errors.push({ path: 'fatherId', message: 'The father and the mother are two persons', reason: 'same-person' });
  else if (father && father.sex !== 'M')
    errors.push({ path: 'fatherId', message: 'The father is a man in the register', reason: 'father-not-male' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), errors);
}

/**
 * Twins are born on the same day or the next; two births to one mother further apart than that but less than
 * MIN_DAYS_BETWEEN_BIRTHS apart are refused unless the officer confirms the dates, with the reason. The
 * mother's other children are those whose current parent rows name her.
 */
async function refuseBirthsTooClose(trx: DbExecutor, motherId: string, birthDate: string): Promise<void> {
  const siblings = await trx
    .selectFrom('register.relationFact as r')
    .innerJoin('register.person as c', 'c.id', 'r.personId')
    .select('c.birthDate')
    .where('r.relatedPersonId', '=', motherId)
    .where('r.kind', '=', 'parent')
    .where('r.supersededAt', 'is', null)
    .where('r.validTo', 'is', null)
    .execute();
  const apart = (d: string) => Math.abs(toEpochDay(d as PlainDate) - toEpochDay(birthDate as PlainDate));
  const close = siblings.find((c) => apart(c.birthDate) > 1 && apart(c.birthDate) < MIN_DAYS_BETWEEN_BIRTHS);
  if (close)
    throw new AppError(
      'INVALID_STATE',
      `The mother has another child born on ${close.birthDate}, ${apart(close.birthDate)} days apart; confirm the dates to record this birth`,
      {
        details: [{ path: 'closeBirthConfirmation', message: 'confirm a birth this close to a sibling’s' }],
        rule: {
          id: 'register.births-too-close',
          values: { date: close.birthDate, days: apart(close.birthDate), minimumDays: MIN_DAYS_BETWEEN_BIRTHS },
        },
      },
    );
}

export async function registerBirth(
  register: RegisterContext,
  ctx: ActionContext,
  input: {
    givenNames: string;
    surname: string;
    sex: 'M' | 'F';
    birthDate: string;
    birthMunicipality: string;
    birthPlace?: string | undefined;
    motherId: string;
    fatherId?: string | undefined;
    legalBasis?: string | undefined;
    sourceDocument: string;
    /** The officer confirms a birth close to a sibling's (refuseBirthsTooClose), saying why the dates are right. */
    closeBirthConfirmation?: { confirmed: true; reason: string } | undefined;
  },
) {
  // A date still to come is refused before anything about the parents is asked.
  checkPastDate(register, 'birthDate', input.birthDate, 'A birth date');
  const parents = await register.db.transaction().execute(async (trx) => {
    const mother = await requirePerson(register, trx, input.motherId);
    // Civil Law, Section 146: a child born in marriage, or within 300 days after it ended, is the husband's.
    const fatherId = input.fatherId ?? (await presumedFather(trx, mother.id, input.birthDate));
    const father = fatherId ? await requirePerson(register, trx, fatherId) : undefined;
    if (input.birthDate < mother.birthDate || (father && input.birthDate < father.birthDate))
      invalid('birthDate', 'The child cannot be born before a parent', 'before-parent-birth');
    checkParentRoles(mother, father);
    if (!input.closeBirthConfirmation) await refuseBirthsTooClose(trx, mother.id, input.birthDate);
    return { mother, father };
  });
  const { mother, father } = parents;
  // A child of a citizen or non-citizen is a citizen (Citizenship Law, since 2020 also for non-citizens' children); otherwise the mother's status.
  const citizenParent = [mother, father].some(
    (p) => p && (p.legalStatus === 'citizen' || p.legalStatus === 'non-citizen'),
  );
  const motherAddress = mother.municipalityCode
    ? await register.db
        .selectFrom('register.addressFact')
        .selectAll()
        .where('personId', '=', mother.id)
        .where('supersededAt', 'is', null)
        .where('isAdditional', '=', false)
        .where('validTo', 'is', null)
        .executeTakeFirst()
    : undefined;
  return registerNew(register, ctx, {
    kind: 'birth',
    givenNames: input.givenNames,
    surname: input.surname,
    sex: input.sex,
    birthDate: input.birthDate,
    birthCountry: 'LVA',
    birthMunicipality: input.birthMunicipality,
    birthPlace: input.birthPlace,
    legalStatus: citizenParent ? 'citizen' : mother.legalStatus,
    citizenships: citizenParent ? ['LVA'] : mother.citizenships,
    address:
      motherAddress?.municipalityCode && motherAddress.street && motherAddress.building && motherAddress.postcode
        ? {
            kind: 'latvia',
            municipalityCode: motherAddress.municipalityCode,
            settlement: motherAddress.settlement ?? undefined,
            street: motherAddress.street,
            building: motherAddress.building,
            flat: motherAddress.flat ?? undefined,
            postcode: motherAddress.postcode,
          }
        : null,
    housingBasis: 'parent’s residence (declared at birth registration)',
    parents: [mother.id, ...(father ? [father.id] : [])],
    legalBasis: input.legalBasis ?? LEGAL_BASIS.civilStatus,
    sourceDocument: input.sourceDocument,
    ...(input.closeBirthConfirmation
      ? { closeBirthConfirmation: { reason: input.closeBirthConfirmation.reason } }
      : {}),
  });
}

/** Registrations held by the duplicate check, with the persons they resemble (each an audited read). */
export async function listPending(register: RegisterContext, trx: DbExecutor, ctx: ActionContext) {
  const pending = await trx
    .selectFrom('register.pendingRegistration')
    .selectAll()
    .where('status', '=', 'held')
    .orderBy('submittedAt')
    .limit(100)
    .execute();
  const candidates = pending.length
    ? await trx
        .selectFrom('register.duplicateCandidate')
        .selectAll()
        .where(
          'pendingRegistrationId',
          'in',
          pending.map((p) => p.id),
        )
        .orderBy('score', 'desc')
        .execute()
    : [];
  const others = await register.repository.personsByIds(
    trx,
    candidates.map((c) => c.otherPersonId),
  );
  for (const o of others)
    await auditAccess(register, trx, ctx, {
      action: 'read',
      purpose: 'duplicate-review',
      legalBasis: LEGAL_BASIS.register,
      subjectPersonId: o.id,
      resource: 'register.person',
      touched: ['summary'],
    });
  return pending.map((p) => {
    const payload = p.payload as unknown as NewPersonPayload;
    return {
      id: p.id,
      kind: p.kind,
      submittedBy: p.submittedBy,
      submittedAt: p.submittedAt,
      status: p.status,
      givenNames: payload.givenNames,
      surname: payload.surname,
      birthDate: payload.birthDate,
      sex: payload.sex,
      candidates: candidates
        .filter((c) => c.pendingRegistrationId === p.id)
        .map((c) => ({
          ...c,
          person: null,
          other: summaryOf(others.find((o) => o.id === c.otherPersonId) as PersonRow),
        })),
    };
  });
}

/** A second officer decides a held registration: register the person, or take them as one already registered. */
export async function decidePending(
  register: RegisterContext,
  ctx: ActionContext,
  id: string,
  decision: { decision: 'register' | 'same-person'; existingPersonId?: string | undefined; note: string },
) {
  return register.db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('register.pendingRegistration')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!pending) throw new AppError('NOT_FOUND', 'No such held registration');
    if (pending.status !== 'held')
      throw new AppError('INVALID_STATE', `This registration was already decided (${pending.status})`, {
        rule: { id: 'register.registration-decided' },
      });
    // The case engine's four-eyes rule, applied to the officer who held the registration: one rule, not two.
    if (violatesFourEyes({ kind: 'staff', id: pending.submittedBy }, { kind: 'staff', id: ctx.actor.id }))
      throw new AppError('FORBIDDEN', 'A second officer must decide: you submitted this registration', {
        rule: { id: 'register.second-officer' },
      });
    const now = register.clock.now().toISOString();
    const candidateRows = await trx
      .selectFrom('register.duplicateCandidate')
      .selectAll()
      .where('pendingRegistrationId', '=', id)
      .execute();
    let personId: string;
    let personalCode: string;
    if (decision.decision === 'same-person') {
      const existing = decision.existingPersonId ?? candidateRows[0]?.otherPersonId;
      if (!existing || !candidateRows.some((c) => c.otherPersonId === existing))
        invalid('existingPersonId', 'Choose one of the candidate persons', 'choose-candidate');
      const person = await requirePerson(register, trx, existing);
      personId = person.id;
      personalCode = person.personalCode;
    } else {
      const created = await createPerson(register, trx, ctx, pending.payload as unknown as NewPersonPayload);
      personId = created.personId;
      personalCode = created.personalCode;
    }
    await trx
      .updateTable('register.pendingRegistration')
      .set({
        status: decision.decision === 'register' ? 'registered' : 'merged',
        decidedBy: ctx.actor.id,
        decidedAt: now,
        decisionNote: decision.note,
        personId,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('register.duplicateCandidate')
      .set((eb) => ({
        status: eb
          .case()
          .when(
            'otherPersonId',
            '=',
            decision.decision === 'same-person' ? personId : '00000000-0000-0000-0000-000000000000',
          )
          .then('same-person' as const)
          .else('different-persons' as const)
          .end(),
        decidedBy: ctx.actor.id,
        decidedAt: now,
      }))
      .where('pendingRegistrationId', '=', id)
      .execute();
    await auditAccess(register, trx, ctx, {
      action: 'decide',
      purpose: 'duplicate-review',
      legalBasis: LEGAL_BASIS.register,
      subjectPersonId: personId,
      resource: 'register.pendingRegistration',
      touched: [decision.decision],
    });
    return { status: 'registered' as const, personId, personalCode, pendingId: id, candidates: [] };
  });
}

/**
 * Persons already in the register who may be the one an application names (a case about a person not
 * yet registered), strongest first, with each read audited. Runs in the caller's transaction.
 */
export async function likelyDuplicates(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  subject: { givenNames: string; surname: string; birthDate: string },
): Promise<
  Array<{ personId: string; personalCode: string; name: string; birthDate: string; score: number; reasons: string[] }>
> {
  const found = (await register.search.candidatesFor(trx, subject))
    .filter((c) => c.score >= DUPLICATE_THRESHOLD)
    .slice(0, 10);
  for (const c of found) {
    await auditAccess(register, trx, ctx, {
      action: 'read',
      purpose: 'duplicate-check',
      legalBasis: LEGAL_BASIS.register,
      subjectPersonId: c.person.id,
      resource: 'register.person',
      touched: ['name', 'birthDate'],
    });
  }
  return found.map((c) => ({
    personId: c.person.id,
    personalCode: c.person.personalCode,
    name: `${c.person.givenNames} ${c.person.surname}`,
    birthDate: c.person.birthDate,
    score: c.score,
    reasons: c.reasons,
  }));
}

/**
 * Includes in the register a person whom a decision admitted (an inclusion case's approval), in the
 * caller's transaction: a new-format personal code and the first facts as one life event. The
 * duplicate check was the officer's and the decision-maker's (it is in the decision's rule trace).
 */
export async function includePerson(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  p: Omit<NewPersonPayload, 'kind' | 'address' | 'housingBasis' | 'parents'>,
): Promise<{ personId: string; personalCode: string }> {
  checkPastDate(register, 'birthDate', p.birthDate, 'A birth date');
  checkStatus(p.legalStatus, p.citizenships);
  return createPerson(register, trx, ctx, { ...p, kind: 'arrival', address: null, housingBasis: '', parents: [] });
}
