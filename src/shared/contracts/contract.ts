/**
 * An endpoint descriptor shared by server and browser: the server registers the route from it (so
 * path and method cannot drift) and the web client calls it with inferred types.
 */
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EndpointContract {
  method: HttpMethod;
  path: string;
  summary: string;
  tags: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Schema of the successful (2xx) body; `null` for 204 No Content. */
  response: z.ZodType | null;
  successStatus?: 200 | 201 | 202 | 204;
}

export type BodyOf<C extends EndpointContract> = C['body'] extends z.ZodType ? z.input<C['body']> : undefined;
export type ResponseOf<C extends EndpointContract> = C['response'] extends z.ZodType
  ? z.infer<C['response']>
  : undefined;
export type ParamsOf<C extends EndpointContract> = C['params'] extends z.ZodType ? z.input<C['params']> : undefined;
export type QueryOf<C extends EndpointContract> = C['query'] extends z.ZodType ? z.input<C['query']> : undefined;

export function defineEndpoint<const C extends EndpointContract>(contract: C): C {
  return contract;
}
