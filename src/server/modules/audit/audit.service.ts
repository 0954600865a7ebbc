/**
 * The audit gate. Every read or write of a person's data goes through `record`, inside the same
 * transaction as the access it records; it refuses an access without a purpose (and, for staff,
 * without a case reference or a recorded reason), so the access and its trace commit or fail together.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { createBatcher } from '../../platform/batcher.ts';
import type { Clock } from '../../platform/clock.ts';
import type {
  AuditAction,
  AuditPurpose,
  AuditResource,
  DataUseActor,
} from '../../../shared/contracts/audit.contract.ts';
import { entryHash, verifyBatch, GENESIS_HASH, type ChainBreak, type ChainedFields } from './audit-chain.ts';
import type { AuditRepository } from './audit.repository.ts';
import type { AuditEntryTable } from './audit.tables.ts';

export interface AuditActor {
  type: 'staff' | 'resident' | 'partner' | 'system';
  id: string;
  name: string | null;
  role: string | null;
  institution: string;
}

export interface AccessRecord {
  actor: AuditActor;
  /** read, create, update, sign-in … (each has a message in both languages). */
  action: AuditAction;
  /** Why the data is used, e.g. "data-subject-access", "case-processing" (each has a message in both languages). */
  purpose: AuditPurpose;
  /** Law and article, e.g. "Fizisko personu reģistra likums 13. pants". */
  legalBasis: string;
  caseReference?: string | null;
  reason?: string | null;
  subjectPersonId: string | null;
  /** The resource touched, e.g. "register.person". */
  resource: AuditResource;
  /** Fields or parts touched. */
  touched?: readonly string[];
  requestId?: string | null;
}

export interface VerifyResult {
  ok: boolean;
  entriesChecked: number;
  headSeq: number;
  headHash: string;
  firstBreak?: ChainBreak;
  message: string;
}

const VERIFY_BATCH = 5000;

/**
 * Answers per group commit, and entries: each answer brings its entries (one for a lookup, one per listed
 * person for a list, a page of up to 100 for a search); a few hundred rows keep one INSERT well under a
 * millisecond per entry, and the entry bound keeps many lists from making one huge statement (an answer
 * larger than it, a big production export, goes alone).
 */
const GROUP_COMMIT_MAX = 256;
const GROUP_COMMIT_MAX_ENTRIES = 1024;
/** Compare-and-swap attempts before a group commit gives up (each miss means another writer moved the head). */
const CAS_ATTEMPTS = 50;

type ChainHead = { seq: number; hash: string };

export function createAuditService(deps: { repository: AuditRepository; clock: Clock; db?: Db }) {
  const { repository, clock } = deps;

  type EntryFields = Omit<ChainedFields, 'seq'>;

  /** What an entry records, fixed when the access happens (its place in the chain comes later). */
  function entryFields(r: AccessRecord): EntryFields {
    return {
      id: randomUUID(),
      occurredAt: clock.now().toISOString(),
      actorType: r.actor.type,
      actorId: r.actor.id,
      actorName: r.actor.name,
      actorRole: r.actor.role,
      institution: r.actor.institution,
      action: r.action,
      purpose: r.purpose.trim(),
      legalBasis: r.legalBasis.trim(),
      caseReference: r.caseReference?.trim() || null,
      reason: r.reason?.trim() || null,
      subjectPersonId: r.subjectPersonId,
      resource: r.resource,
      touched: [...(r.touched ?? [])],
      requestId: r.requestId ?? null,
    };
  }

  /** Links entries into the chain after `head`. */
  function chainAfter(head: ChainHead, batch: readonly EntryFields[]): AuditEntryTable[] {
    let prev = head;
    return batch.map((f) => {
      const fields = { ...f, seq: prev.seq + 1 };
      const entry = { ...fields, prevHash: prev.hash, hash: entryHash(prev.hash, fields) };
      prev = entry;
      return entry;
    });
  }

  /**
   * Group commit for reads: the entries of all reads waiting while one batch is written go into the next
   * batch, appended by one statement that moves the head only if it is still where this process last left
   * it (compare-and-swap, so one round trip and no explicit transaction). Another writer in between (a
   * life event's own transaction) makes the swap miss; the batch is then re-linked after the new head.
   * Decision 0014. One batch at a time: with two or three in flight, each waiting in the database for the
   * one before it, throughput fell by half (decision 0017).
   */
  let knownHead: ChainHead | undefined;
  // An item is the entries of one answer (one lookup, or every person a search listed): they are written
  // together, in the same statement as the other answers waiting, so a page of 50 persons costs one round trip.
  const groupCommit =
    deps.db &&
    createBatcher<readonly EntryFields[], Array<{ id: string; seq: number }>>({
      maxInFlight: 1,
      maxBatch: GROUP_COMMIT_MAX,
      weight: (group) => group.length,
      maxWeight: GROUP_COMMIT_MAX_ENTRIES,
      run: async (groups) => {
        const db = deps.db as Db;
        const batch = groups.flat();
        for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
          const head = knownHead ?? (await repository.readHead(db));
          const entries = chainAfter(head, batch);
          const last = entries.at(-1) as AuditEntryTable;
          if (await repository.appendIfHead(db, head, entries)) {
            knownHead = { seq: last.seq, hash: last.hash };
            let at = 0;
            return groups.map((g) => entries.slice(at, (at += g.length)).map((e) => ({ id: e.id, seq: e.seq })));
          }
          knownHead = undefined;
        }
        throw new Error(`the audit chain head kept moving: ${CAS_ATTEMPTS} attempts to append failed`);
      },
    });

  function refuseWithoutPurpose(r: AccessRecord): void {
    const missing: { path: string; message: string }[] = [];
    if (!r.purpose?.trim()) missing.push({ path: 'purpose', message: 'A purpose is required' });
    if (!r.legalBasis?.trim()) missing.push({ path: 'legalBasis', message: 'A legal basis is required' });
    if (r.actor.type === 'staff' && !r.caseReference?.trim() && !r.reason?.trim()) {
      missing.push({ path: 'caseReference', message: 'Staff access needs a case reference or a recorded reason' });
    }
    if (missing.length)
      throw new AppError('PURPOSE_REQUIRED', 'Access to personal data needs a purpose and a case or reason', missing);
  }

  /** Entries held back in a transaction by `deferredIn`, appended together at its end. */
  const heldBack = new WeakMap<object, EntryFields[]>();

  /**
   * Writes the entries of several accesses in `trx` with one lock of the head and one statement (a list
   * that shows many persons: each listed person is one entry). Every record is checked before any is
   * written. Inside `deferredIn` they are held back like `record`'s.
   */
  async function recordMany(
    trx: DbExecutor,
    records: readonly AccessRecord[],
  ): Promise<Array<{ id: string; seq: number | null }>> {
    records.forEach(refuseWithoutPurpose);
    const fields = records.map(entryFields);
    if (fields.length === 0) return [];
    const pending = heldBack.get(trx);
    if (pending) {
      pending.push(...fields);
      return fields.map((f) => ({ id: f.id, seq: null }));
    }
    const entries = chainAfter(await repository.lockHead(trx), fields);
    await repository.insertEntries(trx, entries);
    return entries.map((e) => ({ id: e.id, seq: e.seq }));
  }

  /**
   * `recordCommitted` for the entries of one answer that shows several persons (a search's results, a work
   * queue, a production export): all are checked first, then go as one item of the group commit, so they are
   * appended by one statement with the other answers waiting, and resolve once all are committed.
   */
  async function recordManyCommitted(records: readonly AccessRecord[]): Promise<Array<{ id: string; seq: number }>> {
    records.forEach(refuseWithoutPurpose);
    if (!groupCommit) throw new Error('the audit service was created without a database: recordCommitted needs one');
    if (records.length === 0) return [];
    return groupCommit.submit(records.map(entryFields));
  }

  return {
    /**
     * Writes one audit entry in `trx` (which must be a transaction: the chain lock lasts until it ends).
     * Inside `deferredIn` the entry is only checked and stamped now, and numbered when it is appended at
     * the end (`seq` null).
     */
    async record(trx: DbExecutor, r: AccessRecord): Promise<{ id: string; seq: number | null }> {
      const [entry] = (await recordMany(trx, [r])) as [{ id: string; seq: number | null }];
      return entry;
    },

    recordMany,

    /** Throws PURPOSE_REQUIRED as the gate would for this access: a list checks before it reads anything. */
    requirePurpose(r: AccessRecord): void {
      refuseWithoutPurpose(r);
    },

    /**
     * Runs `work` in the transaction `trx` with its audit entries held back, then appends them together.
     * The chain head's lock serializes every writer until its commit; taken at the end, it is held for the
     * append and the commit only, not for the whole transaction (measured: case creation with 16 clients,
     * where the lock was taken by the first read and held through a dozen statements). The entries keep the
     * time of the access they record; a failure in `work` writes none of them, as before.
     */
    async deferredIn<T>(trx: DbExecutor, work: () => Promise<T>): Promise<T> {
      const pending: EntryFields[] = [];
      heldBack.set(trx, pending);
      try {
        const result = await work();
        if (pending.length) await repository.insertEntries(trx, chainAfter(await repository.lockHead(trx), pending));
        return result;
      } finally {
        heldBack.delete(trx);
      }
    },

    /**
     * Records a read that happens outside a write transaction and resolves once its entry is committed:
     * the caller releases the data only after that, so no answer leaves without its trace.
     */
    async recordCommitted(r: AccessRecord): Promise<{ id: string; seq: number }> {
      const [entry] = (await recordManyCommitted([r])) as [{ id: string; seq: number }];
      return entry;
    },

    recordManyCommitted,

    /** Entries about one person, newest first. */
    async listAboutPerson(
      db: DbExecutor,
      personId: string,
      limit: number,
      beforeSeq?: number,
    ): Promise<AuditEntryTable[]> {
      return repository.entriesAboutPerson(db, personId, limit, beforeSeq);
    },

    /** Walks the whole chain and names the first broken entry; also checks the head (a deleted tail). */
    async verify(db: Db, onProgress?: (checked: number, total: number) => void): Promise<VerifyResult> {
      const head = await repository.readHead(db);
      let lastSeq = 0;
      let lastHash = GENESIS_HASH;
      let checked = 0;
      for (;;) {
        const batch = await repository.entriesAfter(db, lastSeq, VERIFY_BATCH);
        if (batch.length === 0) break;
        const result = verifyBatch(batch, lastSeq, lastHash);
        if (!result.ok) {
          return {
            ok: false,
            entriesChecked: checked,
            headSeq: head.seq,
            headHash: head.hash,
            firstBreak: result.problem,
            message: describeBreak(result.problem),
          };
        }
        checked += batch.length;
        lastSeq = result.lastSeq;
        lastHash = result.lastHash;
        onProgress?.(checked, head.seq);
      }
      if (lastSeq !== head.seq || lastHash !== head.hash) {
        const problem: ChainBreak = {
          kind: 'head',
          seq: lastSeq + 1,
          detail: `chain ends at entry ${lastSeq}, head records ${head.seq}`,
        };
        return {
          ok: false,
          entriesChecked: checked,
          headSeq: head.seq,
          headHash: head.hash,
          firstBreak: problem,
          message: describeBreak(problem),
        };
      }
      return {
        ok: true,
        entriesChecked: checked,
        headSeq: head.seq,
        headHash: head.hash,
        message: `audit chain intact: ${checked} entries, head ${head.hash}`,
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;

/**
 * Who acted, told relative to the person the entry is about: a resident acting on their own data is
 * "you"; on someone else's (their child's, their ward's) they are the legal representative.
 */
export function dataUseActor(entry: Pick<AuditEntryTable, 'actorType' | 'actorId' | 'subjectPersonId'>): DataUseActor {
  switch (entry.actorType) {
    case 'resident':
      return entry.subjectPersonId !== null && entry.actorId === entry.subjectPersonId ? 'self' : 'representative';
    case 'staff':
      return 'officer';
    case 'partner':
      return 'partner';
    case 'system':
      return 'system';
  }
}

export function describeBreak(p: ChainBreak): string {
  switch (p.kind) {
    case 'gap':
      return `entry ${p.seq} is missing (found ${p.foundSeq} where ${p.seq} was expected): deleted or reordered`;
    case 'prev-hash':
      return `entry ${p.seq} does not link to the entry before it: an earlier entry was changed, removed or reordered`;
    case 'hash':
      return `entry ${p.seq} was altered: its content does not match its hash`;
    case 'head':
      return `entries after ${p.seq - 1} are missing: ${p.detail}`;
  }
}
