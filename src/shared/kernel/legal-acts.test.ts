import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { renderCitation } from './legal-acts.ts';
import { LEGAL_BASIS } from '../../server/modules/register/register-model.ts';
import { VISA_C_RULES, VISA_D_RULES } from '../../server/modules/migration/visa-rules/index.ts';

/** Words that only a Latvian citation has: none may be left in an English one. */
const LATVIAN =
  /[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]|likums|pants|panta|noteikumi|Regula\b|Direktīva|punkts|apakšpunkts|\bMK\b|\bNr\./;
/** What marks a string of the server's code as a legal basis it can store. */
const CITATION =
  /likums|noteikumi|[Rr]egula \(|Direktīva|Civillikums|pārņemts no iepriekšējā reģistra|latvija\.lv pakalpojums/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every string literal of the server's code that is a legal citation, read from the source (not a copy of it). */
function citationsInServerCode(): Map<string, string> {
  const found = new Map<string, string>();
  const root = path.resolve(import.meta.dirname, '../../server');
  for (const file of sourceFiles(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && CITATION.test(node.text))
        found.set(node.text, path.relative(root, file));
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('legal citations in the reader’s language', () => {
  it('renders the examples of the office’s acts by their English titles', () => {
    const en = (s: string) => renderCitation(s, 'en');
    expect(en('Imigrācijas likums, 23. pants')).toBe('Immigration Law, Section 23');
    expect(en('Regula (EK) Nr. 810/2009, 16. pants')).toBe('Regulation (EC) No 810/2009, Article 16');
    expect(en('MK 12.09.2017. noteikumi Nr. 557, 2.1. apakšpunkts')).toBe(
      'Cabinet Regulation No. 557 of 12 September 2017, Sub-paragraph 2.1',
    );
    expect(en('Administratīvā procesa likums, 64. un 76. pants')).toBe(
      'Administrative Procedure Law, Sections 64 and 76',
    );
    expect(en('Administratīvā procesa likums, 76.–81. pants; Fizisko personu reģistra likums')).toBe(
      'Administrative Procedure Law, Sections 76–81; Law on the Register of Natural Persons',
    );
    expect(en('Regula (EK) Nr. 810/2009 (Vīzu kodekss), 21., 23., 24. un 32. pants; Imigrācijas likums')).toBe(
      'Regulation (EC) No 810/2009 (Visa Code), Articles 21, 23, 24 and 32; Immigration Law',
    );
    expect(en('Regula (EK) Nr. 810/2009 (Vīzu kodekss), 32. panta 3. punkts')).toBe(
      'Regulation (EC) No 810/2009 (Visa Code), Article 32(3)',
    );
    expect(en('Imigrācijas likums, 11. panta 2. daļa')).toBe('Immigration Law, Section 11, Paragraph 2');
    expect(en('Regula (ES) 2016/679 39. pants')).toBe('Regulation (EU) 2016/679, Article 39');
    expect(en('Direktīva 2004/38/EK')).toBe('Directive 2004/38/EC');
    expect(en('Civillikums, 146. pants; Satversme, 110. pants')).toBe(
      'The Civil Law, Section 146; The Constitution of the Republic of Latvia, Article 110',
    );
    expect(en('Imigrācijas likums, pārejas noteikumi')).toBe('Immigration Law, Transitional Provisions');
    expect(en('Imigrācijas likums, pārejas noteikumu 12. punkts')).toBe(
      'Immigration Law, Transitional Provisions, Paragraph 12',
    );
    expect(en('Ministru kabineta 2012. gada 21. februāra noteikumi Nr. 134')).toBe(
      'Cabinet Regulation No. 134 of 21 February 2012',
    );
    expect(en('MK 30.08.2011. noteikumi Nr. 676 “Vīzu noteikumi”')).toBe(
      'Cabinet Regulation No. 676 of 30 August 2011 “Visa Regulations”',
    );
  });

  it('keeps the stored Latvian text on Latvian pages, and an unknown citation unchanged in English', () => {
    expect(renderCitation('Imigrācijas likums, 23. pants', 'lv')).toBe('Imigrācijas likums, 23. pants');
    // Typed by an officer: not one of the acts, so the record is shown as it is, never half translated.
    expect(renderCitation('Bāriņtiesas 2026. gada lēmums', 'en')).toBe('Bāriņtiesas 2026. gada lēmums');
    expect(renderCitation('Imigrācijas likums; Kāds cits likums', 'en')).toBe('Imigrācijas likums; Kāds cits likums');
    expect(renderCitation('Imigrācijas likums, 23. pants (nezināma piezīme)', 'en')).toBe(
      'Imigrācijas likums, 23. pants (nezināma piezīme)',
    );
    expect(renderCitation('Ministru kabineta 2017. gada 12. smarča noteikumi Nr. 557', 'en')).toBe(
      'Ministru kabineta 2017. gada 12. smarča noteikumi Nr. 557',
    );
  });

  it('has an English rendering for every citation the server’s code can store', () => {
    const found = citationsInServerCode();
    // The scan finds the constants a module exports as well as the ones written in place.
    for (const basis of Object.values(LEGAL_BASIS)) expect(found.has(basis), basis).toBe(true);
    expect(found.size).toBeGreaterThan(30);
    const untranslated = [...found]
      .map(([citation, file]) => ({ citation, file, en: renderCitation(citation, 'en') }))
      .filter((c) => LATVIAN.test(c.en));
    expect(untranslated).toEqual([]);
  });

  it('renders the fee acts the visa rules quote with each fee', () => {
    const acts = [...VISA_C_RULES.versions, ...VISA_D_RULES.versions].map((f) => f.legalAct);
    expect(acts.length).toBeGreaterThan(2);
    for (const act of acts) expect(renderCitation(act, 'en')).not.toMatch(LATVIAN);
  });
});
