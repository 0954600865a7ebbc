/**
 * Use cases of the migration module: lodging a visa application at the desk (fee paid there) or online (fee
 * paid through the payment provider), inviting a foreigner, quoting a fee, reading an issued visa and ending
 * one (annulment, revocation). The cases run on the engine; this module opens them and owns the visas.
 */
import type { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import type { FieldReason } from '../../../shared/errors.ts';
import type { Db, DbExecutor } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PaymentProvider } from '../../platform/payments.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { CaseActorContext, CaseProcedure, CasesService, HandlerAccess } from '../cases/index.ts';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import type {
  DeskVisaApplication,
  InvitationRequest,
  OnlineVisaApplication,
  PartnerConsultationView,
  PartnerVisaCheck,
} from '../../../shared/contracts/visas.contract.ts';

type PartnerVisaCheckView = z.infer<typeof PartnerVisaCheck>;
import { invitationFeeUnder, type InvitationRuleVersion } from './invitation-rules/index.ts';
import {
  NATIONAL_GROUND_RULES,
  visaGroundsFor,
  type IssuedVisaView,
} from '../../../shared/contracts/migration-subjects.ts';
import { compareDates, plainDateInZone, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { hasPermission } from '../../../shared/kernel/permissions.ts';
import { ageOn, applicationProblems, bornInFuture, visaFeeUnder, type Fee } from './visa.rules.ts';
import { visaFeeOn, type VisaRuleVersion } from './visa-rules/index.ts';
import type { Lodging } from '../cases/index.ts';
import {
  problemsError,
  visaProcedure,
  visaView,
  VISA_APPEAL,
  VISA_C,
  VISA_D,
  type VisaData,
} from './visa-procedure.ts';
import {
  INVITATION,
  INVITER_STATUSES,
  invitationCovers,
  invitationProcedure,
  type InvitationData,
} from './invitation-procedure.ts';
import type { MigrationRepository } from './migration.repository.ts';
import type { ResidenceRightsPort } from './visa-data.ts';
import { createOnlinePayment } from './online-payment.ts';
import { EU_RESIDENCE, RESIDENCE_PERMIT } from './permit-procedure.ts';

/** A registered person as a migration case needs them, read through the register's audit gate under the case. */
export type RegisteredPerson = {
  personalCode: string;
  givenNames: string;
  surname: string;
  birthDate: string;
  sex: 'M' | 'F';
  legalStatus: string;
  citizenships: string[];
  deathDate: string | null;
};

export interface MigrationDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  audit: AuditService;
  cases: CasesService;
  repository: MigrationRepository;
  payments: PaymentProvider;
  /** The register's read of a person for a case (purpose: case processing). */
  personForCase: (trx: DbExecutor, access: HandlerAccess, personId: string) => Promise<RegisteredPerson>;
  /** The state code on the visas this office issues (LVA). */
  issuingState: string;
  /** The branch that takes migration applications made online (the migration division). */
  onlineBranchId: () => Promise<string>;
  /** The register's record of rights to reside (a long-stay visa's). */
  residenceRights: ResidenceRightsPort;
  /** The outbox: the holder is told when a visa ends. */
  notifications: NotificationsService;
}

type Input = z.output<typeof DeskVisaApplication> | z.output<typeof OnlineVisaApplication>;

function invalid(path: string, message: string, reason: FieldReason): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message, reason }]);
}

/** Who is asked about in a consultation, from the case's own subject. */
function consultedPerson(caseType: string, subject: Record<string, unknown>): PartnerConsultationView['applicant'] {
  if (caseType === INVITATION.type) {
    const i = (subject as unknown as InvitationData).invitee;
    return {
      givenNames: i.givenNames,
      surname: i.surname,
      sex: i.sex,
      birthDate: i.birthDate,
      nationality: i.nationality,
      travelDocumentNumber: i.travelDocumentNumber,
    };
  }
  // A visa's and a residence application's subjects both carry the applicant as presented and their travel document.
  const v = subject as unknown as Pick<
    VisaData,
    'givenNames' | 'surname' | 'sex' | 'birthDate' | 'nationality' | 'travelDocument'
  >;
  return {
    givenNames: v.givenNames,
    surname: v.surname,
    sex: v.sex,
    birthDate: v.birthDate,
    nationality: v.nationality,
    travelDocumentNumber: v.travelDocument.number,
  };
}

/** The case types this module opens. */
const MIGRATION_CASE_TYPES: ReadonlySet<string> = new Set([
  VISA_C.type,
  VISA_D.type,
  VISA_APPEAL.type,
  INVITATION.type,
  RESIDENCE_PERMIT.type,
  EU_RESIDENCE.type,
]);

/** Statuses whose holders need no visa to stay in Latvia. */
const NO_VISA_STATUSES = ['citizen', 'non-citizen'];

export function createMigrationService(deps: MigrationDeps) {
  const { cases, repository } = deps;
  const today = (): PlainDate => plainDateInZone(deps.clock.now(), deps.timeZone);

  /** The cited invitation, checked: approved, for this person, covering the trip. */
  async function citedInvitation(trx: DbExecutor, input: Input): Promise<VisaData['invitation']> {
    if (!input.invitationReference) return null;
    const found = await cases.byReference(trx, input.invitationReference);
    if (!found || found.caseType !== INVITATION.type)
      invalid('invitationReference', `No invitation ${input.invitationReference}`, 'unknown-invitation');
    if (found.status !== 'accepted')
      invalid(
        'invitationReference',
        `Invitation ${found.reference} is not approved (${found.status})`,
        'invitation-not-approved',
      );
    const d = found.subject as unknown as InvitationData;
    const covers = invitationCovers(d, {
      surname: input.surname,
      birthDate: input.birthDate as PlainDate,
      intendedEntry: input.intendedEntry as PlainDate,
      intendedExit: input.intendedExit as PlainDate,
    });
    if (covers === 'other-person')
      invalid('invitationReference', `Invitation ${found.reference} is for another person`, 'invitation-other-person');
    if (covers === 'outside-period')
      invalid(
        'intendedExit',
        `The stay is outside the invitation's period (${d.periodFrom} – ${d.periodUntil})`,
        'invitation-outside-period',
      );
    return {
      reference: found.reference,
      caseId: found.id,
      inviterName: d.inviterName,
      status: found.status,
      periodFrom: d.periodFrom,
      periodUntil: d.periodUntil,
    };
  }

  /** The application's data as the case stores it, checked as the Visa Code's admissibility asks (Art. 19). */
  async function visaData(
    trx: DbExecutor,
    input: Input,
    personId: string | null,
    fee: Fee,
    lodging: Lodging,
  ): Promise<VisaData> {
    // Checked on the day of lodging, under the version of the rules the case is stamped with.
    const rules = lodging.rules as VisaRuleVersion;
    const problems = [
      ...bornInFuture(input.birthDate, lodging.on),
      ...applicationProblems(
        {
          visaType: input.visaType,
          intendedEntry: input.intendedEntry as PlainDate,
          intendedExit: input.intendedExit as PlainDate,
          travelDocumentValidUntil: input.travelDocument.validUntil as PlainDate,
          insurance: (input.insurance as VisaData['insurance']) ?? null,
          means: input.means,
          nationalGround: input.nationalGround ?? null,
          currentStayUntil: (input.currentStayUntil as PlainDate | undefined) ?? null,
        },
        lodging.on,
        rules,
      ),
    ];
    if (problems.length) throw problemsError(problems);
    // The contract lets each type name only its own: a C visa its purpose, a D visa its ground and what follows it.
    const national = input.visaType === 'D' && input.nationalGround ? input.nationalGround : null;
    return {
      visaType: input.visaType,
      personId,
      givenNames: input.givenNames,
      surname: input.surname,
      sex: input.sex,
      birthDate: input.birthDate as PlainDate,
      nationality: input.nationality,
      travelDocument: { ...input.travelDocument, validUntil: input.travelDocument.validUntil as PlainDate },
      purpose: national ? null : (input.purpose ?? null),
      purposeDetail: input.purposeDetail,
      nationalGround: national,
      // Only the documents the ground asks for are kept, each once.
      enclosed: national
        ? NATIONAL_GROUND_RULES[national].documents.filter((code) => input.enclosed?.includes(code))
        : [],
      currentStayUntil: national ? ((input.currentStayUntil as PlainDate | undefined) ?? null) : null,
      intendedEntry: input.intendedEntry as PlainDate,
      intendedExit: input.intendedExit as PlainDate,
      entriesRequested: input.entriesRequested,
      insurance: (input.insurance as VisaData['insurance']) ?? null,
      means: input.means,
      invitation: await citedInvitation(trx, input),
      fee,
    };
  }

  const { payOnline, repeated } = createOnlinePayment(cases, deps.payments);

  const typeOf = (input: Input) => (input.visaType === 'C' ? VISA_C : VISA_D).type;
  /** The fee under the version of the rules the case is stamped with at lodging. */
  const feeOf = (input: Input, lodging: Lodging) =>
    visaFeeUnder(
      lodging.rules as VisaRuleVersion,
      input.visaType,
      input.birthDate as PlainDate,
      lodging.on,
      input.feeExemption ?? null,
    );

  return {
    /** The procedures this module runs on the engine (registered by app.ts). */
    procedures(): CaseProcedure[] {
      const procedureDeps = {
        repository,
        today,
        issuingState: deps.issuingState,
        residenceRights: deps.residenceRights,
      };
      return [
        visaProcedure(VISA_C, procedureDeps),
        visaProcedure(VISA_D, procedureDeps),
        visaProcedure(VISA_APPEAL, procedureDeps),
        invitationProcedure(today),
      ];
    },

    feeQuote(q: {
      visaType: 'C' | 'D';
      birthDate: string;
      lodgedOn?: string | undefined;
      exemption?: string | undefined;
    }) {
      return visaFeeOn(q.visaType, q.birthDate as PlainDate, (q.lodgedOn ?? today()) as PlainDate, q.exemption ?? null);
    },

    /** An officer lodges an application at the desk; the fee is paid there in the same step. */
    async lodgeAtDesk(
      ctx: CaseActorContext,
      input: z.output<typeof DeskVisaApplication>,
      key?: string,
    ): Promise<CaseView> {
      const caseType = typeOf(input);
      if (ctx.kind !== 'staff' || !cases.staffMay(ctx, caseType, 'officer'))
        throw new AppError('FORBIDDEN', 'Only a migration officer lodges a visa application', {
          rule: { id: 'case.role-needed' },
        });
      const branchId = ctx.branchId;
      return cases.openCase(ctx, caseType, key, input, async (trx, access, lodging) => {
        const person = input.personId ? await deps.personForCase(trx, access, input.personId) : null;
        if (person && NO_VISA_STATUSES.includes(person.legalStatus))
          invalid('personId', 'This person needs no visa to stay in Latvia', 'not-for-status');
        const fee = feeOf(input, lodging);
        const data = await visaData(trx, input, input.personId ?? null, fee, lodging);
        return {
          applicantPersonId: input.personId ?? null,
          applicantName: `${input.givenNames} ${input.surname}`,
          subject: data,
          touched: 'visa-application',
          language: input.language,
          contactEmail: input.contactEmail,
          documents: input.documents,
          branchId,
          channel: 'desk',
          followUps:
            fee.amountCents > 0
              ? [
                  {
                    kind: 'record-payment',
                    amountCents: fee.amountCents,
                    method: input.payment.method,
                    reference: `DESK-${input.payment.method.toUpperCase()}`,
                  },
                ]
              : [],
        };
      });
    },

    /**
     * A registered foreigner applies online for themselves and pays the fee through the payment provider in
     * the same step: the case opens, the provider charges, the payment is recorded. A refused charge leaves
     * the application open and unpaid (the officer's rule trace says so) rather than losing it.
     */
    async applyOnline(
      ctx: CaseActorContext,
      input: z.output<typeof OnlineVisaApplication>,
      key?: string,
    ): Promise<CaseView> {
      if (ctx.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
      const again = await repeated(ctx, key, input);
      if (again) return again;
      const branchId = await deps.onlineBranchId();
      let payerCode = '';
      let fee: Fee | undefined;
      const view = await cases.openCase(ctx, typeOf(input), key, input, async (trx, access, lodging) => {
        const person = await deps.personForCase(trx, access, ctx.personId);
        if (NO_VISA_STATUSES.includes(person.legalStatus))
          invalid('visaType', 'You need no visa to stay in Latvia', 'not-for-status');
        payerCode = person.personalCode;
        // Who applies is the signed-in person as the register knows them, whatever the form said.
        const applicant = {
          ...input,
          givenNames: person.givenNames,
          surname: person.surname,
          sex: person.sex,
          birthDate: person.birthDate as PlainDate,
          nationality: person.citizenships[0] ?? input.nationality,
        };
        fee = feeOf(applicant, lodging);
        return {
          applicantPersonId: ctx.personId,
          applicantName: `${person.givenNames} ${person.surname}`,
          subject: await visaData(trx, applicant, ctx.personId, fee, lodging),
          touched: 'visa-application',
          language: input.language,
          contactEmail: input.contactEmail,
          documents: input.documents,
          branchId,
          channel: 'portal',
        };
      });
      return payOnline(ctx, view, fee?.amountCents ?? 0, payerCode);
    },

    /** A resident invites a foreigner and pays the fee online; the invitation is examined and decided. */
    async invite(ctx: CaseActorContext, input: z.output<typeof InvitationRequest>, key?: string): Promise<CaseView> {
      if (ctx.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
      if (compareDates(input.periodUntil as PlainDate, input.periodFrom as PlainDate) < 0)
        invalid('periodUntil', 'The period ends before it starts', 'ends-before-start');
      if (compareDates(input.periodFrom as PlainDate, today()) < 0)
        invalid('periodFrom', 'The visit cannot start in the past', 'not-after-today');
      const again = await repeated(ctx, key, input);
      if (again) return again;
      // The office approves only an inviter who takes on every obligation (Immigration Law s.1): asked before paying.
      if (!input.undertakings.accommodation || !input.undertakings.returnTravel || !input.undertakings.healthCare)
        invalid('undertakings', 'The inviter must take on all three obligations', 'undertakings-required');
      const branchId = await deps.onlineBranchId();
      let payerCode = '';
      let fee = { amountCents: 0, tableFrom: '' };
      const view = await cases.openCase(ctx, INVITATION.type, key, input, async (trx, access, lodging) => {
        // The fee of the version the case is stamped with.
        fee = invitationFeeUnder(
          lodging.rules as InvitationRuleVersion,
          input.invitee.birthDate as PlainDate,
          lodging.on,
        );
        const inviter = await deps.personForCase(trx, access, ctx.personId);
        // Who may invite (MK 552 §2) is checked before anything is charged.
        if (!INVITER_STATUSES.includes(inviter.legalStatus))
          invalid('invitee', 'Only a citizen or non-citizen of Latvia invites in this service', 'not-for-status');
        if (ageOn(inviter.birthDate as PlainDate, lodging.on) < 18)
          invalid('invitee', 'An inviter must be of age', 'under-18');
        payerCode = inviter.personalCode;
        const data: InvitationData = {
          inviterPersonId: ctx.personId,
          inviterName: `${inviter.givenNames} ${inviter.surname}`,
          inviterBirthDate: inviter.birthDate as PlainDate,
          inviterStatus: inviter.legalStatus,
          invitee: { ...input.invitee, birthDate: input.invitee.birthDate as PlainDate },
          purpose: input.purpose,
          periodFrom: input.periodFrom as PlainDate,
          periodUntil: input.periodUntil as PlainDate,
          addressInLatvia: input.addressInLatvia,
          undertakings: input.undertakings,
          fee,
        };
        return {
          applicantPersonId: ctx.personId,
          applicantName: data.inviterName,
          subject: data,
          touched: 'invitation',
          language: input.language,
          contactEmail: input.contactEmail,
          documents: input.documents,
          branchId,
          channel: 'portal',
        };
      });
      return payOnline(ctx, view, fee.amountCents, payerCode);
    },

    /**
     * The consultations an authority has not answered, with the person each is about. Every one is a use of
     * that person's data by the partner, audited as such.
     */
    async consultationsFor(
      actor: AuditActor,
      authority: string,
      requestId?: string,
    ): Promise<PartnerConsultationView[]> {
      // This module's cases only: another module words its own subjects for its partners.
      const open = (await cases.openConsultations(authority)).filter((o) => MIGRATION_CASE_TYPES.has(o.caseType));
      return deps.db.transaction().execute(async (trx) => {
        for (const o of open) {
          await deps.audit.record(trx, {
            actor,
            action: 'read',
            purpose: 'case-processing',
            legalBasis: 'Imigrācijas likums, 1. pants; Regula (EK) Nr. 810/2009, 22. pants',
            caseReference: o.reference,
            subjectPersonId: o.applicantPersonId,
            resource: 'cases.case',
            touched: ['consultation'],
            requestId: requestId ?? null,
          });
        }
        return open.map((o) => ({
          consultationId: o.consultationId,
          caseReference: o.reference,
          authority: o.authority as PartnerConsultationView['authority'],
          question: o.question,
          askedOn: o.askedOn,
          dueOn: o.dueOn,
          applicant: consultedPerson(o.caseType, o.subject),
        }));
      });
    },

    /** An issued visa by its number (audited: a read of the holder's data). */
    async readVisa(
      actor: AuditActor,
      visaNumber: string,
      purpose: 'case-processing' | 'document-lookup',
      requestId?: string,
    ): Promise<IssuedVisaView> {
      return deps.db.transaction().execute(async (trx) => {
        const visa = await repository.visaByNumber(trx, visaNumber);
        if (!visa) throw new AppError('NOT_FOUND', `No visa ${visaNumber}`);
        await deps.audit.record(trx, {
          actor,
          action: 'read',
          purpose,
          legalBasis: 'Imigrācijas likums; Regula (EK) Nr. 767/2008',
          caseReference: visa.caseReference,
          subjectPersonId: visa.personId,
          resource: 'migration.visa',
          touched: ['visa'],
          requestId: requestId ?? null,
        });
        return visaView(visa);
      });
    },

    /** A partner's check of a visa (the border guard at a crossing point): its status, validity on a day and holder; audited as the partner's lookup. */
    async checkVisa(
      actor: AuditActor,
      visaNumber: string,
      on: string | undefined,
      requestId?: string,
    ): Promise<PartnerVisaCheckView> {
      const day = (on ?? today()) as PlainDate;
      return deps.db.transaction().execute(async (trx) => {
        const visa = await repository.visaByNumber(trx, visaNumber);
        if (!visa) throw new AppError('NOT_FOUND', `No visa ${visaNumber}`);
        await deps.audit.record(trx, {
          actor,
          action: 'read',
          purpose: 'document-lookup',
          legalBasis: 'Imigrācijas likums; Regula (EK) Nr. 767/2008 (VIS regula), 18. pants',
          caseReference: visa.caseReference,
          subjectPersonId: visa.personId,
          resource: 'migration.visa',
          touched: ['visa', 'holder'],
          requestId: requestId ?? null,
        });
        const valid =
          visa.status === 'valid' &&
          compareDates(visa.validFrom as PlainDate, day) <= 0 &&
          compareDates(day, visa.validUntil as PlainDate) <= 0;
        return {
          ...visaView(visa),
          holder: {
            givenNames: visa.givenNames,
            surname: visa.surname,
            birthDate: visa.birthDate,
            nationality: visa.nationality,
            travelDocumentNumber: visa.travelDocumentNumber,
          },
          validOn: { date: day, valid },
        };
      });
    },

    /** A decision-maker annuls or revokes a valid visa on the standard form's grounds (Visa Code Art. 34). */
    async endVisa(
      ctx: CaseActorContext,
      visaNumber: string,
      input: { kind: 'annulment' | 'revocation'; grounds: string[]; reasoning: string },
    ): Promise<IssuedVisaView> {
      if (ctx.kind !== 'staff' || !hasPermission(ctx.roles, 'migration:end-visa'))
        throw new AppError('FORBIDDEN', 'Only a decision-maker annuls or revokes a visa', {
          rule: { id: 'case.role-needed' },
        });
      return deps.db.transaction().execute(async (trx) => {
        const visa = await repository.visaByNumber(trx, visaNumber, true);
        // A branch decides on the visas its own cases issued (another branch's are not found, as their cases are not).
        const issuedBy = visa ? await cases.byReference(trx, visa.caseReference) : undefined;
        if (!visa || issuedBy?.branchId !== ctx.branchId)
          throw new AppError('NOT_FOUND', `No visa ${visaNumber} of your branch`);
        if (visa.status !== 'valid')
          throw new AppError('INVALID_STATE', `Visa ${visaNumber} is already ${visa.status}`, {
            rule: { id: 'visa.already-ended', values: { status: visa.status } },
          });
        if (input.kind === 'annulment' && input.grounds.includes('holder-requested'))
          invalid('grounds', 'A holder’s request revokes a visa; it does not annul it', 'ground-not-for-refusal');
        if (input.grounds.some((g) => !(visaGroundsFor(visa.visaType) as string[]).includes(g)))
          invalid('grounds', 'That ground does not fit this type of visa', 'ground-not-for-refusal');
        const ending = {
          kind: input.kind,
          grounds: [...new Set(input.grounds)],
          reasoning: input.reasoning,
          on: today(),
          by: ctx.name,
          byId: ctx.id,
        };
        await repository.endVisa(trx, visaNumber, ending);
        // The holder is told at the address of the application: the visa may no longer be used.
        if (issuedBy.contactEmail) {
          await deps.notifications.enqueue(trx, [
            {
              eventKey: `visa:${visaNumber}:${input.kind}:${issuedBy.contactEmail}`,
              channel: 'email',
              recipient: issuedBy.contactEmail,
              language: issuedBy.language,
              template: 'visa-ended',
              params: { number: visaNumber, reference: visa.caseReference, kind: input.kind, on: ending.on },
            },
          ]);
        }
        // The right to reside a long-stay visa gave ends with it: annulled, it never held; revoked, it ends today.
        if (visa.visaType === 'D' && visa.personId) {
          await deps.residenceRights.end(
            trx,
            { actor: ctx.audit, caseReference: visa.caseReference, requestId: ctx.requestId },
            visa.personId,
            {
              documentNumber: visaNumber,
              endsOn: input.kind === 'annulment' ? (visa.validFrom as PlainDate) : today(),
              legalBasis: 'Regula (EK) Nr. 810/2009 (Vīzu kodekss), 34. pants; Imigrācijas likums',
              sourceDocument: `${visa.caseReference} (${input.kind})`,
            },
          );
        }
        await deps.audit.record(trx, {
          actor: ctx.audit,
          action: 'update',
          purpose: 'case-processing',
          legalBasis: 'Regula (EK) Nr. 810/2009 (Vīzu kodekss), 34. pants',
          caseReference: visa.caseReference,
          subjectPersonId: visa.personId,
          resource: 'migration.visa',
          touched: [input.kind],
          requestId: ctx.requestId ?? null,
        });
        return visaView({ ...visa, status: input.kind === 'annulment' ? 'annulled' : 'revoked', ended: ending });
      });
    },
  };
}
export type MigrationService = ReturnType<typeof createMigrationService>;
