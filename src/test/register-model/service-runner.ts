/**
 * Runs the model's events against the real register service, each sequence inside one database
 * transaction that is rolled back at its end, so thousands of sequences start from the same population.
 *
 * The register's use cases open their own transactions (`register.db.transaction()`); here the service is
 * built over the sequence's transaction, and each of those nested transactions becomes a savepoint, so a
 * refused event is rolled back to where it began exactly as its own transaction would be.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type { Database } from '../../server/db/schema.ts';
import { AppError } from '../../server/http/app-error.ts';
import type { Clock } from '../../server/platform/clock.ts';
import { createAuditRepository, createAuditService } from '../../server/modules/audit/index.ts';
import {
  createRegisterRepository,
  createRegisterService,
  type ActionContext,
  type RegisterService,
} from '../../server/modules/register/index.ts';
import type { ResolvedEvent } from './model-events.ts';

export const OFFICER: ActionContext = {
  actor: { type: 'staff', id: 'model-based-test', name: 'Modeļa Ierēdne', role: 'registrar', institution: 'PMLP' },
  channel: 'desk',
  reason: 'Modeļa pārbaude',
};

/** What the service answered: accepted (with the new person, for a birth) or the refusal it named. */
export type ServiceOutcome = { accepted: true; newPersonId: string | null } | { accepted: false; refusal: string };

let savepoints = 0;

/** Runs `fn` in a savepoint of `trx`: rolled back to where it began when `fn` throws, as its own transaction would be. */
export async function inSavepoint<T>(
  trx: Transaction<Database>,
  fn: (t: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const name = sql.raw(`model_step_${++savepoints}`);
  await sql`SAVEPOINT ${name}`.execute(trx);
  try {
    const result = await fn(trx);
    await sql`RELEASE SAVEPOINT ${name}`.execute(trx);
    return result;
  } catch (e) {
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(trx);
    throw e;
  }
}

/** A Kysely over `trx` whose `transaction()` runs the callback in a savepoint of `trx` instead. */
function savepointDb(trx: Transaction<Database>): Db {
  const nested = { execute: <T>(fn: (t: Transaction<Database>) => Promise<T>) => inSavepoint(trx, fn) };
  return new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => nested;
      const value: unknown = Reflect.get(target, prop, target);
      // Kysely keeps its state in private fields: its methods must run on the transaction itself.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Db;
}

class RolledBack extends Error {}

/**
 * Runs `fn` with a register service inside one transaction of `db`, returning what `fn` returned (or
 * throwing what it threw). The transaction is rolled back afterwards unless `commit` is set.
 */
export async function inOneTransaction<T>(
  db: Db,
  clock: Clock,
  fn: (register: RegisterService, trx: Transaction<Database>) => Promise<T>,
  { commit = false } = {},
): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      result = await fn(registerOver(savepointDb(trx), clock), trx);
      if (!commit) throw new RolledBack();
    });
  } catch (e) {
    if (!(e instanceof RolledBack)) throw e;
  }
  return result as T;
}

/** The register service over a database (with its own audit service, no other modules' hooks). */
export function registerOver(db: Db, clock: Clock): RegisterService {
  const audit = createAuditService({ repository: createAuditRepository(), clock });
  return createRegisterService({ db, clock, audit, repository: createRegisterRepository() });
}

/** The refusal as the model names it: the rule's id, or `field:<reason>` for a refused field. */
export function refusalOf(e: unknown): string {
  if (!(e instanceof AppError)) throw e;
  if (e.rule) return e.rule.id;
  const first = e.details?.[0];
  if (e.code === 'VALIDATION_FAILED' && first) return `field:${first.reason ?? first.path}`;
  return e.code;
}

async function personRow(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('register.person')
    .select(['version', 'surname'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Runs one resolved event through the service's use case for it. */
export async function runOnService(
  register: RegisterService,
  trx: Transaction<Database>,
  e: ResolvedEvent,
): Promise<ServiceOutcome> {
  try {
    return { accepted: true, newPersonId: await dispatch(register, trx, e) };
  } catch (err) {
    return { accepted: false, refusal: refusalOf(err) };
  }
}

const source = { sourceDocument: 'Modeļa pārbaudes dokuments' };
const ADDRESS = {
  kind: 'latvia' as const,
  municipalityCode: 'LV-RIX',
  settlement: undefined,
  street: 'Brīvības iela',
  building: '1',
  flat: undefined,
  postcode: 'LV-1010',
};

async function dispatch(
  register: RegisterService,
  trx: Transaction<Database>,
  e: ResolvedEvent,
): Promise<string | null> {
  switch (e.kind) {
    case 'birth':
      return recordBirth(register, e);
    case 'marriage':
    case 'divorce':
      return recordPair(register, trx, e).then(() => null);
    case 'death': {
      const { version } = await personRow(trx, e.personId);
      await register.recordDeath(OFFICER, e.personId, { deathDate: e.date, expectedVersion: version, ...source });
      return null;
    }
    case 'name-change': {
      const { version } = await personRow(trx, e.personId);
      const { givenNames, surname } = e;
      await register.changeName(OFFICER, e.personId, {
        effectiveDate: e.date,
        givenNames,
        surname,
        expectedVersion: version,
        ...source,
      });
      return null;
    }
    case 'residence': {
      const { version } = await personRow(trx, e.personId);
      await register.declareResidenceAtDesk(OFFICER, e.personId, {
        effectiveDate: e.date,
        address: ADDRESS,
        housingBasis: 'Īres līgums',
        additionalAddresses: [],
        expectedVersion: version,
        ...source,
      });
      return null;
    }
    case 'correction':
      // A correction runs in its caller's transaction (a case's approval): here a savepoint of the sequence's.
      await inSavepoint(trx, (t) =>
        register.correctFact(t, OFFICER, e.personId, {
          field: e.field,
          value: e.value,
          legalBasis: 'Fizisko personu reģistra likums',
          ...source,
        }),
      );
      return null;
  }
}

async function recordBirth(register: RegisterService, e: Extract<ResolvedEvent, { kind: 'birth' }>): Promise<string> {
  const result = await register.registerBirth(OFFICER, {
    givenNames: e.givenNames,
    surname: e.surname,
    sex: e.sex,
    birthDate: e.birthDate,
    birthMunicipality: 'LV-RIX',
    motherId: e.motherId,
    ...(e.fatherId ? { fatherId: e.fatherId } : {}),
    ...(e.confirmClose ? { closeBirthConfirmation: { confirmed: true, reason: 'Datumi pārbaudīti slimnīcā' } } : {}),
    ...source,
  });
  // Every child's name is unique, so a hold as a look-alike means the test's names collided, not the register.
  if (result.status !== 'registered' || !result.personId) throw new Error(`birth held as a look-alike: ${e.surname}`);
  return result.personId;
}

async function recordPair(
  register: RegisterService,
  trx: Transaction<Database>,
  e: Extract<ResolvedEvent, { kind: 'marriage' | 'divorce' }>,
): Promise<void> {
  const person = await personRow(trx, e.personId);
  const spouse = await personRow(trx, e.spouseId);
  const stale = e.kind === 'marriage' ? e.stale : 'none';
  await register.recordMarriageOrDivorce(OFFICER, e.kind, e.personId, {
    effectiveDate: e.date,
    spouseId: e.spouseId,
    expectedVersion: person.version - (stale === 'person' ? 1 : 0),
    spouseExpectedVersion: spouse.version - (stale === 'spouse' ? 1 : 0),
    surname: e.kind === 'marriage' ? e.surname : person.surname,
    spouseSurname: spouse.surname,
    ...(e.kind === 'marriage' && e.consent
      ? { minorConsent: { givenBy: 'parents', document: 'Vecāku piekrišana' } }
      : {}),
    ...source,
  });
}
