import { isPlainObject, tryParseJson } from './json-text.js';

// Schemas nest rarely more than a few levels; the bound only protects against cyclic-looking input.
const MAX_DEPTH = 16;

function schemaTypes(schema: unknown): string[] {
  if (!isPlainObject(schema)) return [];
  const { type } = schema;
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

/** Parses a string that the schema says should have been an object or array. */
function decodeIfContainer(value: string, types: readonly string[]): { ok: boolean; value: unknown } {
  const wantsObject = types.includes('object');
  const wantsArray = types.includes('array');
  // A schema that also allows strings means the text may be meant literally.
  if ((!wantsObject && !wantsArray) || types.includes('string')) return { ok: false, value };
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { ok: false, value };
  const parsed = tryParseJson(trimmed);
  if (!parsed.ok) return { ok: false, value };
  const fits = (wantsObject && isPlainObject(parsed.value)) || (wantsArray && Array.isArray(parsed.value));
  return fits ? { ok: true, value: parsed.value } : { ok: false, value };
}

/** The result of {@link decodeNestedJsonStrings}. */
export interface NestedDecodeResult {
  value: unknown;
  /** Whether any string was replaced by the JSON it contained. */
  changed: boolean;
}

/**
 * Replaces strings holding JSON where the schema expects an object or array (a common quirk:
 * `{"delivery": "{\"channel\": \"sms\"}"}`), recursively through `properties` and `items`.
 * Without a schema nothing is touched: a string may legitimately look like JSON.
 * @param value an argument value
 * @param schema its JSON Schema (may be undefined)
 * @returns the value with nested JSON strings decoded, and whether anything changed
 */
export function decodeNestedJsonStrings(value: unknown, schema: unknown, depth = 0): NestedDecodeResult {
  if (depth > MAX_DEPTH || !isPlainObject(schema)) return { value, changed: false };
  let current = value;
  let changed = false;
  if (typeof current === 'string') {
    const decoded = decodeIfContainer(current, schemaTypes(schema));
    current = decoded.value;
    changed = decoded.ok;
  }
  if (Array.isArray(current) && schema.items !== undefined) {
    const items = current.map((item) => decodeNestedJsonStrings(item, schema.items, depth + 1));
    if (items.some((r) => r.changed)) return { value: items.map((r) => r.value), changed: true };
  } else if (isPlainObject(current) && isPlainObject(schema.properties)) {
    const properties = schema.properties;
    const entries = Object.entries(current).map(([k, v]) => {
      const r = decodeNestedJsonStrings(
        v,
        Object.hasOwn(properties, k) ? properties[k] : undefined,
        depth + 1,
      );
      return [k, r] as const;
    });
    if (entries.some(([, r]) => r.changed)) {
      return { value: Object.fromEntries(entries.map(([k, r]) => [k, r.value])), changed: true };
    }
  }
  return { value: current, changed };
}
