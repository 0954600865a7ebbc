/**
 * The register's case types on the engine: the correction of a fact (and its appeal), and the inclusion of
 * a person not yet in the register. Their subjects, the system's checks, and what their approval does in
 * the register.
 */
import type { RegisterService } from '../register/index.ts';
import type { CaseView, CorrectableField } from '../../../shared/contracts/cases.contract.ts';
import type { LegalStatus } from '../../../shared/kernel/legal-status.ts';
import { AppError } from '../../http/app-error.ts';
import type { CaseState, RuleCheck } from './case-lifecycle.ts';
import { CASE_TYPE_DEFINITIONS } from './case-types.ts';
import type { CaseTypeHandler, CaseTypeHandlers } from './case-handlers.ts';

/** A correction: one fact of a registered person, its value and the value asked for. */
export type CorrectionSubjectData = {
  personId: string; personalCode: string; personName: string; field: CorrectableField; currentValue: string | null; requestedValue: string | null; explanation: string;
};

/** Registered persons who may be the applicant of an inclusion, as found when the case opened. */
export type LikelyDuplicate = { personId: string; personalCode: string; name: string; birthDate: string; score: number };

/** An inclusion: a person not yet in the register, as they presented themselves. */
export type InclusionSubjectData = {
  givenNames: string; surname: string; sex: 'M' | 'F'; birthDate: string; birthCountry: string; legalStatus: LegalStatus; citizenships: string[];
  foreignDocument: { number: string; country: string }; explanation: string; candidates: LikelyDuplicate[];
};

/** Checks every register case records: evidence, and the requests for information answered. */
function commonChecks(state: CaseState): [RuleCheck, RuleCheck] {
  const answered = state.requests.filter((r) => r.answeredOn !== null).length;
  return [
    { rule: 'evidence-attached', passed: state.documentIds.length > 0, detail: `${state.documentIds.length} document(s) attached`, params: { count: state.documentIds.length } },
    { rule: 'requests-answered', passed: answered === state.requests.length, detail: `${state.requests.length} request(s), ${answered} answered`, params: { count: state.requests.length, answered } },
  ];
}

const sourceOf = (reference: string, decidedOn: string) => `${reference} (lēmums ${decidedOn})`;

export function createRegisterCaseHandlers(register: RegisterService): CaseTypeHandlers {
  const correction = (definition: CaseTypeHandler['definition'], appealable: boolean): CaseTypeHandler => ({
    definition,
    subjectKind: 'correction',
    appealable,
    subjectView: (stored) => {
      const s = stored as unknown as CorrectionSubjectData;
      return {
        kind: 'correction', personId: s.personId, personalCode: s.personalCode, personName: s.personName, field: s.field, currentValue: s.currentValue,
        requestedValue: s.requestedValue, explanation: s.explanation,
      };
    },
    systemChecks: async (_trx, _access, row, state) => {
      const s = row.subject as unknown as CorrectionSubjectData;
      const [from, to] = [s.currentValue ?? '—', s.requestedValue ?? '—'];
      const [evidence, answered] = commonChecks(state);
      return [evidence, { rule: 'value-differs', passed: s.currentValue !== s.requestedValue, detail: `${from} → ${to}`, params: { from, to } }, answered];
    },
    onApproved: async (trx, access, row, state) => {
      if (state.decision.outcome !== 'accept') return undefined;
      const s = row.subject as unknown as CorrectionSubjectData;
      await register.correctFact(trx, { actor: access.actor, channel: 'system', caseReference: access.caseReference, requestId: access.requestId }, s.personId, {
        field: s.field, value: s.requestedValue, legalBasis: state.decision.legalBasis, sourceDocument: sourceOf(row.reference, state.decision.decidedOn),
      });
      return undefined;
    },
  });

  const inclusion: CaseTypeHandler = {
    definition: CASE_TYPE_DEFINITIONS['register-inclusion'],
    subjectKind: 'inclusion',
    // The person it might duplicate are other people's data: staff only.
    subjectView: (stored, state, readerIsStaff): CaseView['subject'] => {
      const s = stored as unknown as InclusionSubjectData;
      return {
        kind: 'inclusion', personId: state.linkedApplicant?.personId ?? null, personalCode: state.linkedApplicant?.personalCode ?? null, personName: `${s.givenNames} ${s.surname}`,
        givenNames: s.givenNames, surname: s.surname, sex: s.sex, birthDate: s.birthDate, birthCountry: s.birthCountry, legalStatus: s.legalStatus, citizenships: s.citizenships,
        foreignDocument: s.foreignDocument, explanation: s.explanation, candidates: readerIsStaff ? s.candidates : [],
      };
    },
    // The duplicate check runs again at the proposal: the register may have changed since the case opened.
    systemChecks: async (trx, access, row, state) => {
      const [evidence, answered] = commonChecks(state);
      const linked = state.linkedApplicant;
      if (linked) {
        return [evidence, { rule: 'not-yet-registered', passed: false, detail: `Already in the register: ${linked.name}, ${linked.personalCode}`, params: { name: linked.name, personalCode: linked.personalCode } }, answered];
      }
      const found = await register.likelyDuplicates(trx, { actor: access.actor, channel: 'desk', caseReference: access.caseReference, requestId: access.requestId }, row.subject as unknown as InclusionSubjectData);
      return [evidence, { rule: 'no-likely-duplicate', passed: found.length === 0, detail: `${found.length} registered person(s) alike`, params: { count: found.length } }, answered];
    },
    checkProposal: (_row, state, outcome) => {
      if (outcome === 'accept' && state.linkedApplicant) {
        const message = `The applicant is already in the register (${state.linkedApplicant.personalCode}): they cannot be included again`;
        throw new AppError('VALIDATION_FAILED', message, [{ path: 'outcome', message, reason: 'already-registered' }]);
      }
    },
    // An approved inclusion registers the person; the engine then links the case to them.
    onApproved: async (trx, access, row, state) => {
      if (state.decision.outcome !== 'accept') return undefined;
      const s = row.subject as unknown as InclusionSubjectData;
      const created = await register.includePerson(trx, { actor: access.actor, channel: 'system', caseReference: access.caseReference, requestId: access.requestId }, {
        givenNames: s.givenNames, surname: s.surname, sex: s.sex, birthDate: s.birthDate, birthCountry: s.birthCountry, legalStatus: s.legalStatus, citizenships: s.citizenships,
        legalBasis: state.decision.legalBasis, sourceDocument: sourceOf(row.reference, state.decision.decidedOn),
      });
      return { kind: 'link-applicant', personId: created.personId, personalCode: created.personalCode, name: `${s.givenNames} ${s.surname}`, reason: '' };
    },
  };

  return {
    'register-correction': correction(CASE_TYPE_DEFINITIONS['register-correction'], true),
    'register-correction-appeal': correction(CASE_TYPE_DEFINITIONS['register-correction-appeal'], false),
    'register-inclusion': inclusion,
  };
}
