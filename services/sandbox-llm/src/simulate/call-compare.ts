import { parseLenient, readJsonAt, valueAfter } from './json-scan.js';
import { splitIdentifier, stableStringify } from './text.js';

/** A tool call as the judge reads it from a prompt; `name` null means "no call". */
export interface ParsedCall {
  name: string | null;
  params: Record<string, unknown> | null;
}

/** Expected tool: one name, several acceptable names, or null (no call expected). */
export type ExpectedTool = string | string[] | null;

const NO_TOOL = /^\s*(none|null|no tool|no call|\(none\)|\(no call\)|n\/a|-|nothing)?\s*$/i;

/** Normalises a parsed tool value: null-ish words become null, JSON arrays stay lists. */
export function toolValue(value: unknown): ExpectedTool {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  if (NO_TOOL.test(text)) return null;
  if (text.startsWith('[')) {
    const list = parseLenient(text);
    if (Array.isArray(list)) return list.map(String);
  }
  return text.replace(/^["'`]|["'`]$/g, '');
}

/** Params value: an object, or null when absent/unparseable. */
export function paramsValue(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The product's exact rule: strings case-insensitive, numbers numeric, the rest deep-equal. */
export function valuesEqual(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'string' && typeof actual === 'string') {
    return expected.trim().toLowerCase() === actual.trim().toLowerCase();
  }
  if (typeof expected === 'number' && typeof actual === 'number') return expected === actual;
  return stableStringify(expected) === stableStringify(actual);
}

/** "Close": a string containing the other, or a number within 10%. */
function valuesClose(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'string' && typeof actual === 'string') {
    const [e, a] = [expected.toLowerCase(), actual.toLowerCase()];
    return e.length > 0 && a.length > 0 && (e.includes(a) || a.includes(e));
  }
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(expected - actual) <= Math.abs(expected) * 0.1;
  }
  return false;
}

/** Share of expected keys matched exactly, and whether every miss was at least close. */
export function compareParams(
  expected: Record<string, unknown> | null,
  actual: Record<string, unknown> | null,
): { fraction: number; allClose: boolean } {
  const keys = Object.keys(expected ?? {});
  if (keys.length === 0) return { fraction: 1, allClose: true };
  let matched = 0;
  let allClose = true;
  for (const key of keys) {
    const [e, a] = [expected![key], actual?.[key]];
    if (actual && key in actual && valuesEqual(e, a)) matched++;
    else if (!(actual && key in actual && valuesClose(e, a))) allClose = false;
  }
  return { fraction: matched / keys.length, allClose };
}

/** Whether `actual` is (one of) the expected tool(s), case-insensitively. */
export function toolMatches(expected: ExpectedTool, actual: string | null): boolean {
  if (expected === null) return actual === null;
  if (actual === null) return false;
  const names = Array.isArray(expected) ? expected : [expected];
  return names.some((n) => n.toLowerCase() === actual.toLowerCase());
}

const VERBS = new Set([
  'get',
  'set',
  'fetch',
  'create',
  'make',
  'do',
  'run',
  'call',
  'query',
  'find',
  'lookup',
  'update',
]);

/** Different name, same object ("fetch_weather" vs "get_weather"): a defensible alternative. */
export function isAlternative(expected: ExpectedTool, actual: string | null): boolean {
  if (expected === null || actual === null) return false;
  const nouns = (n: string) => splitIdentifier(n).filter((w) => !VERBS.has(w));
  const actualNouns = new Set(nouns(actual));
  return [expected].flat().some((e) => nouns(e).some((w) => actualNouns.has(w)));
}

/**
 * Quality of a call against the expectation in [0, 1]: 0 for a wrong tool, 0.5–1 for the right
 * tool by parameter accuracy, 1 for a correct abstention.
 */
export function callQuality(
  expectedTool: ExpectedTool,
  expectedParams: Record<string, unknown> | null,
  call: ParsedCall,
) {
  if (!toolMatches(expectedTool, call.name)) return 0;
  if (expectedTool === null) return 1;
  return 0.5 + 0.5 * compareParams(expectedParams, call.params).fraction;
}

/**
 * Reads a call from a piece of prompt text, in any of the shapes prompt builders use:
 * `tool: get_weather` + `params: {…}`, `get_weather({…})`, `{"name": …, "arguments": {…}}`,
 * or a "no call" marker.
 */
export function parseCallText(segment: string): ParsedCall {
  const labelled = valueAfter(segment, /\b(?:tool|function|name)\s*[:=]\s*/i);
  if (labelled.found) {
    const name = toolValue(labelled.value);
    const params = valueAfter(segment, /\b(?:params|parameters|arguments|args)\s*[:=]\s*/i).value;
    return { name: Array.isArray(name) ? (name[0] ?? null) : name, params: paramsValue(params) };
  }
  const fn = /([A-Za-z_][\w.-]*)\s*\(\s*(?=[{)])/.exec(segment);
  if (fn) return { name: fn[1]!, params: paramsValue(readJsonAt(segment, fn.index + fn[0].length)) ?? {} };
  const obj = paramsValue(readJsonAt(segment, Math.max(0, segment.indexOf('{'))));
  if (obj && typeof obj.name === 'string') {
    return { name: obj.name, params: paramsValue(obj.arguments ?? obj.parameters) ?? {} };
  }
  return { name: null, params: null };
}
