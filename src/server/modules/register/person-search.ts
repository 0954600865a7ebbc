/**
 * Person search in two stages (decision 0010): candidates from the blocking keys (one GIN lookup) or
 * from an exact index (personal code, birth date, surname prefix), then ranking by `scoreMatch` in the
 * application. No trigram scan over the whole register.
 */
import { normalizePersonalCode } from '../../../shared/kernel/personal-code.ts';
import { surnameStem } from '../../../shared/kernel/name-keys.ts';
import type { SearchHit } from '../../../shared/contracts/register.contract.ts';
import type { DbExecutor } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { scoreMatch, type MatchSubject } from './match-score.ts';
import type { CandidateFilters, CandidateRow, RegisterRepository } from './register.repository.ts';
import { personNameKeys, querySearchKeys, queryWords, withYears } from './search-keys.ts';
import { hasCyrillic, latvianFormOf } from '../../../shared/kernel/cyrillic-names.ts';

export interface SearchInput {
  q?: string | undefined;
  code?: string | undefined;
  birthDate?: string | undefined;
  birthYear?: number | undefined;
  municipality?: string | undefined;
  limit: number;
}

export interface ScoredPerson {
  person: CandidateRow;
  score: number;
  reasons: string[];
}

const KEY_CANDIDATES = 2000;
const PREFIX_CANDIDATES = 300;
/** A match this strong outranks any candidate born in another year. */
const SURE_MATCH = 0.9;
const collator = new Intl.Collator('lv');

function toResult(c: ScoredPerson): SearchHit {
  const p = c.person;
  return {
    id: p.id,
    personalCode: p.personalCode,
    givenNames: p.givenNames,
    surname: p.surname,
    birthDate: p.birthDate,
    sex: p.sex,
    legalStatus: p.legalStatus,
    municipalityCode: p.municipalityCode,
    deathDate: p.deathDate,
    score: c.score,
    reasons: c.reasons,
    exactName: false,
  };
}

/** A name's words as written, diacritics kept, case and order aside. */
const wordsOf = (text: string) =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('lv')
    .split(/[\s-]+/)
    .filter(Boolean)
    .sort()
    .join(' ');

/** Both names exactly as the officer wrote them (diacritics and all, in any order): told apart from the likely matches. */
function markExact(results: SearchHit[], q: string): SearchHit[] {
  const asked = wordsOf(q);
  return results.map((r) => ({ ...r, exactName: wordsOf(`${r.givenNames} ${r.surname}`) === asked }));
}

/**
 * A page of a search, and how many persons matched in all. `totalAtLeast`: a candidate set was cut at its
 * bound (the commonest names at national scale), so more may match than `total` says.
 */
export interface SearchPage {
  results: SearchHit[];
  total: number;
  totalAtLeast: boolean;
}

/** Persons born on one day, read at most: about 60 a day at 2.1 million, so the bound is only reached in bulk-loaded test data. */
const BIRTH_DATE_CANDIDATES = 1000;

function rank(list: ScoredPerson[], limit: number): ScoredPerson[] {
  return list
    .sort(
      (a, b) =>
        b.score - a.score ||
        collator.compare(a.person.surname, b.person.surname) ||
        collator.compare(a.person.givenNames, b.person.givenNames),
    )
    .slice(0, limit);
}

function unique(rows: CandidateRow[]): CandidateRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

export function createPersonSearch(repository: RegisterRepository) {
  /** Each word tried as the surname with the rest as given names; the best reading counts. */
  function scoreQuery(
    words: readonly string[],
    person: CandidateRow,
    birth: Pick<MatchSubject, 'birthDate' | 'birthYear'>,
  ): ScoredPerson {
    let best: ScoredPerson = { person, score: 0, reasons: [] };
    for (let i = 0; i < words.length; i++) {
      const givenNames = words.filter((_, j) => j !== i).join(' ');
      const r = scoreMatch({ surname: words[i] as string, givenNames, ...birth }, person);
      if (r.score > best.score) best = { person, ...r };
    }
    return best;
  }

  /** A personal code: the person who holds it now, or who held it before (a code changes with a correction). */
  async function byCode(db: DbExecutor, input: string): Promise<SearchPage> {
    const code = normalizePersonalCode(input);
    if (!code)
      throw new AppError('VALIDATION_FAILED', 'Enter the whole personal code (NNNNNN-NNNNN)', [
        { path: 'code', message: 'not a personal code', reason: 'personal-code-format' },
      ]);
    const current = await repository.personByCurrentCode(db, code);
    const earlierId = current ? undefined : await repository.personIdByAnyCode(db, code);
    const person: CandidateRow | undefined =
      current ?? (earlierId ? await repository.personById(db, earlierId) : undefined);
    const results = person
      ? [toResult({ person, score: 1, reasons: [current ? 'personal-code' : 'earlier-personal-code'] })]
      : [];
    return { results, total: results.length, totalAtLeast: false };
  }

  /** No name: the persons born that day (a birth date is then required). */
  async function byBirthDate(db: DbExecutor, input: SearchInput): Promise<SearchPage> {
    if (!input.birthDate) {
      throw new AppError('VALIDATION_FAILED', 'Enter a personal code, a name or a birth date', [
        { path: 'q', message: 'a name, personal code or birth date is needed', reason: 'search-criteria' },
      ]);
    }
    const rows = await repository.candidatesByBirthDate(
      db,
      input.birthDate,
      { municipalityCode: input.municipality },
      BIRTH_DATE_CANDIDATES,
    );
    return {
      results: rows.slice(0, input.limit).map((person) => toResult({ person, score: 1, reasons: ['birth-date'] })),
      total: rows.length,
      totalAtLeast: rows.length >= BIRTH_DATE_CANDIDATES,
    };
  }

  /**
   * Partial names ("Bērz", "Bērziņ Jān") and single words: persons whose surname begins with each word's stem, not
   * already among `keyed`; `cut` when a prefix's candidates reached their bound.
   */
  async function byPrefixes(
    db: DbExecutor,
    words: readonly string[],
    filters: CandidateFilters,
    keyed: readonly CandidateRow[],
  ): Promise<{ rows: CandidateRow[]; cut: boolean }> {
    const seen = new Set(keyed.map((p) => p.id));
    const rows: CandidateRow[] = [];
    let cut = false;
    for (const word of words.filter((w) => w.length >= 2)) {
      const prefixed = await repository.candidatesBySurnamePrefix(db, surnameStem(word), filters, PREFIX_CANDIDATES);
      cut ||= prefixed.length >= PREFIX_CANDIDATES;
      rows.push(...unique(prefixed).filter((p) => !seen.has(p.id) && seen.add(p.id)));
    }
    return { rows, cut };
  }

  /** Names (any order, typos, Cyrillic), narrowed by a birth year or day and a municipality where given. */
  async function byName(db: DbExecutor, input: SearchInput, q: string, words: string[]): Promise<SearchPage> {
    const year = input.birthYear ?? (input.birthDate ? Number(input.birthDate.slice(0, 4)) : undefined);
    const birth = { birthDate: input.birthDate ?? null, birthYear: input.birthYear ?? null };
    const nameKeys = querySearchKeys(words);
    const byKeys = async (years: number[] | undefined, limit: number): Promise<CandidateRow[]> =>
      words.length > 1
        ? repository.candidatesByKeys(
            db,
            years ? withYears(nameKeys, years) : nameKeys,
            { municipalityCode: input.municipality },
            limit,
          )
        : [];
    // The year is in the keys already; repeating it as a filter led the planner away from the GIN index (24 ms instead of 3).
    // Without a year, the commonest names match hundreds of persons at national scale: rank a bounded set.
    const firstBound = year === undefined ? 500 : KEY_CANDIDATES;
    let keyed = await byKeys(year === undefined ? undefined : [year], firstBound);
    let cut = keyed.length >= firstBound;
    let scored = keyed.map((p) => scoreQuery(words, p, birth));
    // The years either side (a typo in the year) only when the year itself has not already given a full page
    // of strong matches, which would outrank them anyway: a common name then reads a third of the rows.
    const strong = scored.filter((c) => c.score >= SURE_MATCH).length;
    // Not read, the years either side may hold more persons: the total then counts at least those found.
    if (year !== undefined && strong >= input.limit) cut = true;
    if (year !== undefined && strong < input.limit) {
      const more = await byKeys([year - 1, year + 1], KEY_CANDIDATES);
      cut ||= more.length >= KEY_CANDIDATES;
      keyed = keyed.concat(more);
      scored = scored.concat(more.map((p) => scoreQuery(words, p, birth)));
    }
    // Surname prefixes, unless the keys already found a good match.
    if (!scored.some((c) => c.score >= 0.8)) {
      // One year either side, so a typo in the birth date does not hide the person; the score prefers the exact year.
      const filters: CandidateFilters = {
        birthYearFrom: year === undefined ? undefined : year - 1,
        birthYearTo: year === undefined ? undefined : year + 1,
        municipalityCode: input.municipality,
      };
      const prefixed = await byPrefixes(db, words, filters, keyed);
      cut ||= prefixed.cut;
      scored = scored.concat(prefixed.rows.map((p) => scoreQuery(words, p, birth)));
    }
    scored = scored.filter((c) => c.score > 0.3);
    return { results: markExact(rank(scored, input.limit).map(toResult), q), total: scored.length, totalAtLeast: cut };
  }

  return {
    async search(db: DbExecutor, input: SearchInput): Promise<SearchPage> {
      if (input.code) return byCode(db, input.code);
      // A name typed in Cyrillic is searched by its Latvian form (Иванов → Ivanovs), as the register writes it.
      const q = input.q && hasCyrillic(input.q) ? latvianFormOf(input.q) : input.q;
      const words = q ? queryWords(q) : [];
      return words.length === 0 ? byBirthDate(db, input) : byName(db, input, q ?? '', words);
    },

    /** Existing persons who may be the same as a person being registered, best first. */
    async candidatesFor(
      db: DbExecutor,
      subject: { givenNames: string; surname: string; birthDate: string },
    ): Promise<ScoredPerson[]> {
      const year = Number(subject.birthDate.slice(0, 4));
      const keys = withYears(
        [
          ...personNameKeys(subject.givenNames, subject.surname),
          ...personNameKeys(subject.surname, subject.givenNames),
        ],
        [year - 1, year, year + 1],
      );
      const rows = unique([
        ...(await repository.candidatesByKeys(db, keys, {}, KEY_CANDIDATES)),
        ...(await repository.candidatesByBirthDate(db, subject.birthDate, {}, KEY_CANDIDATES)),
      ]);
      return rows.map((person) => ({ person, ...scoreMatch(subject, person) })).sort((a, b) => b.score - a.score);
    },
  };
}
