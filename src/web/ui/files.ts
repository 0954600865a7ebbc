/** Reads chosen files as the base64 uploads the case API takes (the server checks type and size again). */
import type { UploadInput } from '../../shared/contracts/cases.contract.ts';

export async function toUploads(
  files: FileList | readonly File[] | null,
  kind: UploadInput['kind'] = 'evidence',
): Promise<UploadInput[]> {
  return Promise.all(
    [...(files ?? [])].map(async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { kind, fileName: file.name, contentBase64: btoa(binary) };
    }),
  );
}
