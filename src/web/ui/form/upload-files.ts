/**
 * The browser's side of an upload field: the files a person chose, checked for type and size with the
 * reasons the server gives for the same refusal (`fieldReason.file-type`, `fieldReason.file-too-large`),
 * then read into the contract's base64 uploads when the form is sent (ui/files.ts).
 */
import { z } from 'zod';

/** An optional list of files, each of an accepted type and at most `maxBytes`. */
export function uploadFiles(accepted: readonly string[], maxBytes: number) {
  return z.custom<FileList | undefined>((v) => v === undefined || v === null || (typeof FileList !== 'undefined' && v instanceof FileList)).optional().superRefine((files, ctx) => {
    for (const file of Array.from(files ?? [])) {
      if (!accepted.includes(file.type)) ctx.addIssue({ code: 'custom', message: file.name, params: { reason: 'file-type' } });
      else if (file.size > maxBytes) ctx.addIssue({ code: 'custom', message: file.name, params: { reason: 'file-too-large' } });
    }
  });
}
