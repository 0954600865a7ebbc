/**
 * Use cases of the documents module: issuing a document (its number from the type's series, validity by
 * age, the MRZ, the earlier document of the kind replaced), invalidating one (lost, stolen, damaged …),
 * the public validity check, a person's documents, and the partners' change feed. Every change writes
 * its feed row and audit entry in its own transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import { createKeyedLookup } from '../../platform/batcher.ts';
import type { AuditAction, AuditActor, AuditPurpose, AuditService } from '../audit/index.ts';
import { CARD_RIGHTS, type LifeEventHook, type RegisterService } from '../register/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import { translate, type MessageKey } from '../../platform/messages.ts';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  plainDateInZone,
  toEpochDay,
  type PlainDate,
} from '../../../shared/kernel/plain-date.ts';
import type { FieldReason } from '../../../shared/errors.ts';
import type {
  DocumentType,
  DocumentView,
  InvalidationReason,
  ValidityAnswer,
} from '../../../shared/contracts/documents.contract.ts';
import {
  DOCUMENT_RULES,
  documentMrz,
  documentTypesFor,
  mrzNationality,
  validityOn,
  validUntilByAge,
} from './document-rules.ts';
import type { DocumentRow, DocumentsRepository } from './documents.repository.ts';
import { ValidityIndex } from './validity-index.ts';

/** Holders hear of an expiring document this many days ahead (about three months). */
const EXPIRY_NOTICE_DAYS = 90;

/** A refresh re-reads the changes of this long before the last one, so a transaction that committed late is not missed. */
const REFRESH_OVERLAP_MS = 60_000;
const LOAD_PAGE = 50_000;

/** Register facts printed on a document (name, personal code, legal status and so nationality). */
const PRINTED_FACTS = ['name', 'code', 'status'];

const LEGAL_BASIS = 'Personu apliecinošu dokumentu likums; Ministru kabineta 2012. gada 21. februāra noteikumi Nr. 134';

/** Who acts: staff at a branch, a resident, or the system (a register event). */
export interface DocumentsActor {
  audit: AuditActor;
  branchId: string | null;
  caseReference?: string | undefined;
  reason?: string | undefined;
  requestId?: string | undefined;
}

export interface DocumentsDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  audit: AuditService;
  register: RegisterService;
  repository: DocumentsRepository;
  numberPrefixes: Readonly<Record<string, string>>;
  mrzNationality: Readonly<Record<string, string>>;
  /** A branch's name for the screens (identity). */
  branchName: (branchId: string) => Promise<string | null>;
  notifications: NotificationsService;
  /** Where holders want the office's reminders (identity: the resident's own setting). */
  contactsOf: (personIds: readonly string[]) => Promise<Map<string, { email: string; language: 'lv' | 'en' }>>;
}

/**
 * A residence permit card is valid for the term of the permit behind it (the register's right to reside that holds
 * on the day of issue); a card of a right without end for five years (Dir. 2003/109 Art. 8(2)). No permit, no card.
 */
function decidedValidity(permit: { validUntil: string | null } | null, issuedOn: PlainDate): PlainDate {
  if (!permit) {
    const message = 'No residence permit holds for this person today: a card is made only for a granted permit';
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'type', message, reason: 'no-residence-right' }]);
  }
  return (permit.validUntil as PlainDate | null) ?? addDays(addMonthsClamped(issuedOn, 60), -1);
}

export function createDocumentsService(deps: DocumentsDeps) {
  const { db, clock, audit, register, repository } = deps;
  const today = (): PlainDate => plainDateInZone(clock.now(), deps.timeZone);

  function invalid(path: string, message: string, reason?: FieldReason): never {
    throw new AppError('VALIDATION_FAILED', message, [{ path, message, ...(reason ? { reason } : {}) }]);
  }

  // The public check answers from memory once the index is loaded (decision 0019) ...
  const index = new ValidityIndex(deps.numberPrefixes);
  let indexReady = false;
  let lastRefresh: number | undefined;
  // ... and from the database before that, or for numbers of another form: checks arriving together share one query.
  const validityOf = createKeyedLookup<
    string,
    Pick<DocumentRow, 'number' | 'documentType' | 'validUntil' | 'invalidatedOn'>
  >(async (numbers) => new Map((await repository.validityByNumbers(db, numbers)).map((r) => [r.number, r])));

  /** The reader's view of a document. Called after the transaction: the branch name is another module's read (one connection, embedded). */
  async function view(row: DocumentRow, on: PlainDate, withMrz: boolean): Promise<DocumentView> {
    const v = validityOn(row, on);
    return {
      id: row.id,
      type: row.documentType as DocumentType,
      number: row.number,
      issuedOn: row.issuedOn,
      validUntil: row.validUntil,
      issuingBranch: row.issuingBranchId ? await deps.branchName(row.issuingBranchId) : null,
      status: v.status,
      invalidSince: v.status === 'invalid' ? v.since : null,
      invalidationReason:
        v.status === 'invalid' ? (v.expired ? 'expired' : (row.invalidationReason as InvalidationReason)) : null,
      mrz: withMrz ? row.mrz : [],
    };
  }

  async function record(
    trx: DbExecutor,
    actor: DocumentsActor,
    action: AuditAction,
    personId: string,
    purpose: AuditPurpose,
    touched: string[],
  ) {
    await audit.record(trx, {
      actor: actor.audit,
      action,
      purpose,
      legalBasis: LEGAL_BASIS,
      caseReference: actor.caseReference ?? null,
      reason: actor.reason ?? null,
      subjectPersonId: personId,
      resource: 'documents.document',
      touched,
      requestId: actor.requestId ?? null,
    });
  }

  async function invalidateIn(
    trx: DbExecutor,
    actor: DocumentsActor,
    row: DocumentRow,
    v: { on: PlainDate; reason: InvalidationReason; note: string },
  ) {
    const at = clock.now().toISOString();
    await repository.invalidate(trx, row.id, { on: v.on, reason: v.reason, note: v.note, by: actor.audit.id, at });
    await repository.recordChange(trx, row.id, 'invalidated', at);
    await record(
      trx,
      actor,
      'update',
      row.personId,
      actor.audit.type === 'resident' ? 'data-subject-access' : 'document-invalidation',
      ['validity', v.reason],
    );
  }

  /** Applies every change since the last refresh (with an overlap) to the index: this process's and other processes' writes. */
  async function refreshIndex(): Promise<number> {
    if (lastRefresh === undefined) return 0;
    const now = clock.now().getTime();
    const rows = await repository.changedSince(db, new Date(lastRefresh - REFRESH_OVERLAP_MS).toISOString());
    for (const row of rows) index.set(row);
    lastRefresh = now;
    return rows.length;
  }

  /** After this process's own write: the index shows it before the answer goes back. */
  async function afterWrite<T>(result: T): Promise<T> {
    if (indexReady) await refreshIndex();
    return result;
  }

  /** The next number of a type's series, in its own statement (outside any transaction: a number is never reused, a failure leaves a gap). */
  async function reserveNumber(type: DocumentType): Promise<string> {
    const prefix = deps.numberPrefixes[type];
    if (!prefix) throw new AppError('INTERNAL', `No number series configured for ${type}`);
    return `${prefix}${String(await repository.nextNumber(db, prefix, type)).padStart(7, '0')}`;
  }

  /**
   * What a document of this type would print for the holder on a day: their facts (read through the
   * register's audit gate), the validity by age and the MRZ. Refuses a dead holder, a day before their
   * birth, or a type their legal status does not allow.
   */
  async function holderFacts(
    trx: DbExecutor,
    actor: DocumentsActor,
    input: {
      personId: string;
      type: DocumentType;
      number: string;
      issuedOn: PlainDate;
      validUntil?: PlainDate | undefined;
    },
  ) {
    const rule = DOCUMENT_RULES[input.type];
    const holder = await register.documentHolder(
      trx,
      {
        actor: actor.audit,
        channel: 'desk',
        caseReference: actor.caseReference,
        reason: actor.reason,
        requestId: actor.requestId,
      },
      input.personId,
    );
    if (holder.deathDate) {
      throw new AppError('INVALID_STATE', `${holder.givenNames} ${holder.surname} died on ${holder.deathDate}`, {
        rule: {
          id: 'register.person-dead',
          values: { name: `${holder.givenNames} ${holder.surname}`, deathDate: holder.deathDate },
        },
      });
    }
    if (compareDates(input.issuedOn, holder.birthDate as PlainDate) < 0)
      invalid('issuedOn', 'A document cannot be issued before its holder’s birth', 'before-birth');
    if (!documentTypesFor(holder.legalStatus).includes(input.type))
      invalid('type', `A person with legal status ${holder.legalStatus} cannot hold this document`, 'not-for-status');
    // A card by decision is checked against the decision again at every step (ordered, handed over): a permit ended since never gets a valid card.
    const decided =
      rule.validity === 'by-decision' ? decidedValidity(holder.residencePermit, input.issuedOn) : undefined;
    const validUntil = decided
      ? input.validUntil && compareDates(input.validUntil, decided) < 0
        ? input.validUntil
        : decided
      : (input.validUntil ?? validUntilByAge(holder.birthDate as PlainDate, input.issuedOn));
    const nationality = mrzNationality(holder.legalStatus, holder.citizenships, deps.mrzNationality);
    const mrz = documentMrz({
      type: input.type,
      number: input.number,
      surname: holder.surname,
      givenNames: holder.givenNames,
      nationality,
      birthDate: holder.birthDate as PlainDate,
      sex: holder.sex as 'M' | 'F',
      validUntil,
      personalCode: holder.personalCode,
    });
    return { holder, validUntil, nationality, mrz };
  }

  /** Issues a document with a reserved number in the caller's transaction: the earlier valid one of the kind is replaced. */
  async function issueIn(
    trx: DbExecutor,
    actor: DocumentsActor,
    input: {
      personId: string;
      type: DocumentType;
      number: string;
      issuedOn?: PlainDate | undefined;
      validUntil?: PlainDate | undefined;
      documentId?: string | undefined;
    },
  ): Promise<DocumentRow> {
    const issuedOn = input.issuedOn ?? today();
    const { holder, validUntil, nationality, mrz } = await holderFacts(trx, actor, { ...input, issuedOn });
    const { number } = input;
    // One valid document of a kind at a time: the earlier one is replaced on issue.
    for (const earlier of await repository.validOfType(trx, holder.id, input.type, issuedOn)) {
      await invalidateIn(trx, actor, earlier, { on: issuedOn, reason: 'replaced', note: `Replaced by ${number}` });
    }
    const at = clock.now().toISOString();
    const row: DocumentRow = {
      id: input.documentId ?? randomUUID(),
      documentType: input.type,
      number,
      personId: holder.id,
      surname: holder.surname,
      givenNames: holder.givenNames,
      nationality,
      issuedOn,
      validUntil,
      issuingBranchId: actor.branchId,
      mrz,
      invalidatedOn: null,
      invalidationReason: null,
      invalidationNote: null,
      invalidatedBy: null,
      issuedAt: at,
      invalidatedAt: null,
    };
    await repository.insert(trx, row);
    await repository.recordChange(trx, row.id, 'issued', at);
    await record(trx, actor, 'create', holder.id, 'document-issuance', ['document']);
    return row;
  }

  return {
    today,

    /** Loads every document's validity into memory, page by page; until it is done, checks ask the database. */
    async loadIndex(): Promise<{ documents: number; seconds: number }> {
      const started = performance.now();
      lastRefresh = clock.now().getTime();
      let after = '';
      for (;;) {
        const page = await repository.validityPage(db, after, LOAD_PAGE);
        for (const row of page) index.set(row);
        if (page.length < LOAD_PAGE) break;
        after = (page.at(-1) as { number: string }).number;
      }
      await refreshIndex();
      indexReady = true;
      return { documents: index.size, seconds: (performance.now() - started) / 1000 };
    },

    refreshIndex,

    /**
     * Issues a document to a registered person. The number comes from the type's series in its own short
     * statement first (a failed issue leaves a gap; no number is ever reused); the rest is one transaction.
     */
    async issue(
      actor: DocumentsActor,
      input: { personId: string; type: DocumentType; issuedOn?: PlainDate; validUntil?: PlainDate },
    ): Promise<DocumentView> {
      const number = await reserveNumber(input.type);
      return db
        .transaction()
        .execute((trx) => audit.deferredIn(trx, () => issueIn(trx, actor, { ...input, number })))
        .then(afterWrite)
        .then((row) => view(row, today(), true));
    },

    /**
     * A residence permit was cancelled, in the cancellation's transaction: the person's residence permit card becomes
     * invalid from that day (from its issue if it was made later), unless another permit still holds for it
     * (the card then belongs to that one). The cancelled permit's right has already been ended in the register.
     */
    async invalidateResidenceCards(
      trx: DbExecutor,
      actor: DocumentsActor,
      personId: string,
      on: PlainDate,
      cancelledPermit: string,
      note: string,
    ): Promise<void> {
      const rights = await register.residenceRightsFor(
        trx,
        {
          actor: actor.audit,
          channel: 'system',
          caseReference: actor.caseReference,
          reason: actor.reason,
          requestId: actor.requestId,
        },
        personId,
      );
      if (rights.some((r) => CARD_RIGHTS.includes(r.kind) && r.documentNumber !== cancelledPermit)) return;
      for (const row of await repository.validOfType(trx, personId, 'residence-permit-card', on)) {
        const from = compareDates(row.issuedOn as PlainDate, on) > 0 ? (row.issuedOn as PlainDate) : on;
        await invalidateIn(trx, actor, row, { on: from, reason: 'annulled', note });
      }
    },

    reserveNumber,
    issueIn,
    holderFacts,

    /** The production order of an application's document (the hand-over reads it in its transaction). */
    productionItem: (executor: DbExecutor, caseId: string, documentNumber: string) =>
      repository.productionItem(executor, caseId, documentNumber),

    /**
     * Why a document presented at the desk does not prove who this person is, or null: one of ours must be
     * theirs and not reported lost or stolen or annulled (an expired one still shows the face and name).
     */
    async identityDocumentProblem(personId: string, number: string): Promise<string | null> {
      const row = await repository.byNumber(db, number);
      if (!row) return null;
      if (row.personId !== personId) return 'The document belongs to someone else';
      if (row.invalidationReason && ['lost', 'stolen', 'annulled'].includes(row.invalidationReason))
        return `The document was reported ${row.invalidationReason}`;
      return null;
    },

    /** The view of a document just issued in another module's transaction, once it committed (the index shows it too). */
    async issuedView(documentId: string): Promise<DocumentView> {
      const row = await repository.byId(db, documentId);
      if (!row) throw new AppError('NOT_FOUND', `No document ${documentId}`);
      return afterWrite(row).then((r) => view(r, today(), true));
    },

    /** An officer invalidates a document: the day it became invalid may be earlier (the day it was lost), never later than today. */
    async invalidate(
      actor: DocumentsActor,
      documentId: string,
      input: { reason: InvalidationReason; effectiveOn: PlainDate; note: string },
    ): Promise<DocumentView> {
      const on = today();
      if (compareDates(input.effectiveOn, on) > 0)
        invalid('effectiveOn', 'The day cannot be in the future', 'future-date');
      return db
        .transaction()
        .execute((trx) =>
          audit.deferredIn(trx, async () => {
            const row = await repository.byId(trx, documentId, true);
            if (!row) throw new AppError('NOT_FOUND', `No document ${documentId}`);
            if (compareDates(input.effectiveOn, row.issuedOn as PlainDate) < 0)
              invalid('effectiveOn', `The document was issued on ${row.issuedOn}`, 'before-issue');
            const current = validityOn(row, on);
            if (current.status === 'invalid')
              throw new AppError('INVALID_STATE', `The document is already invalid since ${current.since}`, {
                rule: { id: 'document.already-invalid', values: { since: current.since } },
              });
            await invalidateIn(trx, { ...actor, reason: actor.reason ?? input.note }, row, {
              on: input.effectiveOn,
              reason: input.reason,
              note: input.note,
            });
            return (await repository.byId(trx, documentId)) as DocumentRow;
          }),
        )
        .then(afterWrite)
        .then((row) => view(row, on, true));
    },

    /**
     * Anyone may ask whether a document is valid: the answer names no person and reads no personal data, so it
     * is not audited. From the index it answers at once, without a promise (the route sends it in the same tick).
     */
    check(number: string, type?: DocumentType): ValidityAnswer | Promise<ValidityAnswer> {
      const on = today();
      const unknown: ValidityAnswer = {
        number,
        status: 'unknown',
        type: type ?? null,
        invalidSince: null,
        checkedOn: on,
      };
      if (indexReady && index.covers(number)) {
        const known = index.statusOn(number, toEpochDay(on));
        if (!known || (type && known.documentType !== type)) return unknown;
        return {
          number,
          status: known.status,
          type: known.documentType as DocumentType,
          invalidSince: known.status === 'invalid' ? known.since : null,
          checkedOn: on,
        };
      }
      return validityOf(number).then((row) => {
        if (!row || (type && row.documentType !== type)) return unknown;
        const v = validityOn(row, on);
        return {
          number,
          status: v.status,
          type: row.documentType as DocumentType,
          invalidSince: v.status === 'invalid' ? v.since : null,
          checkedOn: on,
        };
      });
    },

    /** A person's documents for an officer, with the MRZ (audited with the case or reason). */
    async personDocuments(actor: DocumentsActor, personId: string): Promise<DocumentView[]> {
      const rows = await db.transaction().execute(async (trx) => {
        await record(trx, actor, 'read', personId, 'document-lookup', ['documents']);
        return repository.ofPersons(trx, [personId]);
      });
      const on = today();
      return Promise.all(rows.map((r) => view(r, on, true)));
    },

    /** The resident's own documents and their minor children's and wards'. */
    async myDocuments(actor: DocumentsActor, residentPersonId: string) {
      const holders = await register.subjects(residentPersonId);
      const rows = await db.transaction().execute(async (trx) => {
        for (const h of holders) {
          await record(
            trx,
            actor,
            'read',
            h.personId,
            h.personId === residentPersonId ? 'data-subject-access' : 'legal-representative-access',
            ['documents'],
          );
        }
        return repository.ofPersons(
          trx,
          holders.map((h) => h.personId),
        );
      });
      const on = today();
      return Promise.all(
        rows.map(async (r) => {
          const h = holders.find((x) => x.personId === r.personId);
          return {
            ...(await view(r, on, false)),
            holderPersonId: r.personId,
            holderName: h ? `${h.givenNames} ${h.surname}` : '',
          };
        }),
      );
    },

    /** A resident reports their own (or their child's or ward's) document lost or stolen: invalid at once, from today. */
    async reportMine(
      actor: DocumentsActor,
      residentPersonId: string,
      documentId: string,
      input: { reason: 'lost' | 'stolen'; circumstances: string },
    ): Promise<DocumentView> {
      const holders = await register.subjects(residentPersonId);
      const on = today();
      return db
        .transaction()
        .execute((trx) =>
          audit.deferredIn(trx, async () => {
            const row = await repository.byId(trx, documentId, true);
            // Someone else's document is "not found": the resident never learns that it exists.
            if (!row || !holders.some((h) => h.personId === row.personId))
              throw new AppError('NOT_FOUND', `No document ${documentId} of yours`);
            const current = validityOn(row, on);
            if (current.status === 'invalid')
              throw new AppError('INVALID_STATE', `The document is already invalid since ${current.since}`, {
                rule: { id: 'document.already-invalid', values: { since: current.since } },
              });
            await invalidateIn(trx, actor, row, { on, reason: input.reason, note: input.circumstances });
            return (await repository.byId(trx, documentId)) as DocumentRow;
          }),
        )
        .then(afterWrite)
        .then((row) => view(row, on, false));
    },

    /** Issued and invalidated documents after a sequence number, for partner systems. */
    async changes(after: number, limit: number) {
      const rows = await repository.changesAfter(db, after, limit);
      return {
        changes: rows.map((r) => ({
          seq: Number(r.seq),
          number: r.number,
          type: r.documentType as DocumentType,
          change: r.change,
          at: r.at,
          invalidSince: r.change === 'invalidated' ? r.invalidatedOn : null,
          reason: r.change === 'invalidated' ? (r.invalidationReason as InvalidationReason) : null,
        })),
        last: rows.length ? Number(rows.at(-1)?.seq) : after,
      };
    },

    /**
     * The register's life events reach the documents in the event's transaction: the holder's death
     * invalidates their documents from the day of death; a new name, personal code or legal status makes
     * the printed data wrong, so the documents are invalid from the day of the change.
     */
    onLifeEvent: (async (trx, ctx, event) => {
      for (const [personId, facts] of event.facts) {
        const died = event.kind === 'death' && personId === event.personId;
        if (!died && !PRINTED_FACTS.some((f) => facts.has(f))) continue;
        const on = event.effectiveDate as PlainDate;
        const actor: DocumentsActor = {
          audit: ctx.actor,
          branchId: null,
          reason: `life event ${event.kind}`,
          requestId: ctx.requestId,
        };
        for (const row of await repository.validOfPerson(trx, personId, on)) {
          // A document issued after the change already carries it (or, issued after a death, is annulled separately).
          if (compareDates(row.issuedOn as PlainDate, on) > 0) continue;
          await invalidateIn(trx, actor, row, {
            on,
            reason: died ? 'holder-died' : 'data-changed',
            note: `Register event: ${event.kind}`,
          });
        }
      }
    }) satisfies LifeEventHook,

    /**
     * Tells holders, about three months ahead, that a document will expire (DOMAIN.md §3: apply in time).
     * The window is a week wide, so a missed day is caught up; each document's reminder has one key, so
     * nothing is sent twice. Only holders who gave an address in the portal hear of it.
     */
    async remindExpiring(limit = 10_000): Promise<number> {
      const on = today();
      const rows = await repository.expiringBetween(
        db,
        addDays(on, EXPIRY_NOTICE_DAYS - 7),
        addDays(on, EXPIRY_NOTICE_DAYS),
        limit,
      );
      const contacts = await deps.contactsOf([...new Set(rows.map((r) => r.personId))]);
      const messages = rows.flatMap((r) => {
        const c = contacts.get(r.personId);
        if (!c) return [];
        return [
          {
            eventKey: `document:${r.id}:expiring:${c.email}`,
            channel: 'email' as const,
            recipient: c.email,
            language: c.language,
            template: 'document-expiring' as const,
            params: {
              document: translate(c.language, `documents.type.${r.documentType}` as MessageKey),
              number: r.number,
              validUntil: r.validUntil,
            },
          },
        ];
      });
      if (messages.length) await db.transaction().execute((trx) => deps.notifications.enqueue(trx, messages));
      return messages.length;
    },

    hasDocuments: async () => (await repository.count(db)) > 0,
  };
}
export type DocumentsService = ReturnType<typeof createDocumentsService>;
