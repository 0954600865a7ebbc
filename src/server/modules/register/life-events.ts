/**
 * Life events an officer records on one person: death, change of name, of legal status, of personal
 * code, and guardianship. Each runs in its own transaction from the version the officer saw.
 * (Marriage and divorce, which change two persons, are in marriage.ts.)
 */
import { addDays, yearsBetween, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { AppError } from '../../http/app-error.ts';
import {
  beginEvent,
  checkStatus,
  invalid,
  requireAlive,
  requirePerson,
  type RegisterContext,
} from './register-context.ts';
import { issueNewFormatCode, recordEvent } from './event-recording.ts';
import { LEGAL_BASIS, payloadOf, type ActionContext, type FactChange } from './register-model.ts';

export async function recordDeath(
  register: RegisterContext,
  ctx: ActionContext,
  personId: string,
  input: { deathDate: string; legalBasis?: string | undefined; sourceDocument: string; expectedVersion: number },
) {
  return register.db.transaction().execute(async (trx) => {
    await beginEvent(register, trx, personId, input.expectedVersion, { path: 'deathDate', value: input.deathDate });
    const facts = await register.repository.allFacts(trx, personId);
    const core = facts.core.find((c) => c.supersededAt === null);
    if (!core) throw new AppError('INTERNAL', 'The person has no core fact');
    refuseLosingLaterFacts(facts, input.deathDate);
    const changes: FactChange[] = [
      {
        personId,
        fact: 'core',
        period: { validFrom: core.validFrom, validTo: null },
        payload: { ...payloadOf(core as unknown as Record<string, unknown>), deathDate: input.deathDate },
      },
    ];
    // Death ends every right to reside, including one that was to start later (a renewal), each on its own.
    for (const right of facts.residence.filter(
      (r) => r.supersededAt === null && (r.validTo === null || r.validTo > input.deathDate),
    ))
      changes.push({
        personId,
        fact: 'residence',
        period: { validFrom: addDays(input.deathDate as PlainDate, 1), validTo: null },
        scope: (r) => r.kind === right.kind && r.documentNumber === right.documentNumber,
      });
    // Death ends a marriage: both spouse rows end on the day of death.
    for (const s of facts.relation.filter(
      (r) => r.kind === 'spouse' && r.supersededAt === null && r.validTo === null,
    )) {
      changes.push({
        personId,
        fact: 'relation',
        period: { validFrom: addDays(input.deathDate as PlainDate, 1), validTo: null },
        scope: (r) => r.kind === 'spouse' && r.relatedPersonId === s.relatedPersonId,
      });
      changes.push({
        personId: s.relatedPersonId,
        fact: 'relation',
        period: { validFrom: addDays(input.deathDate as PlainDate, 1), validTo: null },
        scope: (r) => r.kind === 'spouse' && r.relatedPersonId === personId,
      });
    }
    const r = await recordEvent(
      register,
      trx,
      ctx,
      {
        personId,
        kind: 'death',
        effectiveDate: input.deathDate,
        legalBasis: input.legalBasis ?? LEGAL_BASIS.civilStatus,
        sourceDocument: input.sourceDocument,
      },
      changes,
    );
    return { personId, ...r };
  });
}

/**
 * A death dated before facts that show the person alive later (a marriage, a declared address, a name or
 * status change) would end or erase them: it is refused, naming the first such fact. (A right to reside
 * that starts later, such as a renewed permit, is not such a fact: it ends with the death.)
 */
function refuseLosingLaterFacts(
  facts: Awaited<ReturnType<RegisterContext['repository']['allFacts']>>,
  deathDate: string,
) {
  const later = [
    ...facts.relation.filter((r) => r.kind !== 'parent').map((r) => ({ fact: r.kind, r })),
    ...facts.address.map((r) => ({ fact: 'address', r })),
    ...facts.name.map((r) => ({ fact: 'name', r })),
    ...facts.status.map((r) => ({ fact: 'status', r })),
    ...facts.code.map((r) => ({ fact: 'code', r })),
  ]
    .filter(({ r }) => r.supersededAt === null && r.validFrom > deathDate)
    .sort((a, b) => (a.r.validFrom < b.r.validFrom ? -1 : 1))[0];
  if (later)
    throw new AppError(
      'INVALID_STATE',
      `The register holds a ${later.fact} from ${later.r.validFrom}, after that date of death`,
      {
        details: [{ path: 'deathDate', message: `after the date of death: ${later.fact} from ${later.r.validFrom}` }],
        rule: { id: 'register.death-before-later-fact', values: { registerFact: later.fact, date: later.r.validFrom } },
      },
    );
}

export async function changeName(
  register: RegisterContext,
  ctx: ActionContext,
  personId: string,
  input: {
    effectiveDate: string;
    givenNames: string;
    surname: string;
    legalBasis?: string | undefined;
    sourceDocument: string;
    expectedVersion: number;
  },
) {
  return register.db.transaction().execute(async (trx) => {
    const person = await beginEvent(register, trx, personId, input.expectedVersion, {
      path: 'effectiveDate',
      value: input.effectiveDate,
    });
    // A change of name that changes nothing would add a history entry and a "previous name" equal to the current one.
    if (input.givenNames === person.givenNames && input.surname === person.surname) {
      throw new AppError('VALIDATION_FAILED', 'The register already holds exactly this name', [
        { path: 'surname', message: 'The register already holds exactly this name', reason: 'same-as-current' },
      ]);
    }
    const r = await recordEvent(
      register,
      trx,
      ctx,
      {
        personId,
        kind: 'name-change',
        effectiveDate: input.effectiveDate,
        legalBasis: input.legalBasis ?? 'Vārda, uzvārda un tautības ieraksta maiņas likums',
        sourceDocument: input.sourceDocument,
        details: { from: `${person.givenNames} ${person.surname}`, to: `${input.givenNames} ${input.surname}` },
      },
      [
        {
          personId,
          fact: 'name',
          period: { validFrom: input.effectiveDate, validTo: null },
          payload: { givenNames: input.givenNames, surname: input.surname, originalName: person.originalName },
        },
      ],
    );
    return { personId, ...r };
  });
}

export async function changeStatus(
  register: RegisterContext,
  ctx: ActionContext,
  personId: string,
  input: {
    effectiveDate: string;
    legalStatus: string;
    citizenships: string[];
    legalBasis?: string | undefined;
    sourceDocument: string;
    expectedVersion: number;
  },
) {
  checkStatus(input.legalStatus, input.citizenships);
  return register.db.transaction().execute(async (trx) => {
    const person = await beginEvent(register, trx, personId, input.expectedVersion, {
      path: 'effectiveDate',
      value: input.effectiveDate,
    });
    const r = await recordEvent(
      register,
      trx,
      ctx,
      {
        personId,
        kind: 'status-change',
        effectiveDate: input.effectiveDate,
        legalBasis:
          input.legalBasis ?? (input.legalStatus === 'citizen' ? LEGAL_BASIS.citizenship : LEGAL_BASIS.immigration),
        sourceDocument: input.sourceDocument,
        details: { from: person.legalStatus, to: input.legalStatus, citizenships: input.citizenships },
      },
      [
        {
          personId,
          fact: 'status',
          period: { validFrom: input.effectiveDate, validTo: null },
          payload: { legalStatus: input.legalStatus, citizenships: input.citizenships },
        },
      ],
    );
    return { personId, ...r };
  });
}

export async function changeCode(
  register: RegisterContext,
  ctx: ActionContext,
  personId: string,
  input: { effectiveDate: string; legalBasis?: string | undefined; sourceDocument: string; expectedVersion: number },
) {
  return register.db.transaction().execute(async (trx) => {
    const person = await beginEvent(register, trx, personId, input.expectedVersion, {
      path: 'effectiveDate',
      value: input.effectiveDate,
    });
    if (input.effectiveDate < '2017-07-01')
      invalid('effectiveDate', 'New-format codes exist since 2017-07-01', 'new-code-before-2017');
    if (/^3[2-9]/.test(person.personalCode))
      throw new AppError(
        'INVALID_STATE',
        'The person already has a new-format personal code (a code may be changed once)',
        { rule: { id: 'register.code-already-new' } },
      );
    const personalCode = await issueNewFormatCode(register, trx);
    const r = await recordEvent(
      register,
      trx,
      ctx,
      {
        personId,
        kind: 'code-change',
        effectiveDate: input.effectiveDate,
        legalBasis: input.legalBasis ?? LEGAL_BASIS.register,
        sourceDocument: input.sourceDocument,
        details: { from: person.personalCode, to: personalCode },
      },
      [
        {
          personId,
          fact: 'code',
          period: { validFrom: input.effectiveDate, validTo: null },
          payload: { personalCode },
        },
      ],
    );
    return { personId, ...r };
  });
}

export async function setGuardian(
  register: RegisterContext,
  ctx: ActionContext,
  personId: string,
  input: {
    effectiveDate: string;
    guardianId: string;
    until?: string | undefined;
    legalBasis?: string | undefined;
    sourceDocument: string;
    expectedVersion: number;
  },
) {
  if (personId === input.guardianId) invalid('guardianId', 'A person cannot be their own guardian', 'same-person');
  return register.db.transaction().execute(async (trx) => {
    await beginEvent(register, trx, personId, input.expectedVersion, {
      path: 'effectiveDate',
      value: input.effectiveDate,
    });
    const guardian = await requirePerson(register, trx, input.guardianId);
    requireAlive(guardian, 'guardianId');
    if (yearsBetween(guardian.birthDate as PlainDate, register.today()) < 18)
      invalid('guardianId', 'A guardian must be an adult', 'guardian-minor');
    if (input.until && input.until < input.effectiveDate)
      invalid('until', 'The guardianship ends before it starts', 'ends-before-start');
    const r = await recordEvent(
      register,
      trx,
      ctx,
      {
        personId,
        kind: 'guardianship',
        effectiveDate: input.effectiveDate,
        legalBasis: input.legalBasis ?? 'Civillikums (bāriņtiesas lēmums)',
        sourceDocument: input.sourceDocument,
        details: { guardianId: guardian.id },
      },
      [
        {
          personId,
          fact: 'relation',
          period: {
            validFrom: input.effectiveDate,
            validTo: input.until ? addDays(input.until as PlainDate, 1) : null,
          },
          payload: { kind: 'guardian', relatedPersonId: guardian.id },
          scope: (r) => r.kind === 'guardian' && r.relatedPersonId === guardian.id,
        },
      ],
    );
    return { personId, ...r };
  });
}
