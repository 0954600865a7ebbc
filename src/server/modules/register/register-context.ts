/**
 * The context every use case of the register works with, and the checks they share. The use cases
 * once shared these as variables of one closure; now each takes the context as its first argument, so
 * what a use case depends on is visible in its signature and each use-case file can be read alone.
 */
import type { Db, DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import { createKeyedLookup } from '../../platform/batcher.ts';
import type { AccessRecord, AuditAction, AuditPurpose, AuditResource, AuditService } from '../audit/index.ts';
import { plainDateInZone, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { FieldReason } from '../../../shared/errors.ts';
import type { AddressInput } from '../../../shared/contracts/register.contract.ts';
import { createPersonSearch } from './person-search.ts';
import { isKnownCountry } from './countries.ts';
import type { LookupRow, PersonRow, RegisterRepository } from './register.repository.ts';
import { TIME_ZONE, type ActionContext, type LifeEventHook } from './register-model.ts';

export interface RegisterDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  repository: RegisterRepository;
  lifeEventHooks?: readonly LifeEventHook[];
}

/** Built once per service: the dependencies, and the state the use cases share (the search, the lookup batcher). */
export interface RegisterContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly repository: RegisterRepository;
  /** Other modules' reactions to a life event, run in the event's transaction. The caller's own array, not a copy: app.ts adds the documents hook after the service is built. */
  readonly lifeEventHooks: readonly LifeEventHook[];
  readonly search: ReturnType<typeof createPersonSearch>;
  readonly personByCurrentCode: (code: string) => Promise<LookupRow | undefined>;
  /** Today in the office's time zone: the register's dates are calendar dates there. */
  readonly today: () => PlainDate;
}

export function createRegisterContext(deps: RegisterDeps): RegisterContext {
  const { db, clock, audit, repository } = deps;
  return {
    db,
    clock,
    audit,
    repository,
    lifeEventHooks: deps.lifeEventHooks ?? [],
    search: createPersonSearch(repository),
    // Lookups by code waiting while others are served go to the database together (decision 0014).
    personByCurrentCode: createKeyedLookup<string, LookupRow>((codes) => repository.personsByCurrentCodes(db, codes)),
    today: (): PlainDate => plainDateInZone(clock.now(), TIME_ZONE),
  };
}

export function invalid(path: string, message: string, reason?: FieldReason): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message, ...(reason ? { reason } : {}) }]);
}

export function checkPastDate(register: RegisterContext, path: string, date: string, what: string): void {
  if (date > register.today()) invalid(path, `${what} cannot be in the future`, 'future-date');
}

/** A legal status and the citizenships that go with it (Citizenship Law): the register holds no other combination. */
export function checkStatus(legalStatus: string, citizenships: readonly string[], path = 'citizenships'): void {
  citizenships.forEach((c, i) => {
    if (!isKnownCountry(c)) invalid(`${path}.${i}`, `Unknown country code ${c}`, 'unknown-country');
  });
  if (legalStatus === 'citizen' && !citizenships.includes('LVA'))
    invalid(path, 'A citizen holds Latvian citizenship (LVA)', 'citizen-needs-lva');
  if (legalStatus !== 'citizen' && citizenships.includes('LVA'))
    invalid(path, 'Only a citizen holds Latvian citizenship (LVA)', 'only-citizen-lva');
  if ((legalStatus === 'non-citizen' || legalStatus === 'stateless') && citizenships.length)
    invalid(path, 'A non-citizen or stateless person has no citizenship', 'no-citizenship');
}

export function validateAddress(address: AddressInput | null, path: string): void {
  if (address?.kind === 'abroad' && !isKnownCountry(address.country))
    invalid(`${path}.country`, `Unknown country code ${address.country}`, 'unknown-country');
}

export async function requirePerson(
  register: RegisterContext,
  trx: DbExecutor,
  personId: string,
  lock = false,
): Promise<PersonRow> {
  const person = lock
    ? await register.repository.lockPerson(trx, personId)
    : await register.repository.personById(trx, personId);
  if (!person) throw new AppError('NOT_FOUND', `No person ${personId} in the register`);
  return person;
}

export function checkVersion(person: PersonRow, expected: number | undefined, path = 'expectedVersion'): void {
  if (expected !== undefined && person.version !== expected) {
    throw new AppError(
      'CONFLICT',
      `The person’s data changed since it was opened (version ${expected}, now ${person.version}); reload and try again`,
      {
        details: [{ path, message: 'stale version' }],
        rule: { id: 'register.stale-version' },
      },
    );
  }
}

export function requireAlive(person: PersonRow, path = 'personId'): void {
  if (person.deathDate) {
    throw new AppError('INVALID_STATE', `${person.givenNames} ${person.surname} died on ${person.deathDate}`, {
      details: [{ path, message: 'the person has died' }],
      rule: {
        id: 'register.person-dead',
        values: { name: `${person.givenNames} ${person.surname}`, deathDate: person.deathDate },
      },
    });
  }
}

/** The start of a life event on one person: lock the row, check the version the officer saw, that the person lives, and the date. */
export async function beginEvent(
  register: RegisterContext,
  trx: DbExecutor,
  personId: string,
  expectedVersion: number | undefined,
  date: { path: string; value: string },
): Promise<PersonRow> {
  const person = await requirePerson(register, trx, personId, true);
  checkVersion(person, expectedVersion);
  requireAlive(person);
  checkPastDate(register, date.path, date.value, 'The date');
  if (date.value < person.birthDate) invalid(date.path, 'The date is before the person’s birth', 'before-birth');
  return person;
}

/** One access to a person's data as the audit gate records it. */
export type Access = {
  action: AuditAction;
  purpose: AuditPurpose;
  legalBasis: string;
  subjectPersonId: string | null;
  resource: AuditResource;
  touched?: string[];
};

export const accessRecord = (ctx: ActionContext, r: Access): AccessRecord => ({
  actor: ctx.actor,
  action: r.action,
  purpose: r.purpose,
  legalBasis: r.legalBasis,
  caseReference: ctx.caseReference ?? null,
  reason: ctx.reason ?? null,
  subjectPersonId: r.subjectPersonId,
  resource: r.resource,
  touched: r.touched ?? [],
  requestId: ctx.requestId ?? null,
});

export async function auditAccess(
  register: RegisterContext,
  trx: DbExecutor,
  ctx: ActionContext,
  r: Access,
): Promise<void> {
  await register.audit.record(trx, accessRecord(ctx, r));
}
