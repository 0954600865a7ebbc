/**
 * What a failed zod rule says, in any language: every issue of a contract schema becomes a catalogue key
 * and the values its message needs (the maximum length and what was written, the example of a format…).
 * The browser's forms and the server's problem details both go through `describeIssue`, so a field refused
 * in the browser and the same field refused by the API say the same thing (STYLE §13).
 *
 * A schema names a specific format by giving its rule a catalogue key as the message:
 *   `z.string().regex(/^LV-\d{4}$/, 'format.postcode')`
 * Everything else (required, lengths, numbers, dates, e-mail, choices) is described from the issue itself.
 */
export interface MessageRef {
  key: string;
  values: Record<string, string | number>;
}

/** The issue fields we read; both zod's raw issues (error maps) and final issues (parse results) have them. */
export interface IssueLike {
  code: string;
  message?: string | undefined;
  origin?: string | undefined;
  minimum?: number | bigint | Date | undefined;
  maximum?: number | bigint | Date | undefined;
  format?: string | undefined;
  input?: unknown;
  params?: Record<string, unknown> | undefined;
}

const CATALOGUE_KEY = /^(validation|format|fieldReason)\.[\w.-]+$/;

/** True when a schema's message is a catalogue key rather than prose. */
export function isMessageKey(message: string | undefined): message is string {
  return message !== undefined && CATALOGUE_KEY.test(message);
}

const asNumber = (n: number | bigint | Date | undefined): number => (n instanceof Date ? n.getTime() : Number(n ?? 0));
const isBlank = (input: unknown): boolean =>
  input === undefined || input === null || (typeof input === 'string' && input.trim() === '');

/** The catalogue key and values that say what is wrong with one field. */
export function describeIssue(issue: IssueLike): MessageRef {
  const reason = issue.code === 'custom' ? issue.params?.['reason'] : undefined;
  if (typeof reason === 'string') return { key: `fieldReason.${reason}`, values: {} };
  // Left empty: whatever the rule, the person has to fill it in (or choose), not mend a format.
  if ('input' in issue && isBlank(issue.input) && issue.code !== 'too_big') return required(issue);
  if (isMessageKey(issue.message)) return { key: issue.message, values: {} };
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.email', values: {} };
      if (issue.format === 'date') return { key: 'validation.date', values: {} };
      if (issue.format === 'uuid' || issue.format === 'guid') return { key: 'validation.choose', values: {} };
      return { key: 'validation.invalid', values: {} };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'validation.choose', values: {} };
    default:
      return { key: 'validation.invalid', values: {} };
  }
}

/** A choice (radio, select, a person picked from a list) left empty asks to choose; a text field to be filled in. */
function required(issue: IssueLike): MessageRef {
  const choice =
    issue.code === 'invalid_value' ||
    issue.code === 'invalid_union' ||
    (issue.code === 'invalid_format' && (issue.format === 'uuid' || issue.format === 'guid'));
  return { key: choice ? 'validation.choose' : 'validation.required', values: {} };
}

function tooSmall(issue: IssueLike): MessageRef {
  const min = asNumber(issue.minimum);
  if (issue.origin === 'string') return min <= 1 ? required(issue) : { key: 'validation.tooShort', values: { min } };
  if (issue.origin === 'array' || issue.origin === 'set')
    return { key: min <= 1 ? 'validation.choose' : 'validation.chooseAtLeast', values: { min } };
  return { key: 'validation.tooSmall', values: { min } };
}

function tooBig(issue: IssueLike): MessageRef {
  const max = asNumber(issue.maximum);
  if (issue.origin === 'string')
    return {
      key: 'validation.tooLong',
      values: { max, count: typeof issue.input === 'string' ? issue.input.trim().length : max + 1 },
    };
  if (issue.origin === 'array' || issue.origin === 'set') return { key: 'validation.tooMany', values: { max } };
  return { key: 'validation.tooLarge', values: { max } };
}

/**
 * A message reference as one string (`validation.tooLong?max=200&count=212`), for places that carry only a
 * string, such as react-hook-form's error message; `decodeMessage` turns it back.
 */
export function encodeMessage(ref: MessageRef): string {
  const entries = Object.entries(ref.values);
  return entries.length
    ? `${ref.key}?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`
    : ref.key;
}

/** The reference in an encoded message; a message that is not a key comes back as `{ key: undefined, text }`. */
export function decodeMessage(message: string): MessageRef | { key: undefined; text: string } {
  const [key = '', query] = message.split('?', 2);
  if (!isMessageKey(key)) return { key: undefined, text: message };
  const values: Record<string, string | number> = {};
  for (const [k, v] of new URLSearchParams(query ?? '')) values[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return { key, values };
}
