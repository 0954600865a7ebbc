/**
 * Logs never carry personal data: credentials and cookies are censored, and personal codes and
 * document numbers in URLs are masked before the request line is logged.
 */
const PERSONAL_CODE_IN_TEXT = /(?<!\d)\d{6}-?\d{5}(?!\d)/g;

export function maskPersonalCodes(text: string): string {
  return text.replace(PERSONAL_CODE_IN_TEXT, '***********');
}

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'body.password',
  'body.initialPassword',
  'body.code',
];

/** A document number in a validity check's URL points at a person: it is masked like a personal code. */
const DOCUMENT_NUMBER_IN_URL = /(\/documents\/)[^/?#]+(\/validity)/g;

export function maskUrl(url: string): string {
  return maskPersonalCodes(url).replace(DOCUMENT_NUMBER_IN_URL, '$1***$2');
}

export const requestSerializer = (request: { method: string; url: string; id: string; ip?: string }) => ({
  id: request.id,
  method: request.method,
  url: maskUrl(request.url),
});
