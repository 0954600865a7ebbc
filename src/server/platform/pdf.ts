/**
 * PDF rendering with pdfmake and the DejaVu Sans font (full Latvian diacritics: ā č ē ģ ī ķ ļ ņ š ū ž).
 * Documents never fetch URLs or read files other than the fonts.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

pdfmake.setFonts({
  DejaVuSans: {
    normal: path.join(FONT_DIR, 'DejaVuSans.ttf'),
    bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
    italics: path.join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
    bolditalics: path.join(FONT_DIR, 'DejaVuSans-BoldOblique.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(FONT_DIR));

export type PdfDocument = Parameters<typeof pdfmake.createPdf>[0];

/** The office's letter styles, shared by every decision and form it prints: the office line, the title, headings, small print. */
export const LETTER_STYLES = {
  office: { fontSize: 9, color: '#444444' },
  title: { fontSize: 16, bold: true, margin: [0, 6, 0, 2] },
  heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
  small: { fontSize: 8, color: '#555555', margin: [0, 0, 0, 8] },
} satisfies NonNullable<PdfDocument['styles']>;

export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const created = pdfmake.createPdf({
    ...doc,
    defaultStyle: { font: 'DejaVuSans', fontSize: 10, ...doc.defaultStyle },
  });
  return Buffer.from(await created.getBuffer());
}
