/**
 * Every error leaves as RFC 9457 problem details (`application/problem+json`). Unknown errors are
 * logged with the request id and answered as a generic INTERNAL problem: no stack, no SQL.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import {
  ERROR_STATUS,
  FIELD_REASONS,
  problemType,
  type ErrorCode,
  type FieldError,
  type FieldReason,
  type ProblemDetails,
} from '../../shared/errors.ts';
import { AppError, type RuleRef } from './app-error.ts';
import { describeFieldIssue } from '../platform/field-messages.ts';

const TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  UNAUTHENTICATED: 'Sign-in required',
  SESSION_EXPIRED: 'The session has ended',
  MFA_REQUIRED: 'Second factor required',
  FORBIDDEN: 'Not allowed',
  CSRF_REJECTED: 'Request origin could not be verified',
  PURPOSE_REQUIRED: 'A purpose is required to access personal data',
  FOUR_EYES_REQUIRED: 'A second person must approve',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict with the current state',
  INVALID_STATE: 'Not allowed in the current state',
  DUPLICATE: 'Already exists',
  ACCOUNT_LOCKED: 'The account is locked',
  RATE_LIMITED: 'Too many requests',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  INTERNAL: 'Internal error',
};

/**
 * Field errors of a failed parse, each with the catalogue message a person reads (`key`, `values`) and that
 * message in English for API clients; a custom issue may name its reason (`params: { reason }`, FIELD_REASONS).
 * Parse with `reportInput: true` so a length message can say how much was written.
 */
export function zodFieldErrors(error: ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const reason = issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
    const { ref, english } = describeFieldIssue(issue, path);
    return {
      path,
      message: english,
      ...(FIELD_REASONS.includes(reason as FieldReason) ? { reason: reason as FieldReason } : {}),
      key: ref.key,
      ...(Object.keys(ref.values).length ? { values: ref.values } : {}),
    };
  });
}

/** The problem for an error code; a refused business rule names itself in `type`, `rule` and `ruleValues`. */
export function buildProblem(
  code: ErrorCode,
  detail: string,
  request: FastifyRequest,
  errors?: FieldError[],
  rule?: RuleRef,
): ProblemDetails {
  return {
    type: problemType(code, rule?.id),
    title: TITLES[code],
    status: ERROR_STATUS[code],
    detail,
    instance: request.url.split('?')[0],
    code,
    requestId: request.id,
    ...(errors && errors.length ? { errors } : {}),
    ...(rule ? { rule: rule.id, ruleValues: rule.values ?? {} } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Installs the error and not-found handlers on the root instance. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError | Error, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, buildProblem(error.code, error.message, request, error.details, error.rule));
    }
    if (error instanceof ZodError) {
      return sendProblem(
        reply,
        buildProblem('VALIDATION_FAILED', 'Some fields are not valid', request, zodFieldErrors(error)),
      );
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.statusCode === 429) {
      return sendProblem(reply, buildProblem('RATE_LIMITED', 'Too many requests; try again later', request));
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      // Body parser and content-type errors from Fastify itself: the client's fault, say what it was.
      const code: ErrorCode =
        fastifyError.statusCode === 404
          ? 'NOT_FOUND'
          : fastifyError.statusCode === 413
            ? 'VALIDATION_FAILED'
            : 'VALIDATION_FAILED';
      return sendProblem(reply, buildProblem(code, fastifyError.message, request));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      buildProblem('INTERNAL', 'Something went wrong on our side; the error was logged', request),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, buildProblem('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`, request)),
  );
}
