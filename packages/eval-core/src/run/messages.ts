import type { TestCaseData, Tool } from '@llmbench/contracts';
import type { AssistantToolCall, ChatMessage, ChatResponse, ToolChoice } from '../llm-client.js';
import type { CallNote, ExtractedCall } from '../score/extract-call.js';
import { sanitizeParams } from '../score/sanitize.js';

/** The request as stored with a result: no secrets, tool names instead of full schemas. */
export interface RawRequest {
  model: string;
  messages: ChatMessage[];
  tools: string[];
  tool_choice: ToolChoice | null;
  params: Record<string, unknown>;
}

function bfclMessage(m: { role: string; content: string }): ChatMessage {
  if (m.role === 'system') return { role: 'system', content: m.content };
  if (m.role === 'assistant') return { role: 'assistant', content: m.content };
  return { role: 'user', content: m.content };
}

/**
 * The opening messages of a case: the unit's system prompt (if any) and the prompt, or BFCL's
 * own message list when the case has one (the system prompt is merged into its first system
 * message, because some providers reject two system messages).
 * @param systemPrompt the unit's final system prompt, or null
 * @param data the test case
 * @returns the messages
 */
export function initialMessages(systemPrompt: string | null, data: TestCaseData): ChatMessage[] {
  const system = systemPrompt !== null && systemPrompt.trim() !== '' ? systemPrompt : null;
  const bfcl = data.bfcl?.messages;
  if (bfcl && bfcl.length > 0) {
    const messages = bfcl.map(bfclMessage);
    const [first] = messages;
    if (system === null) return messages;
    if (first?.role === 'system')
      return [{ role: 'system', content: `${system}\n\n${first.content}` }, ...messages.slice(1)];
    return [{ role: 'system', content: system }, ...messages];
  }
  const user: ChatMessage = { role: 'user', content: data.prompt };
  return system === null ? [user] : [{ role: 'system', content: system }, user];
}

const REPAIRS: ReadonlySet<CallNote> = new Set<CallNote>([
  'name_was_json_blob',
  'from_content',
  'arguments_double_encoded',
  'nested_json_string',
]);

/** The id a call gets in the transcript: the provider's, or a stable synthetic one for recovered calls. */
export function transcriptCallId(call: ExtractedCall, round: number, index: number): string {
  return call.id ?? `call_r${round}_${index}`;
}

/**
 * The assistant message of a round as it goes back to the model: repaired calls are written in
 * proper form (so the provider accepts the `tool` replies that follow), untouched ones verbatim.
 * @param response the model's response
 * @param calls the calls extracted from it
 * @param round 1-based round
 * @returns the assistant message
 */
export function assistantMessage(
  response: ChatResponse,
  calls: readonly ExtractedCall[],
  round: number,
): ChatMessage {
  if (calls.length === 0) return { role: 'assistant', content: response.content };
  const toolCalls = calls.map((c, i): AssistantToolCall => {
    const repaired = c.id === null || c.notes.some((n) => REPAIRS.has(n));
    const args = repaired ? JSON.stringify(c.arguments ?? {}) : c.raw_arguments;
    return {
      id: transcriptCallId(c, round, i),
      type: 'function',
      function: { name: c.name, arguments: args },
    };
  });
  return { role: 'assistant', content: response.content, tool_calls: toolCalls };
}

function mockContent(mocks: Record<string, unknown>, name: string): string {
  const key = Object.hasOwn(mocks, name)
    ? name
    : Object.keys(mocks).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : mocks[key];
  if (value === undefined) return JSON.stringify({ status: 'ok' });
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * One `tool` message per call, carrying the case's mock response for that tool
 * (`{"status":"ok"}` when it has none).
 * @param calls the round's calls
 * @param mocks the case's mock_responses
 * @param round 1-based round (for synthetic ids)
 * @returns the tool messages
 */
export function toolMessages(
  calls: readonly ExtractedCall[],
  mocks: Record<string, unknown>,
  round: number,
): ChatMessage[] {
  return calls.map((c, i) => ({
    role: 'tool',
    tool_call_id: transcriptCallId(c, round, i),
    content: mockContent(mocks, c.name),
  }));
}

/**
 * The request summary stored with a result.
 * @returns model, messages, tool names, effective tool_choice and params without secret-looking keys
 */
export function describeRequest(
  model: string,
  messages: readonly ChatMessage[],
  tools: readonly Tool[],
  toolChoice: ToolChoice | null,
  params: Record<string, unknown>,
): RawRequest {
  return {
    model,
    messages: [...messages],
    tools: tools.map((t) => t.function.name),
    tool_choice: tools.length > 0 ? toolChoice : null,
    params: sanitizeParams(params),
  };
}
