import { setTimeout as delay } from 'node:timers/promises';
import { LlmCallError } from '@llmbench/eval-core';

/** Waits `ms` milliseconds; may reject when `signal` aborts (the retry loop also races the signal). */
export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Backoff policy and the injectable clock/sleep/random that make it testable. */
export interface RetryPolicy {
  /** Total attempts, the first included (default 4). */
  maxAttempts: number;
  /** Backoff ceiling of the first retry; doubles each retry (default 500 ms). */
  baseMs: number;
  /** Largest backoff ceiling (default 20 s). */
  capMs: number;
  /**
   * Longest `Retry-After` we are willing to wait (default 60 s). A server asking for longer fails
   * the call with `rate_limit` at once: holding a job for minutes helps nobody.
   */
  maxRetryAfterMs: number;
  sleep: SleepFn;
  /** Uniform [0, 1). */
  random: () => number;
  /** Epoch milliseconds, used to turn an HTTP-date `Retry-After` into a delay. */
  now: () => number;
}

/** Defaults of {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseMs: 500,
  capMs: 20_000,
  maxRetryAfterMs: 60_000,
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : undefined),
  random: Math.random,
  now: Date.now,
};

/** A classified attempt failure, plus the server's requested wait if it sent one. */
export interface AttemptFailure {
  error: LlmCallError;
  retryAfterMs?: number | undefined;
}

/** Passed to {@link RetryOptions.onRetry} before each backoff sleep. */
export interface RetryEvent {
  /** The attempt that just failed (1-based). */
  attempt: number;
  delayMs: number;
  error: LlmCallError;
}

/** Options of {@link retryWithBackoff}. */
export interface RetryOptions extends Partial<RetryPolicy> {
  /** Turns whatever an attempt threw into a classified failure. */
  classify: (error: unknown, attempt: number) => AttemptFailure;
  signal?: AbortSignal | undefined;
  onRetry?: (event: RetryEvent) => void;
}

/**
 * Full-jitter exponential backoff: uniform in `[0, min(cap, base * 2^(retry-1)))`. Full jitter
 * rather than "base plus a little" so that workers that failed together do not retry together.
 * @param retry - 1 for the first retry
 * @returns the delay in ms
 */
export function backoffDelayMs(
  retry: number,
  policy: Pick<RetryPolicy, 'baseMs' | 'capMs' | 'random'>,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(policy.random() * ceiling);
}

/** Anything with a case-insensitive `get` (fetch `Headers`) or a plain lower-cased record. */
export type HeaderSource = { get(name: string): string | null } | Record<string, string | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  const value =
    typeof headers.get === 'function' ? headers.get(name) : (headers as Record<string, string>)[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Reads the server's requested wait: `retry-after-ms` (OpenAI's extension) first, then
 * `Retry-After` as delta-seconds or an HTTP date.
 * @param headers - response headers
 * @param nowMs - current epoch ms, for HTTP dates
 * @returns milliseconds to wait (>= 0), or undefined when absent or unparseable
 */
export function parseRetryAfterMs(headers: HeaderSource | undefined, nowMs: number): number | undefined {
  if (!headers) return undefined;
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  const value = header(headers, 'retry-after');
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function cancelled(attempts: number): LlmCallError {
  return new LlmCallError('cancelled: aborted by the caller', { category: 'cancelled', attempts });
}

/** Sleeps, but rejects with `cancelled` the moment `signal` aborts, whatever `sleep` does. */
async function abortableSleep(
  sleep: SleepFn,
  ms: number,
  attempts: number,
  signal?: AbortSignal,
): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) throw cancelled(attempts);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelled(attempts));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms, signal), aborted]);
  } catch (error) {
    if (signal.aborted) throw cancelled(attempts);
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}

/**
 * Picks the wait before the next attempt, or returns the error to fail with. The server's
 * `Retry-After` is a floor; a random share of one base interval is added on top so a crowd of
 * callers told "1 s" does not come back in the same millisecond.
 */
function nextDelay(failure: AttemptFailure, attempt: number, policy: RetryPolicy): number | LlmCallError {
  const { error, retryAfterMs } = failure;
  if (retryAfterMs === undefined) return backoffDelayMs(attempt, policy);
  if (retryAfterMs > policy.maxRetryAfterMs) {
    return new LlmCallError(
      `rate_limit: provider asked to retry after ${retryAfterMs} ms (over the ${policy.maxRetryAfterMs} ms cap)`,
      { category: 'rate_limit', attempts: attempt, ...(error.status ? { status: error.status } : {}) },
    );
  }
  return retryAfterMs + Math.floor(policy.random() * policy.baseMs);
}

/**
 * Runs `run` until it succeeds, the failure is not retryable, attempts run out or `signal`
 * aborts. This is the only retry layer: the SDK is built with `maxRetries: 0`, because stacked
 * SDK and app retries multiplied load on overloaded local servers (a retry storm).
 * @param run - one attempt; receives its 1-based number
 * @param options - classifier, signal, policy overrides
 * @returns the value and the number of attempts it took
 * @throws LlmCallError with `attempts` set; category `cancelled` when the signal aborted
 * @example
 * const { value, attempts } = await retryWithBackoff((n) => callOnce(n), {
 *   classify: (err, n) => ({ error: classifyError(err, { attempts: n }) }),
 *   signal,
 * });
 */
export async function retryWithBackoff<T>(
  run: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<{ value: T; attempts: number }> {
  const { classify, signal, onRetry, ...overrides } = options;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(overrides) };
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw cancelled(attempt - 1);
    try {
      return { value: await run(attempt), attempts: attempt };
    } catch (thrown) {
      const failure = classify(thrown, attempt);
      if (!failure.error.retryable || attempt >= policy.maxAttempts) throw failure.error;
      const wait = nextDelay(failure, attempt, policy);
      if (wait instanceof LlmCallError) throw wait;
      onRetry?.({ attempt, delayMs: wait, error: failure.error });
      await abortableSleep(policy.sleep, wait, attempt, signal);
    }
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
