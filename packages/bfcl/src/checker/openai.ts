import { type LosslessValue, isLosslessObject, makeObject } from '../py-value.js';
import type { BfclCall, BfclModelOutput } from './types.js';

/** The part of an OpenAI-style tool call the checker needs. */
export interface OpenAiToolCall {
  function: { name: string; arguments: string };
}

/**
 * Turns an OpenAI-style assistant reply into checker input, like BFCL's function-calling
 * handlers: the tool calls when the reply has a `tool_calls` list (each `arguments` text is
 * parsed losslessly later; unparseable → decoder failure), otherwise the text content, which
 * does not decode.
 * @param toolCalls `message.tool_calls` (null/undefined when the model answered in text)
 * @param content `message.content`
 * @returns the model output for `checkBfcl`
 */
export function fromOpenAiToolCalls(
  toolCalls: readonly OpenAiToolCall[] | null | undefined,
  content?: string | null,
): BfclModelOutput {
  if (!toolCalls) return { kind: 'text', text: content ?? '' };
  return toolCalls.map((c): BfclCall => ({ name: c.function.name, arguments: c.function.arguments }));
}

function isCallLike(item: LosslessValue): item is { name: string; arguments?: LosslessValue } {
  return isLosslessObject(item) && typeof item['name'] === 'string';
}

/**
 * Reads the `calls` field of a results line (`{"id", "calls": [{"name", "arguments"}]}`):
 * - a string is model text → decoder failure; a missing field likewise;
 * - a list of `{name, arguments}` → calls; `arguments` may be an object or its JSON text, and
 *   an absent `arguments` means `{}`;
 * - anything else (e.g. `[{}]`, `null`) is passed on as BFCL's decoded value, so the checker's
 *   format rules judge it (`[{}]` is "no call").
 * @param calls the parsed `calls` value, or undefined when the line has none
 * @returns the model output for `checkBfcl`
 */
export function outputFromCallsJson(calls: LosslessValue | undefined): BfclModelOutput {
  if (calls === undefined) return { kind: 'text', text: '' };
  if (typeof calls === 'string') return { kind: 'text', text: calls };
  if (!Array.isArray(calls)) return { kind: 'decoded', value: calls };
  if (calls.every(isCallLike)) {
    return calls.map((c): BfclCall => ({ name: c.name, arguments: c.arguments ?? makeObject([]) }));
  }
  return {
    kind: 'decoded',
    value: calls.map((c) =>
      isCallLike(c) && isLosslessObject(c.arguments) ? makeObject([[c.name, c.arguments]]) : c,
    ),
  };
}
