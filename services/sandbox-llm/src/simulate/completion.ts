import type { ModelOutput } from './mistakes.js';
import type { Usage } from './usage.js';

/**
 * Fingerprint of the simulator's behaviour. Bump it when a change alters what a seeded request
 * returns, so stored results can tell which simulator version produced them.
 */
export const SYSTEM_FINGERPRINT = 'fp_sandbox_v1';

export type FinishReason = 'stop' | 'length' | 'tool_calls';

/** Identity of one response, shared by the completion and all of its chunks. */
export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
  /** id of the tool call, derived from the request's RNG so seeded responses are identical. */
  callId: string;
}

/**
 * Applies `stop` sequences and the `max_tokens` budget (≈ 4 characters per token) to a text
 * answer. Truncation yields finish_reason `length`, like a real model running out of tokens,
 * which lets clients exercise their truncated-JSON recovery on meta and judge answers.
 */
export function limitText(
  content: string,
  opts: { maxTokens?: number | null; stop?: string | string[] | null },
): { content: string; finishReason: FinishReason } {
  let text = content;
  for (const s of [opts.stop ?? []].flat()) {
    const at = s ? text.indexOf(s) : -1;
    if (at >= 0) text = text.slice(0, at);
  }
  if (opts.maxTokens && text.length > opts.maxTokens * 4) {
    return { content: text.slice(0, opts.maxTokens * 4), finishReason: 'length' };
  }
  return { content: text, finishReason: 'stop' };
}

function assistantMessage(output: ModelOutput, callId: string) {
  if (output.kind === 'text') return { role: 'assistant', content: output.content, refusal: null };
  return {
    role: 'assistant',
    content: null,
    refusal: null,
    tool_calls: [
      { id: callId, type: 'function', function: { name: output.name, arguments: output.arguments } },
    ],
  };
}

/** A non-streaming `chat.completion` object. */
export function buildCompletion(
  meta: CompletionMeta,
  output: ModelOutput,
  finishReason: FinishReason,
  usage: Usage,
) {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [
      {
        index: 0,
        message: assistantMessage(output, meta.callId),
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage,
  };
}

/** Splits `text` into pieces of about `size` characters, cutting after spaces where possible. */
export function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const space = rest.lastIndexOf(' ', size);
    const cut = space > 0 ? space + 1 : size;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) out.push(rest);
  return out;
}

/**
 * The `chat.completion.chunk` sequence of a streamed response: a role chunk, then content pieces
 * or a tool-call chunk carrying id and name followed by argument pieces, then a chunk with the
 * finish_reason, then (with `stream_options.include_usage`) a usage chunk with no choices.
 */
export function buildChunks(
  meta: CompletionMeta,
  output: ModelOutput,
  finishReason: FinishReason,
  usage: Usage | null,
): object[] {
  const chunk = (delta: object, finish: FinishReason | null = null) => ({
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const chunks: object[] = [];
  if (output.kind === 'text') {
    chunks.push(chunk({ role: 'assistant', content: '', refusal: null }));
    for (const piece of pieces(output.content, 16)) chunks.push(chunk({ content: piece }));
  } else {
    chunks.push(chunk({ role: 'assistant', content: null, refusal: null }));
    const call = {
      index: 0,
      id: meta.callId,
      type: 'function',
      function: { name: output.name, arguments: '' },
    };
    chunks.push(chunk({ tool_calls: [call] }));
    for (const piece of pieces(output.arguments, 12)) {
      chunks.push(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
    }
  }
  chunks.push(chunk({}, finishReason));
  if (usage) chunks.push({ ...chunk({}), choices: [], usage });
  return chunks;
}
