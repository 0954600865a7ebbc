/**
 * Use cases of the population register. Every change is a life event with a legal basis and source
 * document, applied to the bitemporal fact tables in one transaction with its audit entry; every read
 * of a person's data passes the audit gate.
 */
import { randomInt as cryptoRandomInt, randomUUID } from 'node:crypto';
import type { Db, DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AccessRecord, AuditAction, AuditActor, AuditPurpose, AuditResource, AuditService } from '../audit/index.ts';
import { createKeyedLookup } from '../../platform/batcher.ts';
import { addDays, plainDateInZone, yearsBetween, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { newFormatCodeCandidate } from '../../../shared/kernel/personal-code.ts';
import type { FieldError, FieldReason } from '../../../shared/errors.ts';
import type { CorrectableField } from '../../../shared/contracts/cases.contract.ts';
import type {
  AddressInput, LifeEventKind, PersonCard, PersonHistory, RegistrationResult, SearchResult,
} from '../../../shared/contracts/register.contract.ts';
import type { z } from 'zod';
import { planOverlay, type ValidPeriod } from './bitemporal.ts';
import { buildHistoryRows, buildPersonCard, currentProjection, type AsOf, type RelatedPerson } from './person-view.ts';
import { FACT_COLUMN_NAMES, FACT_TABLE, type FactRows, type LookupRow, type PersonRow, type RegisterRepository } from './register.repository.ts';
import { createPersonSearch, type SearchInput } from './person-search.ts';
import { DUPLICATE_THRESHOLD } from './match-score.ts';
import { isKnownCountry } from './countries.ts';
import { scanForDuplicates } from './duplicate-scan.ts';

export const LEGAL_BASIS = {
  register: 'Fizisko personu reģistra likums',
  civilStatus: 'Civilstāvokļa aktu reģistrācijas likums',
  residence: 'Dzīvesvietas deklarēšanas likums',
  citizenship: 'Pilsonības likums',
  immigration: 'Imigrācijas likums',
} as const;

export const TIME_ZONE = 'Europe/Riga';

/** Who acts, through which channel, and why (the audit gate's fields). */
export interface ActionContext {
  actor: AuditActor;
  channel: 'desk' | 'portal' | 'system';
  caseReference?: string | undefined;
  reason?: string | undefined;
  requestId?: string | undefined;
}

type FactKind = keyof FactRows;

/** One change to one person's facts: over `period` the fact is `payload` (or, without one, did not hold). */
export interface FactChange {
  personId: string;
  fact: FactKind;
  period: ValidPeriod;
  payload?: Record<string, unknown>;
  /** Which current rows are the same fact (default: every current row of that table for the person). */
  scope?: (row: Record<string, unknown>) => boolean;
  /** Add the row without superseding anything (additional addresses run in parallel). */
  append?: boolean;
}

export interface EventSpec {
  personId: string;
  kind: LifeEventKind;
  effectiveDate: string;
  legalBasis: string;
  sourceDocument: string | null;
  details?: Record<string, unknown>;
}

/**
 * Another module's reaction to a life event, in the event's own transaction (documents: a death or a
 * change of name, code or status invalidates the person's documents). `facts` says which facts of which
 * persons the event changed.
 */
export type LifeEventHook = (trx: DbExecutor, ctx: ActionContext, event: { kind: string; personId: string; effectiveDate: string; facts: ReadonlyMap<string, ReadonlySet<string>> }) => Promise<void>;

export type NewPersonPayload = {
  kind: 'birth' | 'arrival';
  givenNames: string; surname: string; originalName?: string | undefined; sex: 'M' | 'F'; birthDate: string;
  birthCountry: string; birthMunicipality?: string | undefined; birthPlace?: string | undefined;
  legalStatus: string; citizenships: string[];
  address: AddressInput | null; housingBasis: string;
  parents: string[];
  legalBasis: string; sourceDocument: string;
};

const payloadOf = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !(FACT_COLUMN_NAMES as readonly string[]).includes(k)));

export function addressPayload(address: AddressInput, legalBasis: string | null, isAdditional = false): Record<string, unknown> {
  if (address.kind === 'abroad') {
    return { isAdditional, country: address.country, municipalityCode: null, settlement: null, street: null, building: null, flat: null, postcode: null, addressLine: address.addressLine, legalBasis };
  }
  const line = [address.street + ' ' + address.building + (address.flat ? `-${address.flat}` : ''), address.settlement, address.postcode].filter(Boolean).join(', ');
  return {
    isAdditional, country: 'LVA', municipalityCode: address.municipalityCode, settlement: address.settlement ?? null, street: address.street,
    building: address.building, flat: address.flat ?? null, postcode: address.postcode, addressLine: line, legalBasis,
  };
}

/** Where each correctable field lives: its fact table and column. */
const CORRECTABLE_FACT: Record<CorrectableField, [FactKind, string]> = {
  givenNames: ['name', 'givenNames'], surname: ['name', 'surname'], originalName: ['name', 'originalName'],
  birthPlace: ['core', 'birthPlace'], birthCountry: ['core', 'birthCountry'], ethnicity: ['core', 'ethnicity'],
};
type FactRow = Record<string, unknown> & { id: number; validFrom: string; validTo: string | null; supersededAt: string | null };
/** The row that holds now and is the register's current knowledge (the latest valid period). */
const currentRow = (rows: readonly FactRow[]): FactRow | undefined =>
  rows.filter((r) => r.supersededAt === null).sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];

export function createRegisterService(deps: { db: Db; clock: Clock; audit: AuditService; repository: RegisterRepository; lifeEventHooks?: readonly LifeEventHook[] }) {
  const { db, clock, audit, repository } = deps;
  const search = createPersonSearch(repository);
  const today = (): PlainDate => plainDateInZone(clock.now(), TIME_ZONE);

  function invalid(path: string, message: string, reason?: FieldReason): never {
    throw new AppError('VALIDATION_FAILED', message, [{ path, message, ...(reason ? { reason } : {}) }]);
  }

  function checkPastDate(path: string, date: string, what: string): void {
    if (date > today()) invalid(path, `${what} cannot be in the future`, 'future-date');
  }

  /** A legal status and the citizenships that go with it (Citizenship Law): the register holds no other combination. */
  function checkStatus(legalStatus: string, citizenships: readonly string[], path = 'citizenships'): void {
    citizenships.forEach((c, i) => {
      if (!isKnownCountry(c)) invalid(`${path}.${i}`, `Unknown country code ${c}`, 'unknown-country');
    });
    if (legalStatus === 'citizen' && !citizenships.includes('LVA')) invalid(path, 'A citizen holds Latvian citizenship (LVA)', 'citizen-needs-lva');
    if (legalStatus !== 'citizen' && citizenships.includes('LVA')) invalid(path, 'Only a citizen holds Latvian citizenship (LVA)', 'only-citizen-lva');
    if ((legalStatus === 'non-citizen' || legalStatus === 'stateless') && citizenships.length) invalid(path, 'A non-citizen or stateless person has no citizenship', 'no-citizenship');
  }

  async function requirePerson(trx: DbExecutor, personId: string, lock = false): Promise<PersonRow> {
    const person = lock ? await repository.lockPerson(trx, personId) : await repository.personById(trx, personId);
    if (!person) throw new AppError('NOT_FOUND', `No person ${personId} in the register`);
    return person;
  }

  function checkVersion(person: PersonRow, expected: number | undefined, path = 'expectedVersion'): void {
    if (expected !== undefined && person.version !== expected) {
      throw new AppError('CONFLICT', `The person’s data changed since it was opened (version ${expected}, now ${person.version}); reload and try again`, {
        details: [{ path, message: 'stale version' }], rule: { id: 'register.stale-version' },
      });
    }
  }

  function requireAlive(person: PersonRow, path = 'personId'): void {
    if (person.deathDate) {
      throw new AppError('INVALID_STATE', `${person.givenNames} ${person.surname} died on ${person.deathDate}`, {
        details: [{ path, message: 'the person has died' }], rule: { id: 'register.person-dead', values: { name: `${person.givenNames} ${person.surname}`, deathDate: person.deathDate } },
      });
    }
  }

  /** The start of a life event on one person: lock the row, check the version the officer saw, that the person lives, and the date. */
  async function beginEvent(trx: DbExecutor, personId: string, expectedVersion: number | undefined, date: { path: string; value: string }): Promise<PersonRow> {
    const person = await requirePerson(trx, personId, true);
    checkVersion(person, expectedVersion);
    requireAlive(person);
    checkPastDate(date.path, date.value, 'The date');
    if (date.value < person.birthDate) invalid(date.path, 'The date is before the person’s birth', 'before-birth');
    return person;
  }

  type Access = { action: AuditAction; purpose: AuditPurpose; legalBasis: string; subjectPersonId: string | null; resource: AuditResource; touched?: string[] };
  const accessRecord = (ctx: ActionContext, r: Access): AccessRecord => ({
    actor: ctx.actor, action: r.action, purpose: r.purpose, legalBasis: r.legalBasis, caseReference: ctx.caseReference ?? null, reason: ctx.reason ?? null,
    subjectPersonId: r.subjectPersonId, resource: r.resource, touched: r.touched ?? [], requestId: ctx.requestId ?? null,
  });
  async function auditAccess(trx: DbExecutor, ctx: ActionContext, r: Access) {
    await audit.record(trx, accessRecord(ctx, r));
  }

  // Lookups by code waiting while others are served go to the database together (decision 0014).
  const personByCurrentCode = createKeyedLookup<string, LookupRow>((codes) => repository.personsByCurrentCodes(db, codes));

  /** Rebuilds the person row's projection and statistics periods from the current facts. */
  async function refresh(trx: DbExecutor, personId: string): Promise<number> {
    const facts = await repository.allFacts(trx, personId);
    const { projection, periods } = currentProjection(facts, today());
    await repository.replacePopulationPeriods(trx, personId, periods);
    return repository.updateProjection(trx, personId, { ...projection, updatedAt: clock.now().toISOString() });
  }

  async function applyChanges(trx: DbExecutor, eventId: string | null, changes: readonly FactChange[], recordedAt: string): Promise<void> {
    for (const change of changes) {
      const table = FACT_TABLE[change.fact];
      const row = change.payload;
      if (change.append) {
        if (row) await repository.insertFacts(trx, table, [{ personId: change.personId, ...change.period, recordedAt, eventId, ...row }]);
        continue;
      }
      const all = (await repository.allFacts(trx, change.personId))[change.fact] as unknown as Array<Record<string, unknown> & { id: number; validFrom: string; validTo: string | null; supersededAt: string | null }>;
      const current = all.filter((r) => r.supersededAt === null && (change.scope ? change.scope(r) : true));
      const plan = planOverlay(current.map((r) => ({ id: r.id, validFrom: r.validFrom, validTo: r.validTo, payload: payloadOf(r) })), change.period, row);
      await repository.supersede(trx, table, plan.supersede, recordedAt);
      await repository.insertFacts(trx, table, plan.insert.map((p) => ({ personId: change.personId, validFrom: p.validFrom, validTo: p.validTo, recordedAt, eventId, ...p.payload })));
    }
  }

  /** Records one life event and its fact changes, refreshes every touched person, and writes the audit entry. */
  async function recordEvent(trx: DbExecutor, ctx: ActionContext, event: EventSpec, changes: readonly FactChange[]): Promise<{ eventId: string; version: number }> {
    const eventId = randomUUID();
    const recordedAt = clock.now().toISOString();
    await repository.insertEvent(trx, {
      id: eventId, personId: event.personId, kind: event.kind, effectiveDate: event.effectiveDate, recordedAt, legalBasis: event.legalBasis,
      sourceDocument: event.sourceDocument, channel: ctx.channel, actorType: ctx.actor.type, actorId: ctx.actor.id, institution: ctx.actor.institution,
      details: event.details ?? {},
    });
    await applyChanges(trx, eventId, changes, recordedAt);
    let version = 0;
    for (const personId of new Set([event.personId, ...changes.map((c) => c.personId)])) {
      const v = await refresh(trx, personId);
      if (personId === event.personId) version = v;
    }
    await auditAccess(trx, ctx, {
      action: 'update', purpose: `life-event:${event.kind}`, legalBasis: event.legalBasis, subjectPersonId: event.personId, resource: 'register.person',
      touched: [...new Set(changes.map((c) => c.fact))],
    });
    if (deps.lifeEventHooks?.length) {
      const facts = new Map<string, Set<string>>();
      for (const c of changes) (facts.get(c.personId) ?? facts.set(c.personId, new Set()).get(c.personId) as Set<string>).add(c.fact);
      for (const hook of deps.lifeEventHooks) await hook(trx, ctx, { kind: event.kind, personId: event.personId, effectiveDate: event.effectiveDate, facts });
    }
    return { eventId, version };
  }

  async function issueNewFormatCode(trx: DbExecutor): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const candidate = newFormatCodeCandidate(cryptoRandomInt);
      if (!(await repository.codeTaken(trx, candidate))) return candidate;
    }
    throw new AppError('SERVICE_UNAVAILABLE', 'No free personal code found; try again');
  }

  function validateAddress(address: AddressInput | null, path: string): void {
    if (address?.kind === 'abroad' && !isKnownCountry(address.country)) invalid(`${path}.country`, `Unknown country code ${address.country}`, 'unknown-country');
  }

  /** Creates the person and all their first facts (one life event). */
  async function createPerson(trx: DbExecutor, ctx: ActionContext, p: NewPersonPayload): Promise<{ personId: string; personalCode: string }> {
    const personId = randomUUID();
    const personalCode = await issueNewFormatCode(trx);
    const now = clock.now().toISOString();
    const since = p.birthDate;
    // The projection is rebuilt from the facts right after; these first values only satisfy NOT NULL.
    await repository.insertPerson(trx, {
      id: personId, personalCode, givenNames: p.givenNames, surname: p.surname, originalName: p.originalName ?? null, sex: p.sex, birthDate: p.birthDate,
      legalStatus: p.legalStatus, citizenships: p.citizenships, municipalityCode: null, abroadCountry: null, deathDate: null, surnameStem: '', nameFold: '',
      searchHashes: [], birthYear: Number(p.birthDate.slice(0, 4)), registeredAt: now, updatedAt: now,
    });
    const residenceFrom = p.kind === 'birth' ? p.birthDate : today();
    const changes: FactChange[] = [
      { personId, fact: 'code', period: { validFrom: since, validTo: null }, payload: { personalCode } },
      { personId, fact: 'name', period: { validFrom: since, validTo: null }, payload: { givenNames: p.givenNames, surname: p.surname, originalName: p.originalName ?? null } },
      { personId, fact: 'core', period: { validFrom: since, validTo: null }, payload: {
        sex: p.sex, birthDate: p.birthDate, birthCountry: p.birthCountry, birthMunicipality: p.birthMunicipality ?? null, birthPlace: p.birthPlace ?? null,
        birthSurname: p.surname, ethnicity: null, deathDate: null,
      } },
      { personId, fact: 'status', period: { validFrom: since, validTo: null }, payload: { legalStatus: p.legalStatus, citizenships: p.citizenships } },
      ...p.parents.map((parentId): FactChange => ({ personId, fact: 'relation', period: { validFrom: since, validTo: null }, payload: { kind: 'parent', relatedPersonId: parentId }, append: true })),
    ];
    if (p.address) changes.push({ personId, fact: 'address', period: { validFrom: residenceFrom, validTo: null }, payload: addressPayload(p.address, p.housingBasis) });
    const { eventId } = await recordEvent(trx, { ...ctx }, {
      personId, kind: p.kind === 'birth' ? 'birth-registration' : 'registration', effectiveDate: p.kind === 'birth' ? p.birthDate : today(),
      legalBasis: p.legalBasis, sourceDocument: p.sourceDocument, details: { personalCode },
    }, changes);
    if (p.address) {
      await trx.insertInto('register.residenceDeclaration').values({
        id: randomUUID(), eventId, personId, declarantPersonId: null, declarantRole: 'officer', validFrom: residenceFrom,
        country: p.address.kind === 'abroad' ? p.address.country : 'LVA', municipalityCode: p.address.kind === 'latvia' ? p.address.municipalityCode : null,
        addressLine: (addressPayload(p.address, null).addressLine as string), housingBasis: p.housingBasis, declaredAt: now,
      }).execute();
    }
    return { personId, personalCode };
  }

  /** Registration with the duplicate check: a new person who looks like an existing one is held for a second officer. */
  async function registerNew(ctx: ActionContext, p: NewPersonPayload): Promise<z.infer<typeof RegistrationResult>> {
    checkPastDate('birthDate', p.birthDate, 'A birth date');
    validateAddress(p.address, 'address');
    return db.transaction().execute(async (trx) => {
      const candidates = (await search.candidatesFor(trx, { givenNames: p.givenNames, surname: p.surname, birthDate: p.birthDate }))
        .filter((c) => c.score >= DUPLICATE_THRESHOLD).slice(0, 10);
      if (candidates.length > 0) {
        const pendingId = randomUUID();
        const now = clock.now().toISOString();
        await trx.insertInto('register.pendingRegistration').values({
          id: pendingId, kind: p.kind, payload: JSON.stringify(p), submittedBy: ctx.actor.id, submittedAt: now, decidedBy: null, decidedAt: null, decisionNote: null, personId: null,
        }).execute();
        await trx.insertInto('register.duplicateCandidate').values(candidates.map((c) => ({
          personId: null, pendingRegistrationId: pendingId, otherPersonId: c.person.id, score: c.score, reasons: c.reasons, source: 'registration' as const, foundAt: now,
          decidedBy: null, decidedAt: null,
        }))).execute();
        for (const c of candidates) {
          await auditAccess(trx, ctx, { action: 'read', purpose: 'duplicate-check', legalBasis: LEGAL_BASIS.register, subjectPersonId: c.person.id, resource: 'register.person', touched: ['name', 'birthDate'] });
        }
        return { status: 'held' as const, personId: null, personalCode: null, pendingId, candidates: candidates.map((c) => ({ personId: c.person.id, score: c.score, reasons: c.reasons })) };
      }
      const created = await createPerson(trx, ctx, p);
      return { status: 'registered' as const, personId: created.personId, personalCode: created.personalCode, pendingId: null, candidates: [] };
    });
  }

  async function related(trx: DbExecutor, ids: Iterable<string>): Promise<Map<string, RelatedPerson>> {
    const rows = await repository.personsByIds(trx, [...new Set(ids)]);
    return new Map(rows.map((r) => [r.id, { id: r.id, givenNames: r.givenNames, surname: r.surname, birthDate: r.birthDate, sex: r.sex, deathDate: r.deathDate }]));
  }

  async function loadCard(trx: DbExecutor, personId: string, asOf: AsOf): Promise<PersonCard> {
    const person = await requirePerson(trx, personId);
    const [facts, incoming, events] = await Promise.all([repository.allFacts(trx, personId), repository.relationsPointingAt(trx, personId), repository.eventsOf(trx, personId)]);
    const relatedPersons = await related(trx, [...facts.relation.map((r) => r.relatedPersonId), ...incoming.map((r) => r.personId)]);
    return buildPersonCard({ person, facts, incoming, related: relatedPersons, events, asOf });
  }

  function resolveAsOf(validOn?: string, recordedAt?: string): AsOf {
    if (validOn) checkPastDate('validOn', validOn, 'The “as of” date');
    return { validOn: validOn ?? today(), recordedAt: recordedAt ? new Date(recordedAt).toISOString() : clock.now().toISOString() };
  }

  /** Persons a resident may act for: themselves, their living minor children, and their wards. */
  async function subjectsOf(trx: DbExecutor, residentPersonId: string) {
    const self = await repository.personById(trx, residentPersonId);
    if (!self) throw new AppError('NOT_FOUND', 'You are not in the population register');
    const on = today();
    const incoming = (await repository.relationsPointingAt(trx, residentPersonId)).filter((r) => r.supersededAt === null && r.validFrom <= on && (r.validTo === null || r.validTo > on));
    const others = await repository.personsByIds(trx, incoming.map((r) => r.personId));
    const subjects: Array<{ personId: string; givenNames: string; surname: string; birthDate: string; relation: 'self' | 'child' | 'ward' }> = [
      { personId: self.id, givenNames: self.givenNames, surname: self.surname, birthDate: self.birthDate, relation: 'self' },
    ];
    for (const r of incoming) {
      const o = others.find((p) => p.id === r.personId);
      if (!o || o.deathDate) continue;
      if (r.kind === 'parent' && yearsBetween(o.birthDate as PlainDate, on) < 18) subjects.push({ personId: o.id, givenNames: o.givenNames, surname: o.surname, birthDate: o.birthDate, relation: 'child' });
      if (r.kind === 'guardian') subjects.push({ personId: o.id, givenNames: o.givenNames, surname: o.surname, birthDate: o.birthDate, relation: 'ward' });
    }
    return subjects;
  }

  async function requireSubject(trx: DbExecutor, residentPersonId: string, subjectId: string) {
    const subject = (await subjectsOf(trx, residentPersonId)).find((s) => s.personId === subjectId);
    if (!subject) {
      throw new AppError('FORBIDDEN', 'You may act only for yourself, your minor children and persons under your guardianship', {
        details: [{ path: 'subjectPersonId', message: 'not your minor child or ward' }], rule: { id: 'register.not-your-subject' },
      });
    }
    return subject;
  }

  async function declareResidence(trx: DbExecutor, ctx: ActionContext, input: {
    personId: string; validFrom: string; address: AddressInput; housingBasis: string;
    additionalAddresses: ReadonlyArray<{ address: AddressInput; validFrom: string; validUntil?: string | undefined }>;
    declarantPersonId: string | null; declarantRole: 'self' | 'parent' | 'guardian' | 'officer'; sourceDocument: string | null; expectedVersion?: number | undefined;
  }) {
    const person = await beginEvent(trx, input.personId, input.expectedVersion, { path: 'validFrom', value: input.validFrom });
    // A declaration moves forward in time; rewriting earlier residence history is a correction case, not a declaration.
    const current = (await repository.allFacts(trx, person.id)).address.find((a) => a.supersededAt === null && !a.isAdditional && a.validTo === null);
    if (current && input.validFrom <= current.validFrom) invalid('validFrom', `The date must be after the start of the current declared address (${current.validFrom})`, 'before-current-address');
    validateAddress(input.address, 'address');
    const errors: FieldError[] = [];
    input.additionalAddresses.forEach((a, i) => {
      if (a.address.kind === 'abroad' && !isKnownCountry(a.address.country)) errors.push({ path: `additionalAddresses.${i}.address.country`, message: `Unknown country code ${a.address.country}` });
      if (a.validUntil && a.validUntil < a.validFrom) errors.push({ path: `additionalAddresses.${i}.validUntil`, message: 'The period ends before it starts' });
    });
    if (errors.length) throw new AppError('VALIDATION_FAILED', 'Check the additional addresses', errors);
    const legalBasis = LEGAL_BASIS.residence;
    const changes: FactChange[] = [
      { personId: person.id, fact: 'address', period: { validFrom: input.validFrom, validTo: null }, payload: addressPayload(input.address, input.housingBasis), scope: (r) => r.isAdditional === false },
      ...input.additionalAddresses.map((a): FactChange => ({
        personId: person.id, fact: 'address', period: { validFrom: a.validFrom, validTo: a.validUntil ? addDays(a.validUntil as PlainDate, 1) : null },
        payload: addressPayload(a.address, input.housingBasis, true), append: true,
      })),
    ];
    const result = await recordEvent(trx, ctx, {
      personId: person.id, kind: 'address-declaration', effectiveDate: input.validFrom, legalBasis, sourceDocument: input.sourceDocument,
      details: { declarantRole: input.declarantRole, municipalityCode: input.address.kind === 'latvia' ? input.address.municipalityCode : null, country: input.address.kind === 'abroad' ? input.address.country : 'LVA' },
    }, changes);
    const declarationId = randomUUID();
    await trx.insertInto('register.residenceDeclaration').values({
      id: declarationId, eventId: result.eventId, personId: person.id, declarantPersonId: input.declarantPersonId, declarantRole: input.declarantRole, validFrom: input.validFrom,
      country: input.address.kind === 'abroad' ? input.address.country : 'LVA', municipalityCode: input.address.kind === 'latvia' ? input.address.municipalityCode : null,
      addressLine: addressPayload(input.address, null).addressLine as string, housingBasis: input.housingBasis, declaredAt: clock.now().toISOString(),
    }).execute();
    return { declarationId, ...result };
  }

  return {
    today,

    async search(trx: DbExecutor, ctx: ActionContext, input: SearchInput): Promise<{ results: SearchResult[]; total: number; hasMore: boolean }> {
      // One more than the page holds: whether more persons match, without counting them all.
      const found = await search.search(trx, { ...input, limit: input.limit + 1 });
      const results = found.slice(0, input.limit);
      await auditAccess(trx, ctx, { action: 'search', purpose: 'person-search', legalBasis: LEGAL_BASIS.register, subjectPersonId: null, resource: 'register.person', touched: ['searchResults'] });
      return { results, total: results.length, hasMore: found.length > input.limit };
    },

    /**
     * The person with this personal code (or an earlier one). The busiest read of partner systems, so
     * lookups arriving together share one query and their audit entries one group commit; the person is
     * returned only after the entry is committed.
     */
    async lookupByCode(ctx: ActionContext, code: string): Promise<LookupRow> {
      let person: LookupRow | undefined = await personByCurrentCode(code);
      if (!person) {
        const id = await repository.personIdByAnyCode(db, code);
        if (id) person = await repository.personById(db, id);
      }
      if (!person) throw new AppError('NOT_FOUND', 'No person with this personal code');
      await audit.recordCommitted(accessRecord(ctx, { action: 'read', purpose: 'register-lookup', legalBasis: LEGAL_BASIS.register, subjectPersonId: person.id, resource: 'register.person', touched: ['currentData'] }));
      return person;
    },

    async readCard(ctx: ActionContext, personId: string, validOn?: string, recordedAt?: string): Promise<PersonCard> {
      const asOf = resolveAsOf(validOn, recordedAt);
      return db.transaction().execute(async (trx) => {
        const card = await loadCard(trx, personId, asOf);
        await auditAccess(trx, ctx, { action: 'read', purpose: ctx.actor.type === 'resident' ? 'data-subject-access' : 'register-lookup', legalBasis: LEGAL_BASIS.register, subjectPersonId: personId, resource: 'register.person', touched: ['card'] });
        return card;
      });
    },

    async readHistory(ctx: ActionContext, personId: string): Promise<z.infer<typeof PersonHistory>> {
      return db.transaction().execute(async (trx) => {
        await requirePerson(trx, personId);
        const [facts, events] = await Promise.all([repository.allFacts(trx, personId), repository.eventsOf(trx, personId)]);
        await auditAccess(trx, ctx, { action: 'read', purpose: 'register-lookup', legalBasis: LEGAL_BASIS.register, subjectPersonId: personId, resource: 'register.person', touched: ['history'] });
        return { personId, rows: buildHistoryRows(facts), events: events.map((e) => ({ ...e, details: e.details ?? {} })) };
      });
    },

    registerNew,

    async registerBirth(ctx: ActionContext, input: { givenNames: string; surname: string; sex: 'M' | 'F'; birthDate: string; birthMunicipality: string; birthPlace?: string | undefined; motherId: string; fatherId?: string | undefined; legalBasis?: string | undefined; sourceDocument: string }) {
      const parents = await db.transaction().execute(async (trx) => {
        const mother = await requirePerson(trx, input.motherId);
        const father = input.fatherId ? await requirePerson(trx, input.fatherId) : undefined;
        if (input.birthDate < mother.birthDate || (father && input.birthDate < father.birthDate)) invalid('birthDate', 'The child cannot be born before a parent', 'before-parent-birth');
        return { mother, father };
      });
      const { mother, father } = parents;
      // A child of a citizen or non-citizen is a citizen (Citizenship Law, since 2020 also for non-citizens' children); otherwise the mother's status.
      const citizenParent = [mother, father].some((p) => p && (p.legalStatus === 'citizen' || p.legalStatus === 'non-citizen'));
      const motherAddress = mother.municipalityCode
        ? await db.selectFrom('register.addressFact').selectAll().where('personId', '=', mother.id).where('supersededAt', 'is', null).where('isAdditional', '=', false).where('validTo', 'is', null).executeTakeFirst()
        : undefined;
      return registerNew(ctx, {
        kind: 'birth', givenNames: input.givenNames, surname: input.surname, sex: input.sex, birthDate: input.birthDate, birthCountry: 'LVA',
        birthMunicipality: input.birthMunicipality, birthPlace: input.birthPlace, legalStatus: citizenParent ? 'citizen' : mother.legalStatus,
        citizenships: citizenParent ? ['LVA'] : mother.citizenships,
        address: motherAddress?.municipalityCode && motherAddress.street && motherAddress.building && motherAddress.postcode
          ? { kind: 'latvia', municipalityCode: motherAddress.municipalityCode, settlement: motherAddress.settlement ?? undefined, street: motherAddress.street, building: motherAddress.building, flat: motherAddress.flat ?? undefined, postcode: motherAddress.postcode }
          : null,
        housingBasis: 'parent’s residence (declared at birth registration)', parents: [mother.id, ...(father ? [father.id] : [])],
        legalBasis: input.legalBasis ?? LEGAL_BASIS.civilStatus, sourceDocument: input.sourceDocument,
      });
    },

    async listPending(trx: DbExecutor, ctx: ActionContext) {
      const pending = await trx.selectFrom('register.pendingRegistration').selectAll().where('status', '=', 'held').orderBy('submittedAt').limit(100).execute();
      const candidates = pending.length ? await trx.selectFrom('register.duplicateCandidate').selectAll().where('pendingRegistrationId', 'in', pending.map((p) => p.id)).orderBy('score', 'desc').execute() : [];
      const others = await repository.personsByIds(trx, candidates.map((c) => c.otherPersonId));
      for (const o of others) await auditAccess(trx, ctx, { action: 'read', purpose: 'duplicate-review', legalBasis: LEGAL_BASIS.register, subjectPersonId: o.id, resource: 'register.person', touched: ['summary'] });
      return pending.map((p) => {
        const payload = p.payload as unknown as NewPersonPayload;
        return {
          id: p.id, kind: p.kind, submittedBy: p.submittedBy, submittedAt: p.submittedAt, status: p.status, givenNames: payload.givenNames, surname: payload.surname,
          birthDate: payload.birthDate, sex: payload.sex,
          candidates: candidates.filter((c) => c.pendingRegistrationId === p.id).map((c) => ({ ...c, person: null, other: summaryOf(others.find((o) => o.id === c.otherPersonId) as PersonRow) })),
        };
      });
    },

    async decidePending(ctx: ActionContext, id: string, decision: { decision: 'register' | 'same-person'; existingPersonId?: string | undefined; note: string }) {
      return db.transaction().execute(async (trx) => {
        const pending = await trx.selectFrom('register.pendingRegistration').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!pending) throw new AppError('NOT_FOUND', 'No such held registration');
        if (pending.status !== 'held') throw new AppError('INVALID_STATE', `This registration was already decided (${pending.status})`, { rule: { id: 'register.registration-decided' } });
        if (pending.submittedBy === ctx.actor.id) throw new AppError('FORBIDDEN', 'A second officer must decide: you submitted this registration', { rule: { id: 'register.second-officer' } });
        const now = clock.now().toISOString();
        const candidateRows = await trx.selectFrom('register.duplicateCandidate').selectAll().where('pendingRegistrationId', '=', id).execute();
        let personId: string;
        let personalCode: string;
        if (decision.decision === 'same-person') {
          const existing = decision.existingPersonId ?? candidateRows[0]?.otherPersonId;
          if (!existing || !candidateRows.some((c) => c.otherPersonId === existing)) invalid('existingPersonId', 'Choose one of the candidate persons', 'choose-candidate');
          const person = await requirePerson(trx, existing);
          personId = person.id;
          personalCode = person.personalCode;
        } else {
          const created = await createPerson(trx, ctx, pending.payload as unknown as NewPersonPayload);
          personId = created.personId;
          personalCode = created.personalCode;
        }
        await trx.updateTable('register.pendingRegistration').set({ status: decision.decision === 'register' ? 'registered' : 'merged', decidedBy: ctx.actor.id, decidedAt: now, decisionNote: decision.note, personId }).where('id', '=', id).execute();
        await trx.updateTable('register.duplicateCandidate').set((eb) => ({
          status: eb.case().when('otherPersonId', '=', decision.decision === 'same-person' ? personId : '00000000-0000-0000-0000-000000000000').then('same-person' as const).else('different-persons' as const).end(),
          decidedBy: ctx.actor.id, decidedAt: now,
        })).where('pendingRegistrationId', '=', id).execute();
        await auditAccess(trx, ctx, { action: 'decide', purpose: 'duplicate-review', legalBasis: LEGAL_BASIS.register, subjectPersonId: personId, resource: 'register.pendingRegistration', touched: [decision.decision] });
        return { status: 'registered' as const, personId, personalCode, pendingId: id, candidates: [] };
      });
    },

    async recordDeath(ctx: ActionContext, personId: string, input: { deathDate: string; legalBasis?: string | undefined; sourceDocument: string; expectedVersion: number }) {
      return db.transaction().execute(async (trx) => {
        await beginEvent(trx, personId, input.expectedVersion, { path: 'deathDate', value: input.deathDate });
        const facts = await repository.allFacts(trx, personId);
        const core = facts.core.find((c) => c.supersededAt === null);
        if (!core) throw new AppError('INTERNAL', 'The person has no core fact');
        const changes: FactChange[] = [{ personId, fact: 'core', period: { validFrom: core.validFrom, validTo: null }, payload: { ...payloadOf(core as unknown as Record<string, unknown>), deathDate: input.deathDate } }];
        // Death ends a marriage: both spouse rows end on the day of death.
        for (const s of facts.relation.filter((r) => r.kind === 'spouse' && r.supersededAt === null && r.validTo === null)) {
          changes.push({ personId, fact: 'relation', period: { validFrom: addDays(input.deathDate as PlainDate, 1), validTo: null }, scope: (r) => r.kind === 'spouse' && r.relatedPersonId === s.relatedPersonId });
          changes.push({ personId: s.relatedPersonId, fact: 'relation', period: { validFrom: addDays(input.deathDate as PlainDate, 1), validTo: null }, scope: (r) => r.kind === 'spouse' && r.relatedPersonId === personId });
        }
        const r = await recordEvent(trx, ctx, { personId, kind: 'death', effectiveDate: input.deathDate, legalBasis: input.legalBasis ?? LEGAL_BASIS.civilStatus, sourceDocument: input.sourceDocument }, changes);
        return { personId, ...r };
      });
    },

    checkStatus,

    /** Names of persons for a list an officer works from (the day's appointments), each read audited, in the caller's transaction. */
    async namesFor(trx: DbExecutor, ctx: ActionContext, personIds: readonly string[]): Promise<Map<string, string>> {
      const rows = await repository.namesByIds(trx, [...new Set(personIds)]);
      for (const r of rows) {
        await auditAccess(trx, ctx, { action: 'read', purpose: 'appointment-list', legalBasis: LEGAL_BASIS.register, subjectPersonId: r.id, resource: 'register.person', touched: ['name'] });
      }
      return new Map(rows.map((r) => [r.id, `${r.givenNames} ${r.surname}`]));
    },

    /** What a document needs of its holder (name, birth, sex, status, code), read through the audit gate in the caller's transaction. */
    async documentHolder(trx: DbExecutor, ctx: ActionContext, personId: string) {
      const p = await requirePerson(trx, personId);
      await auditAccess(trx, ctx, { action: 'read', purpose: 'document-issuance', legalBasis: LEGAL_BASIS.register, subjectPersonId: personId, resource: 'register.person', touched: ['name', 'birthDate', 'status'] });
      return { id: p.id, personalCode: p.personalCode, givenNames: p.givenNames, surname: p.surname, birthDate: p.birthDate, sex: p.sex, legalStatus: p.legalStatus, citizenships: p.citizenships, deathDate: p.deathDate };
    },

    /**
     * Persons already in the register who may be the one an application names (a case about a person not
     * yet registered), strongest first, with each read audited. Runs in the caller's transaction.
     */
    async likelyDuplicates(trx: DbExecutor, ctx: ActionContext, subject: { givenNames: string; surname: string; birthDate: string }): Promise<Array<{ personId: string; personalCode: string; name: string; birthDate: string; score: number; reasons: string[] }>> {
      const found = (await search.candidatesFor(trx, subject)).filter((c) => c.score >= DUPLICATE_THRESHOLD).slice(0, 10);
      for (const c of found) {
        await auditAccess(trx, ctx, { action: 'read', purpose: 'duplicate-check', legalBasis: LEGAL_BASIS.register, subjectPersonId: c.person.id, resource: 'register.person', touched: ['name', 'birthDate'] });
      }
      return found.map((c) => ({ personId: c.person.id, personalCode: c.person.personalCode, name: `${c.person.givenNames} ${c.person.surname}`, birthDate: c.person.birthDate, score: c.score, reasons: c.reasons }));
    },

    /**
     * Includes in the register a person whom a decision admitted (an inclusion case's approval), in the
     * caller's transaction: a new-format personal code and the first facts as one life event. The
     * duplicate check was the officer's and the decision-maker's (it is in the decision's rule trace).
     */
    async includePerson(trx: DbExecutor, ctx: ActionContext, p: Omit<NewPersonPayload, 'kind' | 'address' | 'housingBasis' | 'parents'>): Promise<{ personId: string; personalCode: string }> {
      checkPastDate('birthDate', p.birthDate, 'A birth date');
      checkStatus(p.legalStatus, p.citizenships);
      return createPerson(trx, ctx, { ...p, kind: 'arrival', address: null, housingBasis: '', parents: [] });
    },

    /** The current value of a fact a correction case may correct, with who it belongs to. Read through the audit gate. */
    async correctableValue(trx: DbExecutor, ctx: ActionContext, personId: string, field: CorrectableField): Promise<{ value: string | null; person: { id: string; personalCode: string; givenNames: string; surname: string } }> {
      const person = await requirePerson(trx, personId);
      const [fact, column] = CORRECTABLE_FACT[field];
      const row = currentRow((await repository.allFacts(trx, personId))[fact] as unknown as FactRow[]);
      await auditAccess(trx, ctx, { action: 'read', purpose: 'case-processing', legalBasis: LEGAL_BASIS.register, subjectPersonId: personId, resource: 'register.person', touched: [field] });
      return { value: (row?.[column] as string | null | undefined) ?? null, person: { id: person.id, personalCode: person.personalCode, givenNames: person.givenNames, surname: person.surname } };
    },

    /**
     * Corrects a fact that was wrong from the start: the current row keeps its valid period but its
     * recorded time closes, and a row with the corrected value and the same valid period is recorded
     * now. "As the register showed it" before today still gives the old value. Runs in the caller's
     * transaction (a correction case's approval), as a life event with its audit entry.
     */
    async correctFact(trx: DbExecutor, ctx: ActionContext, personId: string, input: { field: CorrectableField; value: string | null; legalBasis: string; sourceDocument: string }): Promise<{ eventId: string; version: number }> {
      const person = await requirePerson(trx, personId, true);
      const [fact, column] = CORRECTABLE_FACT[input.field];
      if (input.field === 'birthCountry' && (!input.value || !isKnownCountry(input.value))) invalid('value', `Unknown country code ${input.value ?? ''}`, 'unknown-country');
      if ((input.field === 'givenNames' || input.field === 'surname') && !input.value?.trim()) invalid('value', 'A name cannot be empty');
      const row = currentRow((await repository.allFacts(trx, personId))[fact] as unknown as FactRow[]);
      if (!row) throw new AppError('INVALID_STATE', `The person has no current ${fact} fact to correct`, { rule: { id: 'register.no-fact-to-correct' } });
      const before = (row[column] as string | null) ?? null;
      return recordEvent(trx, ctx, {
        personId, kind: 'correction', effectiveDate: row.validFrom, legalBasis: input.legalBasis, sourceDocument: input.sourceDocument,
        details: { field: input.field, from: before, to: input.value, personalCode: person.personalCode },
      }, [{ personId, fact, period: { validFrom: row.validFrom, validTo: row.validTo }, payload: { ...payloadOf(row), [column]: input.value }, scope: (r) => r.id === row.id }]);
    },

    async changeName(ctx: ActionContext, personId: string, input: { effectiveDate: string; givenNames: string; surname: string; legalBasis?: string | undefined; sourceDocument: string; expectedVersion: number }) {
      return db.transaction().execute(async (trx) => {
        const person = await beginEvent(trx, personId, input.expectedVersion, { path: 'effectiveDate', value: input.effectiveDate });
        // A change of name that changes nothing would add a history entry and a "previous name" equal to the current one.
        if (input.givenNames === person.givenNames && input.surname === person.surname) {
          throw new AppError('VALIDATION_FAILED', 'The register already holds exactly this name', [{ path: 'surname', message: 'The register already holds exactly this name', reason: 'same-as-current' }]);
        }
        const r = await recordEvent(trx, ctx, {
          personId, kind: 'name-change', effectiveDate: input.effectiveDate, legalBasis: input.legalBasis ?? 'Vārda, uzvārda un tautības ieraksta maiņas likums', sourceDocument: input.sourceDocument,
          details: { from: `${person.givenNames} ${person.surname}`, to: `${input.givenNames} ${input.surname}` },
        }, [{ personId, fact: 'name', period: { validFrom: input.effectiveDate, validTo: null }, payload: { givenNames: input.givenNames, surname: input.surname, originalName: person.originalName } }]);
        return { personId, ...r };
      });
    },

    async recordMarriageOrDivorce(ctx: ActionContext, kind: 'marriage' | 'divorce', personId: string, input: {
      effectiveDate: string; spouseId: string; spouseExpectedVersion: number; surname: string; spouseSurname: string; legalBasis?: string | undefined; sourceDocument: string; expectedVersion: number;
    }) {
      if (personId === input.spouseId) invalid('spouseId', 'A person cannot marry themselves', 'same-person');
      return db.transaction().execute(async (trx) => {
        // Lock in id order so two events on the same pair cannot deadlock.
        const [firstId, secondId] = [personId, input.spouseId].sort() as [string, string];
        const first = await requirePerson(trx, firstId, true);
        const second = await requirePerson(trx, secondId, true);
        const person = first.id === personId ? first : second;
        const spouse = first.id === personId ? second : first;
        checkVersion(person, input.expectedVersion);
        checkVersion(spouse, input.spouseExpectedVersion, 'spouseExpectedVersion');
        requireAlive(person);
        requireAlive(spouse, 'spouseId');
        checkPastDate('effectiveDate', input.effectiveDate, 'The date');
        const facts = await repository.allFacts(trx, personId);
        const married = facts.relation.filter((r) => r.kind === 'spouse' && r.supersededAt === null && r.validTo === null);
        if (kind === 'marriage') {
          for (const p of [person, spouse]) {
            if (yearsBetween(p.birthDate as PlainDate, input.effectiveDate as PlainDate) < 18) invalid(p === person ? 'personId' : 'spouseId', `${p.givenNames} ${p.surname} is under 18 on that date`, 'under-18');
          }
          if (married.length) {
            throw new AppError('INVALID_STATE', `${person.givenNames} ${person.surname} is already married`, {
              details: [{ path: 'personId', message: 'already married' }], rule: { id: 'register.already-married', values: { name: `${person.givenNames} ${person.surname}` } },
            });
          }
          const spouseFacts = await repository.allFacts(trx, spouse.id);
          if (spouseFacts.relation.some((r) => r.kind === 'spouse' && r.supersededAt === null && r.validTo === null)) {
            throw new AppError('INVALID_STATE', `${spouse.givenNames} ${spouse.surname} is already married`, {
              details: [{ path: 'spouseId', message: 'already married' }], rule: { id: 'register.already-married', values: { name: `${spouse.givenNames} ${spouse.surname}` } },
            });
          }
        } else if (!married.some((r) => r.relatedPersonId === spouse.id)) {
          throw new AppError('INVALID_STATE', 'These persons are not married to each other', { details: [{ path: 'spouseId', message: 'not the current spouse' }], rule: { id: 'register.not-spouses' } });
        }
        const period = { validFrom: input.effectiveDate, validTo: null };
        const relationChange = (a: string, b: string): FactChange => kind === 'marriage'
          ? { personId: a, fact: 'relation', period, payload: { kind: 'spouse', relatedPersonId: b }, append: true }
          : { personId: a, fact: 'relation', period, scope: (r) => r.kind === 'spouse' && r.relatedPersonId === b };
        const nameChange = (p: PersonRow, surname: string): FactChange[] => surname === p.surname ? [] : [{ personId: p.id, fact: 'name', period, payload: { givenNames: p.givenNames, surname, originalName: p.originalName } }];
        const legalBasis = input.legalBasis ?? LEGAL_BASIS.civilStatus;
        const r = await recordEvent(trx, ctx, {
          personId, kind, effectiveDate: input.effectiveDate, legalBasis, sourceDocument: input.sourceDocument,
          details: { spouseId: spouse.id, surname: input.surname, spouseSurname: input.spouseSurname },
        }, [relationChange(person.id, spouse.id), relationChange(spouse.id, person.id), ...nameChange(person, input.surname)]);
        await recordEvent(trx, ctx, {
          personId: spouse.id, kind, effectiveDate: input.effectiveDate, legalBasis, sourceDocument: input.sourceDocument,
          details: { spouseId: person.id, surname: input.spouseSurname, spouseSurname: input.surname },
        }, nameChange(spouse, input.spouseSurname));
        return { personId, ...r, version: (await repository.personById(trx, personId))?.version ?? r.version };
      });
    },

    async changeStatus(ctx: ActionContext, personId: string, input: { effectiveDate: string; legalStatus: string; citizenships: string[]; legalBasis?: string | undefined; sourceDocument: string; expectedVersion: number }) {
      checkStatus(input.legalStatus, input.citizenships);
      return db.transaction().execute(async (trx) => {
        const person = await beginEvent(trx, personId, input.expectedVersion, { path: 'effectiveDate', value: input.effectiveDate });
        const r = await recordEvent(trx, ctx, {
          personId, kind: 'status-change', effectiveDate: input.effectiveDate, legalBasis: input.legalBasis ?? (input.legalStatus === 'citizen' ? LEGAL_BASIS.citizenship : LEGAL_BASIS.immigration),
          sourceDocument: input.sourceDocument, details: { from: person.legalStatus, to: input.legalStatus, citizenships: input.citizenships },
        }, [{ personId, fact: 'status', period: { validFrom: input.effectiveDate, validTo: null }, payload: { legalStatus: input.legalStatus, citizenships: input.citizenships } }]);
        return { personId, ...r };
      });
    },

    async changeCode(ctx: ActionContext, personId: string, input: { effectiveDate: string; legalBasis?: string | undefined; sourceDocument: string; expectedVersion: number }) {
      return db.transaction().execute(async (trx) => {
        const person = await beginEvent(trx, personId, input.expectedVersion, { path: 'effectiveDate', value: input.effectiveDate });
        if (input.effectiveDate < '2017-07-01') invalid('effectiveDate', 'New-format codes exist since 2017-07-01', 'new-code-before-2017');
        if (/^3[2-9]/.test(person.personalCode)) throw new AppError('INVALID_STATE', 'The person already has a new-format personal code (a code may be changed once)', { rule: { id: 'register.code-already-new' } });
        const personalCode = await issueNewFormatCode(trx);
        const r = await recordEvent(trx, ctx, {
          personId, kind: 'code-change', effectiveDate: input.effectiveDate, legalBasis: input.legalBasis ?? LEGAL_BASIS.register, sourceDocument: input.sourceDocument,
          details: { from: person.personalCode, to: personalCode },
        }, [{ personId, fact: 'code', period: { validFrom: input.effectiveDate, validTo: null }, payload: { personalCode } }]);
        return { personId, ...r };
      });
    },

    async setGuardian(ctx: ActionContext, personId: string, input: { effectiveDate: string; guardianId: string; until?: string | undefined; legalBasis?: string | undefined; sourceDocument: string; expectedVersion: number }) {
      if (personId === input.guardianId) invalid('guardianId', 'A person cannot be their own guardian', 'same-person');
      return db.transaction().execute(async (trx) => {
        await beginEvent(trx, personId, input.expectedVersion, { path: 'effectiveDate', value: input.effectiveDate });
        const guardian = await requirePerson(trx, input.guardianId);
        requireAlive(guardian, 'guardianId');
        if (yearsBetween(guardian.birthDate as PlainDate, today()) < 18) invalid('guardianId', 'A guardian must be an adult', 'guardian-minor');
        if (input.until && input.until < input.effectiveDate) invalid('until', 'The guardianship ends before it starts', 'ends-before-start');
        const r = await recordEvent(trx, ctx, {
          personId, kind: 'guardianship', effectiveDate: input.effectiveDate, legalBasis: input.legalBasis ?? 'Civillikums (bāriņtiesas lēmums)', sourceDocument: input.sourceDocument,
          details: { guardianId: guardian.id },
        }, [{ personId, fact: 'relation', period: { validFrom: input.effectiveDate, validTo: input.until ? addDays(input.until as PlainDate, 1) : null }, payload: { kind: 'guardian', relatedPersonId: guardian.id }, scope: (r) => r.kind === 'guardian' && r.relatedPersonId === guardian.id }]);
        return { personId, ...r };
      });
    },

    /** A residence declaration at the desk (officer) or in the portal (the person, a parent or a guardian). */
    async declareResidenceAtDesk(ctx: ActionContext, personId: string, input: { effectiveDate: string; address: AddressInput; housingBasis: string; additionalAddresses: ReadonlyArray<{ address: AddressInput; validFrom: string; validUntil?: string | undefined }>; sourceDocument: string; expectedVersion: number }) {
      return db.transaction().execute(async (trx) => {
        const r = await declareResidence(trx, ctx, { personId, validFrom: input.effectiveDate, address: input.address, housingBasis: input.housingBasis, additionalAddresses: input.additionalAddresses, declarantPersonId: null, declarantRole: 'officer', sourceDocument: input.sourceDocument, expectedVersion: input.expectedVersion });
        return { personId, eventId: r.eventId, version: r.version };
      });
    },

    async declareResidenceOnline(ctx: ActionContext, residentPersonId: string, input: { subjectPersonId: string; validFrom: string; address: AddressInput; housingBasis: string; additionalAddresses: ReadonlyArray<{ address: AddressInput; validFrom: string; validUntil?: string | undefined }> }) {
      return db.transaction().execute(async (trx) => {
        const subject = await requireSubject(trx, residentPersonId, input.subjectPersonId);
        const role = subject.relation === 'self' ? 'self' : subject.relation === 'child' ? 'parent' : 'guardian';
        const r = await declareResidence(trx, ctx, { personId: subject.personId, validFrom: input.validFrom, address: input.address, housingBasis: input.housingBasis, additionalAddresses: input.additionalAddresses, declarantPersonId: residentPersonId, declarantRole: role, sourceDocument: 'E-pakalpojums “Dzīvesvietas deklarēšana”' });
        return { declarationId: r.declarationId, personId: subject.personId, validFrom: input.validFrom };
      });
    },

    async subjects(residentPersonId: string) {
      return subjectsOf(db, residentPersonId);
    },

    async readMyData(ctx: ActionContext, residentPersonId: string, subjectId: string | undefined, validOn?: string): Promise<PersonCard> {
      const asOf = resolveAsOf(validOn);
      return db.transaction().execute(async (trx) => {
        const subject = await requireSubject(trx, residentPersonId, subjectId ?? residentPersonId);
        const card = await loadCard(trx, subject.personId, asOf);
        await auditAccess(trx, ctx, { action: 'read', purpose: subject.relation === 'self' ? 'data-subject-access' : 'legal-representative-access', legalBasis: LEGAL_BASIS.register, subjectPersonId: subject.personId, resource: 'register.person', touched: ['card'] });
        return card;
      });
    },

    async declarationFor(trx: DbExecutor, residentPersonId: string, declarationId: string) {
      const d = await trx.selectFrom('register.residenceDeclaration').selectAll().where('id', '=', declarationId).executeTakeFirst();
      if (!d || (d.declarantPersonId !== residentPersonId && d.personId !== residentPersonId)) throw new AppError('NOT_FOUND', 'No such declaration of yours');
      const person = await requirePerson(trx, d.personId);
      return { declaration: d, person };
    },

    async municipalityDeclarations(ctx: ActionContext, municipalityCode: string, limit: number) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('register.residenceDeclaration as d').innerJoin('register.person as p', 'p.id', 'd.personId')
          .select(['d.id', 'd.personId', 'p.personalCode', 'p.givenNames', 'p.surname', 'd.validFrom', 'd.country', 'd.municipalityCode', 'd.addressLine', 'd.housingBasis', 'd.declarantRole', 'd.declaredAt'])
          .where('d.municipalityCode', '=', municipalityCode).orderBy('d.declaredAt', 'desc').limit(limit).execute();
        for (const r of rows) {
          await auditAccess(trx, ctx, { action: 'read', purpose: 'municipality-residence-register', legalBasis: LEGAL_BASIS.residence, subjectPersonId: r.personId, resource: 'register.residenceDeclaration', touched: ['declaration'] });
        }
        return rows;
      });
    },

    /** Candidate pairs from the scan; each person shown to the officer is an audited read. */
    async listCandidates(trx: DbExecutor, ctx: ActionContext, status: 'open' | 'same-person' | 'different-persons', limit: number) {
      const rows = await trx.selectFrom('register.duplicateCandidate').selectAll().where('status', '=', status).where('personId', 'is not', null)
        .orderBy('score', 'desc').orderBy('id').limit(limit).execute();
      const persons = new Map((await repository.personsByIds(trx, rows.flatMap((r) => [r.personId as string, r.otherPersonId]))).map((p) => [p.id, p]));
      for (const id of persons.keys()) {
        await auditAccess(trx, ctx, { action: 'read', purpose: 'duplicate-review', legalBasis: LEGAL_BASIS.register, subjectPersonId: id, resource: 'register.person', touched: ['summary'] });
      }
      return rows.flatMap((r) => {
        const a = persons.get(r.personId as string);
        const b = persons.get(r.otherPersonId);
        return a && b ? [{ ...r, person: summaryOf(a), other: summaryOf(b) }] : [];
      });
    },

    async scanDuplicates(onProgress?: (done: number, total: number) => void) {
      return scanForDuplicates(db, { now: clock.now().toISOString(), ...(onProgress ? { onProgress } : {}) });
    },

    /** An officer decides a candidate pair from the scan (same person, or two persons); a decided pair is final. */
    async decideCandidate(ctx: ActionContext, id: string, decision: 'same-person' | 'different-persons') {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('register.duplicateCandidate').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row || row.personId === null) throw new AppError('NOT_FOUND', 'No such candidate pair');
        if (row.status !== 'open') throw new AppError('INVALID_STATE', `This pair was already decided (${row.status})`, { rule: { id: 'register.pair-decided' } });
        const updated = await trx.updateTable('register.duplicateCandidate').set({ status: decision, decidedBy: ctx.actor.id, decidedAt: clock.now().toISOString() })
          .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        for (const personId of [row.personId, row.otherPersonId]) {
          await auditAccess(trx, ctx, { action: 'decide', purpose: 'duplicate-review', legalBasis: LEGAL_BASIS.register, subjectPersonId: personId, resource: 'register.duplicateCandidate', touched: [decision] });
        }
        const persons = await repository.personsByIds(trx, [row.personId, row.otherPersonId]);
        const a = persons.find((p) => p.id === row.personId) as PersonRow;
        const b = persons.find((p) => p.id === row.otherPersonId) as PersonRow;
        return { ...updated, person: summaryOf(a), other: summaryOf(b) };
      });
    },

    async populationCounts(date?: string) {
      const on = date ?? today();
      const rows = await repository.populationCounts(db, on);
      return { date: on, rows, total: rows.reduce((n, r) => n + r.persons, 0) };
    },

    refresh,
    recordEvent,
    createPerson,
  };
}
export type RegisterService = ReturnType<typeof createRegisterService>;

export function summaryOf(p: Pick<PersonRow, 'id' | 'personalCode' | 'givenNames' | 'surname' | 'birthDate' | 'sex' | 'legalStatus' | 'municipalityCode' | 'deathDate'>) {
  return {
    id: p.id, personalCode: p.personalCode, givenNames: p.givenNames, surname: p.surname, birthDate: p.birthDate, sex: p.sex, legalStatus: p.legalStatus,
    municipalityCode: p.municipalityCode, deathDate: p.deathDate,
  };
}

