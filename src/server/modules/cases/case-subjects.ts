/**
 * What each case type is about (its subject, stored with the case) and what the system checks before a
 * proposal (the first lines of the decision's rule trace). Pure: the service reads and writes them.
 */
import type { CaseView, CorrectableField } from '../../../shared/contracts/cases.contract.ts';
import type { LegalStatus } from '../../../shared/kernel/legal-status.ts';
import type { CaseState, RuleCheck } from './case-lifecycle.ts';
import type { CaseType } from './case-types.ts';

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

export const subjectKindOf = (caseType: CaseType): 'correction' | 'inclusion' => (caseType === 'register-inclusion' ? 'inclusion' : 'correction');

/**
 * The subject as a reader sees it. An inclusion names the registered person once the applicant is linked;
 * the persons it might duplicate are shown to staff only (they are other people's data).
 */
export function subjectView(caseType: CaseType, stored: Record<string, unknown>, state: CaseState, readerIsStaff: boolean): CaseView['subject'] {
  if (subjectKindOf(caseType) === 'correction') {
    const s = stored as unknown as CorrectionSubjectData;
    return {
      kind: 'correction', personId: s.personId, personalCode: s.personalCode, personName: s.personName, field: s.field, currentValue: s.currentValue,
      requestedValue: s.requestedValue, explanation: s.explanation,
    };
  }
  const s = stored as unknown as InclusionSubjectData;
  return {
    kind: 'inclusion', personId: state.linkedApplicant?.personId ?? null, personalCode: state.linkedApplicant?.personalCode ?? null, personName: `${s.givenNames} ${s.surname}`,
    givenNames: s.givenNames, surname: s.surname, sex: s.sex, birthDate: s.birthDate, birthCountry: s.birthCountry, legalStatus: s.legalStatus, citizenships: s.citizenships,
    foreignDocument: s.foreignDocument, explanation: s.explanation, candidates: readerIsStaff ? s.candidates : [],
  };
}

/** What the system itself checked before a proposal, recorded in the rule trace with the values behind it. */
export function systemChecks(caseType: CaseType, stored: Record<string, unknown>, state: CaseState, duplicatesNow?: readonly LikelyDuplicate[]): RuleCheck[] {
  const answered = state.requests.filter((r) => r.answeredOn !== null).length;
  const common: RuleCheck[] = [
    { rule: 'evidence-attached', passed: state.documentIds.length > 0, detail: `${state.documentIds.length} document(s) attached`, params: { count: state.documentIds.length } },
    { rule: 'requests-answered', passed: answered === state.requests.length, detail: `${state.requests.length} request(s), ${answered} answered`, params: { count: state.requests.length, answered } },
  ];
  if (subjectKindOf(caseType) === 'correction') {
    const s = stored as unknown as CorrectionSubjectData;
    const [from, to] = [s.currentValue ?? '—', s.requestedValue ?? '—'];
    return [common[0] as RuleCheck, { rule: 'value-differs', passed: s.currentValue !== s.requestedValue, detail: `${from} → ${to}`, params: { from, to } }, common[1] as RuleCheck];
  }
  const found = duplicatesNow ?? [];
  const linked = state.linkedApplicant;
  return [
    common[0] as RuleCheck,
    linked
      ? { rule: 'not-yet-registered', passed: false, detail: `Already in the register: ${linked.name}, ${linked.personalCode}`, params: { name: linked.name, personalCode: linked.personalCode } }
      : { rule: 'no-likely-duplicate', passed: found.length === 0, detail: `${found.length} registered person(s) alike`, params: { count: found.length } },
    common[1] as RuleCheck,
  ];
}
