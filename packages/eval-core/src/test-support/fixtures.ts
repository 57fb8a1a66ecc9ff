import { TestCaseInput, type TestCaseData, type Tool } from '@llmbench/contracts';
import type { ChatResponse, ToolCall } from '../llm-client.js';

/** A test case with the contract's defaults filled in. */
export function testCase(input: Partial<TestCaseInput> = {}): TestCaseData {
  return TestCaseInput.parse({
    prompt: 'What is the weather in Paris?',
    expected_tool: 'get_weather',
    ...input,
  });
}

/** An OpenAI-format tool. */
export function tool(
  name: string,
  parameters: Record<string, unknown> = { type: 'object', properties: {} },
): Tool {
  return { type: 'function', function: { name, description: `${name} tool`, parameters } };
}

/** The tools most tests offer. */
export const WEATHER = tool('get_weather', {
  type: 'object',
  properties: {
    city: { type: 'string' },
    days: { type: 'integer' },
    units: { type: 'string', enum: ['celsius', 'fahrenheit'] },
  },
  required: ['city'],
});
export const TIME = tool('get_time');
export const NOTIFY = tool('send_notification', {
  type: 'object',
  properties: {
    message: { type: 'string' },
    delivery: {
      type: 'object',
      properties: { channel: { type: 'string' }, urgent: { type: 'boolean' } },
      required: ['channel'],
    },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['message'],
});
export const TOOLS: Tool[] = [WEATHER, TIME, NOTIFY];

let nextId = 0;

/** A native tool call; `args` objects are serialised, strings are sent as they are. */
export function call(name: string, args: Record<string, unknown> | string = {}, id?: string): ToolCall {
  nextId += 1;
  return {
    id: id ?? `call_${nextId}`,
    name,
    arguments: typeof args === 'string' ? args : JSON.stringify(args),
  };
}

/** A chat response. */
export function response(partial: Partial<ChatResponse> = {}): ChatResponse {
  return {
    content: null,
    tool_calls: [],
    finish_reason: 'stop',
    usage: { prompt_tokens: 10, completion_tokens: 5 },
    latency_ms: 100,
    attempts: 1,
    raw_response: { id: 'resp' },
    ...partial,
  };
}

/** A response with the given native calls. */
export function callsResponse(...calls: ToolCall[]): ChatResponse {
  return response({ tool_calls: calls, finish_reason: 'tool_calls' });
}
