/**
 * The residence procedures on the case engine: a residence permit (temporary, permanent) or EU long-term
 * resident status (Immigration Law ss. 23, 24; the law of 22.06.2006), and an EU citizen's registration
 * certificate or their family member's residence card (Dir. 2004/38; MK 675/2011). What a case is about, the
 * system's checks before a proposal (fee, travel document, documents enclosed, income, consultations), what a
 * decision grants or on which grounds it refuses, and what a grant does: a person not yet in the register is
 * registered (they get a personal code), the right to reside is recorded in the register bitemporally, and the
 * permit is kept here under the case's reference. The card is then made through the document application.
 */
import { AppError } from '../../http/app-error.ts';
import type { DbExecutor } from '../../db/database.ts';
import type {
  ActionPayload,
  CaseProcedure,
  CaseState,
  CaseTypeDefinition,
  HandledCase,
  HandlerAccess,
  LifecycleTable,
  RowText,
  RuleBook,
  RuleCheck,
} from '../cases/index.ts';
import { EU_RESIDENCE_RULES, RESIDENCE_RULES } from './permit-rules/index.ts';
import { zodFieldErrors } from '../../http/problem.ts';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import { PermitGrantTerms, PermitRefusalTerms } from '../../../shared/contracts/residence-permits.contract.ts';
import type {
  GrantedPermitView,
  PermitDocument,
  PermitGround,
  PermitKind,
  PermitTier,
} from '../../../shared/contracts/permit-subjects.ts';
import { compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { formatPersonalCode } from '../../../shared/kernel/personal-code.ts';
import { VISA_LIFECYCLE } from './visa-lifecycle.ts';
import { problemsError } from './visa-procedure.ts';
import {
  fiveYearsContinuity,
  grantTermsProblems,
  hasCard,
  incomeNeededEur,
  permitDeadline,
  permitDeadlineOf,
  type RightPeriod,
} from './permit.rules.ts';
import { blueCardSalaryOutcome } from '../../../shared/kernel/permit-grounds.ts';
import type { MigrationRepository, PermitRow } from './migration.repository.ts';
import type { ResidenceRightKind, ResidenceRightsPort } from './visa-data.ts';

/** A right to reside as the register's API gives it (days as ISO text; the last day inclusive, null: no end). */
export type RegisterRight = { kind: string; validFrom: string; validUntil: string | null };

/** What a residence case stores about its application (the steps since are its actions). */
export type PermitData = {
  permitKind: PermitKind;
  ground: PermitGround;
  application: 'first' | 'renewal';
  tier: PermitTier;
  personId: string | null;
  personalCode: string | null;
  givenNames: string;
  surname: string;
  sex: 'M' | 'F';
  birthDate: PlainDate;
  birthCountry: string;
  nationality: string;
  travelDocument: { number: string; country: string; validUntil: PlainDate };
  requestedUntil: PlainDate | null;
  /** Null where the ground rests on nobody in Latvia (older cases always named one). */
  sponsor: string | null;
  monthlyIncomeEur: number | null;
  /** A Blue Card in a shortage occupation (absent on cases lodged before the Blue Card). */
  shortageOccupation?: boolean;
  addressInLatvia: string;
  enclosed: PermitDocument[];
  /** Who ticked the documents as enclosed: the officer at the desk, or the applicant online (absent on older cases: the desk's). */
  enclosedBy?: 'officer' | 'applicant';
  required: PermitDocument[];
  fee: { amountCents: number; legalAct: string };
};

export const permitDataOf = (stored: Record<string, unknown>) => stored as unknown as PermitData;

/** The register's side: who might already be registered under another code, and registering a foreigner who is not (a new personal code). */
export interface PermitRegisterPort {
  likelyDuplicates(
    trx: DbExecutor,
    access: HandlerAccess,
    person: { givenNames: string; surname: string; birthDate: PlainDate },
  ): Promise<Array<{ personalCode: string; name: string }>>;
  include(
    trx: DbExecutor,
    access: HandlerAccess,
    person: {
      givenNames: string;
      surname: string;
      sex: 'M' | 'F';
      birthDate: PlainDate;
      birthCountry: string;
      citizenships: string[];
      legalBasis: string;
      sourceDocument: string;
    },
  ): Promise<{ personId: string; personalCode: string }>;
}

/** The documents' side of a cancellation: the card made for the permit becomes invalid from the same day. */
export interface PermitCardsPort {
  invalidateCards(
    trx: DbExecutor,
    access: HandlerAccess,
    personId: string,
    on: PlainDate,
    cancelledPermit: string,
    note: string,
  ): Promise<void>;
}

export interface PermitProcedureDeps {
  repository: MigrationRepository;
  today: () => PlainDate;
  now: () => Date;
  residenceRights: ResidenceRightsPort;
  register: PermitRegisterPort;
  /** Every right to reside the register holds for a person, ended ones too (audited under the case). */
  rightsHistory: (trx: DbExecutor, access: HandlerAccess, personId: string) => Promise<RegisterRight[]>;
}

/**
 * Examined like a visa (consultations with the security services run beside it); a grant's status is "accepted".
 * An officer who finds the applicant already in the register links them, so the grant does not register them twice.
 */
const PERMIT_LIFECYCLE: LifecycleTable<string> = {
  ...VISA_LIFECYCLE,
  final: ['accepted', 'rejected', 'withdrawn'],
  decided: { accept: 'accepted', reject: 'rejected' },
  transitions: {
    ...VISA_LIFECYCLE.transitions,
    'link-applicant': { from: ['submitted', 'in-review', 'awaiting-applicant'], to: 'stay', by: ['officer'] },
  },
};

export const RESIDENCE_PERMIT: CaseTypeDefinition = {
  type: 'residence-permit',
  prefix: 'UA',
  lifecycle: PERMIT_LIFECYCLE,
  deadline: permitDeadline('standard'),
  deadlineBasis:
    'Ministru kabineta 2017. gada 12. septembra noteikumi Nr. 557 (30 dienas, 10 vai 5 darbdienas pēc valsts nodevas); Administratīvā procesa likums, 64. pants',
  decisionBasis:
    'Imigrācijas likums, 23. un 24. pants; likums “Par Eiropas Savienības pastāvīgā iedzīvotāja statusu Latvijas Republikā”',
  staffRoles: { officer: ['migration-officer'], 'decision-maker': ['decision-maker'], supervisor: ['supervisor'] },
};
/** The law a grant or refusal of each kind rests on (the EU citizens' documents: the type's own). */
const BASIS_OF: Partial<Record<PermitKind, string>> = {
  temporary: 'Imigrācijas likums, 23. pants',
  permanent: 'Imigrācijas likums, 24. pants',
  'eu-long-term-resident': 'Likums “Par Eiropas Savienības pastāvīgā iedzīvotāja statusu Latvijas Republikā”',
};

export const EU_RESIDENCE: CaseTypeDefinition = {
  ...RESIDENCE_PERMIT,
  type: 'eu-residence',
  prefix: 'ES',
  deadline: permitDeadline('fast'),
  deadlineBasis: 'Ministru kabineta 2011. gada 30. augusta noteikumi Nr. 675 (10 darbdienas)',
  decisionBasis: 'Ministru kabineta 2011. gada 30. augusta noteikumi Nr. 675; Direktīva 2004/38/EK',
};

/** The kind of right the register records for a granted permit. */
export const RIGHT_OF: Readonly<Record<PermitKind, ResidenceRightKind>> = {
  temporary: 'temporary-permit',
  permanent: 'permanent-permit',
  'eu-long-term-resident': 'eu-long-term-resident',
  'eu-registration-certificate': 'eu-registration-certificate',
  'eu-family-residence-card': 'eu-family-residence-card',
  'eu-permanent-residence-certificate': 'eu-permanent-residence-certificate',
  'eu-family-permanent-residence-card': 'eu-family-permanent-residence-card',
};

const euros = (cents: number) => (cents / 100).toFixed(2);

/**
 * An applicant not in the register is registered by a grant: unless an officer linked them to a registered person
 * found alike (`link-applicant`), the register is searched again at each proposal, so nobody gets a second code.
 */
async function duplicateCheck(
  trx: DbExecutor,
  deps: PermitProcedureDeps,
  access: HandlerAccess,
  row: HandledCase,
  state: CaseState,
): Promise<RuleCheck[]> {
  const d = permitDataOf(row.subject);
  if (row.applicantPersonId || d.personId || state.linkedApplicant) return [];
  const found = await deps.register.likelyDuplicates(trx, access, {
    givenNames: d.givenNames,
    surname: d.surname,
    birthDate: d.birthDate,
  });
  return [
    {
      rule: 'no-likely-duplicate',
      passed: found.length === 0,
      detail: found.map((f) => `${f.name} ${f.personalCode}`).join('; ') || '—',
      params: { count: found.length },
    },
  ];
}

/** The system's checks at the top of a proposal, each with its values so every reader sees the detail in their language. */
function permitChecks(d: PermitData, state: CaseState, today: PlainDate): RuleCheck[] {
  const paid = state.payment?.amountCents ?? 0;
  const missing = d.required.filter((code) => !d.enclosed.includes(code));
  const open = state.consultations.filter((c) => !c.answer).length;
  const objections = state.consultations.filter((c) => c.answer?.outcome === 'objection').length;
  const needed = incomeNeededEur(d.permitKind, d.ground);
  const checks: RuleCheck[] = [];
  if (d.fee.amountCents > 0)
    checks.push({
      rule: 'fee-paid',
      passed: paid >= d.fee.amountCents,
      detail: `${euros(paid)} / ${euros(d.fee.amountCents)} EUR`,
      params: { paid: euros(paid), due: euros(d.fee.amountCents) },
    });
  checks.push(
    {
      rule: 'travel-document-current',
      passed: compareDates(d.travelDocument.validUntil, today) >= 0,
      detail: `${d.travelDocument.number}: ${d.travelDocument.validUntil}`,
      params: { number: d.travelDocument.number, validUntil: d.travelDocument.validUntil },
    },
    {
      rule: 'documents-enclosed',
      passed: missing.length === 0,
      detail: missing.join(', ') || '—',
      params: { missing: missing.length, required: d.required.length },
    },
  );
  if (d.ground === 'blue-card') checks.push(blueCardSalaryCheck(d, state.receivedOn ?? today));
  else if (needed !== null)
    checks.push({
      rule: 'income-sufficient',
      passed: (d.monthlyIncomeEur ?? 0) >= needed,
      detail: `${d.monthlyIncomeEur ?? 0} / ${needed} EUR`,
      params: { shown: d.monthlyIncomeEur ?? 0, needed },
    });
  checks.push({
    rule: 'consultations-clear',
    passed: open === 0 && objections === 0,
    detail: `${state.consultations.length} / ${open} / ${objections}`,
    params: { asked: state.consultations.length, open, objections },
    staffOnly: true,
  });
  return checks;
}

/**
 * A Blue Card's gross monthly salary against the threshold of the year the application was lodged in (× 1.5 of the
 * average wage, × 1.2 in a shortage occupation; §4.7). A year with no threshold recorded fails the check and says
 * so (`recorded: 'no'`): it never passes unchecked, and another year's amounts are never used in its place.
 */
function blueCardSalaryCheck(d: PermitData, lodgedOn: PlainDate): RuleCheck {
  const shown = d.monthlyIncomeEur ?? 0;
  const result = blueCardSalaryOutcome(shown, d.shortageOccupation ?? false, lodgedOn);
  // The year as text: a number would be grouped like an amount ("2,023") by the message format.
  const year = String(result.year);
  if (result.outcome === 'no-threshold')
    return {
      rule: 'blue-card-salary',
      passed: false,
      detail: `${shown} EUR: no threshold recorded for ${year}`,
      params: { recorded: 'no', shown, needed: 0, year, factor: 0 },
    };
  return {
    rule: 'blue-card-salary',
    passed: result.outcome === 'met',
    detail: `${shown} / ${result.needed} EUR (${year}${d.shortageOccupation ? ', shortage occupation' : ''})`,
    params: { recorded: 'yes', shown, needed: result.needed, year, factor: result.factor },
  };
}

/**
 * Five years' residence, read from the register's history of the applicant's rights to reside: whether the rights
 * that count for the ground cover the five years before the application, with the gaps found (the longest named).
 * An applicant the register does not know has no history: the check fails and says so.
 */
async function fiveYearsCheck(
  trx: DbExecutor,
  deps: PermitProcedureDeps,
  access: HandlerAccess,
  row: HandledCase,
  state: CaseState,
): Promise<RuleCheck[]> {
  const d = permitDataOf(row.subject);
  const personId = state.linkedApplicant?.personId ?? row.applicantPersonId ?? d.personId;
  const appliedOn = state.receivedOn ?? deps.today();
  const rights = personId ? ((await deps.rightsHistory(trx, access, personId)) as RightPeriod[]) : [];
  const result = fiveYearsContinuity(d.ground, rights, appliedOn);
  if (!result) return [];
  const longest = result.gaps.reduce<(typeof result.gaps)[number] | undefined>(
    (a, g) => (!a || g.days > a.days ? g : a),
    undefined,
  );
  return [
    {
      rule: 'five-years-continuous',
      passed: result.passed,
      detail:
        result.gaps.map((g) => `${g.from} – ${g.until} (${g.days})`).join('; ') || `${result.from} – ${result.until}`,
      params: {
        from: result.from,
        until: result.until,
        gaps: result.gaps.length,
        gapDays: result.gaps.reduce((n, g) => n + g.days, 0),
        longestFrom: longest?.from ?? '',
        longestUntil: longest?.until ?? '',
        longestDays: longest?.days ?? 0,
      },
    },
  ];
}

/** What a decision grants (the right's period) or on which grounds it refuses, checked against the kind and the law. */
function permitTerms(
  row: HandledCase,
  outcome: 'accept' | 'reject',
  terms: unknown,
  today: PlainDate,
): Record<string, unknown> {
  const d = permitDataOf(row.subject);
  if (outcome === 'reject') {
    const parsed = PermitRefusalTerms.safeParse(terms);
    if (!parsed.success)
      throw new AppError('VALIDATION_FAILED', 'Tick the grounds of the refusal', zodFieldErrors(parsed.error, 'terms'));
    return { grounds: [...new Set(parsed.data.grounds)] };
  }
  const parsed = PermitGrantTerms.safeParse(terms);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', 'Say the period the permit grants', zodFieldErrors(parsed.error, 'terms'));
  const t = {
    validFrom: parsed.data.validFrom as PlainDate,
    validUntil: (parsed.data.validUntil ?? null) as PlainDate | null,
  };
  const problems = grantTermsProblems(d.permitKind, d.ground, t, today);
  if (problems.length) throw problemsError(problems);
  return t;
}

export function permitView(p: PermitRow): GrantedPermitView {
  return {
    permitNumber: p.permitNumber,
    grantedOn: p.grantedOn,
    kind: p.kind,
    ground: p.ground as PermitGround,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    cardValidUntil: p.cardValidUntil,
    status: p.status,
    language: p.language,
    cancelled: p.cancelled
      ? {
          grounds: p.cancelled.grounds as NonNullable<GrantedPermitView['cancelled']>['grounds'],
          reasoning: p.cancelled.reasoning,
          on: p.cancelled.on,
          by: p.cancelled.by,
          decidedOn: p.cancelled.decidedOn ?? null,
        }
      : null,
  };
}

/** The rows of the decision that say what was asked and, on a grant, what the permit grants. */
function decisionRows(
  subject: CaseView['subject'],
  t: RowText,
  date: (value: string) => string,
  decision?: { outcome: 'accept' | 'reject'; terms?: Record<string, unknown> | undefined },
): Array<[string, string]> {
  if (subject.kind !== 'residence-permit') return [];
  const rows: Array<[string, string]> = [
    [
      t('cases.field.applicant'),
      `${subject.givenNames} ${subject.surname}, ${date(subject.birthDate)}, ${subject.nationality}${subject.personalCode ? `, ${formatPersonalCode(subject.personalCode)}` : ''}`,
    ],
    [t('permits.field.travelDocument'), `${subject.travelDocument.number} (${subject.travelDocument.country})`],
    [t('permits.field.kind'), `${t(`permits.kind.${subject.permitKind}`)}: ${t(`permits.ground.${subject.ground}`)}`],
  ];
  if (subject.sponsor) rows.push([t('permits.field.sponsor'), subject.sponsor]);
  if (subject.permit) {
    rows.push(
      [t('permits.field.permitNumber'), subject.permit.permitNumber],
      [
        t('permits.field.validity'),
        subject.permit.validUntil
          ? `${date(subject.permit.validFrom)} – ${date(subject.permit.validUntil)}`
          : `${date(subject.permit.validFrom)} – ${t('permits.noEnd')}`,
      ],
    );
  }
  const grounds = decision?.outcome === 'reject' ? ((decision.terms?.['grounds'] as string[] | undefined) ?? []) : [];
  if (grounds.length)
    rows.push([t('permits.refusal.grounds'), grounds.map((g) => `☒ ${t(`permits.refusalGround.${g}`)}`).join('\n')]);
  return rows;
}

/**
 * A grant: the holder is registered if they are not yet (a foreigner, with the nationality they showed), the right
 * is recorded in the register from its first day, and the permit is kept under the case's reference.
 */
async function grant(
  trx: DbExecutor,
  deps: PermitProcedureDeps,
  access: HandlerAccess,
  row: HandledCase,
  decision: { decidedOn: PlainDate; legalBasis: string; terms?: Record<string, unknown> | undefined },
  linkedPersonId: string | null,
): Promise<ActionPayload | undefined> {
  const d = permitDataOf(row.subject);
  const terms = decision.terms as { validFrom: PlainDate; validUntil: PlainDate | null };
  // Proposed on an earlier day, the terms are checked again on the day of the decision (a right never starts before it).
  const problems = grantTermsProblems(d.permitKind, d.ground, terms, decision.decidedOn);
  if (problems.length) throw problemsError(problems);
  const source = `${row.reference} (${decision.decidedOn})`;
  // An officer who found the applicant in the register linked them: the grant is theirs, under their code.
  let personId = row.applicantPersonId ?? linkedPersonId ?? d.personId;
  let linked: ActionPayload | undefined;
  if (!personId) {
    const created = await deps.register.include(trx, access, {
      givenNames: d.givenNames,
      surname: d.surname,
      sex: d.sex,
      birthDate: d.birthDate,
      birthCountry: d.birthCountry,
      citizenships: [d.nationality],
      legalBasis: decision.legalBasis,
      sourceDocument: source,
    });
    personId = created.personId;
    linked = {
      kind: 'link-applicant',
      personId: created.personId,
      personalCode: created.personalCode,
      name: `${d.givenNames} ${d.surname}`,
      reason: '',
    };
  }
  await deps.residenceRights.record(trx, access, personId, {
    kind: RIGHT_OF[d.permitKind],
    documentNumber: row.reference,
    validFrom: terms.validFrom,
    validUntil: terms.validUntil,
    issuedBy: row.reference,
    legalBasis: decision.legalBasis,
  });
  await deps.repository.insertPermit(trx, {
    permitNumber: row.reference,
    caseId: row.id,
    personId,
    kind: d.permitKind,
    ground: d.ground,
    validFrom: terms.validFrom,
    validUntil: terms.validUntil,
    cardValidUntil: hasCard(d.permitKind) ? terms.validUntil : null,
    grantedOn: decision.decidedOn,
    language: row.language,
    createdAt: deps.now().toISOString(),
  });
  return linked;
}

export function permitProcedure(definition: CaseTypeDefinition, deps: PermitProcedureDeps): CaseProcedure {
  return {
    definition,
    subjectKind: 'residence-permit',
    // A granted permit cancelled after the case closed joins the case's timeline.
    laterEvents: (subject) => {
      const cancelled = subject.kind === 'residence-permit' ? subject.permit?.cancelled : undefined;
      return cancelled ? [{ ...cancelled, kind: 'permit-cancelled' }] : [];
    },
    // Fees and documents by version; the EU citizens' documents are a procedure of their own.
    rules: (definition.type === EU_RESIDENCE.type ? EU_RESIDENCE_RULES : RESIDENCE_RULES) as RuleBook,
    deadline: (stored) => permitDeadlineOf(permitDataOf(stored)),
    legalBasis: (stored) => BASIS_OF[permitDataOf(stored).permitKind] ?? definition.decisionBasis,
    subjectView: async (stored, state, _staff, trx: DbExecutor, row) => {
      const d = permitDataOf(stored);
      const permit = await deps.repository.permitOfCase(trx, row.id);
      const personId = state.linkedApplicant?.personId ?? row.applicantPersonId ?? d.personId;
      return {
        kind: 'residence-permit',
        permitKind: d.permitKind,
        ground: d.ground,
        application: d.application,
        tier: d.tier,
        personId,
        personalCode: state.linkedApplicant?.personalCode ?? d.personalCode,
        personName: `${d.givenNames} ${d.surname}`,
        givenNames: d.givenNames,
        surname: d.surname,
        sex: d.sex,
        birthDate: d.birthDate,
        birthCountry: d.birthCountry,
        nationality: d.nationality,
        travelDocument: d.travelDocument,
        requestedUntil: d.requestedUntil,
        sponsor: d.sponsor || null,
        monthlyIncomeEur: d.monthlyIncomeEur,
        shortageOccupation: d.shortageOccupation ?? false,
        addressInLatvia: d.addressInLatvia,
        documents: d.required.map((code) => ({ code, enclosed: d.enclosed.includes(code) })),
        enclosedBy: d.enclosedBy ?? 'officer',
        filesUploaded: state.documentIds.length,
        fee: d.fee,
        payment: state.payment,
        permit: permit ? permitView(permit) : null,
      };
    },
    decisionRows,
    systemChecks: async (trx, access, row, state) => [
      ...permitChecks(permitDataOf(row.subject), state, deps.today()),
      ...(await fiveYearsCheck(trx, deps, access, row, state)),
      ...(await duplicateCheck(trx, deps, access, row, state)),
    ],
    decisionTerms: (row, _state, outcome, terms) => permitTerms(row, outcome, terms, deps.today()),
    // The engine takes payments of exactly what is still owed (a move of rules may raise the fee).
    feeDue: (stored) => permitDataOf(stored).fee.amountCents,
    onApproved: async (trx, access, row, state) =>
      state.decision.outcome === 'accept'
        ? grant(trx, deps, access, row, state.decision, state.linkedApplicant?.personId ?? null)
        : undefined,
  };
}
