import type { JsonSchema } from '../schemas/chat-request.schema.js';
import { findListItems, findPromptValues, type Span } from './prompt-values.js';
import { escapeRegExp, splitIdentifier, stem } from './text.js';
import { cues, cueScore, NAME_LIKE, NEGATION, takeSpan, type Ctx, type Mode } from './value-cues.js';
const typeOf = (schema: JsonSchema): string =>
  (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type) ??
  (schema.properties ? 'object' : schema.enum ? 'string' : 'string');

/** Enum values present in the prompt, in prompt order ("living_room" matches "living room"). */
function enumMatches(prompt: string, options: readonly unknown[]): Array<{ value: unknown; at: number }> {
  const found: Array<{ value: unknown; at: number }> = [];
  for (const value of options) {
    const words = splitIdentifier(String(value)).map(escapeRegExp);
    if (words.length === 0) continue;
    const m = new RegExp(`(?<![\\w-])${words.join('[\\s_-]?')}(?![\\w-])`, 'i').exec(prompt);
    if (m) found.push({ value, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at);
}

function extractEnum(ctx: Ctx, name: string, schema: JsonSchema): unknown {
  const found = enumMatches(ctx.prompt, schema.enum ?? []);
  if (found.length <= 1) return found[0]?.value;
  const cueWords = cues(name, schema);
  const near = (at: number) => cueScore(ctx, { kind: 'quoted', start: at, end: at, text: '' }, cueWords);
  return [...found].sort((a, b) => near(b.at) - near(a.at))[0]?.value;
}

function extractBoolean(ctx: Ctx, name: string): boolean | undefined {
  const targets = splitIdentifier(name)
    .map(stem)
    .filter((w) => !['is', 'enabl', 'use', 'with', 'has'].includes(w));
  const tokens = [...ctx.prompt.matchAll(/[A-Za-z']+/g)].map((m) => stem(m[0].replace(/'.*/, '')));
  const at = tokens.findIndex((t) => targets.includes(t));
  if (at === -1) return undefined;
  const around = [...tokens.slice(Math.max(0, at - 3), at), tokens[at + 1] ?? ''];
  return !around.some((w) => NEGATION.has(w));
}

/** A same-named field in an earlier tool result (multi-turn: "set it to the temperature it reports"). */
function fromToolResults(ctx: Ctx, name: string): unknown {
  for (const result of [...ctx.toolResults].reverse()) {
    if (result && typeof result === 'object' && !Array.isArray(result)) {
      const hit = Object.entries(result).find(([k]) => k.toLowerCase() === name.toLowerCase());
      if (hit) return hit[1];
    }
  }
  return undefined;
}

function extractNumber(ctx: Ctx, name: string, schema: JsonSchema, mode: Mode): number | undefined {
  const span = takeSpan(ctx, ['number'], cues(name, schema), mode);
  if (span) return Number(span.text);
  const prior = mode === 'fallback' ? fromToolResults(ctx, name) : undefined;
  return typeof prior === 'number' ? prior : undefined;
}

function stringKinds(name: string, schema: JsonSchema): Span['kind'][] {
  const format = schema.format ?? '';
  if (format === 'email' || /e-?mail|recipient/i.test(name)) return ['email'];
  if (format === 'date-time' || /datetime|timestamp/i.test(name)) return ['datetime'];
  if (format === 'date' || /date|day/i.test(name)) return ['date'];
  if (format === 'time' || /time/i.test(name)) return ['time'];
  return NAME_LIKE.test(name) ? ['capitalised', 'quoted'] : ['quoted', 'capitalised'];
}

function extractString(ctx: Ctx, name: string, schema: JsonSchema, mode: Mode): string | undefined {
  const kinds = stringKinds(name, schema);
  const special = kinds.length === 1;
  // A date, time or email is unambiguous by its shape, so it needs no cue word.
  const span = takeSpan(ctx, kinds, cues(name, schema), special ? 'fallback' : mode);
  if (span) return span.text;
  const prior = mode === 'fallback' ? fromToolResults(ctx, name) : undefined;
  return typeof prior === 'string' ? prior : undefined;
}

function extractArray(ctx: Ctx, name: string, schema: JsonSchema, mode: Mode): unknown[] | undefined {
  const items = schema.items ?? {};
  if (items.enum) {
    const found = enumMatches(ctx.prompt, items.enum).map((f) => f.value);
    return found.length > 0 ? found : undefined;
  }
  const kinds = stringKinds(name, items);
  if (kinds.length === 1) {
    const spans = ctx.values[kinds[0]!].filter((s) => !ctx.used.has(s));
    spans.forEach((s) => ctx.used.add(s));
    return spans.length > 0 ? spans.map((s) => s.text) : undefined;
  }
  const quoted = ctx.values.quoted.filter((s) => !ctx.used.has(s));
  if (quoted.length >= 2 || (quoted.length === 1 && mode === 'fallback')) {
    quoted.forEach((s) => ctx.used.add(s));
    return quoted.map((s) => s.text);
  }
  const listed = findListItems(ctx.prompt);
  return listed.length > 0 ? listed : undefined;
}

function extractValue(ctx: Ctx, name: string, schema: JsonSchema, mode: Mode): unknown {
  if (schema.enum) return mode === 'cue' ? extractEnum(ctx, name, schema) : undefined;
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      return extractNumber(ctx, name, schema, mode);
    case 'boolean':
      return mode === 'cue' ? extractBoolean(ctx, name) : undefined;
    case 'array':
      return extractArray(ctx, name, schema, mode);
    case 'object': {
      if (mode === 'fallback') return undefined;
      const nested = extractObject(ctx, schema);
      return Object.keys(nested).length > 0 ? nested : undefined;
    }
    default:
      return extractString(ctx, name, schema, mode);
  }
}

/**
 * Two passes: first every parameter takes a value with a cue word nearby (required ones first),
 * then required parameters still empty take the first free value of their kind. The order keeps
 * a cue-less required parameter from stealing the value an optional one was named for.
 */
function extractObject(ctx: Ctx, schema: JsonSchema): Record<string, unknown> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const ordered = [...props.filter(([n]) => required.has(n)), ...props.filter(([n]) => !required.has(n))];
  const out: Record<string, unknown> = {};
  for (const mode of ['cue', 'fallback'] as const) {
    for (const [name, sub] of ordered) {
      if (name in out || (mode === 'fallback' && !required.has(name))) continue;
      const value = extractValue(ctx, name, sub, mode);
      if (value !== undefined) out[name] = value;
    }
  }
  return Object.fromEntries(props.filter(([n]) => n in out).map(([n]) => [n, out[n]]));
}

function enumWords(schema: JsonSchema | undefined, into: Set<string>): Set<string> {
  for (const v of schema?.enum ?? []) for (const w of splitIdentifier(String(v))) into.add(w);
  for (const sub of Object.values(schema?.properties ?? {})) enumWords(sub, into);
  if (schema?.items) enumWords(schema.items, into);
  return into;
}

/**
 * Extracts a tool call's arguments from the user request, guided by the tool's JSON schema:
 * enum values that appear in the prompt, numbers matched to parameters by nearby words, quoted
 * strings, capitalised names for city/name-like parameters, ISO dates and times, emails,
 * booleans from the parameter word (negated by "no"/"without"/"off"), arrays of enum or quoted
 * values or a plain "a, b and c" list, and nested objects. Optional parameters not found are
 * omitted; required ones fall back to an earlier tool result with the same field name.
 * @param schema - the tool's `parameters`
 * @param prompt - the user request
 * @param toolResults - parsed contents of earlier tool messages, oldest first
 * @returns the arguments object, keys in schema order
 * @example
 * extractArguments(getWeather.parameters, 'Weather in New York in fahrenheit?');
 * // { city: 'New York', unit: 'fahrenheit' }
 */
export function extractArguments(
  schema: JsonSchema | null | undefined,
  prompt: string,
  toolResults: readonly unknown[] = [],
): Record<string, unknown> {
  if (!schema?.properties) return {};
  const values = findPromptValues(prompt, enumWords(schema, new Set()));
  return extractObject({ prompt, values, used: new Set(), toolResults }, schema);
}
