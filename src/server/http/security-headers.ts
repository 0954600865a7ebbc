/**
 * Security headers, computed once at start and attached to every answer (by the request hook in app.ts). The same set @fastify/helmet
 * sends, but helmet rebuilds them per request, which halved throughput in our measurement
 * (docs/decisions/0008-static-security-headers.md).
 */

export function securityHeaders(options: { https: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "script-src-attr 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/**
 * The set for JSON answers under /api/ (OWASP's REST set): nothing in them is a page, so the page policy's
 * sources mean nothing there, and each header costs every request (decision 0021).
 */
export function apiSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** The set for a request's URL: API answers the API set; pages, files and the interactive API reference (/api/docs, a page) the page set. */
export function securityHeadersFor(options: { https: boolean }): (url: string) => Record<string, string> {
  const page = securityHeaders(options);
  const api = apiSecurityHeaders(options);
  return (url) => (url.startsWith('/api/') && !url.startsWith('/api/docs') ? api : page);
}
