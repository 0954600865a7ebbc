/** The case engine over HTTP: staff work queues, case pages and actions; the resident's applications. */
import { z } from 'zod';
import { defineEndpoint } from './contract.ts';
import { PlainDateSchema } from '../kernel/plain-date.ts';
import { NOTICE_METHODS } from '../kernel/appeal-term.ts';
import { CountryCode, PersonalCodeParam } from './register.contract.ts';
import { LegalStatusSchema } from '../kernel/legal-status.ts';
import { DOCUMENT_TYPES } from './documents.contract.ts';
import { InvitationSubject, VisaSubject } from './migration-subjects.ts';
import { PermitSubject } from './permit-subjects.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));

/** The register facts a correction case may correct. */
export const CORRECTABLE_FIELDS = [
  'givenNames',
  'surname',
  'originalName',
  'birthPlace',
  'birthCountry',
  'ethnicity',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CASE_TYPES = [
  'register-correction',
  'register-correction-appeal',
  'register-inclusion',
  'document-application',
  'visa-c',
  'visa-d',
  'visa-invitation',
  'visa-appeal',
  'residence-permit',
  'eu-residence',
] as const;
export const CaseTypeSchema = z.enum(CASE_TYPES);

/**
 * `prepared`: an application made online that waits for the applicant's visit (identity, photo); the clock
 * has not started. After an approval a document application goes on: `in-production` at the
 * personalization centre, `ready` for pickup, `issued` when handed over.
 */
export const CASE_STATUSES = [
  'prepared',
  'submitted',
  'in-review',
  'awaiting-applicant',
  'proposed',
  'accepted',
  'rejected',
  'withdrawn',
  'in-production',
  'ready',
  'issued',
] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);

export const ACTION_KINDS = [
  'submit',
  'assign',
  'request-information',
  'answer-information',
  'propose-decision',
  'return-proposal',
  'approve-decision',
  'extend-deadline',
  'withdraw',
  'add-document',
  'add-representative',
  'close-request',
  'link-applicant',
  'record-payment',
  'accept-in-person',
  'order-production',
  'confirm-production',
  'fail-production',
  'hand-over',
  'request-consultation',
  'answer-consultation',
  'decide-term-renewal',
  'move-rules',
] as const;

/**
 * What may happen to a decision's result after its case closed, kept by the procedure beside the case (the
 * visa it issued annulled or revoked, the permit it granted cancelled), shown in the case's timeline.
 */
export const LATER_EVENT_KINDS = ['visa-annulled', 'visa-revoked', 'permit-cancelled'] as const;

/**
 * Authorities a case may consult (Immigration Law s.1 "competent state institutions"; another Schengen state
 * through VIS Mail, Visa Code Art. 22). Each answers with no objection or an objection.
 */
export const CONSULTED_AUTHORITIES = [
  'state-security-service',
  'constitution-protection-bureau',
  'state-police',
  'state-border-guard',
  'schengen-state',
] as const;
export const ConsultedAuthoritySchema = z.enum(CONSULTED_AUTHORITIES);
export const CONSULTATION_OUTCOMES = ['no-objection', 'objection'] as const;

/** Who may act for the applicant, and what each representation allows. */
export const REPRESENTATIVE_KINDS = ['parent', 'guardian', 'employer', 'lawyer'] as const;
export const REPRESENTATIVE_RIGHTS = ['see', 'answer', 'withdraw'] as const;

/** Files a case accepts: PDF, JPEG or PNG, at most 5 MB, sent as base64 (the server checks the bytes, not the name). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const UploadInput = z.strictObject({
  kind: z.enum(['evidence', 'identity-document', 'photo', 'other']).default('evidence'),
  fileName: Text(200),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, 'fieldReason.file-too-large'),
});
export type UploadInput = z.input<typeof UploadInput>;

const CorrectionRequestFields = {
  field: z.enum(CORRECTABLE_FIELDS),
  requestedValue: z
    .string()
    .trim()
    .max(200)
    .transform((s) => (s ? s : null)),
  explanation: Text(2000),
  language: z.enum(['lv', 'en']).default('lv'),
  contactEmail: z.email().max(254).optional(),
  documents: z.array(UploadInput).max(10).default([]),
};
export const CorrectionRequestStaff = z.strictObject({ personId: z.uuid(), ...CorrectionRequestFields });
export const CorrectionRequestResident = z.strictObject({
  subjectPersonId: z.uuid().optional(),
  ...CorrectionRequestFields,
});

/**
 * A person not yet in the register asks to be included (and so to receive a personal code): they apply at
 * the desk with an identity document, since without a personal code they cannot sign in to the portal,
 * and they follow the case by e-mail until the decision registers them.
 */
export const InclusionRequest = z.strictObject({
  givenNames: Text(100),
  surname: Text(100),
  sex: z.enum(['M', 'F']),
  birthDate: PlainDateSchema,
  birthCountry: CountryCode,
  legalStatus: LegalStatusSchema.default('foreigner'),
  citizenships: z.array(CountryCode).max(5),
  /** The identity document the person presented: its number and issuing state. */
  foreignDocument: z.strictObject({
    number: z
      .string()
      .trim()
      .min(1)
      .max(30)
      .regex(/^[A-Za-z0-9<-]+$/, 'format.documentNumber'),
    country: CountryCode,
  }),
  explanation: Text(2000),
  language: z.enum(['lv', 'en']).default('lv'),
  contactEmail: z.email().max(254),
  documents: z.array(UploadInput).min(1, 'validation.attachFile').max(10),
});
export type InclusionRequest = z.input<typeof InclusionRequest>;
export type InclusionRequestData = z.output<typeof InclusionRequest>;

/** One check a decision rests on. The system's own checks carry `params`, so each reader sees the detail in their language. */
const RuleCheck = z.object({
  rule: Text(80),
  passed: z.boolean(),
  detail: z.string().trim().max(500),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  staffOnly: z.boolean().optional(),
});
/** What an officer adds to the trace: a check in their own words. */
const OfficerCheck = z.strictObject({ rule: Text(80), passed: z.boolean(), detail: z.string().trim().max(500) });

/** The applicant answers the office's request for information (the portal's answer form checks against it too). */
export const AnswerInformationAction = z.strictObject({
  kind: z.literal('answer-information'),
  expectedVersion: z.number().int().positive(),
  requestId: z.uuid(),
  text: Text(4000),
  documents: z.array(UploadInput).max(10).default([]),
});
/** The applicant (or the officer for them) withdraws the application. */
export const WithdrawAction = z.strictObject({
  kind: z.literal('withdraw'),
  expectedVersion: z.number().int().positive(),
  reason: Text(2000),
});
/**
 * Contesting a decision (to the head of the office, within one month of it taking effect). After the term,
 * `lateReason` says why it was missed: the office first decides whether to renew the term.
 */
export const AppealRequest = z.strictObject({
  reason: Text(4000),
  lateReason: OptionalText(2000),
  documents: z.array(UploadInput).max(10).default([]),
});
/** The same after the term: why it was missed is required (the portal's late appeal form checks against it). */
export const LateAppealRequest = AppealRequest.extend({ lateReason: Text(2000) });

/** The officer's actions (each form on the case page checks against its own). */
export const AssignAction = z.strictObject({
  kind: z.literal('assign'),
  expectedVersion: z.number().int().positive(),
  assigneeId: z.uuid().optional(),
  outOfOrderReason: OptionalText(500),
});
export const RequestInformationAction = z.strictObject({
  kind: z.literal('request-information'),
  expectedVersion: z.number().int().positive(),
  question: Text(2000),
  dueOn: PlainDateSchema,
});
/**
 * The person granting saw that checks of the rule trace failed and grants all the same: a grant over a
 * failed check is refused without it (`fieldReason.failed-checks-unacknowledged`, with how many failed).
 */
const AcknowledgeFailedChecks = z.boolean().optional();
/** `terms`: what the procedure decides beyond the outcome (its own schema, checked by the procedure). */
export const ProposeDecisionAction = z.strictObject({
  kind: z.literal('propose-decision'),
  expectedVersion: z.number().int().positive(),
  outcome: z.enum(['accept', 'reject']),
  reasoning: Text(4000),
  ruleTrace: z.array(OfficerCheck).max(30).default([]),
  terms: z.record(z.string(), z.unknown()).optional(),
  acknowledgeFailedChecks: AcknowledgeFailedChecks,
  /** Why a grant stands although checks failed: required then, kept as a line of the rule trace. */
  overrideReason: OptionalText(1000),
});
/** The override's reason as a form asks it once checks are known to have failed (required there). */
export const OverrideReason = Text(1000);
export const ReturnProposalAction = z.strictObject({
  kind: z.literal('return-proposal'),
  expectedVersion: z.number().int().positive(),
  reason: Text(2000),
});
export const CloseRequestAction = z.strictObject({
  kind: z.literal('close-request'),
  expectedVersion: z.number().int().positive(),
  reason: Text(2000),
});
export const ApproveDecisionAction = z.strictObject({
  kind: z.literal('approve-decision'),
  expectedVersion: z.number().int().positive(),
  acknowledgeFailedChecks: AcknowledgeFailedChecks,
});
export const ExtendDeadlineAction = z.strictObject({
  kind: z.literal('extend-deadline'),
  expectedVersion: z.number().int().positive(),
  to: PlainDateSchema,
  reason: Text(2000),
});
export const AddDocumentAction = z.strictObject({
  kind: z.literal('add-document'),
  expectedVersion: z.number().int().positive(),
  document: UploadInput,
});
/** The officer asks another authority; its answer is due by `dueOn`, and the case's own clock keeps running. */
export const RequestConsultationAction = z.strictObject({
  kind: z.literal('request-consultation'),
  expectedVersion: z.number().int().positive(),
  authority: ConsultedAuthoritySchema,
  question: Text(2000),
  dueOn: PlainDateSchema,
});
/** The officer records an authority's answer received through another channel (an authority's own system answers through the partner API). */
export const AnswerConsultationAction = z.strictObject({
  kind: z.literal('answer-consultation'),
  expectedVersion: z.number().int().positive(),
  consultationId: z.uuid(),
  outcome: z.enum(CONSULTATION_OUTCOMES),
  remarks: z.string().trim().max(2000).default(''),
});
/** The applicant turned out to be in the register already (or was registered meanwhile): the case now names them. */
export const LinkApplicantAction = z.strictObject({
  kind: z.literal('link-applicant'),
  expectedVersion: z.number().int().positive(),
  personalCode: PersonalCodeParam,
  reason: Text(1000),
});
export const AddRepresentativeAction = z.strictObject({
  kind: z.literal('add-representative'),
  expectedVersion: z.number().int().positive(),
  personalCode: PersonalCodeParam,
  representativeKind: z.enum(REPRESENTATIVE_KINDS),
  may: z.array(z.enum(REPRESENTATIVE_RIGHTS)).min(1).max(3),
  authorization: Text(500),
});

/** Whether a late appeal's missed term is renewed, and why (APL): the reasons are part of the record. */
export const DecideTermRenewalAction = z.strictObject({
  kind: z.literal('decide-term-renewal'),
  expectedVersion: z.number().int().positive(),
  granted: z.boolean(),
  reasoning: Text(2000),
});

/**
 * An officer records a payment taken at the desk: what is still owed (the fee a move of a procedure's rules
 * raised after the first payment). Staff only; online payments go through the payment provider.
 */
export const RecordPaymentAction = z.strictObject({
  kind: z.literal('record-payment'),
  expectedVersion: z.number().int().positive(),
  amountCents: z.number().int().positive().max(10_000_000),
  method: z.enum(['card', 'cash']),
  /** The till's receipt or the card terminal's slip number. */
  reference: z.string().trim().min(1).max(60),
});

/** The action a staff member or the applicant takes; every one carries the case version they saw. */
export const CaseActionInput = z.discriminatedUnion('kind', [
  AssignAction,
  RequestInformationAction,
  AnswerInformationAction,
  ProposeDecisionAction,
  ReturnProposalAction,
  CloseRequestAction,
  ApproveDecisionAction,
  ExtendDeadlineAction,
  WithdrawAction,
  AddDocumentAction,
  LinkApplicantAction,
  AddRepresentativeAction,
  RequestConsultationAction,
  AnswerConsultationAction,
  DecideTermRenewalAction,
  RecordPaymentAction,
]);
export type CaseActionInput = z.input<typeof CaseActionInput>;

const Actor = z.object({ kind: z.enum(['staff', 'resident', 'system']), id: z.string(), name: z.string().nullable() });

export const DeadlineView = z.object({
  receivedOn: z.string(),
  dueOn: z.string().nullable(),
  rule: z.string(),
  suspended: z.boolean(),
  suspendedDays: z.number().int(),
  /** The day the clock stopped (the request for information), while it stands still; null when it runs. */
  suspendedSince: z.string().nullable(),
  workingDaysLeft: z.number().int().nullable(),
  breached: z.boolean(),
  extendedTo: z.string().nullable(),
  extensionCap: z.string().nullable(),
});

export const CaseSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  caseType: CaseTypeSchema,
  status: CaseStatusSchema,
  applicantName: z.string(),
  assigneeName: z.string().nullable(),
  receivedOn: z.string(),
  dueOn: z.string().nullable(),
  suspended: z.boolean(),
  deadlineAlert: z.enum(['none', 'warned', 'breached']),
  version: z.number().int(),
  /** Working days after today up to the due day (negative once past; null when closed). */
  workingDaysLeft: z.number().int().nullable(),
  /** When the case closed (decided, withdrawn, handed over); null while open. */
  closedAt: z.string().nullable(),
  /**
   * The person the case is about when that is not the applicant (the person an invitation invites), in the
   * resident's own list; absent elsewhere.
   */
  concerns: z.string().optional(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** What a procedure decides beyond the outcome; each procedure's contract gives its shape. */
const Terms = z.record(z.string(), z.unknown());

export const ConsultationView = z.object({
  consultationId: z.string(),
  authority: ConsultedAuthoritySchema,
  question: z.string(),
  askedOn: z.string(),
  dueOn: z.string(),
  answer: z
    .object({ outcome: z.enum(CONSULTATION_OUTCOMES), remarks: z.string(), on: z.string(), by: z.string().nullable() })
    .nullable(),
});

export const DecisionView = z.object({
  decisionId: z.string(),
  outcome: z.enum(['accept', 'reject']),
  terms: Terms.optional(),
  legalBasis: z.string(),
  reasoning: z.string(),
  ruleTrace: z.array(RuleCheck),
  proposedBy: Actor,
  approvedBy: Actor,
  decidedOn: z.string(),
  /** How the decision was sent (to the account or e-mail, or by registered post), and so when it took effect. */
  notice: z.enum(NOTICE_METHODS),
  /** The day its notice counts as received (Notification Law), which is the day it takes effect (APL). */
  notifiedOn: z.string(),
  inForceOn: z.string(),
  /** The last day to contest it: one month from taking effect (APL). */
  appealUntil: z.string(),
});

/** What a correction case is about: one fact of a registered person. */
export const CorrectionSubject = z.object({
  kind: z.literal('correction'),
  personId: z.uuid(),
  personalCode: z.string(),
  personName: z.string(),
  field: z.enum(CORRECTABLE_FIELDS),
  currentValue: z.string().nullable(),
  requestedValue: z.string().nullable(),
  explanation: z.string(),
});

/** What an inclusion case is about: a person not (yet) in the register, as they presented themselves. */
export const InclusionSubject = z.object({
  kind: z.literal('inclusion'),
  /** Null until the person is in the register (by this case's decision, or linked by an officer). */
  personId: z.uuid().nullable(),
  personalCode: z.string().nullable(),
  personName: z.string(),
  givenNames: z.string(),
  surname: z.string(),
  sex: z.enum(['M', 'F']),
  birthDate: z.string(),
  birthCountry: z.string(),
  legalStatus: LegalStatusSchema,
  citizenships: z.array(z.string()),
  foreignDocument: z.object({ number: z.string(), country: z.string() }),
  explanation: z.string(),
  /** Registered persons who may be this one, found when the case opened (staff only; empty for the applicant). */
  candidates: z.array(
    z.object({
      personId: z.uuid(),
      personalCode: z.string(),
      name: z.string(),
      birthDate: z.string(),
      score: z.number(),
    }),
  ),
});

/** What a document application is about: which document for whom, the fee, and how far it has come. */
export const DocumentApplicationSubject = z.object({
  kind: z.literal('document-application'),
  personId: z.uuid(),
  personalCode: z.string(),
  personName: z.string(),
  documentType: z.enum(DOCUMENT_TYPES),
  tier: z.enum(['standard', 'urgent']),
  fee: z.object({
    amountCents: z.number().int(),
    tableFrom: z.string(),
    reducedFor: z.enum(['under-20', 'pensioner', 'disability']).nullable(),
  }),
  payment: z
    .object({ amountCents: z.number().int(), method: z.string(), reference: z.string(), paidOn: z.string() })
    .nullable(),
  identityCheck: z
    .object({ method: z.string(), documentNumber: z.string().nullable(), on: z.string(), by: z.string().nullable() })
    .nullable(),
  photoDocumentId: z.uuid().nullable(),
  pickupBranchId: z.uuid(),
  pickupBranchName: z.string(),
  /** The day the document is due to be ready (once the application is received). */
  readyOn: z.string().nullable(),
  production: z.object({ batchId: z.uuid(), documentNumber: z.string(), confirmed: z.boolean() }).nullable(),
  issued: z.object({ documentId: z.uuid(), documentNumber: z.string(), on: z.string() }).nullable(),
  explanation: z.string(),
});

export const CaseView = CaseSummary.extend({
  channel: z.enum(['portal', 'desk']),
  language: z.enum(['lv', 'en']),
  subject: z.discriminatedUnion('kind', [
    CorrectionSubject,
    InclusionSubject,
    DocumentApplicationSubject,
    VisaSubject,
    InvitationSubject,
    PermitSubject,
  ]),
  deadline: DeadlineView,
  /**
   * The version of the procedure's rules the case is decided under: the day it applies from and the act that
   * brought it (stamped at lodging; a transitional move restamps it). Null for a procedure without versions.
   */
  rules: z.object({ validFrom: z.string(), legalAct: z.string() }).nullable(),
  /** The fee the case owes under its rules and what is paid, where the procedure charges one by its rules. */
  fee: z.object({ dueCents: z.number().int(), paidCents: z.number().int() }).nullable(),
  openRequest: z
    .object({ requestId: z.string(), question: z.string(), askedOn: z.string(), dueOn: z.string() })
    .nullable(),
  proposal: z
    .object({
      outcome: z.enum(['accept', 'reject']),
      terms: Terms.optional(),
      legalBasis: z.string(),
      reasoning: z.string(),
      ruleTrace: z.array(RuleCheck),
      proposedBy: Actor,
      proposedOn: z.string(),
    })
    .nullable(),
  /** Other authorities consulted, and their answers (staff only; empty for the applicant). */
  consultations: z.array(ConsultationView),
  decision: DecisionView.nullable(),
  documents: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      uploadedAt: z.string(),
      uploadedByType: z.string(),
    }),
  ),
  /**
   * The case's actions, then what happened to its decision's result afterwards, as the procedure keeps it
   * beside the case (a visa annulled or revoked, a permit cancelled: `LATER_EVENT_KINDS`).
   */
  timeline: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum([...ACTION_KINDS, ...LATER_EVENT_KINDS]),
      actor: Actor,
      on: z.string(),
      at: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  availableActions: z.array(z.enum(ACTION_KINDS)),
  representatives: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      kind: z.enum(REPRESENTATIVE_KINDS),
      may: z.array(z.enum(REPRESENTATIVE_RIGHTS)),
    }),
  ),
  /** The reader proposed the pending decision: someone else must approve it (four-eyes). */
  ownProposal: z.boolean(),
  /** An appeal names the case whose decision it contests; a contested case names its appeal. */
  appealOf: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  appealedBy: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  /** The applicant may still contest the decision (a refusal, within the appeal period, not yet contested). */
  canAppeal: z.boolean(),
  /** The appeal period is over: the applicant may contest only with a request to renew the missed term. */
  canAppealLate: z.boolean(),
  /** This appeal came after its term: why, and whether the office renewed the term. */
  termRenewal: z
    .object({
      reason: z.string(),
      termEnded: z.string(),
      decision: z.object({ granted: z.boolean(), reasoning: z.string(), on: z.string(), by: Actor }).nullable(),
    })
    .nullable(),
});
export type CaseView = z.infer<typeof CaseView>;
type TimelineEntry = CaseView['timeline'][number];

/** What became of a decision's result after the case closed (an annulment, a cancellation), as its procedure keeps it. */
export interface LaterEvent {
  kind: TimelineEntry['kind'];
  on: string;
  by: string;
  reasoning: string;
  grounds: readonly string[];
}

/**
 * The timeline entries of later events, numbered after the case's last action (`afterSeq`): the record beside
 * the case keeps the day and the name of who decided, not an account id.
 */
export function laterEventEntries(events: readonly LaterEvent[], afterSeq: number): TimelineEntry[] {
  return events.map((e, i) => ({
    seq: afterSeq + 1 + i,
    kind: e.kind,
    actor: { kind: 'staff', id: '', name: e.by },
    on: e.on,
    at: e.on,
    details: { reason: e.reasoning, grounds: [...e.grounds] },
  }));
}

const CaseIdParam = z.object({ caseId: z.uuid() });
const DocumentParam = z.object({ caseId: z.uuid(), documentId: z.uuid() });

export const QueueQuery = z.object({
  type: CaseTypeSchema.optional(),
  status: CaseStatusSchema.optional(),
  assignee: z.enum(['me', 'unassigned', 'any']).default('any'),
  /** Only cases due within this many working days (or already past due). */
  dueWithin: z.coerce.number().int().min(0).max(400).optional(),
  flag: z.enum(['at-risk', 'breached', 'suspended']).optional(),
  /** Open cases by deadline, or closed ones (decided, withdrawn), latest first. */
  state: z.enum(['open', 'closed']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Where the page starts in the list (the count stops at 10,000, so does paging). */
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

/**
 * `total` counts matching cases up to 10,000; `totalCapped` says there are more. `types`: the case types the
 * reader works on, each with the statuses its cases close in (a visa closes "issued", a correction "accepted"),
 * so the filter offers each type its own.
 */
export const QueueResult = z.object({
  cases: z.array(CaseSummary),
  total: z.number().int(),
  totalCapped: z.boolean(),
  types: z.array(z.object({ caseType: CaseTypeSchema, closedStatuses: z.array(CaseStatusSchema) })),
});

export const listQueue = defineEndpoint({
  method: 'GET',
  path: '/api/cases/queue',
  summary: 'The work queue of my branch: open cases, by deadline',
  tags: ['cases'],
  query: QueueQuery,
  response: QueueResult,
});
export const branchDashboard = defineEndpoint({
  method: 'GET',
  path: '/api/cases/dashboard',
  summary: 'Supervisor view: the branch’s load per officer and the cases at risk',
  tags: ['cases'],
  response: z.object({
    open: z.number().int(),
    unassigned: z.number().int(),
    suspended: z.number().int(),
    atRisk: z.number().int(),
    breached: z.number().int(),
    officers: z.array(
      z.object({
        assigneeId: z.string().nullable(),
        assigneeName: z.string().nullable(),
        open: z.number().int(),
        atRisk: z.number().int(),
        breached: z.number().int(),
      }),
    ),
    atRiskCases: z.array(CaseSummary),
  }),
});
export const createCorrectionAtDesk = defineEndpoint({
  method: 'POST',
  path: '/api/cases/corrections',
  summary: 'Open a register correction case at the desk (idempotent with an Idempotency-Key header)',
  tags: ['cases'],
  body: CorrectionRequestStaff,
  response: CaseView,
  successStatus: 201,
});
export const createInclusionAtDesk = defineEndpoint({
  method: 'POST',
  path: '/api/cases/inclusions',
  summary: 'Open a case to include a person not yet in the register (idempotent with an Idempotency-Key header)',
  tags: ['cases'],
  body: InclusionRequest,
  response: CaseView,
  successStatus: 201,
});
export const readCase = defineEndpoint({
  method: 'GET',
  path: '/api/cases/{caseId}',
  summary: 'A case: facts, documents, timeline, deadline clock and the actions I may take',
  tags: ['cases'],
  params: CaseIdParam,
  response: CaseView,
});
export const takeCaseAction = defineEndpoint({
  method: 'POST',
  path: '/api/cases/{caseId}/actions',
  summary: 'Take an action on a case (stale version: 409; idempotent with an Idempotency-Key header)',
  tags: ['cases'],
  params: CaseIdParam,
  body: CaseActionInput,
  response: CaseView,
});
/**
 * An appeal the applicant lodged on paper or at a branch (one who has no portal account, or chose to): the
 * officer records it as the applicant would lodge it online, within the term or with the reason it is late.
 */
export const recordAppeal = defineEndpoint({
  method: 'POST',
  path: '/api/cases/{caseId}/appeal',
  summary:
    'Record an appeal the applicant lodged on paper or at the branch: opens a linked appeal case (after the term, with the reason it is late)',
  tags: ['cases'],
  params: CaseIdParam,
  body: AppealRequest,
  response: CaseView,
  successStatus: 201,
});
export const caseDocument = defineEndpoint({
  method: 'GET',
  path: '/api/cases/{caseId}/documents/{documentId}',
  summary: 'Download a file attached to a case',
  tags: ['cases'],
  params: DocumentParam,
  response: null,
});
export const caseDecisionPdf = defineEndpoint({
  method: 'GET',
  path: '/api/cases/{caseId}/decision.pdf',
  summary: 'The decision (PDF) in the applicant’s language',
  tags: ['cases'],
  params: CaseIdParam,
  response: null,
});

export const listMyCases = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/cases',
  summary: 'My applications: status, step, deadline, requests to answer, decisions',
  tags: ['cases'],
  response: z.object({ cases: z.array(CaseSummary) }),
});
export const createMyCorrection = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/cases/corrections',
  summary: 'Ask to correct my register data (or my minor child’s or ward’s)',
  tags: ['cases'],
  body: CorrectionRequestResident,
  response: CaseView,
  successStatus: 201,
});
export const readMyCase = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/cases/{caseId}',
  summary: 'One of my applications',
  tags: ['cases'],
  params: CaseIdParam,
  response: CaseView,
});
export const takeMyCaseAction = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/cases/{caseId}/actions',
  summary: 'Answer a request for information, add a document, or withdraw',
  tags: ['cases'],
  params: CaseIdParam,
  body: CaseActionInput,
  response: CaseView,
});
export const appealMyCase = defineEndpoint({
  method: 'POST',
  path: '/api/portal/me/cases/{caseId}/appeal',
  summary:
    'Contest a decision on my application (to the head of the office, within one month of it taking effect; later with a request to renew the missed term): opens a linked appeal case',
  tags: ['cases'],
  params: CaseIdParam,
  body: AppealRequest,
  response: CaseView,
  successStatus: 201,
});
export const myCaseDocument = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/cases/{caseId}/documents/{documentId}',
  summary: 'Download a file of my application',
  tags: ['cases'],
  params: DocumentParam,
  response: null,
});
/**
 * The form that annulled or revoked the visa a case of mine issued (the procedure's own paper, served by its
 * module's routes): for the applicant only, not a representative.
 */
export const myVisaEndingPdf = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/cases/{caseId}/visa-ending.pdf',
  summary: 'The annulment or revocation of the visa my application was issued (PDF)',
  tags: ['cases'],
  params: CaseIdParam,
  response: null,
});
export const myCaseDecisionPdf = defineEndpoint({
  method: 'GET',
  path: '/api/portal/me/cases/{caseId}/decision.pdf',
  summary: 'The decision on my application (PDF)',
  tags: ['cases'],
  params: CaseIdParam,
  response: null,
});
