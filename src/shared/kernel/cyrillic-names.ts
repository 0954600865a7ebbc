/**
 * A suggested Latvian form of a name written in Cyrillic (Russian), for the officer or resident who typed it:
 * the register keeps names in Latvian orthography (Cabinet Regulation No. 114, DOMAIN.md §7), transcribed by
 * pronunciation, with a Latvian ending for a man's name. The rules are DOMAIN.md §7's table ("as commonly
 * applied"); an established form (Елена → Jeļena) may differ, so this is a suggestion a person accepts or
 * corrects, never a silent rewrite. The original spelling belongs in the original-form field.
 * Pure: used by forms in the browser and by the server's messages.
 */

const VOWELS = new Set('аеёиоуыэюя');
/** Vowels that carry their own j sound after a vowel, a soft or a hard sign, or at the start of a word. */
const IOTATED: Record<string, string> = { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' };
const AFTER_HUSHING = new Set('жчшщ');
const PLAIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ж: 'ž',
  з: 'z',
  и: 'i',
  й: 'j',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  ш: 'š',
  щ: 'šč',
  ы: 'i',
  э: 'e',
};
const CYRILLIC = /\p{Script=Cyrillic}/u;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** One letter in its place: what comes before and after decides е, ё, ь and a softened л or н. */
function letter(word: string, i: number): string {
  const c = word[i] as string;
  const prev = i > 0 ? (word[i - 1] as string) : '';
  const next = word[i + 1] ?? '';
  if (c === 'ь') return next && VOWELS.has(next) && !IOTATED[next] ? 'j' : '';
  if (c === 'ъ') return '';
  if (c === 'ё' && AFTER_HUSHING.has(prev)) return 'o';
  // е is e after a consonant, je at the start, after a vowel or a sign; ё, ю, я always carry their j.
  if (c === 'е') return !prev || VOWELS.has(prev) || prev === 'ь' || prev === 'ъ' ? 'je' : 'e';
  return IOTATED[c] ?? PLAIN[c] ?? c;
}

/** A man's name takes the Latvian ending: -s after a consonant (Ivanovs, Sergejs, Jurijs); a vowel ending stays. */
function withEnding(latvian: string, masculine: boolean): string {
  if (!masculine || /[aeiouāēīū]$/i.test(latvian)) return latvian;
  return `${latvian}s`;
}

/**
 * Established Latvian forms that keep a soft ļ or ņ (DOMAIN.md §7's examples); by the rule a soft sign is
 * otherwise dropped (Ольга → Olga). A suggestion: the officer corrects a form the person's documents show.
 */
const ESTABLISHED: Record<string, string> = {
  васильев: 'vasiļjevs',
  васильева: 'vasiļjeva',
  елена: 'jeļena',
};

function word(cyrillic: string, sex: 'M' | 'F' | undefined): string {
  const lower = cyrillic.toLowerCase();
  const established = ESTABLISHED[lower];
  if (established) return capitalizedLike(cyrillic, established);
  let out = '';
  for (let i = 0; i < lower.length; i++) out += letter(lower, i);
  // Without the sex, a word ending in -а or -я reads as a woman's name (Ivanova, Tatjana), any other as a man's.
  const masculine = sex ? sex === 'M' : !/[ая]$/.test(lower);
  return capitalizedLike(cyrillic, withEnding(out, masculine));
}

/** The Latvian form with a capital where the Cyrillic had one. */
function capitalizedLike(cyrillic: string, latvian: string): string {
  const first = cyrillic[0] as string;
  return first !== first.toLowerCase() ? latvian.charAt(0).toUpperCase() + latvian.slice(1) : latvian;
}

/** The suggested Latvian form of a name with Cyrillic letters; undefined when it has none. */
export function latvianFormOf(name: string, sex?: 'M' | 'F'): string | undefined {
  if (!hasCyrillic(name)) return undefined;
  return name
    .trim()
    .split(/(\s+|-)/)
    .map((part) => (hasCyrillic(part) ? word(part, sex) : part))
    .join('');
}
