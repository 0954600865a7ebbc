/** The one error type services throw; the HTTP layer maps its code to a status (shared/errors.ts). */
import type { ErrorCode, FieldError } from '../../shared/errors.ts';

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: FieldError[] | undefined;
  constructor(code: ErrorCode, message: string, details?: FieldError[]) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You do not have permission for this'): AppError => new AppError('FORBIDDEN', message);
