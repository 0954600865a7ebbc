/**
 * A list of codes typed as text ("UKR, POL"), checked by the contract's own list schema: split at commas or
 * spaces, upper-cased, then the contract's rule (ISO 3166 codes, at most five). An error on one code is shown
 * at the field (contract-resolver.ts).
 */
import { z } from 'zod';

export function codesAsText<S extends z.ZodType<unknown, string[]>>(list: S) {
  return z
    .string()
    .transform((text) =>
      text
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((code) => code.toUpperCase()),
    )
    .pipe(list);
}
