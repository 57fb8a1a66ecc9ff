import type { Tool } from '@llmbench/contracts';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { z } from 'zod';
import { isPlainObject } from './json-text.js';

/** One problem of a call's arguments against the tool's parameter schema. */
export const SchemaIssue = z.object({
  /** JSON Pointer into the arguments, e.g. `/delivery/channel` ('' = the arguments object). */
  path: z.string(),
  message: z.string(),
});
export type SchemaIssue = z.infer<typeof SchemaIssue>;

/** Whether a call's arguments fit the offered tool's schema. Reported, never folded into overall. */
export const SchemaCheck = z.object({ valid: z.boolean(), errors: z.array(SchemaIssue) });
export type SchemaCheck = z.infer<typeof SchemaCheck>;

// Enough to show what is wrong; a schema with hundreds of keys should not bloat every result.
const MAX_ISSUES = 20;
const COMPOSITION = ['anyOf', 'oneOf', 'allOf', 'not', '$ref', 'if', 'patternProperties'];

// strict: false because tool schemas carry keywords Ajv does not know (BFCL's `optional`, ...);
// validateSchema/formats off because a provider accepts any of those and so must we.
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, validateFormats: false });
const compiled = new WeakMap<object, ValidateFunction | null>();

/**
 * Copies a schema, closing every object node that declares `properties` but says nothing about
 * extra keys, so keys the tool never declared are reported. Nodes using composition keywords
 * are left open: closing them would reject keys declared in a sub-schema.
 */
function closeObjects(schema: unknown, depth = 0): unknown {
  if (depth > 32) return schema;
  if (Array.isArray(schema)) return schema.map((s) => closeObjects(s, depth + 1));
  if (!isPlainObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    // `properties`/`$defs` map names to schemas; `enum`/`const`/`default` hold values, not schemas.
    if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples') out[k] = v;
    else if ((k === 'properties' || k === '$defs' || k === 'definitions') && isPlainObject(v))
      out[k] = Object.fromEntries(Object.entries(v).map(([n, s]) => [n, closeObjects(s, depth + 1)]));
    else out[k] = closeObjects(v, depth + 1);
  }
  const open = COMPOSITION.some((k) => k in schema) || 'additionalProperties' in schema;
  if (isPlainObject(schema.properties) && !open) out.additionalProperties = false;
  return out;
}

/** Compiles (once per schema object) a validator; null when Ajv cannot compile the schema. */
function validatorFor(schema: Record<string, unknown>): ValidateFunction | null {
  const cached = compiled.get(schema);
  if (cached !== undefined) return cached;
  const closed = closeObjects(schema) as Record<string, unknown>;
  let fn: ValidateFunction | null = null;
  try {
    fn = ajv.compile(closed);
  } catch {
    fn = null;
  } finally {
    // Ajv caches every compiled schema object forever; ours live in the WeakMap instead.
    ajv.removeSchema(closed);
  }
  compiled.set(schema, fn);
  return fn;
}

function toIssue(e: ErrorObject): SchemaIssue {
  if (e.keyword === 'additionalProperties') {
    const extra = String((e.params as { additionalProperty?: unknown }).additionalProperty);
    return { path: `${e.instancePath}/${extra}`, message: 'is not declared in the tool schema' };
  }
  if (e.keyword === 'required') {
    const missing = String((e.params as { missingProperty?: unknown }).missingProperty);
    return { path: `${e.instancePath}/${missing}`, message: 'is required but missing' };
  }
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues?: unknown }).allowedValues;
    return { path: e.instancePath, message: `must be one of ${JSON.stringify(allowed)}` };
  }
  return { path: e.instancePath, message: e.message ?? e.keyword };
}

/**
 * Validates a call's arguments against the called tool's JSON Schema: required keys, types
 * (integer vs number, booleans are not integers), enums, nested objects and arrays, and keys
 * the schema does not declare.
 * @param args the parsed arguments (null when unreadable: nothing to check)
 * @param tool the offered tool that was called (undefined when the name is not offered)
 * @returns the verdict, or null when there is nothing to check against (or the schema does not compile)
 * @example
 * checkArgumentsSchema({ city: 3 }, weatherTool);
 * // { valid: false, errors: [{ path: '/city', message: 'must be string' }] }
 */
export function checkArgumentsSchema(
  args: Record<string, unknown> | null,
  tool: Tool | undefined,
): SchemaCheck | null {
  if (args === null || tool === undefined) return null;
  const validate = validatorFor(tool.function.parameters);
  if (validate === null) return null;
  if (validate(args)) return { valid: true, errors: [] };
  const errors = (validate.errors ?? []).slice(0, MAX_ISSUES).map(toIssue);
  return { valid: false, errors };
}
