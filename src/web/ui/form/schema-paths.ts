/**
 * What a form learns from the contract's schema about one field: is it required, how long may it be.
 * Walks zod 4's definitions (objects, wrappers, pipes, unions, arrays) along a dotted path.
 */
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** The schema of the field at `path` (`address.postcode`, `additionalAddresses.0.validFrom`), if the schema has one. */
export function schemaAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path.split('.')) {
    current = current && child(current, segment);
    if (!current) return undefined;
  }
  return current;
}

function child(schema: z.ZodType, segment: string): z.ZodType | undefined {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape?.[segment];
  if (WRAPPERS.has(def.type) && def.innerType) return child(def.innerType, segment);
  if (def.type === 'pipe' && def.in) return child(def.in, segment);
  if (def.type === 'array' && /^\d+$/.test(segment)) return def.element;
  if (def.type === 'union') {
    for (const option of def.options ?? []) {
      const found = child(option, segment);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * What an empty field sends: nothing (`undefined`) for an optional field, `null` for one the contract takes as
 * null ("remove my e-mail address"), and the empty text itself for a required one, so it is refused as empty.
 */
export function emptyValueAt(schema: z.ZodType, path: string): undefined | null | '' {
  const field = schemaAt(schema, path);
  if (!field) return '';
  if (field.safeParse(undefined).success) return undefined;
  if (field.safeParse(null).success) return null;
  return '';
}

/** A field is required when the schema takes neither nothing, nor null, nor an empty text for it. */
export function isRequiredAt(schema: z.ZodType, path: string): boolean {
  const field = schemaAt(schema, path);
  if (!field) return false;
  return emptyValueAt(schema, path) === '' && !field.safeParse('').success;
}

/** The most characters a text field may hold, from its `.max()` rule. */
export function maxLengthAt(schema: z.ZodType, path: string): number | undefined {
  let field = schemaAt(schema, path);
  while (field) {
    const max = (field as unknown as { maxLength?: number | null }).maxLength;
    if (typeof max === 'number') return max;
    const def = defOf(field);
    field = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
  }
  return undefined;
}
