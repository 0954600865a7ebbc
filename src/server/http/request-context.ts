/**
 * The one hook every request passes (onRequest, synchronous): when it arrived, its security headers, and who
 * is asking.
 * Only an API request that carries a session cookie waits for its session; the public document check and
 * partner systems' calls answer in the same tick (docs/decisions/0021-lean-request-spine.md).
 */
import type { FastifyInstance } from 'fastify';
import { parseCookie } from 'cookie';
import type { Principal } from './auth-context.ts';

export interface RequestContextDeps {
  /** The security headers for a request's URL (security-headers.ts). */
  headersFor(url: string): Record<string, string>;
  sessionCookie: string;
  /** The principal of a session token (identity). */
  resolveSession(token: string): Promise<Principal>;
  /** The partner institution a key belongs to, if any (partner-keys.ts). */
  partnerByKey(key: string | undefined): string | undefined;
}

export function installRequestContext(app: FastifyInstance, deps: RequestContextDeps): void {
  app.decorateRequest('receivedAt', 0);
  app.addHook('onRequest', (request, reply, done) => {
    request.receivedAt = performance.now();
    reply.headers(deps.headersFor(request.url));
    if (!request.url.startsWith('/api/')) {
      request.principal = { kind: 'anonymous' };
      return done();
    }
    const cookieHeader = request.headers.cookie;
    const token = cookieHeader ? parseCookie(cookieHeader)[deps.sessionCookie] : undefined;
    // Without a session, an X-Api-Key may name a partner institution's system.
    const key = request.headers['x-api-key'];
    const withPartner = (principal: Principal): Principal => {
      const partner = principal.kind === 'anonymous' && typeof key === 'string' ? deps.partnerByKey(key) : undefined;
      return partner ? { kind: 'partner', name: partner } : principal;
    };
    if (!token) {
      request.principal = withPartner({ kind: 'anonymous' });
      return done();
    }
    deps.resolveSession(token).then((principal) => {
      request.principal = withPartner(principal);
      done();
    }, done);
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request reached the server (performance.now()), for its duration metric. */
    receivedAt: number;
  }
}
