import type { Tool } from '@llmbench/contracts';
import { z } from 'zod';
import { LLM_ERROR_CATEGORIES } from './score/labels.js';

export { LLM_ERROR_CATEGORIES };

/** A tool call inside an assistant message, in the OpenAI chat-completions shape. */
export interface AssistantToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** One chat message in the OpenAI chat-completions shape. */
export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: AssistantToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

/** The tool_choice values an eval unit can ask for. */
export type ToolChoice = 'required' | 'auto' | 'none';

/** One chat-completions request, with provider kwargs already validated and final. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  /** Omitted when the case offers no tools (providers reject tool_choice without tools). */
  tools?: Tool[];
  tool_choice?: ToolChoice;
  /** Already-final provider kwargs: temperature, top_p, max_tokens, ... */
  params: Record<string, unknown>;
}

/** A tool call as the model returned it. */
export interface ToolCall {
  id: string;
  name: string;
  /** Raw JSON text exactly as received: parsing (and repairing) it is the scorer's job. */
  arguments: string;
}

/** Token counts reported by the provider. */
export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** One chat-completions response, flattened to what scoring and storage need. */
export interface ChatResponse {
  content: string | null;
  tool_calls: ToolCall[];
  finish_reason: string | null;
  usage: TokenUsage | null;
  /** Latency of the successful attempt only (retries are counted in `attempts`). */
  latency_ms: number;
  attempts: number;
  raw_response: unknown;
}

/** Options of one {@link LlmClient.complete} call. */
export interface CompleteOptions {
  signal?: AbortSignal;
}

/**
 * The only side effect eval-core needs: an OpenAI-compatible chat client. The adapter (another
 * package) owns retries, rate limits and error classification; it rejects with
 * {@link LlmCallError} for every final failure.
 */
export interface LlmClient {
  /**
   * @param req the request
   * @param opts abort signal; an aborted call rejects with category `cancelled`
   * @returns the response
   */
  complete(req: ChatRequest, opts: CompleteOptions): Promise<ChatResponse>;
}

/** One of {@link LLM_ERROR_CATEGORIES}. */
export const LlmErrorCategory = z.enum(LLM_ERROR_CATEGORIES);
export type LlmErrorCategory = z.infer<typeof LlmErrorCategory>;

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

/**
 * Whether a failure of this category is worth retrying (transient) by default.
 * @param category the error category
 * @returns true for rate limits, timeouts, 5xx and connection errors
 */
export function isRetryableCategory(category: LlmErrorCategory): boolean {
  switch (category) {
    case 'rate_limit':
    case 'timeout':
    case 'server_error':
    case 'network':
      return true;
    case 'auth':
    case 'bad_request':
    case 'malformed_response':
    case 'cancelled':
      return false;
    default:
      return assertNever(category);
  }
}

/** Details of an {@link LlmCallError}. */
export interface LlmCallErrorOptions {
  category: LlmErrorCategory;
  /** HTTP status, when the provider answered. */
  status?: number;
  /** Attempts made before giving up (default 1). */
  attempts?: number;
  /** Defaults to {@link isRetryableCategory}. */
  retryable?: boolean;
  cause?: unknown;
}

/**
 * The final failure of an LLM call, classified. Thrown by the client adapter; the eval loop
 * turns it into a failed case outcome (the run goes on).
 * @example
 * throw new LlmCallError('401 invalid api key', { category: 'auth', status: 401 });
 */
export class LlmCallError extends Error {
  readonly category: LlmErrorCategory;
  readonly status?: number;
  readonly attempts: number;
  readonly retryable: boolean;

  constructor(message: string, options: LlmCallErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmCallError';
    this.category = options.category;
    if (options.status !== undefined) this.status = options.status;
    this.attempts = options.attempts ?? 1;
    this.retryable = options.retryable ?? isRetryableCategory(options.category);
  }
}
