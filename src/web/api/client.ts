/**
 * Typed calls over the shared contracts: the same descriptors the server registers its routes from.
 * Sends the session's CSRF token on unsafe requests and turns problem details into ApiError.
 */
import type { z } from 'zod';
import type { EndpointContract } from '../../shared/contracts/contract.ts';
import type { ErrorCode, FieldError, ProblemDetails, RuleValues } from '../../shared/errors.ts';

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The problem the API answered, or NETWORK when it could not be reached. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;
  readonly fieldErrors: FieldError[];
  /** The business rule that refused the request (`rule.<id>` in the catalogues); a string, as a newer server may name a rule this build does not know. */
  readonly rule: string | undefined;
  /** What the rule's message needs; dates as ISO, formatted by the page. */
  readonly ruleValues: RuleValues;
  constructor(
    code: ErrorCode | 'NETWORK',
    status: number,
    message: string,
    fieldErrors: FieldError[] = [],
    rule?: { id: string; values?: RuleValues | undefined },
  ) {
    super(message);
    this.code = code;
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.rule = rule?.id;
    this.ruleValues = rule?.values ?? {};
  }
}

type Out<C extends EndpointContract> = C['response'] extends z.ZodType ? z.infer<C['response']> : undefined;

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Sent as Idempotency-Key: a repeat of the command under it gets the first answer and does nothing twice (a payment). */
  idempotencyKey?: string;
}

/** Listeners told when the server says the session has ended, so the app can send the person to sign-in. */
const expiryListeners = new Set<() => void>();
export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

export async function callApi<C extends EndpointContract>(contract: C, options: CallOptions = {}): Promise<Out<C>> {
  let path = contract.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(options.params?.[name] ?? ''),
  );
  const query = Object.entries(options.query ?? {}).filter(([, v]) => v !== undefined && v !== '');
  if (query.length) path += `?${new URLSearchParams(query.map(([k, v]) => [k, String(v)])).toString()}`;
  const unsafe = contract.method !== 'GET';
  let response: Response;
  try {
    response = await fetch(path, {
      method: contract.method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(unsafe && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError('NETWORK', 0, 'network error');
  }
  if (response.status === 204) return undefined as Out<C>;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = payload as Partial<ProblemDetails> | undefined;
    const code = problem?.code ?? 'INTERNAL';
    if (code === 'SESSION_EXPIRED') for (const l of expiryListeners) l();
    const rule = problem?.rule ? { id: problem.rule, values: problem.ruleValues } : undefined;
    throw new ApiError(code, response.status, problem?.detail ?? response.statusText, problem?.errors ?? [], rule);
  }
  return payload as Out<C>;
}
