import type { Tool } from '@llmbench/contracts';
import { z } from 'zod';
import type { ChatResponse, ToolCall } from '../llm-client.js';
import { findJsonSpans, isPlainObject, outerBraceSpan, tryParseJson } from './json-text.js';
import { decodeNestedJsonStrings } from './nested-json.js';

/**
 * What happened while reading one call. All but `empty_arguments` change the format compliance:
 * repairs make it NORMALIZED, unusable arguments make it FAIL (see `format-compliance.ts`).
 */
export const CALL_NOTES = [
  'name_was_json_blob',
  'from_content',
  'arguments_double_encoded',
  'nested_json_string',
  'empty_arguments',
  'arguments_unparseable',
  'arguments_not_object',
] as const;
export const CallNote = z.enum(CALL_NOTES);
export type CallNote = z.infer<typeof CallNote>;

/** One call the model made, as scored. */
export const ExtractedCall = z.object({
  /** The provider's call id; null for calls recovered from text. */
  id: z.string().nullable(),
  name: z.string(),
  /** Parsed (and normalised) arguments; null when they could not be read as an object. */
  arguments: z.record(z.string(), z.unknown()).nullable(),
  /** The arguments text as received (or as re-serialised for recovered calls). */
  raw_arguments: z.string(),
  notes: z.array(CallNote),
});
export type ExtractedCall = z.infer<typeof ExtractedCall>;

/** Options of {@link extractCalls}. */
export interface ExtractOptions {
  /** Offered tools: their schemas drive nested-JSON decoding and vet calls found in text. */
  tools?: readonly Tool[];
  /** Apply local-model repairs (name stuffing, content fallback, JSON-string decoding). Default true. */
  repair?: boolean;
}

type Args = { args: Record<string, unknown> | null; notes: CallNote[] };

/** Reads an arguments value: JSON text (possibly double-encoded when repairing) or an object. */
function readArguments(value: unknown, repair: boolean): Args {
  if (isPlainObject(value)) return { args: value, notes: [] };
  if (typeof value !== 'string') return { args: null, notes: ['arguments_not_object'] };
  // Some servers send "" for a tool without parameters; it is unambiguous, so not a defect.
  if (value.trim() === '') return { args: {}, notes: ['empty_arguments'] };
  const parsed = tryParseJson(value);
  if (!parsed.ok) return { args: null, notes: ['arguments_unparseable'] };
  if (repair && typeof parsed.value === 'string') {
    const inner = readArguments(parsed.value, false);
    if (inner.args !== null) return { args: inner.args, notes: ['arguments_double_encoded'] };
  }
  if (!isPlainObject(parsed.value)) return { args: null, notes: ['arguments_not_object'] };
  return { args: parsed.value, notes: [] };
}

function findTool(tools: readonly Tool[] | undefined, name: string): Tool | undefined {
  const wanted = name.toLowerCase();
  return tools?.find((t) => t.function.name.toLowerCase() === wanted);
}

/** Decodes JSON strings nested where the tool's schema expects objects/arrays. */
function normaliseNested(call: ExtractedCall, tools: readonly Tool[] | undefined): ExtractedCall {
  const schema = findTool(tools, call.name)?.function.parameters;
  if (call.arguments === null || schema === undefined) return call;
  const decoded = decodeNestedJsonStrings(call.arguments, schema);
  if (!decoded.changed || !isPlainObject(decoded.value)) return call;
  return { ...call, arguments: decoded.value, notes: [...call.notes, 'nested_json_string'] };
}

/** A call object as models write it in text or stuff into a name: `{name, arguments|parameters}`. */
function callFromObject(obj: Record<string, unknown>): { name: string; args: unknown } | null {
  const fn = isPlainObject(obj.function) ? obj.function : obj; // OpenAI-shaped `{type, function}`
  if (typeof fn.name !== 'string' || fn.name.trim() === '') return null;
  const args = fn.arguments !== undefined ? fn.arguments : fn.parameters;
  return { name: fn.name.trim(), args };
}

function isEmptyArgs(a: Args): boolean {
  return a.args === null || Object.keys(a.args).length === 0;
}

/** A native call, with the "whole call stuffed into the function name" repair. */
function fromNative(call: ToolCall, repair: boolean): ExtractedCall {
  let name = call.name.trim();
  let read = readArguments(call.arguments, repair);
  const notes: CallNote[] = [];
  const blob = repair && name.startsWith('{') ? tryParseJson(name) : { ok: false as const };
  const stuffed = blob.ok && isPlainObject(blob.value) ? callFromObject(blob.value) : null;
  if (stuffed) {
    name = stuffed.name;
    notes.push('name_was_json_blob');
    // The real arguments field wins unless it is empty: some servers fill both.
    if (isEmptyArgs(read) && stuffed.args !== undefined) read = readArguments(stuffed.args, repair);
  }
  return {
    id: call.id,
    name,
    arguments: read.args,
    raw_arguments: call.arguments,
    notes: [...notes, ...read.notes],
  };
}

/** A call written as JSON in the message text; accepted when it names an offered tool or has arguments. */
function contentCall(obj: unknown, tools: readonly Tool[] | undefined): ExtractedCall | null {
  if (!isPlainObject(obj)) return null;
  const call = callFromObject(obj);
  if (!call) return null;
  // `{"name": "Ada", "age": 3}` is an answer, not a call: demand a tool name or an arguments field.
  if (tools !== undefined && !findTool(tools, call.name) && call.args === undefined) return null;
  const read = call.args === undefined ? { args: {}, notes: [] } : readArguments(call.args, true);
  const raw = typeof call.args === 'string' ? call.args : JSON.stringify(call.args ?? {});
  return {
    id: null,
    name: call.name,
    arguments: read.args,
    raw_arguments: raw,
    notes: ['from_content', ...read.notes],
  };
}

function callsInSpan(span: string, tools: readonly Tool[] | undefined): ExtractedCall[] {
  const parsed = tryParseJson(span);
  if (!parsed.ok) return [];
  const items = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  return items.map((item) => contentCall(item, tools)).filter((c): c is ExtractedCall => c !== null);
}

/** Calls written in the text: every balanced JSON span, else the first-`{`-to-last-`}` span. */
function fromContent(content: string, tools: readonly Tool[] | undefined): ExtractedCall[] {
  const calls = findJsonSpans(content).flatMap((span) => callsInSpan(span, tools));
  if (calls.length > 0) return calls;
  const outer = outerBraceSpan(content);
  return outer === null ? [] : callsInSpan(outer, tools);
}

/**
 * Reads every call of a response, in order (parallel calls are all kept). Native tool calls
 * come first; only when there are none is the text searched for a JSON call. Each call carries
 * notes on what had to be repaired.
 * @param response the model response (content and tool calls)
 * @param options offered tools and whether to repair local-model quirks
 * @returns the calls; empty when the model called nothing
 * @example
 * extractCalls({ content: null, tool_calls: [{ id: 'c1', name: '{"name":"get_time","arguments":{}}', arguments: '' }] })
 * // [{ id: 'c1', name: 'get_time', arguments: {}, notes: ['name_was_json_blob', 'empty_arguments'], ... }]
 */
export function extractCalls(
  response: Pick<ChatResponse, 'content' | 'tool_calls'>,
  options: ExtractOptions = {},
): ExtractedCall[] {
  const repair = options.repair ?? true;
  let calls = response.tool_calls.map((c) => fromNative(c, repair));
  if (calls.length === 0 && repair && typeof response.content === 'string') {
    calls = fromContent(response.content, options.tools);
  }
  return repair ? calls.map((c) => normaliseNested(c, options.tools)) : calls;
}
