/**
 * Use cases of residence: lodging an application at the desk (fee paid there; a first applicant need not be in
 * the register) or online (a registered foreigner, paying online), what an application needs, reading a
 * granted permit and cancelling one. The cases run on the engine; this module owns the permits it granted.
 */
import type { z } from 'zod';
import { bornInFuture } from './visa.rules.ts';
import { AppError } from '../../http/app-error.ts';
import type { FieldReason } from '../../../shared/errors.ts';
import type { Db, DbExecutor } from '../../db/database.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { CaseActorContext, CaseProcedure, CasesService, HandlerAccess, Lodging } from '../cases/index.ts';
import type { PaymentProvider } from '../../platform/payments.ts';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import type {
  DeskPermitApplication,
  OnlinePermitApplication,
  PermitQuoteQuery,
} from '../../../shared/contracts/residence-permits.contract.ts';
import type { GrantedPermitView, PermitKind } from '../../../shared/contracts/permit-subjects.ts';
import { compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { hasPermission } from '../../../shared/kernel/permissions.ts';
import { permitRulesOn, type PermitRuleVersion } from './permit-rules/index.ts';
import {
  EU_EEA_CH,
  incomeNeededEur,
  kindProblems,
  permitApplicationProblems,
  permitDeadlineOf,
  permitFee,
  requiredDocuments,
  tiersOf,
} from './permit.rules.ts';
import {
  blueCardThresholdOf,
  EU_CITIZEN_KINDS,
  EU_DOCUMENT_KINDS,
  needsRegisteredPerson,
} from '../../../shared/kernel/permit-grounds.ts';
import {
  EU_RESIDENCE,
  permitProcedure,
  permitView,
  RESIDENCE_PERMIT,
  RIGHT_OF,
  type PermitCardsPort,
  type PermitData,
  type PermitRegisterPort,
  type RegisterRight,
} from './permit-procedure.ts';
import { problemsError } from './visa-procedure.ts';
import { createOnlinePayment } from './online-payment.ts';
import type { MigrationRepository } from './migration.repository.ts';
import type { ResidenceRightsPort } from './visa-data.ts';
import type { RegisteredPerson } from './migration.service.ts';

export interface PermitServiceDeps {
  db: Db;
  today: () => PlainDate;
  now: () => Date;
  audit: AuditService;
  cases: CasesService;
  repository: MigrationRepository;
  payments: PaymentProvider;
  notifications: NotificationsService;
  personForCase: (trx: DbExecutor, access: HandlerAccess, personId: string) => Promise<RegisteredPerson>;
  onlineBranchId: () => Promise<string>;
  residenceRights: ResidenceRightsPort;
  register: PermitRegisterPort;
  /** The register's rights to reside of a person that have not ended (a renewal renews one of them). */
  rightsOf: (
    trx: DbExecutor,
    access: HandlerAccess,
    personId: string,
  ) => Promise<Array<{ kind: string; documentNumber: string }>>;
  /** Every right to reside the register holds for a person, ended ones too (the five years' check). */
  rightsHistory: (trx: DbExecutor, access: HandlerAccess, personId: string) => Promise<RegisterRight[]>;
  cards: PermitCardsPort;
  /** Once a cancellation committed: the documents' validity index learns of the invalid card. */
  afterCardsChanged: () => Promise<unknown>;
}

type Input = z.output<typeof DeskPermitApplication> | z.output<typeof OnlinePermitApplication>;

/** Latvia's citizens and non-citizens live here by their status, with no permit. */
const NO_PERMIT_STATUSES = ['citizen', 'non-citizen'];
const CANCEL_BASIS = 'Imigrācijas likums; Administratīvā procesa likums';

function invalid(path: string, message: string, reason: FieldReason): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message, reason }]);
}

/** The day of lodging and the version of the rules the engine stamps the case with (both procedures have a book). */
const stamped = (lodging: Lodging) => ({ on: lodging.on, rules: lodging.rules as PermitRuleVersion });

const caseTypeOf = (kind: PermitKind) => (EU_DOCUMENT_KINDS.includes(kind) ? EU_RESIDENCE : RESIDENCE_PERMIT).type;

export function createPermitService(deps: PermitServiceDeps) {
  const { cases, repository, today } = deps;
  const { payOnline, repeated } = createOnlinePayment(cases, deps.payments);

  /**
   * The application as the case stores it, checked for admissibility; the fee of its tier (absent: the kind's
   * first). `enclosedBy`: who ticked the documents (the officer at the desk, the applicant online).
   */
  function permitData(
    input: Input,
    person: { id: string; personalCode: string } | null,
    enclosedBy: 'officer' | 'applicant',
    lodging: { on: PlainDate; rules: PermitRuleVersion },
  ): PermitData {
    const { on, rules } = lodging;
    const tier = input.tier ?? tiersOf(rules, input.permitKind, input.ground)[0] ?? 'standard';
    const problems = [
      ...bornInFuture(input.birthDate, on),
      ...permitApplicationProblems(
        rules,
        {
          permitKind: input.permitKind,
          ground: input.ground,
          application: input.application,
          tier,
          nationality: input.nationality,
          travelDocumentValidUntil: input.travelDocument.validUntil as PlainDate,
          requestedUntil: (input.requestedUntil ?? null) as PlainDate | null,
          sponsor: input.sponsor ?? null,
        },
        on,
      ),
    ];
    if (problems.length) throw problemsError(problems);
    const fee = permitFee(rules, input.permitKind, input.ground, tier) as { amountCents: number; legalAct: string };
    return {
      permitKind: input.permitKind,
      ground: input.ground,
      application: input.application,
      tier,
      personId: person?.id ?? null,
      personalCode: person?.personalCode ?? null,
      givenNames: input.givenNames,
      surname: input.surname,
      sex: input.sex,
      birthDate: input.birthDate as PlainDate,
      birthCountry: input.birthCountry,
      nationality: input.nationality,
      travelDocument: { ...input.travelDocument, validUntil: input.travelDocument.validUntil as PlainDate },
      requestedUntil: (input.requestedUntil ?? null) as PlainDate | null,
      sponsor: input.sponsor?.trim() || null,
      monthlyIncomeEur: input.monthlyIncomeEur ?? null,
      ...(input.ground === 'blue-card' ? { shortageOccupation: input.shortageOccupation ?? false } : {}),
      addressInLatvia: input.addressInLatvia,
      enclosed: [...new Set(input.enclosed)],
      enclosedBy,
      required: requiredDocuments(rules, input.permitKind, input.ground, input.application, input.nationality),
      fee,
    };
  }

  /** A renewal renews a right the person holds now, of the same kind. */
  async function checkRenewal(trx: DbExecutor, access: HandlerAccess, personId: string, input: Input): Promise<void> {
    if (input.application !== 'renewal') return;
    const held = await deps.rightsOf(trx, access, personId);
    if (!held.some((r) => r.kind === RIGHT_OF[input.permitKind]))
      invalid(
        'application',
        'This person holds no such permit to renew: this is a first application',
        'no-residence-right',
      );
  }

  function checkStatus(person: RegisteredPerson, path: string): void {
    if (person.deathDate) invalid(path, 'This person has died', 'not-for-status');
    if (NO_PERMIT_STATUSES.includes(person.legalStatus))
      invalid(path, 'This person needs no residence permit in Latvia', 'not-for-status');
  }

  /** A granted permit by its number (audited: a read of the holder's data). */
  async function read(actor: AuditActor, permitNumber: string, requestId?: string): Promise<GrantedPermitView> {
    return deps.db.transaction().execute(async (trx) => {
      const permit = await repository.permitByNumber(trx, permitNumber);
      if (!permit) throw new AppError('NOT_FOUND', `No residence permit ${permitNumber}`);
      await deps.audit.record(trx, {
        actor,
        action: 'read',
        purpose: 'case-processing',
        legalBasis: 'Imigrācijas likums',
        caseReference: permitNumber,
        subjectPersonId: permit.personId,
        resource: 'migration.residencePermit',
        touched: ['permit'],
        requestId: requestId ?? null,
      });
      return permitView(permit);
    });
  }

  return {
    /** The procedures of residence on the engine (registered by app.ts). */
    procedures(): CaseProcedure[] {
      const procedureDeps = {
        repository,
        today,
        now: deps.now,
        residenceRights: deps.residenceRights,
        register: deps.register,
        rightsHistory: deps.rightsHistory,
      };
      return [permitProcedure(RESIDENCE_PERMIT, procedureDeps), permitProcedure(EU_RESIDENCE, procedureDeps)];
    },

    /** What an application of a kind needs: its fee, the tiers offered, the deadline, the documents, the income asked for. */
    quote(q: z.output<typeof PermitQuoteQuery>) {
      // Quoted under the version in force today: the one an application lodged now is stamped with.
      const rules = permitRulesOn(q.permitKind, today());
      const problems = kindProblems(rules, q);
      if (problems.length) throw problemsError(problems);
      const fee = permitFee(rules, q.permitKind, q.ground, q.tier) as { amountCents: number; legalAct: string };
      const deadline = permitDeadlineOf({ ...q, nationality: q.nationality ?? '' });
      return {
        ...fee,
        tiers: tiersOf(rules, q.permitKind, q.ground),
        deadline: { unit: deadline.unit, limit: deadline.limit },
        documents: requiredDocuments(rules, q.permitKind, q.ground, q.application, q.nationality),
        monthlyIncomeNeededEur: incomeNeededEur(q.permitKind, q.ground, today()),
        // Only the threshold recorded for this year: none (null) rather than another year's.
        salaryThreshold: q.ground === 'blue-card' ? blueCardThresholdOf(today()) : null,
      };
    },

    /** An officer lodges an application at the desk; the fee is paid there in the same step. */
    async lodgeAtDesk(
      ctx: CaseActorContext,
      input: z.output<typeof DeskPermitApplication>,
      key?: string,
    ): Promise<CaseView> {
      const caseType = caseTypeOf(input.permitKind);
      if (ctx.kind !== 'staff' || !cases.staffMay(ctx, caseType, 'officer'))
        throw new AppError('FORBIDDEN', 'Only a migration officer lodges a residence application', {
          rule: { id: 'case.role-needed' },
        });
      // A renewal, a permanent permit and EU long-term status all rest on a stay the register already knows.
      if (!input.personId && needsRegisteredPerson(input.permitKind, input.application))
        invalid(
          'personId',
          'This application is for a person in the register: find them first',
          'registered-person-needed',
        );
      // Checked before the transaction (a quick refusal), then again under the version the case is stamped with.
      permitData(input, null, 'officer', { on: today(), rules: permitRulesOn(input.permitKind, today()) });
      return cases.openCase(ctx, caseType, key, input, async (trx, access, lodging) => {
        let person: { id: string; personalCode: string } | null = null;
        if (input.personId) {
          const found = await deps.personForCase(trx, access, input.personId);
          checkStatus(found, 'personId');
          await checkRenewal(trx, access, input.personId, input);
          person = { id: input.personId, personalCode: found.personalCode };
        }
        const data = permitData(input, person, 'officer', stamped(lodging));
        return {
          applicantPersonId: input.personId ?? null,
          applicantName: `${input.givenNames} ${input.surname}`,
          subject: data,
          touched: 'residence-application',
          language: input.language,
          contactEmail: input.contactEmail,
          documents: input.documents,
          branchId: ctx.kind === 'staff' ? ctx.branchId : '',
          channel: 'desk',
          followUps:
            data.fee.amountCents > 0
              ? [
                  {
                    kind: 'record-payment',
                    amountCents: data.fee.amountCents,
                    method: input.payment.method,
                    reference: `DESK-${input.payment.method.toUpperCase()}`,
                  },
                ]
              : [],
        };
      });
    },

    /** A registered foreigner applies online for themselves; who applies is the person as the register knows them. */
    async applyOnline(
      ctx: CaseActorContext,
      input: z.output<typeof OnlinePermitApplication>,
      key?: string,
    ): Promise<CaseView> {
      if (ctx.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
      const again = await repeated(ctx, key, input);
      if (again) return again;
      const branchId = await deps.onlineBranchId();
      let payerCode = '';
      let amountCents = 0;
      const view = await cases.openCase(ctx, caseTypeOf(input.permitKind), key, input, async (trx, access, lodging) => {
        const person = await deps.personForCase(trx, access, ctx.personId);
        checkStatus(person, 'permitKind');
        await checkRenewal(trx, access, ctx.personId, input);
        payerCode = person.personalCode;
        // The nationality is the register's, never the form's: an EU citizen among several registered citizenships counts as one.
        const eu = person.citizenships.find((c) => EU_EEA_CH.has(c));
        const nationality =
          (EU_CITIZEN_KINDS.includes(input.permitKind) ? eu : undefined) ?? person.citizenships[0] ?? 'XXX';
        const data = permitData(
          {
            ...input,
            givenNames: person.givenNames,
            surname: person.surname,
            sex: person.sex,
            birthDate: person.birthDate as PlainDate,
            nationality,
          },
          { id: ctx.personId, personalCode: person.personalCode },
          'applicant',
          stamped(lodging),
        );
        amountCents = data.fee.amountCents;
        return {
          applicantPersonId: ctx.personId,
          applicantName: `${person.givenNames} ${person.surname}`,
          subject: data,
          touched: 'residence-application',
          language: input.language,
          contactEmail: input.contactEmail,
          documents: input.documents,
          branchId,
          channel: 'portal',
        };
      });
      return payOnline(ctx, view, amountCents, payerCode);
    },

    read,

    /** A cancelled permit with its holder as the application named them, for the decision the holder is given (audited). */
    async cancellationDecision(actor: AuditActor, permitNumber: string, requestId?: string) {
      const permit = await read(actor, permitNumber, requestId);
      if (!permit.cancelled) throw new AppError('NOT_FOUND', `Residence permit ${permitNumber} is not cancelled`);
      const granted = await cases.byReference(deps.db, permitNumber);
      const d = granted?.subject as PermitData | undefined;
      const holder = d
        ? {
            name: `${d.givenNames} ${d.surname}`,
            birthDate: d.birthDate as string,
            nationality: d.nationality,
            travelDocument: d.travelDocument.number,
          }
        : null;
      return { permit: { ...permit, cancelled: permit.cancelled }, holder };
    },

    /**
     * A decision-maker cancels a granted permit from a day (Immigration Law; the article is not in the sources): the right to reside ends in the
     * register from that day, the card made for it becomes invalid, and the holder is told.
     */
    async cancel(
      ctx: CaseActorContext,
      permitNumber: string,
      input: { grounds: string[]; effectiveOn: string; reasoning: string },
    ): Promise<GrantedPermitView> {
      if (ctx.kind !== 'staff' || !hasPermission(ctx.roles, 'migration:cancel-permit'))
        throw new AppError('FORBIDDEN', 'Only a decision-maker cancels a residence permit', {
          rule: { id: 'case.role-needed' },
        });
      const on = input.effectiveOn as PlainDate;
      // A cancellation is a burdensome act: it takes effect once the holder is told (APL Art. 70), never for days already lived.
      if (compareDates(on, today()) < 0)
        invalid('effectiveOn', 'A permit is cancelled from today or a later day', 'before-today');
      const cancelled = await deps.db.transaction().execute(async (trx) => {
        const permit = await repository.permitByNumber(trx, permitNumber, true);
        const grantedBy = permit ? await cases.byReference(trx, permit.permitNumber) : undefined;
        if (!permit || !grantedBy || grantedBy.branchId !== ctx.branchId)
          throw new AppError('NOT_FOUND', `No residence permit ${permitNumber} of your branch`);
        if (permit.status !== 'valid')
          throw new AppError('INVALID_STATE', `Residence permit ${permitNumber} is already cancelled`, {
            rule: { id: 'permit.already-cancelled' },
          });
        if (permit.validUntil && compareDates(on, permit.validUntil as PlainDate) > 0)
          invalid('effectiveOn', `The permit ends on ${permit.validUntil}`, 'after-permit-end');
        const cancellation = {
          grounds: [...new Set(input.grounds)],
          reasoning: input.reasoning,
          on: on as string,
          by: ctx.name,
          byId: ctx.id,
          decidedOn: today() as string,
        };
        const access = { actor: ctx.audit, caseReference: permitNumber, requestId: ctx.requestId };
        await repository.cancelPermit(trx, permitNumber, cancellation);
        await deps.residenceRights.end(trx, access, permit.personId, {
          documentNumber: permitNumber,
          endsOn: on,
          legalBasis: CANCEL_BASIS,
          sourceDocument: `${permitNumber} (cancellation ${today()})`,
        });
        await deps.cards.invalidateCards(
          trx,
          access,
          permit.personId,
          on,
          permitNumber,
          `Residence permit ${permitNumber} cancelled`,
        );
        if (grantedBy.contactEmail) {
          await deps.notifications.enqueue(trx, [
            {
              eventKey: `permit:${permitNumber}:cancelled:${grantedBy.contactEmail}`,
              channel: 'email',
              recipient: grantedBy.contactEmail,
              language: grantedBy.language,
              template: 'permit-cancelled',
              params: { number: permitNumber, on },
            },
          ]);
        }
        await deps.audit.record(trx, {
          actor: ctx.audit,
          action: 'update',
          purpose: 'case-processing',
          legalBasis: CANCEL_BASIS,
          caseReference: permitNumber,
          subjectPersonId: permit.personId,
          resource: 'migration.residencePermit',
          touched: ['cancellation'],
          requestId: ctx.requestId ?? null,
        });
        return permitView({ ...permit, status: 'cancelled', cancelled: { ...cancellation, on: String(on) } });
      });
      await deps.afterCardsChanged();
      return cancelled;
    },
  };
}
export type PermitService = ReturnType<typeof createPermitService>;
