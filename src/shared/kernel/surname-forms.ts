/**
 * The other gender's form of a Latvian surname (Bērziņš ↔ Bērziņa, Ozols ↔ Ozola, Balodis ↔ Balode,
 * Jansons ↔ Jansone, Ivanovs ↔ Ivanova, Dombrovskis ↔ Dombrovska, Birznieks ↔ Birzniece). Used to
 * offer the surname choices at marriage; the officer or resident always confirms the final form.
 */
const TO_FEMININE: ReadonlyArray<[RegExp, string]> = [
  [/nieks$/, 'niece'],
  [/skis$/, 'ska'],
  [/ckis$/, 'cka'],
  [/iņš$/, 'iņa'],
  [/ņš$/, 'ņa'],
  [/ons$/, 'one'],
  [/is$/, 'e'],
  [/s$/, 'a'],
  [/š$/, 'a'],
];
const TO_MASCULINE: ReadonlyArray<[RegExp, string]> = [
  [/niece$/, 'nieks'],
  [/ska$/, 'skis'],
  [/cka$/, 'ckis'],
  [/iņa$/, 'iņš'],
  [/one$/, 'ons'],
  [/e$/, 'is'],
  [/a$/, 's'],
];

export function surnameForSex(surname: string, sex: 'M' | 'F'): string {
  const rules = sex === 'F' ? TO_FEMININE : TO_MASCULINE;
  // Each part of a double surname (Bērziņa-Ozola) takes its own form.
  return surname
    .split('-')
    .map((part) => {
      const rule = rules.find(([re]) => re.test(part));
      return rule ? part.replace(rule[0], rule[1]) : part;
    })
    .join('-');
}
