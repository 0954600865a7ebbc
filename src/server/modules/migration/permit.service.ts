/**
 * Use cases of residence: lodging an application at the desk (fee paid there; a first applicant need not be in
 * the register) or online (a registered foreigner, paying online), what an application needs, reading a
 * granted permit and cancelling one. The cases run on the engine; this module owns the permits it granted.
 */
import type { z } from 'zod';
import { AppError } from '../../http/app-error.ts';
import type { FieldReason } from '../../../shared/errors.ts';
import type { Db, DbExecutor } from '../../db/database.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { CaseActorContext, CaseProcedure, CasesService, HandlerAccess } from '../cases/index.ts';
import type { PaymentProvider } from '../../platform/payments.ts';
import type { CaseView } from '../../../shared/contracts/cases.contract.ts';
import type { DeskPermitApplication, OnlinePermitApplication, PermitQuoteQuery } from '../../../shared/contracts/residence-permits.contract.ts';
import type { GrantedPermitView, PermitKind } from '../../../shared/contracts/permit-subjects.ts';
import { compareDates, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import { hasPermission } from '../../../shared/kernel/permissions.ts';
import { incomeNeededEur, permitApplicationProblems, permitDeadline, permitFee, requiredDocuments, tiersOf } from './permit.rules.ts';
import { EU_RESIDENCE, permitProcedure, permitView, RESIDENCE_PERMIT, type PermitCardsPort, type PermitData, type PermitRegisterPort } from './permit-procedure.ts';
import { problemsError } from './visa-procedure.ts';
import { createOnlinePayment } from './online-payment.ts';
import type { MigrationRepository } from './migration.repository.ts';
import type { ResidenceRightsPort } from './visa-data.ts';
import type { RegisteredPerson } from './migration.service.ts';

export interface PermitServiceDeps {
  db: Db;
  today: () => PlainDate;
  audit: AuditService;
  cases: CasesService;
  repository: MigrationRepository;
  payments: PaymentProvider;
  notifications: NotificationsService;
  personForCase: (trx: DbExecutor, access: HandlerAccess, personId: string) => Promise<RegisteredPerson>;
  onlineBranchId: () => Promise<string>;
  residenceRights: ResidenceRightsPort;
  register: PermitRegisterPort;
  cards: PermitCardsPort;
  /** Once a cancellation committed: the documents' validity index learns of the invalid card. */
  afterCardsChanged: () => Promise<unknown>;
}

type Input = z.output<typeof DeskPermitApplication> | z.output<typeof OnlinePermitApplication>;

/** Latvia's citizens and non-citizens live here by their status, with no permit. */
const NO_PERMIT_STATUSES = ['citizen', 'non-citizen'];
const CANCEL_BASIS = 'Imigrācijas likums, 35. pants; Administratīvā procesa likums';

function invalid(path: string, message: string, reason: FieldReason): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message, reason }]);
}

const caseTypeOf = (kind: PermitKind) => (kind === 'eu-registration-certificate' || kind === 'eu-family-residence-card' ? EU_RESIDENCE : RESIDENCE_PERMIT).type;

export function createPermitService(deps: PermitServiceDeps) {
  const { cases, repository, today } = deps;
  const { payOnline, repeated } = createOnlinePayment(cases, deps.payments);

  /** The application as the case stores it, checked for admissibility; the fee of its tier. */
  function permitData(input: Input, personId: string | null): PermitData {
    const problems = permitApplicationProblems({
      permitKind: input.permitKind, ground: input.ground, application: input.application, tier: input.tier, nationality: input.nationality,
      travelDocumentValidUntil: input.travelDocument.validUntil as PlainDate, requestedUntil: (input.requestedUntil ?? null) as PlainDate | null,
    }, today());
    if (problems.length) throw problemsError(problems);
    const fee = permitFee(input.permitKind, input.ground, input.tier) as { amountCents: number; legalAct: string };
    return {
      permitKind: input.permitKind, ground: input.ground, application: input.application, tier: input.tier, personId, givenNames: input.givenNames, surname: input.surname, sex: input.sex,
      birthDate: input.birthDate as PlainDate, birthCountry: input.birthCountry, nationality: input.nationality, travelDocument: { ...input.travelDocument, validUntil: input.travelDocument.validUntil as PlainDate },
      requestedUntil: (input.requestedUntil ?? null) as PlainDate | null, sponsor: input.sponsor, monthlyIncomeEur: input.monthlyIncomeEur ?? null, addressInLatvia: input.addressInLatvia,
      enclosed: [...new Set(input.enclosed)], required: requiredDocuments(input.permitKind, input.ground, input.application), fee,
    };
  }

  function checkStatus(person: RegisteredPerson, path: string): void {
    if (person.deathDate) invalid(path, 'This person has died', 'not-for-status');
    if (NO_PERMIT_STATUSES.includes(person.legalStatus)) invalid(path, 'This person needs no residence permit in Latvia', 'not-for-status');
  }

  return {
    /** The procedures of residence on the engine (registered by app.ts). */
    procedures(): CaseProcedure[] {
      const procedureDeps = { repository, today, residenceRights: deps.residenceRights, register: deps.register };
      return [permitProcedure(RESIDENCE_PERMIT, procedureDeps), permitProcedure(EU_RESIDENCE, procedureDeps)];
    },

    /** What an application of a kind needs: its fee, the tiers offered, the deadline, the documents, the income asked for. */
    quote(q: z.output<typeof PermitQuoteQuery>) {
      const problems = permitApplicationProblems({ permitKind: q.permitKind, ground: q.ground, application: q.application, tier: q.tier, nationality: 'XXX', travelDocumentValidUntil: today(), requestedUntil: null }, today())
        .filter((p) => ['ground', 'tier', 'application'].includes(p.path));
      if (problems.length) throw problemsError(problems);
      const fee = permitFee(q.permitKind, q.ground, q.tier) as { amountCents: number; legalAct: string };
      const deadline = permitDeadline(q.tier);
      return {
        ...fee, tiers: tiersOf(q.permitKind, q.ground), deadline: { unit: deadline.unit as 'calendar-days' | 'working-days', limit: deadline.limit },
        documents: requiredDocuments(q.permitKind, q.ground, q.application), monthlyIncomeNeededEur: incomeNeededEur(q.permitKind, q.ground),
      };
    },

    /** An officer lodges an application at the desk; the fee is paid there in the same step. */
    async lodgeAtDesk(ctx: CaseActorContext, input: z.output<typeof DeskPermitApplication>, key?: string): Promise<CaseView> {
      const caseType = caseTypeOf(input.permitKind);
      if (ctx.kind !== 'staff' || !cases.staffMay(ctx, caseType, 'officer')) throw new AppError('FORBIDDEN', 'Only a migration officer lodges a residence application', { rule: { id: 'case.role-needed' } });
      if (input.application === 'renewal' && !input.personId) invalid('personId', 'A renewal is for a person in the register: find them first', 'unknown-person');
      const data = permitData(input, input.personId ?? null);
      return cases.openCase(ctx, caseType, key, input, async (trx, access) => {
        if (input.personId) checkStatus(await deps.personForCase(trx, access, input.personId), 'personId');
        return {
          applicantPersonId: input.personId ?? null, applicantName: `${input.givenNames} ${input.surname}`, subject: data, touched: 'residence-application', language: input.language,
          contactEmail: input.contactEmail, documents: input.documents, branchId: ctx.kind === 'staff' ? ctx.branchId : '', channel: 'desk',
          followUps: data.fee.amountCents > 0 ? [{ kind: 'record-payment', amountCents: data.fee.amountCents, method: input.payment.method, reference: `DESK-${input.payment.method.toUpperCase()}` }] : [],
        };
      });
    },

    /** A registered foreigner applies online for themselves; who applies is the person as the register knows them. */
    async applyOnline(ctx: CaseActorContext, input: z.output<typeof OnlinePermitApplication>, key?: string): Promise<CaseView> {
      if (ctx.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
      const again = await repeated(ctx, key, input);
      if (again) return again;
      const branchId = await deps.onlineBranchId();
      let payerCode = '';
      let amountCents = 0;
      const view = await cases.openCase(ctx, caseTypeOf(input.permitKind), key, input, async (trx, access) => {
        const person = await deps.personForCase(trx, access, ctx.personId);
        checkStatus(person, 'permitKind');
        payerCode = person.personalCode;
        const data = permitData({
          ...input, givenNames: person.givenNames, surname: person.surname, sex: person.sex, birthDate: person.birthDate as PlainDate, nationality: person.citizenships[0] ?? input.nationality,
        }, ctx.personId);
        amountCents = data.fee.amountCents;
        return {
          applicantPersonId: ctx.personId, applicantName: `${person.givenNames} ${person.surname}`, subject: data, touched: 'residence-application', language: input.language,
          contactEmail: input.contactEmail, documents: input.documents, branchId, channel: 'portal',
        };
      });
      return payOnline(ctx, view, amountCents, payerCode);
    },

    /** A granted permit by its number (audited: a read of the holder's data). */
    async read(actor: AuditActor, permitNumber: string, requestId?: string): Promise<GrantedPermitView> {
      return deps.db.transaction().execute(async (trx) => {
        const permit = await repository.permitByNumber(trx, permitNumber);
        if (!permit) throw new AppError('NOT_FOUND', `No residence permit ${permitNumber}`);
        await deps.audit.record(trx, {
          actor, action: 'read', purpose: 'case-processing', legalBasis: 'Imigrācijas likums', caseReference: permitNumber, subjectPersonId: permit.personId,
          resource: 'migration.residencePermit', touched: ['permit'], requestId: requestId ?? null,
        });
        return permitView(permit);
      });
    },

    /**
     * A decision-maker cancels a granted permit from a day (Immigration Law s.35): the right to reside ends in the
     * register from that day, the card made for it becomes invalid, and the holder is told.
     */
    async cancel(ctx: CaseActorContext, permitNumber: string, input: { grounds: string[]; effectiveOn: string; reasoning: string }): Promise<GrantedPermitView> {
      if (ctx.kind !== 'staff' || !hasPermission(ctx.roles, 'migration:cancel-permit')) throw new AppError('FORBIDDEN', 'Only a decision-maker cancels a residence permit', { rule: { id: 'case.role-needed' } });
      const on = input.effectiveOn as PlainDate;
      if (compareDates(on, today()) > 0) invalid('effectiveOn', 'The day cannot be in the future', 'future-date');
      const cancelled = await deps.db.transaction().execute(async (trx) => {
        const permit = await repository.permitByNumber(trx, permitNumber, true);
        const grantedBy = permit ? await cases.byReference(trx, permit.permitNumber) : undefined;
        if (!permit || !grantedBy || grantedBy.branchId !== ctx.branchId) throw new AppError('NOT_FOUND', `No residence permit ${permitNumber} of your branch`);
        if (permit.status !== 'valid') throw new AppError('INVALID_STATE', `Residence permit ${permitNumber} is already cancelled`, { rule: { id: 'permit.already-cancelled' } });
        if (compareDates(on, permit.validFrom as PlainDate) < 0) invalid('effectiveOn', `The permit holds from ${permit.validFrom}`, 'before-issue');
        if (permit.validUntil && compareDates(on, permit.validUntil as PlainDate) > 0) invalid('effectiveOn', `The permit ended on ${permit.validUntil}`, 'not-after-today');
        const cancellation = { grounds: [...new Set(input.grounds)], reasoning: input.reasoning, on: on as string, by: ctx.name, byId: ctx.id };
        const access = { actor: ctx.audit, caseReference: permitNumber, requestId: ctx.requestId };
        await repository.cancelPermit(trx, permitNumber, cancellation);
        await deps.residenceRights.end(trx, access, permit.personId, { documentNumber: permitNumber, endsOn: on, legalBasis: CANCEL_BASIS, sourceDocument: `${permitNumber} (cancellation ${today()})` });
        await deps.cards.invalidateCards(trx, access, permit.personId, on, `Residence permit ${permitNumber} cancelled`);
        if (grantedBy.contactEmail) {
          await deps.notifications.enqueue(trx, [{
            eventKey: `permit:${permitNumber}:cancelled:${grantedBy.contactEmail}`, channel: 'email', recipient: grantedBy.contactEmail, language: grantedBy.language, template: 'permit-cancelled',
            params: { number: permitNumber, on },
          }]);
        }
        await deps.audit.record(trx, {
          actor: ctx.audit, action: 'update', purpose: 'case-processing', legalBasis: CANCEL_BASIS, caseReference: permitNumber, subjectPersonId: permit.personId,
          resource: 'migration.residencePermit', touched: ['cancellation'], requestId: ctx.requestId ?? null,
        });
        return permitView({ ...permit, status: 'cancelled', cancelled: { ...cancellation, on: String(on) } });
      });
      await deps.afterCardsChanged();
      return cancelled;
    },
  };
}
export type PermitService = ReturnType<typeof createPermitService>;
