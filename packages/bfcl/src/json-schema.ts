import { type PlainJson, toPlain } from './lossless-json.js';
import { type LosslessValue, isLosslessObject, orderedKeys } from './py-value.js';

/** A JSON Schema node as plain JSON. */
export type JsonSchema = { [key: string]: PlainJson };

/** The JSON Schema of a tool's parameters. */
export interface JsonSchemaObject {
  type: 'object';
  properties: { [name: string]: JsonSchema };
  required?: string[];
  [key: string]: PlainJson | undefined;
}

/** An OpenAI-style tool definition. */
export interface OpenAiTool {
  type: 'function';
  function: { name: string; description: string; parameters: JsonSchemaObject };
}

/**
 * BFCL type names (and the aliases BFCL itself maps for OpenAI) → JSON Schema types.
 * `any` maps to `string`, as BFCL's own OpenAI conversion does (its checker accepts only a
 * string for `any`, so offering a wider type would invite answers that can never pass).
 */
const TYPE_MAP: Readonly<Record<string, string | null>> = {
  dict: 'object',
  object: 'object',
  float: 'number',
  double: 'number',
  number: 'number',
  integer: 'integer',
  long: 'integer',
  boolean: 'boolean',
  bool: 'boolean',
  string: 'string',
  array: 'array',
  list: 'array',
  tuple: 'array',
  any: 'string',
  null: 'null',
};

const OPENAI_TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Makes a function name acceptable to OpenAI-style APIs (`^[a-zA-Z0-9_-]{1,64}$`): every other
 * character, notably BFCL's `.`, becomes `_` (what BFCL's `underscore_to_dot` models expect).
 * @param name the BFCL function name, e.g. `math.factorial`
 * @returns e.g. `math_factorial`
 */
export function toOpenAiToolName(name: string): string {
  const replaced = name.replace(/[^a-zA-Z0-9_-]/g, '_');
  return replaced === '' ? '_' : replaced;
}

/** @returns whether `name` is a valid OpenAI tool name. */
export function isValidOpenAiToolName(name: string): boolean {
  return OPENAI_TOOL_NAME.test(name);
}

function convertType(type: LosslessValue): PlainJson | undefined {
  if (typeof type !== 'string') return undefined;
  const mapped = Object.hasOwn(TYPE_MAP, type) ? TYPE_MAP[type] : undefined;
  return mapped ?? undefined; // unknown names get no type restriction, like `any`
}

function isStringList(v: LosslessValue | undefined): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/**
 * Converts one BFCL property schema to JSON Schema, recursively through `items` and
 * `properties`: BFCL types are mapped, `optional` is dropped, a non-list `required` is dropped,
 * and everything else (description, enum, default, format, ...) is kept.
 * @param schema a BFCL property schema
 * @returns the JSON Schema node
 */
export function bfclSchemaToJsonSchema(schema: LosslessValue): JsonSchema {
  if (!isLosslessObject(schema)) return {};
  const out: JsonSchema = {};
  for (const key of orderedKeys(schema)) {
    const value = schema[key] as LosslessValue;
    if (key === 'optional' || (key === 'required' && !isStringList(value))) continue;
    if (key === 'type') {
      const type = convertType(value);
      if (type !== undefined) out['type'] = type;
    } else if (key === 'items') out['items'] = bfclSchemaToJsonSchema(value);
    else if (key === 'properties' && isLosslessObject(value)) out['properties'] = convertProperties(value);
    else out[key] = toPlain(value);
  }
  return out;
}

function convertProperties(properties: LosslessValue): { [name: string]: JsonSchema } {
  const out: { [name: string]: JsonSchema } = {};
  if (!isLosslessObject(properties)) return out;
  for (const name of orderedKeys(properties))
    out[name] = bfclSchemaToJsonSchema(properties[name] as LosslessValue);
  return out;
}

/**
 * Converts a BFCL `parameters` object (`type: "dict"`) to a JSON Schema object with
 * `type: "object"`, converted `properties` and the `required` list.
 * @param parameters the function's BFCL `parameters`
 * @returns the tool's parameter schema
 */
export function bfclParametersToJsonSchema(parameters: LosslessValue): JsonSchemaObject {
  const props = isLosslessObject(parameters) ? parameters['properties'] : undefined;
  const required = isLosslessObject(parameters) ? parameters['required'] : undefined;
  const out: JsonSchemaObject = { type: 'object', properties: convertProperties(props ?? null) };
  if (isStringList(required)) out.required = [...required];
  return out;
}

/**
 * Converts one BFCL function document to an OpenAI-style tool with an API-safe name.
 * @param fn a BFCL function (`name`, `description`, `parameters`)
 * @returns the tool
 */
export function bfclFunctionToTool(fn: LosslessValue): OpenAiTool {
  const doc = isLosslessObject(fn) ? fn : {};
  const name = typeof doc['name'] === 'string' ? doc['name'] : '';
  const description = typeof doc['description'] === 'string' ? doc['description'] : '';
  const parameters = bfclParametersToJsonSchema(doc['parameters'] ?? null);
  return { type: 'function', function: { name: toOpenAiToolName(name), description, parameters } };
}
