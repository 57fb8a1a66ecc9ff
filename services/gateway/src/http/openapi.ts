import { z } from 'zod';
import type { RouteRegistry } from './route.js';

const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

function schemaOf(s: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

/**
 * The OpenAPI 3.1 document, generated from the same zod contracts the routes validate with,
 * so it cannot drift from the implementation.
 */
export function buildOpenApi(routes: RouteRegistry, version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = r.query
      ? Object.entries((schemaOf(r.query, 'input').properties ?? {}) as Record<string, unknown>).map(
          ([name, schema]) => ({ name, in: 'query', schema }),
        )
      : [];
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.auth === false ? { security: [] } : {}),
      parameters: [...params, ...query],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(r.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(r.status ?? (r.response ? 200 : 204))]: r.response
          ? { description: 'OK', content: { 'application/json': { schema: schemaOf(r.response, 'output') } } }
          : { description: 'No content' },
        default: { description: 'Error', content: { 'application/json': { schema: ERROR_SCHEMA } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'LLM Benchmark Studio API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
