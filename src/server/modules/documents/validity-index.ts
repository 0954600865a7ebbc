/**
 * The public check's answer kept in memory (decision 0019): for every document number of the form
 * `<series prefix><7 digits>`, its last valid day and the day it was invalidated, in two Int32Arrays per
 * series indexed by the number's digits. 4.2 million documents take about 34 MB, and a check is two array
 * reads instead of a database round trip. Numbers of another form (imported legacy numbers) are not
 * indexed; the service asks the database for them. Pure data structure: the service fills and refreshes it.
 */
import { fromEpochDay, toEpochDay, type PlainDate } from '../../../shared/kernel/plain-date.ts';

const NUMBER_FORM = /^([A-Z]{2})(\d{7})$/;

interface Series {
  type: string;
  /** Epoch day of the last valid day; 0 where no document has this number. */
  validUntil: Int32Array;
  /** Epoch day of the invalidation; 0 where none. */
  invalidatedOn: Int32Array;
}

export interface IndexedValidity {
  documentType: string;
  validUntil: string;
  invalidatedOn: string | null;
}

export class ValidityIndex {
  readonly #series = new Map<string, Series>();
  #size = 0;

  /** The prefixes whose numbers this index answers for (every configured series). */
  constructor(prefixes: Readonly<Record<string, string>>) {
    for (const [type, prefix] of Object.entries(prefixes))
      this.#series.set(prefix, { type, validUntil: new Int32Array(1024), invalidatedOn: new Int32Array(1024) });
  }

  get size(): number {
    return this.#size;
  }

  /** Whether this index answers for the number (its form and series); if not, ask the database. */
  covers(number: string): boolean {
    const m = NUMBER_FORM.exec(number);
    return Boolean(m && this.#series.has(m[1] as string));
  }

  /** The document's validity, or undefined when no document has this number. Only for numbers the index covers. */
  get(number: string): IndexedValidity | undefined {
    const slot = this.#slot(number);
    return (
      slot && {
        documentType: slot.type,
        validUntil: fromEpochDay(slot.until),
        invalidatedOn: slot.invalidated === 0 ? null : fromEpochDay(slot.invalidated),
      }
    );
  }

  /**
   * The document's status on a day (an epoch day) in day numbers, as `validityOn` decides it: invalid since
   * its invalidation, or since the day after its last valid day, else valid. The public check asks this,
   * converting only the one day it answers with (no date strings per check; decision 0021).
   */
  statusOn(
    number: string,
    onEpochDay: number,
  ):
    | { documentType: string; status: 'valid' }
    | { documentType: string; status: 'invalid'; since: PlainDate }
    | undefined {
    const slot = this.#slot(number);
    if (!slot) return undefined;
    const expiredSince = slot.until + 1;
    if (slot.invalidated !== 0 && slot.invalidated <= onEpochDay && slot.invalidated < expiredSince)
      return { documentType: slot.type, status: 'invalid', since: fromEpochDay(slot.invalidated) };
    if (expiredSince <= onEpochDay)
      return { documentType: slot.type, status: 'invalid', since: fromEpochDay(expiredSince) };
    return { documentType: slot.type, status: 'valid' };
  }

  /** The number's entry in day numbers, or undefined when the index holds no document with it. */
  #slot(number: string): { type: string; until: number; invalidated: number } | undefined {
    const m = NUMBER_FORM.exec(number);
    const series = m ? this.#series.get(m[1] as string) : undefined;
    if (!m || !series) return undefined;
    const i = Number(m[2]);
    const until = i < series.validUntil.length ? (series.validUntil[i] as number) : 0;
    return until === 0 ? undefined : { type: series.type, until, invalidated: series.invalidatedOn[i] as number };
  }

  /** Records a document's current state (idempotent: the same row twice is the same as once). */
  set(row: { number: string; documentType: string; validUntil: string; invalidatedOn: string | null }): void {
    const m = NUMBER_FORM.exec(row.number);
    const series = m ? this.#series.get(m[1] as string) : undefined;
    if (!m || !series || series.type !== row.documentType) return;
    const i = Number(m[2]);
    if (i >= series.validUntil.length) this.#grow(series, i);
    if (series.validUntil[i] === 0) this.#size++;
    series.validUntil[i] = toEpochDay(row.validUntil as PlainDate);
    series.invalidatedOn[i] = row.invalidatedOn ? toEpochDay(row.invalidatedOn as PlainDate) : 0;
  }

  #grow(series: Series, index: number): void {
    let length = series.validUntil.length;
    while (length <= index) length *= 2;
    const until = new Int32Array(length);
    until.set(series.validUntil);
    const invalidated = new Int32Array(length);
    invalidated.set(series.invalidatedOn);
    series.validUntil = until;
    series.invalidatedOn = invalidated;
  }
}
