/**
 * The audit gate. Every read or write of a person's data goes through `record`, inside the same
 * transaction as the access it records; it refuses an access without a purpose (and, for staff,
 * without a case reference or a recorded reason), so the access and its trace commit or fail together.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import { entryHash, verifyBatch, GENESIS_HASH, type ChainBreak } from './audit-chain.ts';
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
  /** read, create, update, correct, export, sign-in … */
  action: string;
  /** Why the data is used, e.g. "data-subject-access", "case-processing". */
  purpose: string;
  /** Law and article, e.g. "Fizisko personu reģistra likums 13. pants". */
  legalBasis: string;
  caseReference?: string | null;
  reason?: string | null;
  subjectPersonId: string | null;
  /** The resource touched, e.g. "register.person". */
  resource: string;
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

export function createAuditService(deps: { repository: AuditRepository; clock: Clock }) {
  const { repository, clock } = deps;

  function refuseWithoutPurpose(r: AccessRecord): void {
    const missing: { path: string; message: string }[] = [];
    if (!r.purpose?.trim()) missing.push({ path: 'purpose', message: 'A purpose is required' });
    if (!r.legalBasis?.trim()) missing.push({ path: 'legalBasis', message: 'A legal basis is required' });
    if (r.actor.type === 'staff' && !r.caseReference?.trim() && !r.reason?.trim()) {
      missing.push({ path: 'caseReference', message: 'Staff access needs a case reference or a recorded reason' });
    }
    if (missing.length) throw new AppError('PURPOSE_REQUIRED', 'Access to personal data needs a purpose and a case or reason', missing);
  }

  return {
    /** Writes one audit entry in `trx` (which must be a transaction: the chain lock lasts until it ends). */
    async record(trx: DbExecutor, r: AccessRecord): Promise<{ id: string; seq: number }> {
      refuseWithoutPurpose(r);
      const head = await repository.lockHead(trx);
      const fields = {
        seq: head.seq + 1,
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
      const entry: AuditEntryTable = { ...fields, prevHash: head.hash, hash: entryHash(head.hash, fields) };
      await repository.insertEntry(trx, entry);
      return { id: entry.id, seq: entry.seq };
    },

    /** Entries about one person, newest first. */
    async listAboutPerson(db: DbExecutor, personId: string, limit: number, beforeSeq?: number): Promise<AuditEntryTable[]> {
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
          return { ok: false, entriesChecked: checked, headSeq: head.seq, headHash: head.hash, firstBreak: result.problem, message: describeBreak(result.problem) };
        }
        checked += batch.length;
        lastSeq = result.lastSeq;
        lastHash = result.lastHash;
        onProgress?.(checked, head.seq);
      }
      if (lastSeq !== head.seq || lastHash !== head.hash) {
        const problem: ChainBreak = { kind: 'head', seq: lastSeq + 1, detail: `chain ends at entry ${lastSeq}, head records ${head.seq}` };
        return { ok: false, entriesChecked: checked, headSeq: head.seq, headHash: head.hash, firstBreak: problem, message: describeBreak(problem) };
      }
      return { ok: true, entriesChecked: checked, headSeq: head.seq, headHash: head.hash, message: `audit chain intact: ${checked} entries, head ${head.hash}` };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;

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
