import { contentText, type ChatCompletionRequest } from '../schemas/chat-request.schema.js';
import type { ModelOutput } from './mistakes.js';
import { estimateTokens } from './text.js';

/** OpenAI `usage` object. */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Per-message framing tokens, as in OpenAI's own accounting (role markers and separators). */
const MESSAGE_OVERHEAD = 4;

/** Tokens the request costs: ≈ characters / 4 over messages, tool calls and tool schemas. */
export function promptTokens(request: ChatCompletionRequest): number {
  let tokens = 3;
  for (const m of request.messages) {
    tokens += MESSAGE_OVERHEAD + estimateTokens(contentText(m.content));
    if (m.role === 'assistant') {
      for (const call of m.tool_calls ?? [])
        tokens += estimateTokens(call.function.name + call.function.arguments);
    }
  }
  if (request.tools?.length) tokens += estimateTokens(JSON.stringify(request.tools));
  return tokens;
}

/** Tokens the answer costs (content, or function name + arguments). */
export function completionTokens(output: ModelOutput): number {
  return output.kind === 'text'
    ? estimateTokens(output.content)
    : estimateTokens(output.name) + estimateTokens(output.arguments) + 3;
}

/** Builds the usage object of a response. */
export function computeUsage(request: ChatCompletionRequest, output: ModelOutput): Usage {
  const prompt = promptTokens(request);
  const completion = completionTokens(output);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}
