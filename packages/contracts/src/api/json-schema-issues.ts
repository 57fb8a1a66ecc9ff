/**
 * The checks of a JSON Schema used as tool parameters, without zod: the API's tool schema runs them, and the web
 * app bundles them to check tools as they are typed.
 */
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);
const MAX_DEPTH = 32;

/** A problem at a path inside the schema. */
export type JsonSchemaIssue = { path: (string | number)[]; message: string };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkType(type: unknown, path: (string | number)[], issues: JsonSchemaIssue[]): void {
  const types = Array.isArray(type) ? type : [type];
  if (types.length === 0 || !types.every((t) => typeof t === 'string' && JSON_TYPES.has(t))) {
    issues.push({
      path: [...path, 'type'],
      message: `invalid JSON Schema type ${JSON.stringify(type)}; use one of ${[...JSON_TYPES].join(', ')}`,
    });
  }
}

function checkProperties(
  schema: Record<string, unknown>,
  path: (string | number)[],
  issues: JsonSchemaIssue[],
  depth: number,
): void {
  const { properties, required } = schema;
  if (properties !== undefined) {
    if (!isPlainObject(properties))
      issues.push({ path: [...path, 'properties'], message: 'properties must be an object' });
    else
      for (const [k, v] of Object.entries(properties))
        collectSchemaIssues(v, [...path, 'properties', k], issues, depth + 1);
  }
  if (required !== undefined) {
    if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) {
      issues.push({ path: [...path, 'required'], message: 'required must be an array of property names' });
    } else if (isPlainObject(properties)) {
      for (const r of required) {
        if (!(r in properties))
          issues.push({
            path: [...path, 'required'],
            message: `required property "${r}" is not declared in properties`,
          });
      }
    }
  }
}

/**
 * Collects the problems of a JSON Schema used as tool parameters: unknown types, malformed
 * properties/required/items/enum. Unknown keywords are allowed (providers ignore them).
 * @returns issues with paths relative to `path`
 */
export function collectSchemaIssues(
  schema: unknown,
  path: (string | number)[],
  issues: JsonSchemaIssue[] = [],
  depth = 0,
): JsonSchemaIssue[] {
  if (depth > MAX_DEPTH) {
    issues.push({ path, message: `schema nested deeper than ${MAX_DEPTH} levels` });
    return issues;
  }
  if (typeof schema === 'boolean') return issues;
  if (!isPlainObject(schema)) {
    issues.push({ path, message: 'a schema must be an object' });
    return issues;
  }
  if (schema.type !== undefined) checkType(schema.type, path, issues);
  checkProperties(schema, path, issues, depth);
  if (schema.items !== undefined) collectSchemaIssues(schema.items, [...path, 'items'], issues, depth + 1);
  if (schema.enum !== undefined && (!Array.isArray(schema.enum) || schema.enum.length === 0)) {
    issues.push({ path: [...path, 'enum'], message: 'enum must be a non-empty array' });
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (list === undefined) continue;
    if (!Array.isArray(list))
      issues.push({ path: [...path, key], message: `${key} must be an array of schemas` });
    else list.forEach((s, i) => collectSchemaIssues(s, [...path, key, i], issues, depth + 1));
  }
  if (schema.description !== undefined && typeof schema.description !== 'string') {
    issues.push({ path: [...path, 'description'], message: 'description must be a string' });
  }
  return issues;
}
