/**
 * The check a contract form runs (react-hook-form's resolver): the contract's schema, every issue described
 * by `describeIssue` from the issue itself, exactly as the server's problem details do. (@hookform/resolvers'
 * zod resolver was tried: it keeps only each issue's message, and zod puts a schema's own message ahead of
 * any error map, so a blank date was called "not a real date" and a file's rule lost its reason.)
 * What only the browser knows is added: a date whose typed text is not a whole, real day has an empty
 * value and `validity.badInput` (refused as a date, not as empty); an error on a part of a field
 * (`citizenships.1` of a list typed as text) is shown at the field itself; and a value usually chosen
 * (an identifier) that is typed here is asked to be filled in, not chosen.
 */
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { describeIssue, encodeMessage, type IssueLike } from '../../../shared/validation/messages.ts';

export function contractResolver<S extends z.ZodType>(schema: S): Resolver<FieldValues> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values, { reportInput: true });
    const fields = fieldList(options.fields);
    const bad = [...fields.values()].filter(
      (ref) => (ref as HTMLInputElement | undefined)?.validity?.badInput,
    ) as HTMLInputElement[];
    if (result.success && !bad.length) return { values: result.data as FieldValues, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const input of bad)
      setIn(errors, input.name, {
        type: 'badInput',
        message: input.type === 'date' ? 'validation.date' : 'validation.invalid',
        ref: input,
      });
    for (const issue of result.success ? [] : result.error.issues) {
      const field = fieldOf(issue.path.map(String).join('.'), fields);
      if (getIn(errors, field) !== undefined) continue;
      const ref = describeIssue(issue as IssueLike);
      const element = fields.get(field);
      // An empty choice (a list, radio buttons) is chosen, not filled in.
      if (ref.key === 'validation.required' && isChoice(element)) ref.key = 'validation.choose';
      // What is usually chosen but here typed (an identifier): left empty it is filled in, mistyped it is not in a form we take.
      else if (ref.key === 'validation.choose' && isTyped(element))
        ref.key = isBlank(issue.input) ? 'validation.required' : 'validation.invalid';
      setIn(errors, field, { type: issue.code, message: encodeMessage(ref), ref: fields.get(field) });
    }
    return { values: {}, errors: errors as never };
  };
}

function isChoice(element: unknown): boolean {
  const el = element as { tagName?: string; type?: string } | undefined;
  return el?.tagName === 'SELECT' || el?.type === 'radio';
}

function isTyped(element: unknown): boolean {
  const el = element as { tagName?: string; type?: string } | undefined;
  return (
    (el?.tagName === 'INPUT' && el.type !== 'radio' && el.type !== 'checkbox' && el.type !== 'file') ||
    el?.tagName === 'TEXTAREA'
  );
}

const isBlank = (input: unknown): boolean =>
  input === undefined || input === null || (typeof input === 'string' && input.trim() === '');

/** react-hook-form hands the resolver its fields nested by path; each leaf (`_f`) has the field's name and element. */
function fieldList(tree: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const leaf = node as { name?: unknown; ref?: unknown };
    if (typeof leaf.name === 'string' && 'ref' in leaf) {
      out.set(leaf.name, leaf.ref);
      return;
    }
    for (const child of Object.values(node)) walk(child);
  };
  walk(tree);
  return out;
}

/** The registered field a path belongs to: itself, or the nearest enclosing path that is a field. */
function fieldOf(path: string, fields: Map<string, unknown>): string {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') if (fields.has(p)) return p;
  return path;
}

function getIn(target: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      target,
    );
}

function setIn(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}
