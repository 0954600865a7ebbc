/**
 * The invitation (ielūgums, MK 552) on the case engine: a person in Latvia invites a named foreigner for a
 * period and takes on obligations for them; a migration officer examines it and a second person decides.
 * Approved, its reference is the invitation's number in the register of invitations, which a visa
 * application cites.
 */
import type { CaseProcedure, CaseTypeDefinition, RowText, RuleBook, RuleCheck } from '../cases/index.ts';
import { INVITATION_RULES } from './invitation-rules/index.ts';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import type { INVITATION_PURPOSES } from '../../../shared/contracts/migration-subjects.ts';
import { compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { INVITATION_LIFECYCLE, invitationDeadline } from './visa-lifecycle.ts';
import { ageOn } from './visa.rules.ts';

export type InvitationData = {
  inviterPersonId: string;
  inviterName: string;
  inviterBirthDate: PlainDate;
  inviterStatus: string;
  invitee: {
    givenNames: string;
    surname: string;
    sex: 'M' | 'F';
    birthDate: PlainDate;
    nationality: string;
    travelDocumentNumber: string;
  };
  purpose: (typeof INVITATION_PURPOSES)[number];
  periodFrom: PlainDate;
  periodUntil: PlainDate;
  addressInLatvia: string;
  undertakings: { accommodation: boolean; returnTravel: boolean; healthCare: boolean };
  fee: { amountCents: number; tableFrom: string };
};

const dataOf = (stored: Record<string, unknown>) => stored as unknown as InvitationData;

/** Who may invite on their own (MK 552 §2.1): an adult citizen or non-citizen of Latvia. Others need a permit the register does not hold yet. */
export const INVITER_STATUSES: readonly string[] = ['citizen', 'non-citizen'];

export const INVITATION: CaseTypeDefinition = {
  type: 'visa-invitation',
  prefix: 'IL',
  lifecycle: INVITATION_LIFECYCLE,
  deadline: invitationDeadline(false),
  deadlineBasis: 'MK 21.06.2010. noteikumi Nr. 552; latvija.lv pakalpojums p614',
  decisionBasis:
    'Imigrācijas likums, 1. pants; MK 21.06.2010. noteikumi Nr. 552 “Ielūgumu apstiprināšanas un uzaicinājumu noformēšanas kārtība”',
  staffRoles: { officer: ['migration-officer'], 'decision-maker': ['decision-maker'], supervisor: ['supervisor'] },
};

function checks(
  d: InvitationData,
  paidCents: number,
  consultations: { open: number; objections: number; asked: number },
  today: PlainDate,
): RuleCheck[] {
  const adult = ageOn(d.inviterBirthDate, today) >= 18;
  const allGiven = d.undertakings.accommodation && d.undertakings.returnTravel && d.undertakings.healthCare;
  return [
    {
      rule: 'fee-paid',
      passed: paidCents >= d.fee.amountCents,
      detail: `${(paidCents / 100).toFixed(2)} / ${(d.fee.amountCents / 100).toFixed(2)} EUR`,
      params: { paid: (paidCents / 100).toFixed(2), due: (d.fee.amountCents / 100).toFixed(2) },
    },
    {
      rule: 'inviter-may-invite',
      passed: adult && INVITER_STATUSES.includes(d.inviterStatus),
      detail: `${d.inviterStatus}`,
      params: { status: d.inviterStatus },
    },
    {
      rule: 'undertakings-given',
      passed: allGiven,
      detail: allGiven ? 'all' : 'some',
      params: {
        given: [d.undertakings.accommodation, d.undertakings.returnTravel, d.undertakings.healthCare].filter(Boolean)
          .length,
      },
    },
    {
      rule: 'consultations-clear',
      passed: consultations.open === 0 && consultations.objections === 0,
      detail: `${consultations.asked} / ${consultations.open} / ${consultations.objections}`,
      params: consultations,
      staffOnly: true,
    },
  ];
}

function decisionRows(
  subject: CaseView['subject'],
  t: RowText,
  date: (value: string) => string,
): Array<[string, string]> {
  if (subject.kind !== 'invitation') return [];
  const i = subject.invitee;
  return [
    [t('visas.field.inviter'), subject.inviterName],
    [t('visas.field.invitee'), `${i.givenNames} ${i.surname}, ${date(i.birthDate)}, ${i.nationality}`],
    [t('visas.field.purpose'), t(`visas.invitationPurpose.${subject.purpose}`)],
    [t('visas.field.period'), `${date(subject.periodFrom)} – ${date(subject.periodUntil)}`],
    [t('visas.field.address'), subject.addressInLatvia],
  ];
}

export function invitationProcedure(today: () => PlainDate): CaseProcedure {
  return {
    definition: INVITATION,
    subjectKind: 'invitation',
    // The inviter's list of cases names whom each invitation invites.
    concerns: (subject) =>
      subject.kind === 'invitation' ? `${subject.invitee.givenNames} ${subject.invitee.surname}` : undefined,
    // Employment-related invitations take 5 working days, others 2.
    rules: INVITATION_RULES as RuleBook,
    // The engine takes payments of exactly what is still owed (a move of rules may raise the fee).
    feeDue: (stored) => dataOf(stored).fee.amountCents,
    deadline: (stored) => invitationDeadline(dataOf(stored).purpose === 'employment'),
    subjectView: (stored, state) => {
      const d = dataOf(stored);
      return {
        kind: 'invitation',
        inviterPersonId: d.inviterPersonId,
        inviterName: d.inviterName,
        invitee: d.invitee,
        purpose: d.purpose,
        periodFrom: d.periodFrom,
        periodUntil: d.periodUntil,
        addressInLatvia: d.addressInLatvia,
        undertakings: d.undertakings,
        fee: d.fee,
        payment: state.payment,
      };
    },
    decisionRows,
    systemChecks: async (_trx, _access, row, state) =>
      checks(
        dataOf(row.subject),
        state.payment?.amountCents ?? 0,
        {
          asked: state.consultations.length,
          open: state.consultations.filter((c) => !c.answer).length,
          objections: state.consultations.filter((c) => c.answer?.outcome === 'objection').length,
        },
        today(),
      ),
  };
}

/** Whether an approved invitation covers a visa applicant's trip: the same person (surname and birth date) and the stay inside its period. */
export function invitationCovers(
  d: InvitationData,
  applicant: { surname: string; birthDate: PlainDate; intendedEntry: PlainDate; intendedExit: PlainDate },
): 'ok' | 'other-person' | 'outside-period' {
  const same =
    d.invitee.surname.localeCompare(applicant.surname, 'lv', { sensitivity: 'base' }) === 0 &&
    d.invitee.birthDate === applicant.birthDate;
  if (!same) return 'other-person';
  if (
    compareDates(applicant.intendedEntry, d.periodFrom) < 0 ||
    compareDates(applicant.intendedExit, d.periodUntil) > 0
  )
    return 'outside-period';
  return 'ok';
}
