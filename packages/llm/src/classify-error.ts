import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { isRetryableCategory, LlmCallError, type LlmErrorCategory } from '@llmbench/eval-core';

/**
 * Raised by the adapter itself when a 2xx answer is not a usable chat completion (no JSON, no
 * `choices[0].message`). Kept distinct from SDK errors so it classifies as `malformed_response`.
 */
export class MalformedResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedResponseError';
  }
}

/** Context that the error alone does not carry. */
export interface ClassifyContext {
  /** Attempts made so far, including the one that failed. */
  attempts: number;
  /** The caller's signal: once it has aborted, every failure is a cancellation. */
  signal?: AbortSignal | undefined;
  /** Retry `malformed_response` too (off by default: a broken server tends to stay broken). */
  retryMalformed?: boolean | undefined;
  /** Literal secrets (the configured API key) to scrub from messages, besides key-shaped text. */
  secrets?: readonly string[] | undefined;
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

/**
 * Maps an HTTP status of a failed provider call to a category.
 * @param status - HTTP status code (>= 400)
 * @returns the category
 */
export function categoryOfStatus(status: number): LlmErrorCategory {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limit';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server_error';
  return 'bad_request';
}

/**
 * Whether a category is retried by this adapter: the eval-core default, except that
 * `malformed_response` can be opted in.
 * @param category - the failure's category
 * @param retryMalformed - also retry malformed responses
 */
export function shouldRetryCategory(category: LlmErrorCategory, retryMalformed = false): boolean {
  switch (category) {
    case 'malformed_response':
      return retryMalformed;
    case 'auth':
    case 'rate_limit':
    case 'timeout':
    case 'server_error':
    case 'bad_request':
    case 'network':
    case 'cancelled':
      return isRetryableCategory(category);
    default:
      return assertNever(category);
  }
}

const KEY_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // `api_key: x`, `Authorization: Bearer x` (first, so the value goes whole, scheme included).
  [/\b(api[_-]?key|authorization)(["']?\s*[:=]\s*["']?)(?:Bearer\s+)?[^\s"',]+/gi, '$1$2***'],
  // OpenAI-style keys (sk-..., sk-proj-...), including the partially masked echo in 401 bodies.
  [/\bsk-[A-Za-z0-9_*.-]{4,}/g, 'sk-***'],
  [/\bBearer\s+[^\s"',]+/gi, 'Bearer ***'],
];

/**
 * Removes API keys and bearer tokens from text that may end up in logs or stored results.
 * @param text - any message
 * @param secrets - literal values to remove as well
 * @returns the text with secrets replaced by `***`
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  for (const [pattern, replacement] of KEY_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** The innermost `cause` message, e.g. `connect ECONNREFUSED` under undici's "fetch failed". */
function rootCauseMessage(error: Error): string | undefined {
  let current: unknown = error.cause;
  let message: string | undefined;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    message = typeof code === 'string' ? `${code}: ${current.message}` : current.message;
    current = current.cause;
  }
  return message;
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error instanceof APIUserAbortError);
}

/** Category and status of an error, before any context is applied. */
function categorise(error: unknown): { category: LlmErrorCategory; status?: number } {
  if (error instanceof LlmCallError)
    return { category: error.category, ...(error.status ? { status: error.status } : {}) };
  // Order matters: the abort and timeout classes are subclasses of APIConnectionError/APIError.
  if (isAbortError(error)) return { category: 'cancelled' };
  // AbortSignal.timeout() aborts with a DOMException named TimeoutError.
  if (
    error instanceof APIConnectionTimeoutError ||
    (error instanceof Error && error.name === 'TimeoutError')
  ) {
    return { category: 'timeout' };
  }
  if (error instanceof APIConnectionError) return { category: 'network' };
  if (error instanceof APIError && typeof error.status === 'number') {
    return { category: categoryOfStatus(error.status), status: error.status };
  }
  // The SDK calls response.json() on JSON content types and lets the SyntaxError through.
  if (error instanceof MalformedResponseError || error instanceof SyntaxError)
    return { category: 'malformed_response' };
  // Anything else (a TypeError from fetch, a Redis error in the limiter) is a transport problem.
  return { category: 'network' };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const root = rootCauseMessage(error);
  return root && !error.message.includes(root) ? `${error.message} (${root})` : error.message;
}

/**
 * Classifies any failure of an LLM call (openai SDK errors, fetch errors, our own
 * {@link MalformedResponseError}) into an {@link LlmCallError}. The message is scrubbed of
 * secrets, and the raw SDK error is not kept as `cause`, because provider 401 bodies echo the key.
 * @param error - what the attempt threw
 * @param context - attempts so far, the caller's signal, retry opt-ins, secrets to scrub
 * @returns the classified error, `retryable` telling whether this adapter would try again
 * @example
 * classifyError(new RateLimitError(429, body, 'slow down', headers), { attempts: 1 }).category; // 'rate_limit'
 */
export function classifyError(error: unknown, context: ClassifyContext): LlmCallError {
  const { category, status } = context.signal?.aborted
    ? { category: 'cancelled' as const }
    : categorise(error);
  const message = redactSecrets(`${category}: ${describe(error)}`, context.secrets);
  return new LlmCallError(message, {
    category,
    ...(status === undefined ? {} : { status }),
    attempts: context.attempts,
    retryable: shouldRetryCategory(category, context.retryMalformed),
  });
}
