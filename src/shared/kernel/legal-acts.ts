/**
 * The legal acts Civitas cites, and a stored citation in the reader's language. A case, a life event and an
 * audit entry keep their legal basis in Latvian, as the office wrote it: that text is the legal record and is
 * never rewritten. An English page or PDF shows the act's English title instead (the State Language Centre's
 * translations published on likumi.lv): "Imigrācijas likums, 23. pants" is "Immigration Law, Section 23".
 *
 * A citation is one or more parts separated by "; ", each an act with an optional quoted title, a note in
 * brackets and a provision ("23. pants", "64. un 76. pants", "32. panta 3. punkts", "2.1. apakšpunkts").
 * A citation with any part this file cannot render is shown in Latvian unchanged: never half translated.
 * Pure: no Node, no DOM; used by pages and PDFs alike.
 */
/** The page languages (display-format.ts imports this file: the type is spelt here to keep the two acyclic). */
type DisplayLocale = 'lv' | 'en';

/** How an act numbers its provisions in English: a law has Sections, the Constitution and an EU act Articles, a Cabinet regulation Paragraphs. */
type ActKind = 'law' | 'constitution' | 'eu' | 'cabinet' | 'other';

interface LegalAct {
  /** The act's Latvian name as the code writes it (every spelling used). */
  lv: readonly string[];
  en: string;
  kind: ActKind;
}

/**
 * The national laws and other bases the code cites by name. Cabinet regulations and EU acts are read by
 * their number and date (`cabinetRegulation`, `euAct`), which translate the same way for any of them.
 * English titles: likumi.lv's official translations. UNSOURCED (not in DOMAIN.md / DOMAIN-PROCEDURES.md):
 * every title here but "Immigration Law", "Administrative Procedure Law" and "Citizenship Law".
 */
export const LEGAL_ACTS: readonly LegalAct[] = [
  {
    lv: ['Latvijas Republikas Satversme', 'Satversme'],
    en: 'The Constitution of the Republic of Latvia',
    kind: 'constitution',
  },
  { lv: ['Imigrācijas likums'], en: 'Immigration Law', kind: 'law' },
  { lv: ['Administratīvā procesa likums'], en: 'Administrative Procedure Law', kind: 'law' },
  { lv: ['Pilsonības likums'], en: 'Citizenship Law', kind: 'law' },
  { lv: ['Repatriācijas likums'], en: 'Repatriation Law', kind: 'law' },
  { lv: ['Fizisko personu reģistra likums'], en: 'Law on the Register of Natural Persons', kind: 'law' },
  { lv: ['Civilstāvokļa aktu reģistrācijas likums'], en: 'Civil Status Documents Registration Law', kind: 'law' },
  { lv: ['Dzīvesvietas deklarēšanas likums'], en: 'Declaration of Place of Residence Law', kind: 'law' },
  {
    lv: ['Vārda, uzvārda un tautības ieraksta maiņas likums'],
    en: 'Law on Change of a Given Name, Surname and Ethnicity Record',
    kind: 'law',
  },
  { lv: ['Civillikums'], en: 'The Civil Law', kind: 'law' },
  {
    lv: ['Fizisko personu elektroniskās identifikācijas likums'],
    en: 'Law on the Electronic Identification of Natural Persons',
    kind: 'law',
  },
  { lv: ['Fizisko personu datu apstrādes likums'], en: 'Personal Data Processing Law', kind: 'law' },
  { lv: ['Valsts pārvaldes iekārtas likums'], en: 'State Administration Structure Law', kind: 'law' },
  { lv: ['Personu apliecinošu dokumentu likums'], en: 'Personal Identification Documents Law', kind: 'law' },
  {
    lv: ['likums “Par Eiropas Savienības pastāvīgā iedzīvotāja statusu Latvijas Republikā”'],
    en: 'Law on the Status of a Long-term Resident of the European Union in the Republic of Latvia',
    kind: 'law',
  },
  // Not acts, but what a record says in the act's place.
  { lv: ['latvija.lv pakalpojums p614'], en: 'latvija.lv service p614', kind: 'other' },
  { lv: ['pārņemts no iepriekšējā reģistra'], en: 'taken over from the previous register', kind: 'other' },
];

/** The notes in brackets or after a colon, and the quoted titles of Cabinet regulations. UNSOURCED: our translations. */
export const LEGAL_NOTES: Readonly<Record<string, string>> = {
  'Vīzu kodekss': 'Visa Code',
  'VIS regula': 'VIS Regulation',
  'bāriņtiesas lēmums': 'decision of the Orphan’s and Custody Court',
  'bez maksas': 'free of charge',
  'ES pastāvīgā iedzīvotāja statuss': 'EU long-term resident status',
  '10 darbdienas': '10 working days',
  '30 dienas, 10 vai 5 darbdienas pēc valsts nodevas': '30 days, or 10 or 5 working days by the state fee paid',
  '10 vai 2 darbdienas, neieskaitot iesniegšanas dienu': '10 or 2 working days, not counting the day of submission',
  'Vīzu noteikumi': 'Visa Regulations',
  'grozījumi, spēkā no 2025. gada 1. janvāra': 'as amended from 1 January 2025',
  'grozījumi, spēkā no 2026. gada 1. janvāra': 'as amended from 1 January 2026',
  'iestādes konfigurētā maksu tabula': 'the office’s configured fee table',
  'repatriants ir atbrīvots no valsts nodevas par uzturēšanās atļaujas dokumentu izskatīšanu':
    'a repatriate is exempt from the state fee for the examination of residence permit documents',
  'pirmreizēju termiņuzturēšanās atļauju izsniegšana Krievijas un Baltkrievijas pilsoņiem apturēta':
    'first temporary residence permits are not issued to citizens of Russia and Belarus',
  'Ielūgumu apstiprināšanas un uzaicinājumu noformēšanas kārtība':
    'Procedures for the Approval of Invitations and the Drawing up of Letters of Invitation',
  'Ziņu iekļaušanas un aktualizēšanas kārtība Fizisko personu reģistrā':
    'Procedures for the Inclusion and Updating of Information in the Register of Natural Persons',
};

const MONTHS_LV = [
  'janvāra',
  'februāra',
  'marta',
  'aprīļa',
  'maija',
  'jūnija',
  'jūlija',
  'augusta',
  'septembra',
  'oktobra',
  'novembra',
  'decembra',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Read {
  en: string;
  kind: ActKind;
  rest: string;
}

/** "MK 12.09.2017. noteikumi Nr. 557", "Ministru kabineta 2017. gada 12. septembra noteikumi Nr. 557", "Ministru kabineta noteikumi Nr. 731". */
function cabinetRegulation(part: string): Read | undefined {
  const short = /^MK (\d{2})\.(\d{2})\.(\d{4})\. noteikumi Nr\. (\d+)/.exec(part);
  if (short) {
    const [all, d, m, y, n] = short as unknown as [string, string, string, string, string];
    const month = MONTHS_EN[Number(m) - 1];
    if (!month) return undefined;
    return {
      en: `Cabinet Regulation No. ${n} of ${Number(d)} ${month} ${y}`,
      kind: 'cabinet',
      rest: part.slice(all.length),
    };
  }
  const long = /^Ministru kabineta (?:(\d{4})\. gada (\d{1,2})\. (\p{L}+) )?noteikumi Nr\. (\d+)/u.exec(part);
  if (!long) return undefined;
  const [all, y, d, monthLv, n] = long as unknown as [
    string,
    string | undefined,
    string | undefined,
    string | undefined,
    string,
  ];
  if (!y) return { en: `Cabinet Regulation No. ${n}`, kind: 'cabinet', rest: part.slice(all.length) };
  const month = MONTHS_EN[MONTHS_LV.indexOf(monthLv ?? '')];
  if (!month) return undefined;
  return {
    en: `Cabinet Regulation No. ${n} of ${Number(d)} ${month} ${y}`,
    kind: 'cabinet',
    rest: part.slice(all.length),
  };
}

/** "Regula (EK) Nr. 810/2009", "Regula (ES) 2016/679", "Direktīva 2004/38/EK": the EU's own English numbering. */
function euAct(part: string): Read | undefined {
  const EU: Record<string, string> = { EK: 'EC', ES: 'EU', EEK: 'EEC' };
  const regulation = /^(Deleģētā regula|Regula) \((EK|ES|EEK)\) (Nr\. )?(\d+\/\d+)/.exec(part);
  if (regulation) {
    const [all, delegated, union, nr, n] = regulation as unknown as [
      string,
      string,
      string,
      string | undefined,
      string,
    ];
    const name = delegated === 'Regula' ? 'Regulation' : 'Commission Delegated Regulation';
    return { en: `${name} (${EU[union]}) ${nr ? 'No ' : ''}${n}`, kind: 'eu', rest: part.slice(all.length) };
  }
  const directive = /^Direktīva (\d+\/\d+)\/(EK|ES|EEK)/.exec(part);
  if (directive) {
    const [all, n, union] = directive as unknown as [string, string, string];
    return { en: `Directive ${n}/${EU[union]}`, kind: 'eu', rest: part.slice(all.length) };
  }
  return undefined;
}

function namedAct(part: string): Read | undefined {
  let best: Read | undefined;
  let length = 0;
  for (const act of LEGAL_ACTS)
    for (const name of act.lv)
      if (part.startsWith(name) && name.length > length) {
        best = { en: act.en, kind: act.kind, rest: part.slice(name.length) };
        length = name.length;
      }
  return best;
}

const UNIT = {
  law: ['Section', 'Sections'],
  constitution: ['Article', 'Articles'],
  eu: ['Article', 'Articles'],
  cabinet: ['Paragraph', 'Paragraphs'],
  other: ['Section', 'Sections'],
} as const;

/** "and" between the last two of a list: "21, 23, 24 and 32". */
function list(numbers: string[]): string {
  return numbers.length === 1 ? (numbers[0] as string) : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/** A provision ("23. pants", "64. un 76. pants", "76.–81. pants", "32. panta 3. punkts", "2.1. apakšpunkts") in English. */
function provision(text: string, kind: ActKind): string | undefined {
  const [one, many] = UNIT[kind];
  const article = /^(\d+)\. panta (\d+)\. (punkts|daļa)$/.exec(text);
  if (article) {
    const [, n, p] = article as unknown as [string, string, string];
    return kind === 'eu' ? `${one} ${n}(${p})` : `${one} ${n}, Paragraph ${p}`;
  }
  const range = /^(\d+)\.–(\d+)\. pants$/.exec(text);
  if (range) return `${many} ${range[1]}–${range[2]}`;
  const articles = /^((?:\d+\., )*\d+\.)(?: un (\d+)\.)? pants$/.exec(text);
  if (articles) {
    const numbers = [...(articles[1] as string).split(', ').map((n) => n.replace(/\.$/, '')), articles[2]].filter(
      (n): n is string => Boolean(n),
    );
    return `${numbers.length === 1 ? one : many} ${list(numbers)}`;
  }
  if (text === 'pārejas noteikumi') return 'Transitional Provisions';
  const transitional = /^pārejas noteikumu (\d+)\. punkts$/.exec(text);
  if (transitional) return `Transitional Provisions, Paragraph ${transitional[1]}`;
  const sub = /^(\d+(?:\.\d+)+)\. apakšpunkts$/.exec(text);
  if (sub) return `Sub-paragraph ${sub[1]}`;
  const point = /^(\d+)\. punkts$/.exec(text);
  if (point) return `Paragraph ${point[1]}`;
  return undefined;
}

/** One part of a citation in English, or undefined if any piece of it is unknown. */
function renderPart(part: string): string | undefined {
  const act = namedAct(part) ?? cabinetRegulation(part) ?? euAct(part);
  if (!act) return undefined;
  let out = act.en;
  let rest = act.rest;
  // Any order of: a quoted title, a note in brackets, a provision after a comma (or a space), an explanation after a colon.
  while (rest.length > 0) {
    const quoted = /^\s*“([^”]+)”/.exec(rest);
    const note = /^\s*\(([^)]+)\)/.exec(rest);
    const clause = /^,?\s+([^()“:]+?)(?=\s*\(|\s*“|:|$)/.exec(rest);
    const explained = /^:\s+(.+)$/.exec(rest);
    if (quoted) {
      const en = LEGAL_NOTES[quoted[1] as string];
      if (!en) return undefined;
      out += ` “${en}”`;
      rest = rest.slice(quoted[0].length);
    } else if (note) {
      const en = LEGAL_NOTES[note[1] as string];
      if (!en) return undefined;
      out += ` (${en})`;
      rest = rest.slice(note[0].length);
    } else if (explained) {
      const en = LEGAL_NOTES[explained[1] as string];
      if (!en) return undefined;
      out += `: ${en}`;
      rest = '';
    } else if (clause) {
      const en = provision((clause[1] as string).trim(), act.kind);
      if (!en) return undefined;
      out += `, ${en}`;
      rest = rest.slice(clause[0].length);
    } else return undefined;
  }
  return out;
}

/**
 * A stored citation in the reader's language. Latvian: as stored. English: each act by its English title and
 * each provision in English; a citation with anything unknown in it is returned unchanged (the Latvian record).
 */
export function renderCitation(citation: string, locale: DisplayLocale): string {
  if (locale === 'lv') return citation;
  const parts = citation.split(/\s*;\s*/);
  const rendered = parts.map((p) => renderPart(p.trim()));
  return rendered.every((r): r is string => r !== undefined) ? rendered.join('; ') : citation;
}
