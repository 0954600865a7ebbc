/**
 * Registers an endpoint from its shared contract: parse input → authorize → CSRF → handler → parse
 * output. Every route names its access rule, and the rule is recorded so the permission matrix test
 * can walk every endpoint × role.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { hasPermission, type AccessRule } from '../../shared/kernel/permissions.ts';
import type { EndpointContract } from '../../shared/contracts/contract.ts';
import { AppError } from './app-error.ts';
import { zodFieldErrors } from './problem.ts';
import type { PartnerPrincipal, Principal, ResidentPrincipal, StaffPrincipal } from './auth-context.ts';
import { createFixedWindowLimiter, type FixedWindowLimiter } from './rate-limit.ts';

export interface EndpointRecord {
  method: string;
  path: string;
  access: AccessRule;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type PrincipalFor<A extends AccessRule> = A extends 'public'
  ? Principal
  : A extends 'resident'
    ? ResidentPrincipal
    : A extends 'any-session'
      ? StaffPrincipal | ResidentPrincipal
      : A extends 'partner'
        ? PartnerPrincipal
        : StaffPrincipal;

export interface HandlerContext<C extends EndpointContract, A extends AccessRule> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: Infer<C['params']>;
  query: Infer<C['query']>;
  body: Infer<C['body']>;
  principal: PrincipalFor<A>;
}

/** Handlers return the response's input shape; the route parses it into the declared output. */
type HandlerResult<C extends EndpointContract> = C['response'] extends z.ZodType ? z.input<C['response']> : void;
type Handler<C extends EndpointContract, A extends AccessRule> = (
  ctx: HandlerContext<C, A>,
) => Promise<HandlerResult<C>> | HandlerResult<C>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Fastify's `:param` form of a contract path written as `{param}`. */
export function fastifyPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

function parseOrThrow<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}), { reportInput: true });
  if (!result.success)
    throw new AppError(
      'VALIDATION_FAILED',
      `Invalid ${where}`,
      zodFieldErrors(result.error, where === 'body' ? undefined : where),
    );
  return result.data;
}

/** Throws the right problem when the principal may not use an endpoint with this access rule. */
export function authorize(principal: Principal, access: AccessRule): void {
  if (access === 'public') return;
  if (access === 'partner') {
    if (principal.kind !== 'partner')
      throw new AppError('UNAUTHENTICATED', 'This service is for partner systems: send your X-Api-Key');
    return;
  }
  // A partner system has no session: it reaches public and partner services only.
  if (principal.kind === 'partner')
    throw new AppError('FORBIDDEN', 'A partner system’s key does not open this service');
  if (principal.kind === 'anonymous') {
    throw principal.sessionProblem
      ? new AppError('SESSION_EXPIRED', 'Your session has ended; please sign in again')
      : new AppError('UNAUTHENTICATED', 'Please sign in');
  }
  if (principal.kind === 'staff' && principal.mfaPending)
    throw new AppError('MFA_REQUIRED', 'Enter the code from your authenticator app to finish signing in');
  if (access === 'any-session') return;
  if (access === 'resident') {
    if (principal.kind !== 'resident') throw new AppError('FORBIDDEN', 'This is a resident service');
    return;
  }
  if (principal.kind !== 'staff') throw new AppError('FORBIDDEN', 'This is a staff service');
  if (access === 'staff') return;
  if (!hasPermission(principal.roles, access.permission))
    throw new AppError('FORBIDDEN', `Your roles do not include the permission ${access.permission}`);
}

function checkCsrf(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const principal = request.principal;
  // Without a session cookie there is nothing a forged request could ride on.
  if (principal.kind === 'anonymous' || principal.kind === 'partner') return;
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || header !== principal.csrfToken) {
    throw new AppError('CSRF_REJECTED', 'Missing or wrong X-CSRF-Token header for this session');
  }
}

/** A route's rate limit: a fixed or per-request maximum per window, counted per client address unless a key says otherwise. */
export interface RouteRateLimit {
  max: number | ((request: FastifyRequest, key: string) => number);
  timeWindow: number;
  keyGenerator?: (request: FastifyRequest) => string;
}

/** Counts the request against the route's limit; past it, a 429 problem with Retry-After. */
function enforceLimit(
  limiter: FixedWindowLimiter,
  limit: RouteRateLimit,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const key = limit.keyGenerator ? limit.keyGenerator(request) : request.ip;
  const decision = limiter.hit(key, typeof limit.max === 'number' ? limit.max : limit.max(request, key), Date.now());
  reply
    .header('x-ratelimit-limit', decision.limit)
    .header('x-ratelimit-remaining', decision.remaining)
    .header('x-ratelimit-reset', decision.resetSeconds);
  if (!decision.allowed) {
    reply.header('retry-after', decision.resetSeconds);
    throw new AppError('RATE_LIMITED', `Too many requests; try again in ${decision.resetSeconds} s`);
  }
}

export function registerEndpoint<const C extends EndpointContract, const A extends AccessRule>(
  app: FastifyInstance,
  contract: C,
  access: A,
  handler: Handler<C, A>,
  options: { rateLimit?: RouteRateLimit; bodyLimit?: number } = {},
): void {
  (app.endpointRegistry as EndpointRecord[]).push({ method: contract.method, path: contract.path, access });
  const { rateLimit } = options;
  const limiter = rateLimit ? createFixedWindowLimiter({ windowMs: rateLimit.timeWindow }) : undefined;
  app.route({
    method: contract.method,
    url: fastifyPath(contract.path),
    schema: {
      summary: contract.summary,
      tags: [...contract.tags],
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      ...(contract.response ? { response: { [contract.successStatus ?? 200]: contract.response } } : {}),
      ...(access === 'public' ? {} : { security: [{ session: [] }] }),
      'x-access': typeof access === 'string' ? access : access.permission,
    } as Record<string, unknown>,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    handler: (request, reply) => {
      if (limiter && rateLimit) enforceLimit(limiter, rateLimit, request, reply);
      authorize(request.principal, access);
      checkCsrf(request);
      const params = parseOrThrow(contract.params, request.params, 'params');
      const query = parseOrThrow(contract.query, request.query, 'query');
      const body = parseOrThrow(contract.body, request.body, 'body');
      const result = handler({
        request,
        reply,
        params,
        query,
        body,
        principal: request.principal,
      } as unknown as HandlerContext<C, A>);
      // A handler that answers at once (the public check from memory) is sent in this tick, without a
      // promise; Fastify takes a returned promise as the asynchronous answer.
      if (result instanceof Promise) return result.then((value) => respond(contract, reply, value));
      respond(contract, reply, result);
      return undefined;
    },
  });
}

/** Sends the handler's result as the contract declares it, unless the handler sent the reply itself. */
function respond(contract: EndpointContract, reply: FastifyReply, result: unknown): void {
  if (reply.sent) return;
  if (contract.response === null) {
    reply.status(contract.successStatus ?? 204).send();
    return;
  }
  // Parse the output too: strips every field the contract does not declare (no accidental disclosure).
  reply.status(contract.successStatus ?? 200).send(contract.response.parse(result));
}

declare module 'fastify' {
  interface FastifyInstance {
    endpointRegistry: EndpointRecord[];
  }
}
