/**
 * The bitemporal rule of the register, as pure functions (decision 0009). A fact row is true on valid
 * time [validFrom, validTo) and was the register's knowledge over recorded time [recordedAt, supersededAt).
 * A change never edits a row: it closes the recorded time of the rows it contradicts and records
 * replacements, so "as true on D" and "as the register showed it on R" are both plain filters.
 */

/** ISO dates compare correctly as strings; `null` as an end means open-ended. */
export interface ValidPeriod {
  validFrom: string;
  validTo: string | null;
}

export interface CurrentRow<P> extends ValidPeriod {
  id: number;
  payload: P;
}

export interface OverlayPlan<P> {
  /** Rows whose recorded time ends now. */
  supersede: number[];
  /** Rows recorded now: the untouched remainders of superseded rows, then the new assertion (if any). */
  insert: Array<ValidPeriod & { payload: P }>;
}

const endsAfter = (end: string | null, date: string): boolean => end === null || end > date;

export function overlaps(a: ValidPeriod, b: ValidPeriod): boolean {
  return endsAfter(a.validTo, b.validFrom) && endsAfter(b.validTo, a.validFrom);
}

/**
 * Plans "from now on the register knows that over [from, to) the fact is `payload`" (or, with no
 * payload, that the fact did not hold then): every current row overlapping the period is superseded,
 * and the parts of it outside the period are recorded again unchanged.
 */
export function planOverlay<P>(
  current: ReadonlyArray<CurrentRow<P>>,
  period: ValidPeriod,
  payload: P | undefined,
): OverlayPlan<P> {
  if (period.validTo !== null && period.validTo <= period.validFrom)
    throw new RangeError(`empty period ${period.validFrom}..${period.validTo}`);
  const plan: OverlayPlan<P> = { supersede: [], insert: [] };
  for (const row of current) {
    if (!overlaps(row, period)) continue;
    plan.supersede.push(row.id);
    if (row.validFrom < period.validFrom)
      plan.insert.push({ validFrom: row.validFrom, validTo: period.validFrom, payload: row.payload });
    if (period.validTo !== null && endsAfter(row.validTo, period.validTo))
      plan.insert.push({ validFrom: period.validTo, validTo: row.validTo, payload: row.payload });
  }
  if (payload !== undefined) plan.insert.push({ ...period, payload });
  return plan;
}

/** True when the row holds on `date`. */
export function holdsOn(row: ValidPeriod, date: string): boolean {
  return row.validFrom <= date && endsAfter(row.validTo, date);
}

/** True when the row was the register's knowledge at instant `at` (ISO timestamp). */
export function knownAt(row: { recordedAt: string; supersededAt: string | null }, at: string): boolean {
  return row.recordedAt <= at && (row.supersededAt === null || row.supersededAt > at);
}
