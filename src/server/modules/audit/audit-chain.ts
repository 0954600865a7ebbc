/**
 * The hash chain, pure: an entry's hash is SHA-256 over the previous entry's hash and the entry's
 * own fields in a fixed order, so editing, deleting or reordering any entry breaks every hash after it.
 */
import { createHash } from 'node:crypto';
import type { AuditEntryTable } from './audit.tables.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers: everything but the two hashes. */
export type ChainedFields = Omit<AuditEntryTable, 'prevHash' | 'hash'>;

/** Canonical serialization: a JSON array in a fixed field order (object key order can't drift). */
export function canonicalEntry(f: ChainedFields): string {
  return JSON.stringify([
    f.seq,
    f.id,
    f.occurredAt,
    f.actorType,
    f.actorId,
    f.actorName,
    f.actorRole,
    f.institution,
    f.action,
    f.purpose,
    f.legalBasis,
    f.caseReference,
    f.reason,
    f.subjectPersonId,
    f.resource,
    [...f.touched],
    f.requestId,
  ]);
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEntry(fields)).digest('hex');
}

export type StoredEntry = AuditEntryTable;

export type ChainBreak =
  | { kind: 'gap'; seq: number; foundSeq: number }
  | { kind: 'prev-hash'; seq: number }
  | { kind: 'hash'; seq: number }
  | { kind: 'head'; seq: number; detail: string };

/**
 * Checks entries given in ascending `seq` order, continuing from (`previousSeq`, `previousHash`).
 * Returns the first break, or the last (seq, hash) to continue from with the next batch.
 */
export function verifyBatch(
  entries: readonly StoredEntry[],
  previousSeq: number,
  previousHash: string,
): { ok: true; lastSeq: number; lastHash: string } | { ok: false; problem: ChainBreak } {
  let seq = previousSeq;
  let hash = previousHash;
  for (const e of entries) {
    if (e.seq !== seq + 1) return { ok: false, problem: { kind: 'gap', seq: seq + 1, foundSeq: e.seq } };
    if (e.prevHash !== hash) return { ok: false, problem: { kind: 'prev-hash', seq: e.seq } };
    if (entryHash(e.prevHash, e) !== e.hash) return { ok: false, problem: { kind: 'hash', seq: e.seq } };
    seq = e.seq;
    hash = e.hash;
  }
  return { ok: true, lastSeq: seq, lastHash: hash };
}
