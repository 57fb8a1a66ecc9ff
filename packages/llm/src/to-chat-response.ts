import type { ChatResponse, ToolCall } from '@llmbench/eval-core';
import { MalformedResponseError } from './classify-error.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr<T>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' ? value : fallback;
}

/**
 * Tool calls with their `arguments` text untouched: malformed JSON and JSON stuffed into the
 * name are model behaviour that the scorer measures, so the adapter must not repair them.
 */
function toolCallsOf(message: Json): ToolCall[] {
  const calls = message.tool_calls;
  if (calls === undefined || calls === null) return [];
  if (!Array.isArray(calls)) throw new MalformedResponseError('message.tool_calls is not an array');
  return calls.map((call: unknown, i): ToolCall => {
    if (!isObject(call)) throw new MalformedResponseError(`tool_calls[${i}] is not an object`);
    const id = stringOr(call.id, `call_${i}`);
    // Custom (free-form) tools carry `custom.input`; function tools `function.arguments`.
    if (isObject(call.custom))
      return { id, name: stringOr(call.custom.name, ''), arguments: stringOr(call.custom.input, '') };
    if (!isObject(call.function)) throw new MalformedResponseError(`tool_calls[${i}].function is missing`);
    const args = call.function.arguments;
    return {
      id,
      name: stringOr(call.function.name, ''),
      // Some local servers send arguments as an object; keep it as JSON text, the shape we promise.
      arguments: typeof args === 'string' ? args : args === undefined ? '' : JSON.stringify(args),
    };
  });
}

function usageOf(raw: Json): ChatResponse['usage'] {
  const usage = raw.usage;
  if (!isObject(usage)) return null;
  const { prompt_tokens, completion_tokens } = usage;
  if (typeof prompt_tokens !== 'number' || typeof completion_tokens !== 'number') return null;
  return { prompt_tokens, completion_tokens };
}

/**
 * Flattens a chat completion into a {@link ChatResponse}, checking only what the eval needs.
 * The SDK types describe what OpenAI sends; OpenAI-compatible servers send less, so the body is
 * read as unknown JSON.
 * @param raw - the SDK's parsed body (a string when the server did not send JSON)
 * @param meta - latency of the successful attempt and the attempt count
 * @returns the response
 * @throws MalformedResponseError when there is no `choices[0].message`
 */
export function toChatResponse(raw: unknown, meta: { latency_ms: number; attempts: number }): ChatResponse {
  if (!isObject(raw)) throw new MalformedResponseError(`response body is not a JSON object (${typeof raw})`);
  const choices = raw.choices;
  const choice: unknown = Array.isArray(choices) ? choices[0] : undefined;
  if (!isObject(choice) || !isObject(choice.message)) {
    throw new MalformedResponseError('response has no choices[0].message');
  }
  const content = choice.message.content;
  return {
    content: typeof content === 'string' ? content : null,
    tool_calls: toolCallsOf(choice.message),
    finish_reason: stringOr(choice.finish_reason, null),
    usage: usageOf(raw),
    latency_ms: meta.latency_ms,
    attempts: meta.attempts,
    raw_response: raw,
  };
}
