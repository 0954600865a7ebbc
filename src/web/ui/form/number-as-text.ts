/**
 * A number typed into a field (the browser hands the form text), checked by the contract's own number rule
 * (a whole number from 1 to 50 desks…). Left empty it is asked for, not read as 0.
 */
import { z } from 'zod';

export function numberAsText<S extends z.ZodType<unknown, number>>(rule: S) {
  return z.string().trim().min(1).transform(Number).pipe(rule);
}
