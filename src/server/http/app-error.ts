/** The one error type services throw; the HTTP layer maps its code to a status (shared/errors.ts). */
import type { ErrorCode, FieldError, RuleId, RuleValues } from '../../shared/errors.ts';

/** The business rule a refusal names, with the values its message needs (dates as ISO). */
export interface RuleRef {
  id: RuleId;
  values?: RuleValues;
}

export interface AppErrorOptions {
  details?: FieldError[];
  rule?: RuleRef;
}

/**
 * `new AppError(code, message)`, with field errors as a list (`[{ path, message }]`) or, for a refused
 * business rule, `{ rule: { id, values }, details? }`. The message is English, for developers and logs; the
 * person reads the rule's message from the catalogue (STYLE §5).
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: FieldError[] | undefined;
  readonly rule: RuleRef | undefined;
  constructor(code: ErrorCode, message: string, detailsOrOptions?: FieldError[] | AppErrorOptions) {
    super(message);
    this.code = code;
    const options = Array.isArray(detailsOrOptions) ? { details: detailsOrOptions } : (detailsOrOptions ?? {});
    this.details = options.details;
    this.rule = options.rule;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You do not have permission for this'): AppError =>
  new AppError('FORBIDDEN', message);
