import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { ChatRequest, ChatResponse, CompleteOptions, LlmClient } from '@llmbench/eval-core';
import { classifyError } from './classify-error.js';
import type { LimiterKey, LlmLogger, ProviderLimiter } from './provider-limiter.js';
import { parseRetryAfterMs, retryWithBackoff, type AttemptFailure, type RetryPolicy } from './retry.js';
import { toChatResponse } from './to-chat-response.js';

/** Context handed to {@link LlmClientOptions.requestHeaders} for each attempt. */
export interface RequestHeadersContext {
  request: ChatRequest;
  /** 1-based attempt number, so a test can inject a fault on the first attempt only. */
  attempt: number;
}

/** Options of {@link createLlmClient}. */
export interface LlmClientOptions {
  /** OpenAI-compatible base URL, e.g. `http://localhost:8090/v1`. */
  baseUrl: string;
  /** Provider key; local servers often need none. Never logged. */
  apiKey?: string | undefined;
  /** Per-attempt timeout (default 120 s). */
  timeoutMs?: number;
  /** Total attempts, the first included (default 4). */
  maxAttempts?: number;
  /** Cluster-wide cap on in-flight calls of this (user, provider). */
  limiter?: LimiterKey & { limiter: ProviderLimiter; limit: number };
  /** Sent on every request (e.g. `{'x-sandbox-fault-rates': '{"429":0.2}'}` for benchmarks). */
  defaultHeaders?: Record<string, string>;
  /** Per-attempt headers, merged over `defaultHeaders`. */
  requestHeaders?: (context: RequestHeadersContext) => Record<string, string> | undefined;
  /** Retry `malformed_response` failures too (default false). */
  retryMalformed?: boolean;
  /** Backoff overrides: timings and the injectable clock/sleep/random. */
  retry?: Partial<Omit<RetryPolicy, 'maxAttempts'>>;
  logger?: LlmLogger;
}

const RETRY_AFTER_STATUSES = new Set([429, 503]);

/**
 * Creates the production {@link LlmClient}: the openai SDK against any OpenAI-compatible
 * endpoint, non-streaming, with one retry layer ({@link retryWithBackoff}; the SDK's own retries
 * are off), error classification and an optional cluster-wide concurrency limiter.
 * @param options - endpoint, key, timeouts, limiter, headers
 * @returns the client; `complete` rejects with `LlmCallError` after the final attempt
 * @example
 * const client = createLlmClient({ baseUrl: 'http://localhost:8090/v1', maxAttempts: 3 });
 * const res = await client.complete({ model: 'sandbox-precise', messages, tools, params: { temperature: 0 } }, { signal });
 */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const sdk = new OpenAI({
    baseURL: options.baseUrl,
    // The SDK refuses to start without a key; keyless local servers ignore this placeholder.
    apiKey: options.apiKey ?? 'unused',
    maxRetries: 0,
    timeout: timeoutMs,
    ...(options.defaultHeaders ? { defaultHeaders: options.defaultHeaders } : {}),
  });
  const secrets = options.apiKey ? [options.apiKey] : [];
  const now = options.retry?.now ?? Date.now;

  async function attemptOnce(
    req: ChatRequest,
    attempt: number,
    signal: AbortSignal | undefined,
  ): Promise<ChatResponse> {
    const { limiter } = options;
    // The slot is held per attempt, not across backoff sleeps: a caller waiting to retry must not
    // keep a slot that another call could use.
    const lease = limiter ? await limiter.limiter.acquire(limiter, limiter.limit, { signal }) : undefined;
    // The SDK's own timeout stops at the response headers; this one also bounds the body. A plain
    // timer and listener, both removed when the attempt ends: AbortSignal.timeout() would keep each
    // request reachable for the whole timeout, and AbortSignal.any() ties every call to the job's
    // long-lived signal — at thousands of calls a minute both hold memory long after the call.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onCallerAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) controller.abort(signal.reason);
    else signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const headers = options.requestHeaders?.({ request: req, attempt });
      const started = performance.now();
      const raw: unknown = await sdk.chat.completions.create(toBody(req), {
        timeout: timeoutMs,
        signal: controller.signal,
        ...(headers ? { headers } : {}),
      });
      const latency_ms = Math.round(performance.now() - started);
      return toChatResponse(raw, { latency_ms, attempts: attempt });
    } catch (error) {
      // Our deadline surfaces from the SDK as a user abort; only the caller's signal means cancelled.
      if (timedOut && !signal?.aborted && isAbortLike(error)) throw new APIConnectionTimeoutError();
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
      // A failed release only delays the slot until its lease expires; it must not hide the result.
      await lease
        ?.release()
        .catch((err: unknown) => options.logger?.warn({ err }, 'llm limiter release failed'));
    }
  }

  function classify(error: unknown, attempt: number, signal: AbortSignal | undefined): AttemptFailure {
    const classified = classifyError(error, {
      attempts: attempt,
      signal,
      retryMalformed: options.retryMalformed,
      secrets,
    });
    const honoursRetryAfter = error instanceof APIError && RETRY_AFTER_STATUSES.has(error.status ?? 0);
    return {
      error: classified,
      retryAfterMs: honoursRetryAfter ? parseRetryAfterMs(error.headers, now()) : undefined,
    };
  }

  return {
    async complete(req: ChatRequest, opts: CompleteOptions): Promise<ChatResponse> {
      const { signal } = opts;
      const { value } = await retryWithBackoff((attempt) => attemptOnce(req, attempt, signal), {
        ...options.retry,
        maxAttempts: options.maxAttempts,
        signal,
        classify: (error, attempt) => classify(error, attempt, signal),
        onRetry: ({ attempt, delayMs, error }) =>
          options.logger?.info(
            { model: req.model, attempt, delay_ms: delayMs, category: error.category, status: error.status },
            'llm call failed, retrying',
          ),
      });
      return value;
    },
  };
}

function isAbortLike(error: unknown): boolean {
  return (
    error instanceof APIUserAbortError ||
    (error instanceof Error && /^(Abort|Timeout)Error$/.test(error.name))
  );
}

/**
 * The SDK request body. Provider kwargs go first so they can never override the fields this
 * adapter owns; `stream` is dropped because this client only parses whole completions.
 */
function toBody(req: ChatRequest): ChatCompletionCreateParamsNonStreaming {
  const { stream: _stream, ...kwargs } = req.params;
  return {
    ...kwargs,
    model: req.model,
    messages: req.messages,
    ...(req.tools ? { tools: req.tools } : {}),
    ...(req.tool_choice ? { tool_choice: req.tool_choice } : {}),
  } as ChatCompletionCreateParamsNonStreaming;
}
