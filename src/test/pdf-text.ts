/**
 * The text of a PDF that pdfmake (pdfkit) wrote, for tests: enough to check what a reader sees, not a
 * general PDF parser. pdfkit embeds the fonts as subsets (Identity-H), so the content streams carry glyph
 * numbers; each font's ToUnicode map turns them back into text.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** Every `N 0 obj … endobj`, its dictionary and its (inflated) stream. */
function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] as string;
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + (body[at + 6] === '\r' ? 8 : 7);
    // The dictionary's /Length, where it is a number: compressed data may itself end in a byte that reads as "\r".
    const length = /\/Length (\d+)(?!\d| 0 R)/.exec(dict);
    const data = length
      ? body.slice(start, start + Number(length[1]))
      : body.slice(start, body.lastIndexOf('endstream')).replace(/\r?\n$/, '');
    const raw = Buffer.from(data, 'latin1');
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return objects;
}

/** UTF-16BE hex (`0041`, or a surrogate pair) as text. */
const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');

/** A ToUnicode CMap's glyph-code → text table (bfchar pairs and bfrange runs, with or without arrays). */
function parseCmap(cmap: string): Map<number, string> {
  const table = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      table.set(parseInt(p[1] as string, 16), utf16(p[2] as string));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of (block[1] as string).matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g,
    )) {
      const from = parseInt(r[1] as string, 16);
      const to = parseInt(r[2] as string, 16);
      const target = r[3] as string;
      if (target.startsWith('[')) {
        // A ligature maps to several characters, written with spaces: <0066 0066 0069>.
        [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((t, i) =>
          table.set(from + i, utf16((t[1] as string).replace(/\s/g, ''))),
        );
      } else {
        const base = parseInt(target.slice(1, -1), 16);
        for (let code = from; code <= to; code++) table.set(code, String.fromCodePoint(base + code - from));
      }
    }
  }
  return table;
}

/** Font resource name (`/F1`) → its glyph table. pdfkit names fonts once per document. */
function fontTables(objects: Map<number, PdfObject>): Map<string, Map<number, string>> {
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    const resources = /\/Font\s*<<([\s\S]*?)>>/.exec(dict);
    if (!resources) continue;
    for (const f of (resources[1] as string).matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const font = objects.get(Number(f[2]));
      const cmapRef = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
      const cmap = cmapRef && objects.get(Number(cmapRef[1]))?.stream;
      if (cmap) fonts.set(f[1] as string, parseCmap(cmap.toString('latin1')));
    }
  }
  return fonts;
}

/**
 * The PDF's text in the order the content streams draw it: words drawn at the same height join into one
 * line (pdfmake draws word by word, each word but a line's last with its space), and a gap between two
 * pieces on one line without a space (two table cells) becomes a tab.
 */
export function pdfText(pdf: Buffer): string {
  const objects = objectsOf(pdf);
  const fonts = fontTables(objects);
  const lines: string[] = [];
  let line = '';
  let lineY: string | undefined;
  // The pages' content streams only: a font file's bytes may happen to spell an operator.
  const contents = [...objects.values()].flatMap(({ dict }) =>
    [...dict.matchAll(/\/Contents\s+(\d+) 0 R/g)].map((c) => objects.get(Number(c[1]))?.stream),
  );
  for (const stream of contents) {
    if (!stream) continue;
    const content = stream.toString('latin1');
    let glyphs = new Map<number, string>();
    let y: string | undefined;
    // In order: a text position, a font choice, or a text-showing operand (a hex string or an array of them).
    for (const m of content.matchAll(
      /[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+) Tm|\/(\w+)\s+[\d.]+\s+Tf|(\[[^\]]*\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g,
    )) {
      if (m[1]) {
        y = m[1];
        continue;
      }
      if (m[2]) {
        glyphs = fonts.get(m[2]) ?? new Map();
        continue;
      }
      const hexes = m[3] ? [...m[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] as string) : [m[4] as string];
      const text = hexes
        .flatMap((h) => h.match(/.{4}/g) ?? [])
        .map((h) => glyphs.get(parseInt(h, 16)) ?? '\uFFFD')
        .join('');
      if (y !== lineY) {
        if (line) lines.push(line.trimEnd());
        line = '';
        lineY = y;
      }
      line += line && !/\s$/.test(line) ? `\t${text}` : text;
    }
  }
  if (line) lines.push(line.trimEnd());
  return lines.join('\n');
}
