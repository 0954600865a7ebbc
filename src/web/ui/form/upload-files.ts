/**
 * The browser's side of an upload field: the files a person chose, checked for type and size with the
 * reasons the server gives for the same refusal (`fieldReason.file-type`, `fieldReason.file-too-large`),
 * then read into the contract's base64 uploads when the form is sent (ui/files.ts).
 */
import { z } from 'zod';

/** An optional list of files, each of an accepted type and at most `maxBytes`. */
export function uploadFiles(accepted: readonly string[], maxBytes: number) {
  return z
    .custom<FileList | undefined>(
      (v) => v === undefined || v === null || (typeof FileList !== 'undefined' && v instanceof FileList),
    )
    .optional()
    .superRefine((files, ctx) => {
      for (const file of Array.from(files ?? [])) {
        if (!accepted.includes(file.type))
          ctx.addIssue({ code: 'custom', message: file.name, params: { reason: 'file-type' } });
        else if (file.size > maxBytes)
          ctx.addIssue({ code: 'custom', message: file.name, params: { reason: 'file-too-large' } });
      }
    });
}

/** The photo types a document takes (the server checks the bytes again, and the pixels and proportions). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;

/**
 * A document photo as the file chosen, before it is read into the contract's upload: refused for its type or
 * size with the server's own reasons (a photo, not any file: `photo-format`, not `file-type`, which names PDF
 * too), and, where the form needs one, `photo-missing`. Its pixels and proportions the server checks.
 */
export function photoFile(maxBytes: number, required: boolean) {
  const file = z
    .custom<FileList | undefined>(
      (v) => v === undefined || v === null || (typeof FileList !== 'undefined' && v instanceof FileList),
    )
    .superRefine((files, ctx) => {
      const chosen = files?.[0];
      if (!chosen) {
        if (required) ctx.addIssue({ code: 'custom', params: { reason: 'photo-missing' } });
        return;
      }
      if (!(PHOTO_TYPES as readonly string[]).includes(chosen.type))
        ctx.addIssue({ code: 'custom', params: { reason: 'photo-format' } });
      else if (chosen.size > maxBytes) ctx.addIssue({ code: 'custom', params: { reason: 'file-too-large' } });
    });
  // Where the form may go without one (a photo uploaded online is kept), the field is optional.
  return required ? file : file.optional();
}
