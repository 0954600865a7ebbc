import { createHash, randomUUID } from 'node:crypto';
import type { DbExecutor } from '../../db/database.ts';
import { MAX_UPLOAD_BYTES, type UploadInput } from '../../../shared/contracts/cases.contract.ts';
import { invalid } from './case-refusals.ts';
import type { CaseActorContext, Engine } from './engine.ts';

/** What an uploaded file really is, from its first bytes (the name and the browser's claim are not trusted). */
const SIGNATURES: ReadonlyArray<{ mediaType: string; bytes: readonly number[] }> = [
  { mediaType: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function sniffMediaType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.mediaType;
}

/** Stores a command's files with the case, each checked (not empty, at most 5 MB, a PDF, JPEG or PNG by its bytes); returns their ids. */
export async function storeUploads(
  engine: Engine,
  trx: DbExecutor,
  ctx: CaseActorContext,
  caseId: string,
  uploads: readonly UploadInput[],
  path: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, u] of uploads.entries()) {
    const bytes = Buffer.from(u.contentBase64, 'base64');
    if (bytes.length === 0) invalid(`${path}.${i}.contentBase64`, 'The file is empty', 'file-empty');
    if (bytes.length > MAX_UPLOAD_BYTES)
      invalid(`${path}.${i}.contentBase64`, 'A file may be at most 5 MB', 'file-too-large');
    const mediaType = sniffMediaType(bytes);
    if (!mediaType) invalid(`${path}.${i}.contentBase64`, 'Only PDF, JPEG or PNG files are accepted', 'file-type');
    const id = randomUUID();
    await engine.deps.repository.insertDocument(trx, {
      id,
      caseId,
      kind: u.kind ?? 'evidence',
      fileName: u.fileName.trim(),
      mediaType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      content: bytes,
      uploadedByType: ctx.kind,
      uploadedById: ctx.kind === 'staff' ? ctx.id : ctx.personId,
      uploadedAt: engine.now(),
    });
    ids.push(id);
  }
  return ids;
}
