/**
 * The register's procedures on the case engine: the correction of a fact (and its appeal), and the
 * inclusion of a person not yet in the register. Their definitions (lifecycle, deadline, legal bases,
 * roles), their subjects, the system's checks, their decision rows, and what their approval does in the
 * register.
 */
import { AppError } from '../../../http/app-error.ts';
import type {
  CaseProcedure,
  CaseState,
  CaseTypeDefinition,
  LifecycleTable,
  RowText,
  RuleBook,
  RuleCheck,
} from '../../cases/index.ts';
import { oneVersionBook } from '../../cases/index.ts';
import type { PlainDate } from '../../../../shared/kernel/plain-date.ts';
import type { CaseView } from '../../../../shared/contracts/cases.contract.ts';
import type { LegalStatus } from '../../../../shared/kernel/legal-status.ts';
import { formatPersonalCode } from '../../../../shared/kernel/personal-code.ts';
import type { RegisterService } from '../register.service.ts';
import { CORRECTION_DEADLINE, CORRECTION_LIFECYCLE, INCLUSION_LIFECYCLE } from './correction-lifecycle.ts';
import { correctionSubject, type CorrectionSubjectData } from './correction-subject.ts';

/** Registered persons who may be the applicant of an inclusion, as found when the case opened. */
export type LikelyDuplicate = {
  personId: string;
  personalCode: string;
  name: string;
  birthDate: string;
  score: number;
};

/** An inclusion: a person not yet in the register, as they presented themselves. */
export type InclusionSubjectData = {
  givenNames: string;
  surname: string;
  sex: 'M' | 'F';
  birthDate: string;
  birthCountry: string;
  legalStatus: LegalStatus;
  citizenships: string[];
  foreignDocument: { number: string; country: string };
  explanation: string;
  candidates: LikelyDuplicate[];
};

/** What the register's case types share: the general administrative deadline, registrars as officers. */
const REGISTER_CASE = {
  lifecycle: CORRECTION_LIFECYCLE as LifecycleTable<string>,
  deadline: CORRECTION_DEADLINE,
  deadlineBasis: 'Administratīvā procesa likums, 64. pants',
  // The substantive acts: the register's law and the Cabinet's rules on including and updating its data (the
  // article on time limits is the deadline's basis, not the decision's). Regulation No. 412 of 22.06.2021,
  // issued under the register law's Sections 5(3), 8(13) and 9(2): https://likumi.lv/ta/id/324219 (not yet in
  // DOMAIN.md).
  decisionBasis:
    'Fizisko personu reģistra likums; MK 22.06.2021. noteikumi Nr. 412 “Ziņu iekļaušanas un aktualizēšanas kārtība Fizisko personu reģistrā”',
  staffRoles: { officer: ['registrar'], 'decision-maker': ['decision-maker'], supervisor: ['supervisor'] },
} satisfies Omit<CaseTypeDefinition, 'type' | 'prefix'>;

/**
 * The register's cases are decided under the register's law and Cabinet Regulation No. 412 of 22 June 2021 (the day
 * it was adopted: its entry into force is not in the sources), within the Administrative Procedure Law's month.
 * One version so far; a change is a second version here (issue 25).
 */
export const REGISTER_RULES: RuleBook = oneVersionBook('2021-06-22' as PlainDate, REGISTER_CASE.decisionBasis);

export const CORRECTION: CaseTypeDefinition = { ...REGISTER_CASE, type: 'register-correction', prefix: 'DL' };
/**
 * A contested correction: prepared by a registrar, decided by the branch's head (the supervisor role) on
 * behalf of the head of the office, and never by anyone who took part in the contested decision.
 */
export const CORRECTION_APPEAL: CaseTypeDefinition = {
  ...REGISTER_CASE,
  type: 'register-correction-appeal',
  prefix: 'AP',
  deadlineBasis: 'Administratīvā procesa likums, 64. un 76. pants',
  decisionBasis: 'Administratīvā procesa likums, 76.–81. pants; Fizisko personu reģistra likums',
  staffRoles: { officer: ['registrar'], 'decision-maker': ['supervisor'], supervisor: ['supervisor'] },
};
/**
 * A person not yet in the register asks to be included (a foreigner who needs a personal code, a citizen
 * born and living abroad): the applicant is not a registered person until the decision registers them.
 */
export const INCLUSION: CaseTypeDefinition = {
  ...REGISTER_CASE,
  type: 'register-inclusion',
  prefix: 'IR',
  lifecycle: INCLUSION_LIFECYCLE as LifecycleTable<string>,
};

/** Checks every register case records: evidence, and the requests for information answered. */
function commonChecks(state: CaseState): [RuleCheck, RuleCheck] {
  const answered = state.requests.filter((r) => r.answeredOn !== null).length;
  return [
    {
      rule: 'evidence-attached',
      passed: state.documentIds.length > 0,
      detail: `${state.documentIds.length} document(s) attached`,
      params: { count: state.documentIds.length },
    },
    {
      rule: 'requests-answered',
      passed: answered === state.requests.length,
      detail: `${state.requests.length} request(s), ${answered} answered`,
      params: { count: state.requests.length, answered },
    },
  ];
}

const sourceOf = (reference: string, decidedOn: string) => `${reference} (lēmums ${decidedOn})`;

/** One fact of a registered person: who, which entry, its value now and the value asked for (a date reads as a date). */
function correctionRows(
  subject: CaseView['subject'],
  t: RowText,
  date: (value: string) => string,
): Array<[string, string]> {
  if (subject.kind !== 'correction') return [];
  return [
    [t('cases.field.applicant'), `${subject.personName}, ${formatPersonalCode(subject.personalCode)}`],
    [t('cases.field.field'), t(`cases.correctable.${subject.field}`)],
    [t('cases.field.currentValue'), subject.currentValue ? date(subject.currentValue) : t('common.none')],
    [t('cases.field.requestedValue'), subject.requestedValue ? date(subject.requestedValue) : t('common.none')],
  ];
}

function inclusionRows(
  subject: CaseView['subject'],
  t: RowText,
  date: (value: string) => string,
): Array<[string, string]> {
  if (subject.kind !== 'inclusion') return [];
  return [
    [t('cases.field.applicant'), subject.personName],
    [t('register.field.birthDate'), date(subject.birthDate)],
    [t('register.field.birthCountry'), subject.birthCountry],
    [t('register.field.citizenships'), subject.citizenships.join(', ') || t('common.none')],
    [t('cases.inclusion.foreignDocument'), `${subject.foreignDocument.number} (${subject.foreignDocument.country})`],
    [
      t('cases.inclusion.personalCode'),
      subject.personalCode ? formatPersonalCode(subject.personalCode) : t('common.none'),
    ],
  ];
}

function correctionProcedure(
  register: RegisterService,
  definition: CaseTypeDefinition,
  appealable: boolean,
): CaseProcedure {
  return {
    definition,
    rules: REGISTER_RULES,
    subjectKind: 'correction',
    // A refusal is contested in the portal as an appeal case: the same fact, asked again with the applicant's reasons.
    ...(appealable
      ? {
          appeal: {
            caseType: CORRECTION_APPEAL.type,
            subject: async (trx, access, contested, reason) => {
              const s = contested.subject as unknown as CorrectionSubjectData;
              const subject = await correctionSubject(register, trx, access, 'portal', {
                personId: s.personId,
                field: s.field,
                requestedValue: s.requestedValue,
                explanation: reason,
              });
              return { subject, touched: s.field };
            },
          },
        }
      : {}),
    subjectView: (stored) => {
      const s = stored as unknown as CorrectionSubjectData;
      return {
        kind: 'correction',
        personId: s.personId,
        personalCode: s.personalCode,
        personName: s.personName,
        field: s.field,
        currentValue: s.currentValue,
        requestedValue: s.requestedValue,
        explanation: s.explanation,
      };
    },
    decisionRows: correctionRows,
    systemChecks: async (_trx, _access, row, state) => {
      const s = row.subject as unknown as CorrectionSubjectData;
      const [from, to] = [s.currentValue ?? '—', s.requestedValue ?? '—'];
      const [evidence, answered] = commonChecks(state);
      return [
        evidence,
        {
          rule: 'value-differs',
          passed: s.currentValue !== s.requestedValue,
          detail: `${from} → ${to}`,
          params: { from, to },
        },
        answered,
      ];
    },
    onApproved: async (trx, access, row, state) => {
      if (state.decision.outcome !== 'accept') return undefined;
      const s = row.subject as unknown as CorrectionSubjectData;
      await register.correctFact(
        trx,
        { actor: access.actor, channel: 'system', caseReference: access.caseReference, requestId: access.requestId },
        s.personId,
        {
          field: s.field,
          value: s.requestedValue,
          legalBasis: state.decision.legalBasis,
          sourceDocument: sourceOf(row.reference, state.decision.decidedOn),
        },
      );
      return undefined;
    },
  };
}

function inclusionProcedure(register: RegisterService): CaseProcedure {
  return {
    definition: INCLUSION,
    rules: REGISTER_RULES,
    subjectKind: 'inclusion',
    // The persons it might duplicate are other people's data: staff only.
    subjectView: (stored, state, readerIsStaff): CaseView['subject'] => {
      const s = stored as unknown as InclusionSubjectData;
      return {
        kind: 'inclusion',
        personId: state.linkedApplicant?.personId ?? null,
        personalCode: state.linkedApplicant?.personalCode ?? null,
        personName: `${s.givenNames} ${s.surname}`,
        givenNames: s.givenNames,
        surname: s.surname,
        sex: s.sex,
        birthDate: s.birthDate,
        birthCountry: s.birthCountry,
        legalStatus: s.legalStatus,
        citizenships: s.citizenships,
        foreignDocument: s.foreignDocument,
        explanation: s.explanation,
        candidates: readerIsStaff ? s.candidates : [],
      };
    },
    decisionRows: inclusionRows,
    // The duplicate check runs again at the proposal: the register may have changed since the case opened.
    systemChecks: async (trx, access, row, state) => {
      const [evidence, answered] = commonChecks(state);
      const linked = state.linkedApplicant;
      if (linked) {
        return [
          evidence,
          {
            rule: 'not-yet-registered',
            passed: false,
            detail: `Already in the register: ${linked.name}, ${linked.personalCode}`,
            params: { name: linked.name, personalCode: linked.personalCode },
          },
          answered,
        ];
      }
      const found = await register.likelyDuplicates(
        trx,
        { actor: access.actor, channel: 'desk', caseReference: access.caseReference, requestId: access.requestId },
        row.subject as unknown as InclusionSubjectData,
      );
      return [
        evidence,
        {
          rule: 'no-likely-duplicate',
          passed: found.length === 0,
          detail: `${found.length} registered person(s) alike`,
          params: { count: found.length },
        },
        answered,
      ];
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
      const created = await register.includePerson(
        trx,
        { actor: access.actor, channel: 'system', caseReference: access.caseReference, requestId: access.requestId },
        {
          givenNames: s.givenNames,
          surname: s.surname,
          sex: s.sex,
          birthDate: s.birthDate,
          birthCountry: s.birthCountry,
          legalStatus: s.legalStatus,
          citizenships: s.citizenships,
          legalBasis: state.decision.legalBasis,
          sourceDocument: sourceOf(row.reference, state.decision.decidedOn),
        },
      );
      return {
        kind: 'link-applicant',
        personId: created.personId,
        personalCode: created.personalCode,
        name: `${s.givenNames} ${s.surname}`,
        reason: '',
      };
    },
  };
}

/** The register's procedures, to register with the engine. */
export function registerProcedures(register: RegisterService): CaseProcedure[] {
  return [
    correctionProcedure(register, CORRECTION, true),
    correctionProcedure(register, CORRECTION_APPEAL, false),
    inclusionProcedure(register),
  ];
}
