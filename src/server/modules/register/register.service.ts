/**
 * Use cases of the population register. Every change is a life event with a legal basis and source
 * document, applied to the bitemporal fact tables in one transaction with its audit entry; every read
 * of a person's data passes the audit gate.
 *
 * The use cases live in one file per concern and take the shared `RegisterContext` first; this file
 * only composes them into the service other code calls, with the context bound.
 */
import { createRegisterContext, checkStatus, type RegisterContext, type RegisterDeps } from './register-context.ts';
import { recordEvent, refresh } from './event-recording.ts';
import {
  createPerson,
  decidePending,
  includePerson,
  likelyDuplicates,
  listPending,
  registerBirth,
  registerNew,
} from './registration.ts';
import { changeCode, changeName, changeStatus, recordDeath, setGuardian } from './life-events.ts';
import { recordMarriageOrDivorce } from './marriage.ts';
import { correctableValue, correctFact } from './fact-correction.ts';
import {
  declarationFor,
  declareResidenceAtDesk,
  declareResidenceOnline,
  municipalityDeclarations,
  subjectsOf,
} from './residence.ts';
import {
  documentHolder,
  personForCase,
  residenceRightsFor,
  lookupByCode,
  namesFor,
  readMyDeclaration,
  readMySubjects,
  populationCounts,
  readCard,
  readHistory,
  readMyData,
  searchPersons,
} from './person-reads.ts';
import { decideCandidate, listCandidates, scanDuplicates } from './duplicate-review.ts';
import { endResidenceRight, recordResidenceRight } from './residence-rights.ts';

export {
  LEGAL_BASIS,
  TIME_ZONE,
  addressPayload,
  summaryOf,
  type ActionContext,
  type EventSpec,
  type FactChange,
  type LifeEventHook,
  type NewPersonPayload,
} from './register-model.ts';

export function createRegisterService(deps: RegisterDeps) {
  const register = createRegisterContext(deps);
  /** The use case with the context bound: the service's method keeps the use case's own parameters and types. */
  const bind =
    <A extends unknown[], R>(useCase: (register: RegisterContext, ...args: A) => R) =>
    (...args: A): R =>
      useCase(register, ...args);
  return {
    today: register.today,
    checkStatus,

    // person-reads.ts
    search: bind(searchPersons),
    lookupByCode: bind(lookupByCode),
    readCard: bind(readCard),
    readHistory: bind(readHistory),
    readMyData: bind(readMyData),
    namesFor: bind(namesFor),
    readMySubjects: bind(readMySubjects),
    readMyDeclaration: bind(readMyDeclaration),
    documentHolder: bind(documentHolder),
    personForCase: bind(personForCase),
    residenceRightsFor: bind(residenceRightsFor),

    // residence-rights.ts
    recordResidenceRight: bind(recordResidenceRight),
    endResidenceRight: bind(endResidenceRight),

    populationCounts: bind(populationCounts),

    // registration.ts
    registerNew: bind(registerNew),
    registerBirth: bind(registerBirth),
    listPending: bind(listPending),
    decidePending: bind(decidePending),
    likelyDuplicates: bind(likelyDuplicates),
    includePerson: bind(includePerson),

    // life-events.ts, marriage.ts, fact-correction.ts
    recordDeath: bind(recordDeath),
    changeName: bind(changeName),
    recordMarriageOrDivorce: bind(recordMarriageOrDivorce),
    changeStatus: bind(changeStatus),
    changeCode: bind(changeCode),
    setGuardian: bind(setGuardian),
    correctableValue: bind(correctableValue),
    correctFact: bind(correctFact),

    // residence.ts
    declareResidenceAtDesk: bind(declareResidenceAtDesk),
    declareResidenceOnline: bind(declareResidenceOnline),
    subjects: (residentPersonId: string) => subjectsOf(register, register.db, residentPersonId),
    declarationFor: bind(declarationFor),
    municipalityDeclarations: bind(municipalityDeclarations),

    // duplicate-review.ts
    listCandidates: bind(listCandidates),
    scanDuplicates: bind(scanDuplicates),
    decideCandidate: bind(decideCandidate),

    // The writing steps themselves (event-recording.ts, registration.ts), offered as before the split.
    refresh: bind(refresh),
    recordEvent: bind(recordEvent),
    createPerson: bind(createPerson),
  };
}
export type RegisterService = ReturnType<typeof createRegisterService>;
