/**
 * The case types the engine runs. Each names its lifecycle table, its legal deadline, the legal basis of
 * its decisions, the prefix of its reference numbers, and which staff roles act as its officers,
 * decision-makers and supervisors. A procedure of another module gives its definition with its handler
 * (case-handlers.ts); these are the register's.
 */
import type { Role } from '../../../shared/kernel/permissions.ts';
import type { CASE_TYPES } from '../../../shared/contracts/cases.contract.ts';
import type { CaseRole, LifecycleTable } from './case-lifecycle.ts';
import type { DeadlineRule } from './case-deadline.ts';
import { CORRECTION_DEADLINE, CORRECTION_LIFECYCLE, INCLUSION_LIFECYCLE } from './correction-lifecycle.ts';

export type CaseType = (typeof CASE_TYPES)[number];

export interface CaseTypeDefinition {
  type: CaseType;
  /** Reference numbers read `<prefix>-<year>-<number>`, e.g. DL-2026-000123. */
  prefix: string;
  lifecycle: LifecycleTable<string>;
  deadline: DeadlineRule;
  /** The law that sets the deadline, for the screens and the decision. */
  deadlineBasis: string;
  /** The law a decision of this type rests on. */
  decisionBasis: string;
  staffRoles: Partial<Record<Exclude<CaseRole, 'applicant' | 'system'>, readonly Role[]>>;
}

/** What the register's case types share: the general administrative deadline, registrars as officers. */
const REGISTER_CASE = {
  lifecycle: CORRECTION_LIFECYCLE as LifecycleTable<string>,
  deadline: CORRECTION_DEADLINE,
  deadlineBasis: 'Administratīvā procesa likums, 64. pants',
  decisionBasis: 'Fizisko personu reģistra likums; Administratīvā procesa likums, 64. pants',
  staffRoles: { officer: ['registrar'], 'decision-maker': ['decision-maker'], supervisor: ['supervisor'] },
} satisfies Omit<CaseTypeDefinition, 'type' | 'prefix'>;

export const CASE_TYPE_DEFINITIONS: Record<Exclude<CaseType, 'document-application'>, CaseTypeDefinition> = {
  'register-correction': { ...REGISTER_CASE, type: 'register-correction', prefix: 'DL' },
  // A contested correction: prepared by a registrar, decided by the branch's head (the supervisor role) on
  // behalf of the head of the office, and never by anyone who took part in the contested decision.
  'register-correction-appeal': {
    ...REGISTER_CASE,
    type: 'register-correction-appeal',
    prefix: 'AP',
    deadlineBasis: 'Administratīvā procesa likums, 64. un 76. pants',
    decisionBasis: 'Administratīvā procesa likums, 76.–81. pants; Fizisko personu reģistra likums',
    staffRoles: { officer: ['registrar'], 'decision-maker': ['supervisor'], supervisor: ['supervisor'] },
  },
  // A person not yet in the register asks to be included (a foreigner who needs a personal code, a citizen
  // born and living abroad): the applicant is not a registered person until the decision registers them.
  'register-inclusion': { ...REGISTER_CASE, type: 'register-inclusion', prefix: 'IR', lifecycle: INCLUSION_LIFECYCLE as LifecycleTable<string> },
};

/** The case roles a staff member's roles give in a case type. */
export function staffCaseRoles(def: CaseTypeDefinition, roles: readonly Role[]): CaseRole[] {
  return (Object.entries(def.staffRoles) as Array<[CaseRole, readonly Role[]]>).filter(([, rs]) => rs.some((r) => roles.includes(r))).map(([c]) => c);
}

