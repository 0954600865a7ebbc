/**
 * The visa procedures on the case engine: the Schengen short-stay visa (C) and the Latvian long-stay visa (D).
 * What a visa case is about, the system's checks in a proposal's rule trace (the fee, the travel document,
 * the insurance, the means, a D visa's national ground and its documents, the cited invitation, the
 * consultations), what a decision may grant or on which grounds it refuses, and what an approved issue does:
 * the visa is numbered, its zone built and recorded.
 */
import { AppError } from '../../http/app-error.ts';
import type { DbExecutor } from '../../db/database.ts';
import type {
  CaseProcedure,
  CaseState,
  CaseTypeDefinition,
  HandledCase,
  RowText,
  RuleBook,
  RuleCheck,
} from '../cases/index.ts';
import { zodFieldErrors } from '../../http/problem.ts';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';

type VisaSubjectView = Extract<CaseView['subject'], { kind: 'visa' }>;
import { VisaIssueTerms, VisaRefusalTerms } from '../../../shared/contracts/visas.contract.ts';
import { VISA_PURPOSES, type IssuedVisaView } from '../../../shared/contracts/migration-subjects.ts';
import type { PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { FieldReason } from '../../../shared/errors.ts';
import { C_VISA_DEADLINE, D_VISA_DEADLINE, VISA_LIFECYCLE } from './visa-lifecycle.ts';
import {
  issueTermsProblems,
  meansNeededEur,
  nationalGroundStanding,
  refusalGroundsProblems,
  stayDays,
  applicationProblems,
  type ApplicationProblem,
  type IssueTerms,
} from './visa.rules.ts';
import type { VisaRow } from './migration.repository.ts';
import { VISA_APPEAL_RULES, VISA_C_RULES, VISA_D_RULES } from './visa-rules/index.ts';
import { issueVisa } from './visa-issue.ts';
import type { VisaData, VisaProcedureDeps } from './visa-data.ts';

export type { VisaData, VisaProcedureDeps } from './visa-data.ts';

export const dataOf = (stored: Record<string, unknown>) => stored as unknown as VisaData;

export const VISA_C: CaseTypeDefinition = {
  type: 'visa-c',
  prefix: 'VC',
  lifecycle: VISA_LIFECYCLE,
  deadline: C_VISA_DEADLINE,
  deadlineBasis: 'Regula (EK) Nr. 810/2009 (Vīzu kodekss), 23. pants',
  decisionBasis: 'Regula (EK) Nr. 810/2009 (Vīzu kodekss), 21., 23., 24. un 32. pants; Imigrācijas likums',
  staffRoles: { officer: ['migration-officer'], 'decision-maker': ['decision-maker'], supervisor: ['supervisor'] },
};
/**
 * An appeal against a visa refusal: to the head of the office within 30 days after the decision takes effect
 * (APL Art. 76–81; PMLP's route, DOMAIN-PROCEDURES §1.7), prepared by a migration officer and decided by the
 * division's head for the head of the office, never by anyone who took part in the refusal. Upheld, the refusal
 * stands; allowed, the head issues the visa on the merits (APL Art. 81), on the same terms a first decision would.
 */
export const VISA_APPEAL: CaseTypeDefinition = {
  type: 'visa-appeal',
  prefix: 'VA',
  lifecycle: VISA_LIFECYCLE,
  deadline: { unit: 'months', limit: 1, maxExtendedTo: 4 },
  deadlineBasis: 'Administratīvā procesa likums, 64. un 76. pants',
  decisionBasis:
    'Administratīvā procesa likums, 76.–81. pants; Regula (EK) Nr. 810/2009 (Vīzu kodekss), 32. panta 3. punkts; Imigrācijas likums',
  staffRoles: { officer: ['migration-officer'], 'decision-maker': ['supervisor'], supervisor: ['supervisor'] },
};
export const VISA_D: CaseTypeDefinition = {
  ...VISA_C,
  type: 'visa-d',
  prefix: 'VD',
  deadline: D_VISA_DEADLINE,
  deadlineBasis: 'Administratīvā procesa likums, 64. pants',
  decisionBasis: 'Imigrācijas likums, 11. pants; MK 30.08.2011. noteikumi Nr. 676 “Vīzu noteikumi”',
};

export function problemsError(problems: readonly ApplicationProblem[]): AppError {
  const first = problems[0] as ApplicationProblem;
  return new AppError(
    'VALIDATION_FAILED',
    first.message,
    problems.map((p) => ({
      path: p.path,
      message: p.message,
      reason: p.reason as FieldReason,
      ...(p.values ? { values: p.values } : {}),
    })),
  );
}

/** The system's checks at the top of a proposal: each with its values, so every reader sees the detail in their language. An appeal costs nothing: it has no fee check. */
function visaChecks(d: VisaData, state: CaseState, appeal: boolean): RuleCheck[] {
  const paid = state.payment?.amountCents ?? 0;
  const problems = applicationProblems(
    { ...d, travelDocumentValidUntil: d.travelDocument.validUntil },
    d.intendedEntry,
  );
  const has = (reason: string) => problems.some((p) => p.reason === reason);
  const open = state.consultations.filter((c) => !c.answer).length;
  const objections = state.consultations.filter((c) => c.answer?.outcome === 'objection').length;
  const needed = meansNeededEur(d);
  const checks: RuleCheck[] = [
    ...(appeal
      ? []
      : [
          {
            rule: 'fee-paid',
            passed: paid >= d.fee.amountCents,
            detail: `${(paid / 100).toFixed(2)} / ${(d.fee.amountCents / 100).toFixed(2)} EUR`,
            params: { paid: (paid / 100).toFixed(2), due: (d.fee.amountCents / 100).toFixed(2) },
          },
        ]),
    {
      rule: 'travel-document-valid',
      passed: !has('document-expires-too-soon'),
      detail: `${d.travelDocument.number}: ${d.travelDocument.validUntil}`,
      params: { number: d.travelDocument.number, validUntil: d.travelDocument.validUntil },
    },
    {
      rule: 'stay-length',
      passed: !has('stay-too-long') && !has('stay-beyond-ground') && !has('exit-before-entry'),
      detail: `${stayDays(d)}`,
      params: { days: stayDays(d) },
    },
    ...nationalChecks(d),
    {
      rule: 'means-sufficient',
      passed: d.means.amountEur >= needed,
      detail: `${d.means.amountEur} / ${needed} EUR`,
      params: { shown: d.means.amountEur, needed },
    },
    {
      rule: 'consultations-clear',
      passed: open === 0 && objections === 0,
      detail: `${state.consultations.length} / ${open} / ${objections}`,
      params: { asked: state.consultations.length, open, objections },
      staffOnly: true,
    },
  ];
  if (d.visaType === 'C' || d.insurance) {
    checks.splice(appeal ? 2 : 3, 0, {
      rule: 'insurance-covers-stay',
      passed: Boolean(d.insurance) && !has('insurance-too-low') && !has('insurance-not-covering'),
      detail: d.insurance ? `${d.insurance.coverageEur} EUR` : '—',
      params: { coverage: d.insurance?.coverageEur ?? 0 },
    });
  }
  if (d.invitation) {
    checks.push({
      rule: 'invitation-approved',
      passed: d.invitation.status === 'accepted',
      detail: `${d.invitation.reference}: ${d.invitation.status}`,
      params: { reference: d.invitation.reference, status: d.invitation.status },
    });
  }
  return checks;
}

/**
 * A D visa's own checks: its national ground fits the stay (the ground's shortest and longest stay) and the
 * documents the ground asks for are enclosed. Where either fails, the refusal form offers `no-national-ground`
 * ticked. A D case stored before grounds were named has none to check.
 */
function nationalChecks(d: VisaData): RuleCheck[] {
  if (d.visaType !== 'D' || !d.nationalGround) return [];
  const s = nationalGroundStanding(d.nationalGround, d.enclosed ?? [], d);
  return [
    {
      rule: 'national-ground-fits',
      passed: s.fits,
      detail: `${d.nationalGround}: ${s.days} (${s.rule.minDays}–${s.rule.maxDays})`,
      params: { days: s.days, min: s.rule.minDays, max: s.rule.maxDays },
    },
    {
      rule: 'documents-enclosed',
      passed: s.missing.length === 0,
      detail: s.missing.join(', ') || '—',
      params: { missing: s.missing.length, required: s.rule.documents.length },
    },
  ];
}

/** What a decision grants or on which grounds it refuses, checked against the application and the law. */
function visaTerms(
  row: HandledCase,
  state: CaseState,
  outcome: 'accept' | 'reject',
  terms: unknown,
  today: () => PlainDate,
): Record<string, unknown> {
  const d = dataOf(row.subject);
  if (outcome === 'reject') {
    const parsed = VisaRefusalTerms.safeParse(terms);
    if (!parsed.success)
      throw new AppError('VALIDATION_FAILED', 'Tick the grounds of the refusal', zodFieldErrors(parsed.error, 'terms'));
    const problems = refusalGroundsProblems(d.visaType, parsed.data.grounds);
    if (problems.length) throw problemsError(problems);
    return { grounds: [...new Set(parsed.data.grounds)] };
  }
  const parsed = VisaIssueTerms.safeParse(terms);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', 'Say what the visa grants', zodFieldErrors(parsed.error, 'terms'));
  const t = parsed.data as IssueTerms;
  const problems = issueTermsProblems(d.visaType, t, d.travelDocument.validUntil, today(), d.nationalGround ?? null);
  // Over another authority's objection only a visa of limited territorial validity may be issued (Art. 25(1)(a)).
  if (t.territory === 'uniform' && state.consultations.some((c) => c.answer?.outcome === 'objection')) {
    problems.push({
      path: 'terms.territory',
      reason: 'wrong-territory',
      message: 'Another authority objected: only a visa of limited territorial validity may be issued',
    });
  }
  if (problems.length) throw problemsError(problems);
  return { ...t };
}

/**
 * A C visa's purpose as the form lists it; a D visa has none (it names its ground). A C case stored when work
 * and remote work were on the purpose list (they are D grounds now) reads as "other".
 */
function purposeView(d: VisaData): VisaSubjectView['purpose'] {
  if (d.visaType === 'D') return null;
  return d.purpose && (VISA_PURPOSES as readonly string[]).includes(d.purpose) ? d.purpose : 'other';
}

/** A D visa's national ground as every reader sees it: its clause, bounds, the documents it asks for, whether it holds. */
function nationalView(d: VisaData): VisaSubjectView['national'] {
  if (d.visaType !== 'D' || !d.nationalGround) return null;
  const enclosed = d.enclosed ?? [];
  const s = nationalGroundStanding(d.nationalGround, enclosed, d);
  return {
    ground: d.nationalGround,
    clause: s.rule.clause,
    minDays: s.rule.minDays,
    maxDays: s.rule.maxDays,
    documents: s.rule.documents.map((code) => ({ code, enclosed: enclosed.includes(code) })),
    currentStayUntil: d.currentStayUntil ?? null,
    holds: s.holds,
  };
}

export function visaView(v: VisaRow): IssuedVisaView {
  return {
    visaNumber: v.visaNumber,
    visaType: v.visaType,
    territory: v.territory,
    entries: v.entries,
    validFrom: v.validFrom,
    validUntil: v.validUntil,
    durationDays: v.durationDays,
    issuedOn: v.issuedOn,
    language: v.language,
    mrz: v.mrz,
    status: v.status,
    ended: v.ended
      ? {
          kind: v.ended.kind,
          grounds: v.ended.grounds as NonNullable<IssuedVisaView['ended']>['grounds'],
          reasoning: v.ended.reasoning,
          on: v.ended.on,
          by: v.ended.by,
        }
      : null,
  };
}

/** What the application rests on: a C visa's purpose, or a D visa's national ground with its legal basis and longest validity. */
function groundRows(subject: VisaSubjectView, t: RowText): Array<[string, string]> {
  const n = subject.national;
  if (!n) return subject.purpose ? [[t('visas.field.purpose'), t(`visas.purpose.${subject.purpose}`)]] : [];
  const basis =
    n.clause === null ? t('visas.national.basisPmlp') : t('visas.national.basisClause', { clause: n.clause });
  return [
    [t('visas.national.ground'), `${t(`visas.nationalGround.${n.ground}`)} (${basis})`],
    [t('visas.national.maxValidity'), t('visas.terms.days', { days: n.maxDays })],
  ];
}

/** The rows of the decision that say what was asked and, on an issue, what the visa grants. */
function decisionRows(
  subject: CaseView['subject'],
  t: RowText,
  date: (value: string) => string,
  decision?: { outcome: 'accept' | 'reject'; terms?: Record<string, unknown> | undefined },
): Array<[string, string]> {
  if (subject.kind !== 'visa') return [];
  const rows: Array<[string, string]> = [
    [
      t('cases.field.applicant'),
      `${subject.givenNames} ${subject.surname}, ${date(subject.birthDate)}, ${subject.nationality}`,
    ],
    [t('visas.field.travelDocument'), `${subject.travelDocument.number} (${subject.travelDocument.country})`],
    ...groundRows(subject, t),
    [t('visas.field.stay'), `${date(subject.intendedEntry)} – ${date(subject.intendedExit)}`],
  ];
  if (subject.visa) {
    rows.push(
      [t('visas.field.visaNumber'), subject.visa.visaNumber],
      [t('visas.terms.territory'), t(`visas.territory.${subject.visa.territory}`)],
      [t('visas.field.validity'), `${date(subject.visa.validFrom)} – ${date(subject.visa.validUntil)}`],
      [t('visas.field.entries'), t(`visas.entries.${subject.visa.entries}`)],
      [t('visas.field.durationDays'), String(subject.visa.durationDays)],
      [t('visas.field.mrz'), subject.visa.mrz.join('\n')],
    );
  }
  // A refusal names every ground ticked on the standard form (Visa Code Art. 32(2), Annex VI).
  const grounds = decision?.outcome === 'reject' ? ((decision.terms?.['grounds'] as string[] | undefined) ?? []) : [];
  if (grounds.length)
    rows.push([t('visas.refusal.grounds'), grounds.map((g) => `☒ ${t(`visas.ground.${g}`)}`).join('\n')]);
  return rows;
}

export function visaProcedure(definition: CaseTypeDefinition, deps: VisaProcedureDeps): CaseProcedure {
  const isAppeal = definition.type === VISA_APPEAL.type;
  // An appeal is decided under the Administrative Procedure Law, not under the visa's versions: a book of its own.
  const rules = isAppeal ? VISA_APPEAL_RULES : definition.type === VISA_C.type ? VISA_C_RULES : VISA_D_RULES;
  return {
    definition,
    rules: rules as RuleBook,
    subjectKind: 'visa',
    // An issued visa annulled or revoked after the case closed joins the case's timeline.
    laterEvents: (subject) => {
      const ended = subject.kind === 'visa' ? subject.visa?.ended : undefined;
      return ended ? [{ ...ended, kind: ended.kind === 'annulment' ? 'visa-annulled' : 'visa-revoked' }] : [];
    },
    // A refusal is contested as a linked appeal case about the same application, with the applicant's reasons.
    ...(isAppeal
      ? {}
      : {
          appeal: {
            caseType: VISA_APPEAL.type,
            subject: async (_trx, _access, contested, reason) => ({
              subject: { ...contested.subject, appealReason: reason },
              touched: 'visa-appeal',
            }),
          },
        }),
    subjectView: async (stored, state, _staff, trx: DbExecutor, row) => {
      const d = dataOf(stored);
      const visa = await deps.repository.visaOfCase(trx, row.id);
      return {
        kind: 'visa',
        ...d,
        purpose: purposeView(d),
        national: nationalView(d),
        personName: `${d.givenNames} ${d.surname}`,
        invitation: d.invitation
          ? {
              reference: d.invitation.reference,
              inviterName: d.invitation.inviterName,
              status: d.invitation.status,
              periodFrom: d.invitation.periodFrom,
              periodUntil: d.invitation.periodUntil,
            }
          : null,
        fee: { amountCents: d.fee.amountCents, tableFrom: d.fee.tableFrom, exemption: d.fee.exemption },
        payment: state.payment,
        visa: visa ? visaView(visa) : null,
        appealReason: d.appealReason ?? null,
      };
    },
    decisionRows,
    systemChecks: async (_trx, _access, row, state) => visaChecks(dataOf(row.subject), state, isAppeal),
    decisionTerms: (row, state, outcome, terms) => visaTerms(row, state, outcome, terms, deps.today),
    // The fee under the case's rules: the engine takes a payment of what is still owed (all of it, or the
    // difference after a move of rules raised the fee). An appeal costs nothing.
    ...(isAppeal ? {} : { feeDue: (stored: Record<string, unknown>) => dataOf(stored).fee.amountCents }),
    // An approved issue: the visa gets its number and zone and is recorded, in the decision's transaction.
    onApproved: async (trx, access, row, state) => {
      if (state.decision.outcome !== 'accept') return undefined;
      await issueVisa(
        trx,
        deps,
        access,
        row,
        dataOf(row.subject),
        state.decision.terms as unknown as IssueTerms,
        state.decision,
      );
      return undefined;
    },
  };
}
