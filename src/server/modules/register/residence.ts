/**
 * Residence declarations (Dzīvesvietas deklarēšanas likums): at the desk by an officer, or in the
 * portal by the person, a parent or a guardian, and the municipality's view of the declarations made
 * for its territory. Also who a resident may act for in the portal.
 */
import { randomUUID } from 'node:crypto';
import type { DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { addDays, yearsBetween, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { AddressInput } from '../../../shared/contracts/register.contract.ts';
import { isKnownCountry } from './countries.ts';
import {
  auditAccess,
  beginEvent,
  invalid,
  requirePerson,
  validateAddress,
  type RegisterContext,
} from './register-context.ts';
import { recordEvent } from './event-recording.ts';
import { LEGAL_BASIS, addressPayload, type ActionContext, type FactChange } from './register-model.ts';

type AdditionalAddress = { address: AddressInput; validFrom: string; validUntil?: string | undefined };

interface Declaration {
  personId: string;
  validFrom: string;
  address: AddressInput;
  housingBasis: string;
  additionalAddresses: ReadonlyArray<AdditionalAddress>;
  declarantPersonId: string | null;
  declarantRole: 'self' | 'parent' | 'guardian' | 'officer';
  sourceDocument: string | null;
  /** The law the officer names; the residence declaration law when none is given. Kept whole. */
  legalBasis?: string | undefined;
  expectedVersion?: number | undefined;
}

/** Records a declaration as a life event and keeps the declaration itself (who declared, on what basis). */
async function declareResidence(register: RegisterContext, trx: DbExecutor, ctx: ActionContext, input: Declaration) {
  const person = await beginEvent(register, trx, input.personId, input.expectedVersion, {
    path: 'validFrom',
    value: input.validFrom,
  });
  // A declaration moves forward in time; rewriting earlier residence history is a correction case, not a declaration.
  const current = (await register.repository.allFacts(trx, person.id)).address.find(
    (a) => a.supersededAt === null && !a.isAdditional && a.validTo === null,
  );
  if (current && input.validFrom <= current.validFrom)
    invalid(
      'validFrom',
      `The date must be after the start of the current declared address (${current.validFrom})`,
      'before-current-address',
    );
  validateAddress(input.address, 'address');
  checkAdditionalAddresses(input.additionalAddresses);
  const legalBasis = input.legalBasis ?? LEGAL_BASIS.residence;
  const result = await recordEvent(
    register,
    trx,
    ctx,
    {
      personId: person.id,
      kind: 'address-declaration',
      effectiveDate: input.validFrom,
      legalBasis,
      sourceDocument: input.sourceDocument,
      details: {
        declarantRole: input.declarantRole,
        municipalityCode: input.address.kind === 'latvia' ? input.address.municipalityCode : null,
        country: input.address.kind === 'abroad' ? input.address.country : 'LVA',
      },
    },
    declarationChanges(person.id, input),
  );
  const declarationId = randomUUID();
  await trx
    .insertInto('register.residenceDeclaration')
    .values({
      id: declarationId,
      eventId: result.eventId,
      personId: person.id,
      declarantPersonId: input.declarantPersonId,
      declarantRole: input.declarantRole,
      validFrom: input.validFrom,
      country: input.address.kind === 'abroad' ? input.address.country : 'LVA',
      municipalityCode: input.address.kind === 'latvia' ? input.address.municipalityCode : null,
      addressLine: addressPayload(input.address, null).addressLine as string,
      housingBasis: input.housingBasis,
      declaredAt: register.clock.now().toISOString(),
    })
    .execute();
  return { declarationId, ...result };
}

/** Every problem with the additional addresses at once, so the declarant can fix them in one go. */
function checkAdditionalAddresses(additionalAddresses: ReadonlyArray<AdditionalAddress>): void {
  const errors: FieldError[] = [];
  additionalAddresses.forEach((a, i) => {
    if (a.address.kind === 'abroad' && !isKnownCountry(a.address.country))
      errors.push({
        path: `additionalAddresses.${i}.address.country`,
        message: `Unknown country code ${a.address.country}`,
      });
    if (a.validUntil && a.validUntil < a.validFrom)
      errors.push({ path: `additionalAddresses.${i}.validUntil`, message: 'The period ends before it starts' });
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'Check the additional addresses', errors);
}

/** The declared address replaces the main one from its date on; additional addresses run in parallel for their own periods. */
function declarationChanges(personId: string, input: Declaration): FactChange[] {
  return [
    {
      personId,
      fact: 'address',
      period: { validFrom: input.validFrom, validTo: null },
      payload: addressPayload(input.address, input.housingBasis),
      scope: (r) => r.isAdditional === false,
    },
    ...input.additionalAddresses.map((a): FactChange => ({
      personId,
      fact: 'address',
      period: { validFrom: a.validFrom, validTo: a.validUntil ? addDays(a.validUntil as PlainDate, 1) : null },
      payload: addressPayload(a.address, input.housingBasis, true),
      append: true,
    })),
  ];
}

/** A residence declaration at the desk (officer) or in the portal (the person, a parent or a guardian). */
export async function declareResidenceAtDesk(
  register: RegisterContext,
  ctx: ActionContext,
  personId: string,
  input: {
    effectiveDate: string;
    address: AddressInput;
    housingBasis: string;
    additionalAddresses: ReadonlyArray<AdditionalAddress>;
    sourceDocument: string;
    legalBasis?: string | undefined;
    expectedVersion: number;
  },
) {
  return register.db.transaction().execute(async (trx) => {
    const r = await declareResidence(register, trx, ctx, {
      personId,
      validFrom: input.effectiveDate,
      address: input.address,
      housingBasis: input.housingBasis,
      additionalAddresses: input.additionalAddresses,
      declarantPersonId: null,
      declarantRole: 'officer',
      sourceDocument: input.sourceDocument,
      legalBasis: input.legalBasis,
      expectedVersion: input.expectedVersion,
    });
    return { personId, eventId: r.eventId, version: r.version };
  });
}

export async function declareResidenceOnline(
  register: RegisterContext,
  ctx: ActionContext,
  residentPersonId: string,
  input: {
    subjectPersonId: string;
    validFrom: string;
    address: AddressInput;
    housingBasis: string;
    additionalAddresses: ReadonlyArray<AdditionalAddress>;
  },
) {
  return register.db.transaction().execute(async (trx) => {
    const subject = await requireSubject(register, trx, residentPersonId, input.subjectPersonId);
    const role = subject.relation === 'self' ? 'self' : subject.relation === 'child' ? 'parent' : 'guardian';
    const r = await declareResidence(register, trx, ctx, {
      personId: subject.personId,
      validFrom: input.validFrom,
      address: input.address,
      housingBasis: input.housingBasis,
      additionalAddresses: input.additionalAddresses,
      declarantPersonId: residentPersonId,
      declarantRole: role,
      sourceDocument: 'E-pakalpojums “Dzīvesvietas deklarēšana”',
    });
    return { declarationId: r.declarationId, personId: subject.personId, validFrom: input.validFrom };
  });
}

/** A declaration the resident made or that was made for them, with its person. */
export async function declarationFor(
  register: RegisterContext,
  trx: DbExecutor,
  residentPersonId: string,
  declarationId: string,
) {
  const d = await trx
    .selectFrom('register.residenceDeclaration')
    .selectAll()
    .where('id', '=', declarationId)
    .executeTakeFirst();
  if (!d || (d.declarantPersonId !== residentPersonId && d.personId !== residentPersonId))
    throw new AppError('NOT_FOUND', 'No such declaration of yours');
  const person = await requirePerson(register, trx, d.personId);
  return { declaration: d, person };
}

/** The latest declarations for a municipality's territory; each person shown is an audited read. */
export async function municipalityDeclarations(
  register: RegisterContext,
  ctx: ActionContext,
  municipalityCode: string,
  limit: number,
) {
  return register.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('register.residenceDeclaration as d')
      .innerJoin('register.person as p', 'p.id', 'd.personId')
      .select([
        'd.id',
        'd.personId',
        'p.personalCode',
        'p.givenNames',
        'p.surname',
        'd.validFrom',
        'd.country',
        'd.municipalityCode',
        'd.addressLine',
        'd.housingBasis',
        'd.declarantRole',
        'd.declaredAt',
      ])
      .where('d.municipalityCode', '=', municipalityCode)
      .orderBy('d.declaredAt', 'desc')
      .limit(limit)
      .execute();
    for (const r of rows) {
      await auditAccess(register, trx, ctx, {
        action: 'read',
        purpose: 'municipality-residence-register',
        legalBasis: LEGAL_BASIS.residence,
        subjectPersonId: r.personId,
        resource: 'register.residenceDeclaration',
        touched: ['declaration'],
      });
    }
    return rows;
  });
}

/** Persons a resident may act for: themselves, their living minor children, and their wards. */
export async function subjectsOf(register: RegisterContext, trx: DbExecutor, residentPersonId: string) {
  const self = await register.repository.personById(trx, residentPersonId);
  if (!self) throw new AppError('NOT_FOUND', 'You are not in the population register');
  const on = register.today();
  const incoming = (await register.repository.relationsPointingAt(trx, residentPersonId)).filter(
    (r) => r.supersededAt === null && r.validFrom <= on && (r.validTo === null || r.validTo > on),
  );
  const others = await register.repository.personsByIds(
    trx,
    incoming.map((r) => r.personId),
  );
  const subjects: Array<{
    personId: string;
    givenNames: string;
    surname: string;
    birthDate: string;
    relation: 'self' | 'child' | 'ward';
  }> = [
    {
      personId: self.id,
      givenNames: self.givenNames,
      surname: self.surname,
      birthDate: self.birthDate,
      relation: 'self',
    },
  ];
  for (const r of incoming) {
    const o = others.find((p) => p.id === r.personId);
    if (!o || o.deathDate) continue;
    if (r.kind === 'parent' && yearsBetween(o.birthDate as PlainDate, on) < 18)
      subjects.push({
        personId: o.id,
        givenNames: o.givenNames,
        surname: o.surname,
        birthDate: o.birthDate,
        relation: 'child',
      });
    if (r.kind === 'guardian')
      subjects.push({
        personId: o.id,
        givenNames: o.givenNames,
        surname: o.surname,
        birthDate: o.birthDate,
        relation: 'ward',
      });
  }
  return subjects;
}

export async function requireSubject(
  register: RegisterContext,
  trx: DbExecutor,
  residentPersonId: string,
  subjectId: string,
) {
  const subject = (await subjectsOf(register, trx, residentPersonId)).find((s) => s.personId === subjectId);
  if (!subject) {
    throw new AppError(
      'FORBIDDEN',
      'You may act only for yourself, your minor children and persons under your guardianship',
      {
        details: [{ path: 'subjectPersonId', message: 'not your minor child or ward' }],
        rule: { id: 'register.not-your-subject' },
      },
    );
  }
  return subject;
}
