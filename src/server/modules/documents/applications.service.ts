/**
 * Use cases of a document application, on the case engine: the resident prepares one online and pays; the
 * officer at the desk takes one (or receives a prepared one) with the identity check, photo and fee in one
 * step; approved applications go to the personalization centre in a signed batch, whose confirmations make
 * them ready; the officer hands the document over and it is issued.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import { chargeKey, type PaymentProvider } from '../../platform/payments.ts';
import type { Signer } from '../../platform/signing.ts';
import type { AuditActor, AuditService } from '../audit/index.ts';
import type { CaseActorContext, CasesService, Lodging, ModuleActionInput } from '../cases/index.ts';
import type { RegisterService } from '../register/index.ts';
import { plainDateInZone, type PlainDate } from '../../../shared/kernel/plain-date.ts';
import type { FieldReason } from '../../../shared/errors.ts';
import type { CASE_STATUSES, CaseView, UploadInput } from '../../../shared/contracts/cases.contract.ts';
import type { DocumentType } from '../../../shared/contracts/documents.contract.ts';
import type { z } from 'zod';
import type {
  DeskApplicationRequest,
  OnlineApplicationRequest,
} from '../../../shared/contracts/document-applications.contract.ts';
import { feeFor, feeUnder, photoProblem, readyDate, type FeePeriod, type Tier } from './application-rules.ts';
import type { DocumentRuleVersion } from './application-rule-versions/index.ts';
import type { DocumentApplicationData } from './application-handler.ts';
import { documentTypesFor } from './document-rules.ts';
import type { DocumentsService } from './documents.service.ts';
import type { DocumentsRepository } from './documents.repository.ts';

type CaseStatus = (typeof CASE_STATUSES)[number];

const CASE_TYPE = 'document-application';
const EXPORT_FORMAT = 'civitas.production-order.v1';
/** The law under which a holder's data goes to the personalization centre to make the document. */
const PRODUCTION_LEGAL_BASIS =
  'Personu apliecinošu dokumentu likums; Ministru kabineta 2012. gada 21. februāra noteikumi Nr. 134';

type Staff = Extract<CaseActorContext, { kind: 'staff' }>;
type Resident = Extract<CaseActorContext, { kind: 'resident' }>;
type Identity = {
  method: 'identity-document' | 'biometric-match' | 'parent-present';
  documentNumber?: string | undefined;
};

export interface ApplicationsDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  audit: AuditService;
  cases: CasesService;
  documents: DocumentsService;
  register: RegisterService;
  repository: DocumentsRepository;
  feeTable: readonly FeePeriod[];
  payments: PaymentProvider;
  signer: Signer;
  batchMax: number;
  /** Branches that hand out documents (identity): the Latvian name, and the English one for English pages. */
  branches: () => Promise<Array<{ id: string; name: string; nameEn: string }>>;
}

function invalid(path: string, message: string, reason?: FieldReason): never {
  throw new AppError('VALIDATION_FAILED', message, [{ path, message, ...(reason ? { reason } : {}) }]);
}

/**
 * The reasoning of the desk's proposal, in Latvian: like an officer's reasoning and a cited act, it is the
 * legal record in the office's language and is shown as written on every page and in the decision (decision
 * 0026). It says what the desk did: the photo taken there or the one uploaded online checked, the fee paid
 * there or already online.
 */
export function deskReasoning(v: { photoTaken: boolean; fee: DeskFee }): string {
  const photo = v.photoTaken ? 'fotoattēls uzņemts' : 'tiešsaistē iesniegtais fotoattēls pārbaudīts';
  return `Pieteikums pieņemts klātienē: personas identitāte pārbaudīta, ${photo}, ${DESK_FEE_WORDS[v.fee]}.`;
}

/** How the fee was settled when the desk took the application. */
type DeskFee = 'desk' | 'online' | 'rest-at-desk' | 'none';
const DESK_FEE_WORDS: Record<DeskFee, string> = {
  desk: 'valsts nodeva samaksāta',
  online: 'valsts nodeva samaksāta tiešsaistē',
  // A move of rules raised the fee after it was paid online: the rest was paid at the desk.
  'rest-at-desk': 'valsts nodeva samaksāta daļēji tiešsaistē, pārējā daļa klātienē',
  none: 'valsts nodeva nav jāmaksā',
};

export function createApplicationsService(deps: ApplicationsDeps) {
  const { db, clock, cases, documents, register, repository } = deps;
  const today = (): PlainDate => plainDateInZone(clock.now(), deps.timeZone);
  const cents = (n: number) => (n / 100).toFixed(2);

  /** A photo that cannot be printed is refused with the reason, before anything is stored. */
  function checkPhoto(photo: UploadInput | undefined, path: string): void {
    if (!photo) return;
    const problem = photoProblem(Buffer.from(photo.contentBase64, 'base64'));
    const messages = {
      'photo-format': 'The photo must be a JPEG or PNG image',
      'photo-too-small': 'The photo must be at least 413 × 531 pixels',
      'photo-proportions': 'The photo must be 35 × 45 mm in proportion (7 : 9)',
    };
    if (problem) invalid(`${path}.contentBase64`, messages[problem], problem);
  }

  /**
   * The holder's facts through the register's audit gate. An audit entry joins the hash chain, which needs a
   * transaction of its own (outside one, two concurrent reads took the same place in the chain).
   */
  function holderOf(actor: AuditActor, personId: string) {
    const ctx = {
      actor,
      channel: actor.type === 'resident' ? ('portal' as const) : ('desk' as const),
      reason: 'Personu apliecinoša dokumenta pieteikums',
    };
    return db
      .transaction()
      .execute((trx) => deps.audit.deferredIn(trx, () => register.documentHolder(trx, ctx, personId)));
  }

  /** The document presented at the desk must prove who the person is. */
  async function checkIdentity(personId: string, identity: Identity, path: string): Promise<void> {
    if (identity.method !== 'identity-document' || !identity.documentNumber) return;
    const problem = await documents.identityDocumentProblem(personId, identity.documentNumber);
    if (problem) invalid(`${path}.documentNumber`, problem, 'identity-document-invalid');
  }

  /**
   * The documents a holder may apply for on a day: those their legal status allows (Cabinet Reg. No. 134) and the
   * fee table prices. One rule for the portal's choices and the desk's; the application itself is refused on the
   * same grounds (`applicationData`).
   */
  function typesOnOffer(
    holder: { legalStatus: string; birthDate: string; deathDate: string | null },
    on: PlainDate,
  ): DocumentType[] {
    if (holder.deathDate) return [];
    return documentTypesFor(holder.legalStatus).filter((type) =>
      feeFor(deps.feeTable, { type, tier: 'standard', appliedOn: on, birthDate: holder.birthDate as PlainDate }),
    );
  }

  /** What the case stores: the holder (audited read), the type their status allows, the fee in force today. */
  async function applicationData(
    actor: AuditActor,
    input: {
      personId: string;
      documentType: DocumentType;
      tier: Tier;
      reason: DocumentApplicationData['reason'];
      reducedGround?: 'pensioner' | 'disability' | undefined;
      explanation: string;
      pickupBranchId: string;
    },
  ): Promise<DocumentApplicationData> {
    const holder = await holderOf(actor, input.personId);
    if (holder.deathDate) {
      throw new AppError('INVALID_STATE', `${holder.givenNames} ${holder.surname} died on ${holder.deathDate}`, {
        rule: {
          id: 'register.person-dead',
          values: { name: `${holder.givenNames} ${holder.surname}`, deathDate: holder.deathDate },
        },
      });
    }
    if (!documentTypesFor(holder.legalStatus).includes(input.documentType))
      invalid(
        'documentType',
        `A person with legal status ${holder.legalStatus} cannot hold this document`,
        'not-for-status',
      );
    const fee = feeFor(deps.feeTable, {
      type: input.documentType,
      tier: input.tier,
      appliedOn: today(),
      birthDate: holder.birthDate as PlainDate,
      ground: input.reducedGround,
    });
    if (!fee)
      invalid('documentType', 'The fee table has no fee for this document: it is applied for at a branch', 'no-fee');
    const open = await cases.openCasesOf(input.personId, CASE_TYPE);
    for (const c of open) {
      const view = await cases.stateOf(db, c.id);
      if ((view?.row.subject as DocumentApplicationData | undefined)?.documentType === input.documentType) {
        invalid('documentType', `Application ${c.reference} for this document is still open`, 'application-open');
      }
    }
    const branch = (await deps.branches()).find((b) => b.id === input.pickupBranchId);
    // Only the office's own branches hand documents over (not a partner's office, such as a municipality's).
    if (!branch)
      throw new AppError('VALIDATION_FAILED', 'Documents are not handed over at this branch', [
        {
          path: 'pickupBranchId',
          message: 'Documents are not handed over at this branch',
          key: 'documents.application.pickupNotOffered',
        },
      ]);
    return {
      personId: holder.id,
      personalCode: holder.personalCode,
      personName: `${holder.givenNames} ${holder.surname}`,
      documentType: input.documentType,
      tier: input.tier,
      fee,
      reason: input.reason,
      pickupBranchId: branch.id,
      pickupBranchName: branch.name,
      explanation: input.explanation,
    };
  }

  /**
   * The application with the fee of the version the case is stamped with: quoted before the transaction from the
   * table, quoted again under `lodging.rules` so the fee and the stamp never disagree (a request across midnight
   * of a fee change). The reduction ground stays the one judged on the day.
   */
  function stampedFee(data: DocumentApplicationData, lodging: Lodging): DocumentApplicationData {
    const fee = feeUnder(lodging.rules as DocumentRuleVersion, data.documentType, data.tier, data.fee.reducedFor);
    if (!fee)
      invalid('documentType', 'The fee table has no fee for this document: it is applied for at a branch', 'no-fee');
    return { ...data, fee };
  }

  /** The steps the desk takes with the applicant present: the fee if unpaid, the identity check with the photo, the proposal to issue. */
  function deskSteps(
    staff: Staff,
    data: DocumentApplicationData,
    v: {
      identity: Identity;
      photo: UploadInput | null;
      photoDocumentId?: string | undefined;
      payment?: { method: 'card' | 'cash' } | undefined;
      /** What has been paid already (online; less than the fee when a move of rules raised it). */
      paidCents: number;
      propose: boolean;
    },
  ): ModuleActionInput[] {
    const steps: ModuleActionInput[] = [];
    const owed = data.fee.amountCents - v.paidCents;
    // A desk payment's reference is the receipt number the till prints.
    if (owed > 0) {
      if (!v.payment) invalid('payment', `The fee of ${cents(owed)} EUR is not paid yet`, 'fee-not-paid');
      steps.push({
        kind: 'record-payment',
        amountCents: owed,
        method: v.payment.method,
        reference: `DESK-${randomUUID().slice(0, 8).toUpperCase()}`,
      });
    }
    steps.push({
      kind: 'accept-in-person',
      identityMethod: v.identity.method,
      identityDocumentNumber: v.identity.documentNumber ?? null,
      photo: v.photo,
      ...(v.photoDocumentId ? { photoDocumentId: v.photoDocumentId } : {}),
    });
    if (v.propose)
      steps.push({
        kind: 'propose-decision',
        outcome: 'accept',
        // The desk proposes what it took in person where every check passes; where one fails, an officer
        // proposes from the case page, with the reason the grant stands all the same (or refuses).
        onlyIfChecksPass: true,
        reasoning: deskReasoning({
          photoTaken: Boolean(v.photo),
          fee: owed > 0 ? (v.paidCents > 0 ? 'rest-at-desk' : 'desk') : data.fee.amountCents > 0 ? 'online' : 'none',
        }),
      });
    return steps;
  }

  async function batchView(batchId: string) {
    const batch = await repository.batchById(db, batchId);
    if (!batch) throw new AppError('NOT_FOUND', `No production batch ${batchId}`);
    const items = await repository.itemsOf(db, batchId);
    return {
      id: batch.id,
      reference: batch.reference,
      createdAt: batch.createdAt,
      createdBy: batch.createdBy,
      itemCount: batch.itemCount,
      keyId: batch.keyId,
      confirmedAt: batch.confirmedAt,
      produced: items.filter((i) => i.result === 'produced').length,
      failed: items.filter((i) => i.result === 'failed').length,
      items: items.map((i) => ({
        caseId: i.caseId,
        caseReference: i.caseReference,
        documentType: i.documentType as DocumentType,
        documentNumber: i.documentNumber,
        result: i.result,
        resultReason: i.resultReason,
      })),
    };
  }

  return {
    /** For whom the resident may apply, which documents each may hold, and the fees in force today. */
    async options(ctx: Resident) {
      const on = today();
      const subjects = await register.subjects(ctx.personId);
      const out = [];
      for (const s of subjects) {
        const holder = await holderOf(ctx.audit, s.personId);
        const types = typesOnOffer(holder, on);
        out.push({
          personId: s.personId,
          name: `${s.givenNames} ${s.surname}`,
          relation: s.relation,
          documentTypes: types.map((type) => ({
            type,
            fees: {
              standard:
                feeFor(deps.feeTable, {
                  type,
                  tier: 'standard',
                  appliedOn: on,
                  birthDate: holder.birthDate as PlainDate,
                }) ?? null,
              urgent:
                feeFor(deps.feeTable, {
                  type,
                  tier: 'urgent',
                  appliedOn: on,
                  birthDate: holder.birthDate as PlainDate,
                }) ?? null,
            },
          })),
        });
      }
      return {
        subjects: out,
        branches: await deps.branches(),
        readyOn: { standard: readyDate(on, 'standard'), urgent: readyDate(on, 'urgent') },
      };
    },

    /** The resident prepares an application for themselves, a minor child or a ward; it waits for the desk visit. */
    async applyOnline(
      ctx: Resident,
      input: z.output<typeof OnlineApplicationRequest>,
      key?: string,
    ): Promise<CaseView> {
      const earlier = await cases.storedAnswer(ctx, key, input);
      if (earlier) return earlier;
      const subjectId = input.subjectPersonId ?? ctx.personId;
      const subject = (await register.subjects(ctx.personId)).find((s) => s.personId === subjectId);
      if (!subject)
        invalid(
          'subjectPersonId',
          'You may apply only for yourself, your minor child or your ward',
          'not-your-subject',
        );
      checkPhoto(input.photo, 'photo');
      const quoted = await applicationData(ctx.audit, { ...input, personId: subjectId });
      return cases.openCase(ctx, CASE_TYPE, key, input, async (_trx, _access, lodging) => {
        const data = stampedFee(quoted, lodging);
        return {
          applicantPersonId: subjectId,
          applicantName: data.personName,
          subject: data,
          touched: 'document-application',
          language: input.language,
          contactEmail: input.contactEmail,
          documents: input.photo ? [{ ...input.photo, kind: 'photo' }] : [],
          branchId: input.pickupBranchId,
          channel: 'portal',
          filedBy:
            subject.relation === 'self'
              ? undefined
              : { personId: ctx.personId, name: ctx.name, kind: subject.relation === 'child' ? 'parent' : 'guardian' },
        };
      });
    },

    /**
     * The resident pays the fee through the payment provider; the provider's reference is recorded with the case. A
     * repeat under the same Idempotency-Key gets the answer already given and is never charged again.
     */
    async payOnline(ctx: Resident, caseId: string, expectedVersion: number, key?: string): Promise<CaseView> {
      const request = { pay: caseId, expectedVersion };
      const earlier = await cases.storedAnswer(ctx, key, request);
      if (earlier) return earlier;
      const view = await cases.readCase(ctx, caseId);
      if (view.subject.kind !== 'document-application')
        throw new AppError('NOT_FOUND', `No document application ${caseId} of yours`);
      // What is owed: the fee, or the rest a move of rules added after a payment.
      const owed = view.subject.fee.amountCents - (view.subject.payment?.amountCents ?? 0);
      if (owed <= 0)
        throw new AppError('INVALID_STATE', 'The fee is already paid', { rule: { id: 'case.fee-already-paid' } });
      if (view.version !== expectedVersion)
        throw new AppError('CONFLICT', 'The application changed since you opened it; reload and try again', {
          rule: { id: 'case.stale-version' },
        });
      // Keyed by the case's state, not the request: a retry after a charge whose record failed (the case was
      // busy, or moved meanwhile) asks the same charge again and the provider does not take it twice.
      const recorded = view.timeline.filter((a) => a.kind === 'record-payment').length;
      const charged = await deps.payments.charge({
        amountCents: owed,
        description: view.reference,
        payerCode: view.subject.personalCode,
        idempotencyKey: chargeKey(caseId, recorded, owed),
      });
      return cases.takeModuleActions(
        ctx,
        caseId,
        expectedVersion,
        [
          {
            kind: 'record-payment',
            amountCents: owed,
            method: 'online',
            reference: charged.reference,
          },
        ],
        key,
        request,
      );
    },

    /**
     * A person's open applications for the desk: this branch's in full (each read is the case engine's
     * audited read); another branch's (the applicant chose to collect there) by reference, status and branch,
     * so the desk can send the applicant there instead of meeting an unexplained "application open". And the
     * documents the person may apply for today, so the desk offers only those (the holder's audited read).
     */
    async ofPerson(
      ctx: Staff,
      personId: string,
    ): Promise<{
      applications: CaseView[];
      elsewhere: Array<{ reference: string; status: CaseStatus; branch: string }>;
      documentTypes: DocumentType[];
    }> {
      const open = await cases.openCasesOf(personId, CASE_TYPE);
      const applications: CaseView[] = [];
      const elsewhere: Array<{ reference: string; status: CaseStatus; branch: string }> = [];
      const branches = open.some((c) => c.branchId !== ctx.branchId) ? await deps.branches() : [];
      for (const c of open) {
        if (c.branchId === ctx.branchId) applications.push(await cases.readCase(ctx, c.id));
        else
          elsewhere.push({
            reference: c.reference,
            status: c.status as CaseStatus,
            branch: branches.find((b) => b.id === c.branchId)?.name ?? c.branchId,
          });
      }
      const documentTypes = typesOnOffer(await holderOf(ctx.audit, personId), today());
      return { applications, elsewhere, documentTypes };
    },

    /** The desk flow in one step: the person found, identity checked, application taken, photo, fee, submitted and proposed. */
    async applyAtDesk(ctx: Staff, input: z.output<typeof DeskApplicationRequest>, key?: string): Promise<CaseView> {
      const earlier = await cases.storedAnswer(ctx, key, input);
      if (earlier) return earlier;
      checkPhoto(input.photo, 'photo');
      await checkIdentity(input.personId, input.identity, 'identity');
      const quoted = await applicationData(ctx.audit, { ...input, pickupBranchId: ctx.branchId });
      return cases.openCase(ctx, CASE_TYPE, key, input, async (_trx, _access, lodging) => {
        const data = stampedFee(quoted, lodging);
        return {
          applicantPersonId: input.personId,
          applicantName: data.personName,
          subject: data,
          touched: 'document-application',
          language: input.language,
          contactEmail: input.contactEmail,
          documents: [],
          branchId: ctx.branchId,
          channel: 'desk',
          followUps: deskSteps(ctx, data, {
            identity: input.identity,
            photo: input.photo,
            payment: input.payment,
            paidCents: 0,
            propose: input.propose,
          }),
        };
      });
    },

    /** Receives an application prepared online: the applicant is at the desk. */
    async receive(
      ctx: Staff,
      caseId: string,
      input: {
        expectedVersion: number;
        identity: Identity;
        photo?: UploadInput | undefined;
        payment?: { method: 'card' | 'cash' } | undefined;
        propose: boolean;
      },
      key?: string,
    ): Promise<CaseView> {
      const view = await cases.readCase(ctx, caseId);
      if (view.subject.kind !== 'document-application')
        throw new AppError('NOT_FOUND', `No document application ${caseId}`);
      if (view.status !== 'prepared')
        throw new AppError('INVALID_STATE', `The application was already received (${view.status})`, {
          rule: {
            id: 'application.already-received',
            values: { caseStatus: view.status, caseType: 'document-application' },
          },
        });
      checkPhoto(input.photo, 'photo');
      const online = view.documents.find((d) => d.kind === 'photo');
      if (!input.photo && !online) invalid('photo', 'Take the applicant’s photo', 'photo-missing');
      await checkIdentity(view.subject.personId, input.identity, 'identity');
      const data = (await cases.stateOf(db, caseId))?.row.subject as DocumentApplicationData;
      const steps = deskSteps(ctx, data, {
        identity: input.identity,
        photo: input.photo ?? null,
        photoDocumentId: input.photo ? undefined : online?.id,
        payment: input.payment,
        paidCents: view.subject.payment?.amountCents ?? 0,
        propose: input.propose,
      });
      return cases.takeModuleActions(ctx, caseId, input.expectedVersion, steps, key);
    },

    /** Hands the made document over: the holder's identity confirmed; the document is issued in the same transaction. */
    async handOver(
      ctx: Staff,
      caseId: string,
      input: { expectedVersion: number; identity: Identity; receivedBy: string },
      key?: string,
    ): Promise<CaseView> {
      const view = await cases.readCase(ctx, caseId);
      if (view.subject.kind !== 'document-application')
        throw new AppError('NOT_FOUND', `No document application ${caseId}`);
      const production = view.subject.production;
      if (view.status !== 'ready' || !production?.confirmed)
        throw new AppError('INVALID_STATE', 'The document is not ready for pickup', {
          rule: { id: 'application.not-ready-for-pickup' },
        });
      // The document being handed over is not proof of identity: the earlier one is (it is replaced on issue).
      await checkIdentity(view.subject.personId, input.identity, 'identity');
      const after = await cases.takeModuleActions(
        ctx,
        caseId,
        input.expectedVersion,
        [
          {
            kind: 'hand-over',
            documentId: randomUUID(),
            documentNumber: production.documentNumber,
            identityMethod: input.identity.method,
            identityDocumentNumber: input.identity.documentNumber ?? null,
            receivedBy: input.receivedBy,
          },
        ],
        key,
      );
      await documents.refreshIndex();
      return after;
    },

    async batches() {
      const rows = await repository.recentBatches(db, 50);
      const waiting = await cases.countInStatus(CASE_TYPE, 'accepted');
      return {
        waiting,
        batches: rows.map((b) => ({ ...b, produced: Number(b.produced ?? 0), failed: Number(b.failed ?? 0) })),
      };
    },

    batch: batchView,

    /**
     * Orders the approved applications' documents from the personalization centre. Each gets the next number
     * of its type's series (reserved first, in statements of their own: a number is never reused); then one
     * transaction records the batch, its items and each case's `order-production`, and stores the signed
     * export. The same Idempotency-Key returns the same batch.
     */
    async createBatch(ctx: Staff, key?: string) {
      if (key) {
        const earlier = await repository.batchByKey(db, key);
        if (earlier) return batchView(earlier.id);
      }
      const candidates = await cases.casesInStatus(db, CASE_TYPE, 'accepted', deps.batchMax);
      if (candidates.length === 0)
        throw new AppError('INVALID_STATE', 'No approved application waits for production', {
          rule: { id: 'application.none-awaiting-production' },
        });
      const numbered: Array<(typeof candidates)[number] & { data: DocumentApplicationData; number: string }> = [];
      for (const c of candidates) {
        const data = c.subject as unknown as DocumentApplicationData;
        numbered.push({ ...c, data, number: await documents.reserveNumber(data.documentType) });
      }
      const batchId = randomUUID();
      const issuedOn = today();
      const createdAt = clock.now().toISOString();
      const reference = `PB-${issuedOn.replaceAll('-', '')}-${batchId.slice(0, 6).toUpperCase()}`;
      const system = { id: 'production', audit: ctx.audit, requestId: ctx.requestId };
      await db.transaction().execute((trx) =>
        deps.audit.deferredIn(trx, async () => {
          const items = [];
          const exported = [];
          for (const c of numbered) {
            const access = {
              audit: ctx.audit,
              branchId: ctx.branchId,
              caseReference: c.reference,
              requestId: ctx.requestId,
            };
            const current = await cases.stateOf(trx, c.id);
            // Withdrawn or ordered by someone else meanwhile: its reserved number stays unused.
            if (!current || current.row.status !== 'accepted' || !current.state.photoDocumentId) continue;
            let facts;
            try {
              facts = await documents.holderFacts(trx, access, {
                personId: c.data.personId,
                type: c.data.documentType,
                number: c.number,
                issuedOn,
              });
            } catch (error) {
              // The holder died or changed status since the approval: the application waits for an officer.
              if (error instanceof AppError) continue;
              throw error;
            }
            const photo = await cases.documentIn(trx, c.id, current.state.photoDocumentId);
            await cases.appendSystemAction(trx, system, c.id, {
              kind: 'order-production',
              batchId,
              documentNumber: c.number,
            });
            items.push({
              batchId,
              caseId: c.id,
              caseReference: c.reference,
              documentType: c.data.documentType,
              documentNumber: c.number,
              personId: c.data.personId,
              issuedOn,
              validUntil: facts.validUntil,
            });
            exported.push({
              applicationReference: c.reference,
              documentType: c.data.documentType,
              documentNumber: c.number,
              issuedOn,
              validUntil: facts.validUntil,
              holder: {
                surname: facts.holder.surname,
                givenNames: facts.holder.givenNames,
                sex: facts.holder.sex,
                birthDate: facts.holder.birthDate,
                personalCode: facts.holder.personalCode,
                nationality: facts.nationality,
              },
              mrz: facts.mrz,
              pickupBranch: c.data.pickupBranchName,
              photo: photo
                ? {
                    mediaType: photo.mediaType,
                    sha256: photo.sha256,
                    contentBase64: Buffer.from(photo.content).toString('base64'),
                  }
                : null,
            });
          }
          if (items.length === 0)
            throw new AppError('INVALID_STATE', 'No approved application waits for production', {
              rule: { id: 'application.none-awaiting-production' },
            });
          const payload = {
            format: EXPORT_FORMAT,
            batch: { id: batchId, reference, createdAt, orderedBy: ctx.name },
            items: exported,
          };
          await repository.insertBatch(trx, {
            id: batchId,
            reference,
            createdAt,
            createdBy: ctx.name,
            idempotencyKey: key ?? null,
            itemCount: items.length,
            keyId: await deps.signer.keyId(),
            signedExport: await deps.signer.sign(payload),
            confirmedAt: null,
          });
          await repository.insertItems(trx, items);
        }),
      );
      return batchView(batchId);
    },

    /**
     * The stored signed export: the same bytes on every request. It carries each holder's name, personal code,
     * birth date, MRZ and photo, so every download is a use of each holder's data: one entry per item, under
     * the application's reference, all group-committed in one statement before the bytes leave.
     */
    async exportBatch(
      access: { audit: AuditActor; requestId?: string | undefined },
      batchId: string,
    ): Promise<{ reference: string; body: string }> {
      const batch = await repository.batchById(db, batchId);
      if (!batch) throw new AppError('NOT_FOUND', `No production batch ${batchId}`);
      const items = await repository.itemsOf(db, batchId);
      await deps.audit.recordManyCommitted(
        items.map((item) => ({
          actor: access.audit,
          action: 'export',
          purpose: 'document-production',
          legalBasis: PRODUCTION_LEGAL_BASIS,
          caseReference: item.caseReference,
          subjectPersonId: item.personId,
          resource: 'documents.productionBatch',
          touched: ['name', 'personalCode', 'birthDate', 'sex', 'nationality', 'mrz', 'photo'],
          requestId: access.requestId ?? null,
        })),
      );
      return { reference: batch.reference, body: batch.signedExport };
    },

    /**
     * The centre's answer per document number. A made document makes its application ready for pickup; a
     * spoiled one sends it back to wait for the next batch (its number is never used again). Repeating an
     * answer changes nothing; contradicting one is refused.
     */
    async confirm(
      ctx: { audit: AuditActor; requestId?: string | undefined },
      batchId: string,
      input: { items: Array<{ documentNumber: string; result: 'produced' | 'failed'; reason?: string | undefined }> },
    ) {
      const at = clock.now().toISOString();
      const system = { id: 'personalization-centre', audit: ctx.audit, requestId: ctx.requestId };
      await db.transaction().execute((trx) =>
        deps.audit.deferredIn(trx, async () => {
          const batch = await repository.batchById(trx, batchId, true);
          if (!batch) throw new AppError('NOT_FOUND', `No production batch ${batchId}`);
          const items = new Map((await repository.itemsOf(trx, batchId)).map((i) => [i.documentNumber, i]));
          for (const [i, answer] of input.items.entries()) {
            const item = items.get(answer.documentNumber);
            if (!item)
              invalid(
                `items.${i}.documentNumber`,
                `Document ${answer.documentNumber} is not in batch ${batch.reference}`,
                'unknown-number',
              );
            if (item.result === answer.result) continue;
            if (item.result !== 'ordered') {
              throw new AppError('CONFLICT', `Document ${answer.documentNumber} was already confirmed ${item.result}`, {
                details: [{ path: `items.${i}.result`, message: `already ${item.result}` }],
                rule: {
                  id: 'application.production-already-confirmed',
                  values: { documentNumber: answer.documentNumber, result: item.result },
                },
              });
            }
            await repository.setItemResult(trx, batchId, answer.documentNumber, {
              result: answer.result,
              reason: answer.reason ?? null,
              at,
            });
            await cases.appendSystemAction(
              trx,
              system,
              item.caseId,
              answer.result === 'produced'
                ? { kind: 'confirm-production', batchId, documentNumber: answer.documentNumber }
                : {
                    kind: 'fail-production',
                    batchId,
                    documentNumber: answer.documentNumber,
                    reason: answer.reason ?? 'spoiled',
                  },
            );
            item.result = answer.result;
          }
          await repository.markBatchConfirmed(trx, batchId, at);
        }),
      );
      return batchView(batchId);
    },

    signingKey: () => deps.signer.publicJwk(),
  };
}
export type ApplicationsService = ReturnType<typeof createApplicationsService>;
