/**
 * OpenAPI 3.1 from the same zod schemas the routes validate with: @fastify/swagger collects the
 * routes, and this transform turns each zod schema into JSON Schema (zod 4's own converter).
 */
import { z } from 'zod';

function toJsonSchema(schema: unknown, io: 'input' | 'output'): unknown {
  if (schema instanceof z.ZodType) {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
      string,
      unknown
    >;
    delete json['$schema'];
    return json;
  }
  return schema;
}

/** JSON Schema for `params`/`querystring` must be an object with `properties`; swagger maps them to parameters. */
export function zodToOpenApiTransform({ schema, url }: { schema: Record<string, unknown> | undefined; url: string }) {
  if (!schema) return { schema, url };
  const out: Record<string, unknown> = { ...schema };
  for (const key of ['params', 'querystring', 'body'] as const) {
    if (schema[key]) out[key] = toJsonSchema(schema[key], 'input');
  }
  if (schema['response']) {
    out['response'] = Object.fromEntries(
      Object.entries(schema['response'] as Record<string, unknown>).map(([status, s]) => [
        status,
        toJsonSchema(s, 'output'),
      ]),
    );
  }
  delete out['x-access'];
  if (schema['x-access']) out['description'] = `Access: ${String(schema['x-access'])}`;
  return { schema: out, url };
}
