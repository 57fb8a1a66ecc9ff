import { describe, expect, it } from 'vitest';
import { LlmCallError, type LlmErrorCategory } from '@llmbench/eval-core';
import {
  backoffDelayMs,
  parseRetryAfterMs,
  retryWithBackoff,
  type AttemptFailure,
  type RetryOptions,
  type SleepFn,
} from './retry.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

/** Fake sleep that resolves at once and records every requested delay. */
function recordingSleep(): { sleep: SleepFn; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

/** A failure of `category`, optionally asking for a wait. */
function failure(category: LlmErrorCategory, retryAfterMs?: number): AttemptFailure {
  return { error: new LlmCallError(category, { category }), retryAfterMs };
}

/** Runs `retryWithBackoff` where attempt n throws `failures[n-1]` and then succeeds. */
async function runWith(failures: AttemptFailure[], options: Partial<RetryOptions> = {}) {
  const seen: number[] = [];
  const result = await retryWithBackoff(
    async (attempt) => {
      seen.push(attempt);
      const f = failures[attempt - 1];
      if (f) throw f;
      return 'ok';
    },
    {
      classify: (thrown, attempt) => {
        const f = thrown as AttemptFailure;
        return {
          ...f,
          error: new LlmCallError(f.error.message, { category: f.error.category, attempts: attempt }),
        };
      },
      now: () => NOW,
      ...options,
    },
  );
  return { ...result, seen };
}

describe(backoffDelayMs.name, () => {
  const policy = { baseMs: 500, capMs: 20_000 };

  it.each([
    [1, 500],
    [2, 1000],
    [3, 2000],
    [6, 16_000],
    [7, 20_000],
    [30, 20_000],
  ])('retry %i stays below a ceiling of %i ms (full jitter)', (retry, ceiling) => {
    expect(backoffDelayMs(retry, { ...policy, random: () => 0 })).toBe(0);
    expect(backoffDelayMs(retry, { ...policy, random: () => 0.999_999 })).toBe(ceiling - 1);
    expect(backoffDelayMs(retry, { ...policy, random: () => 0.5 })).toBe(ceiling / 2);
  });
});

describe(parseRetryAfterMs.name, () => {
  it.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after-ms': '750' }, 750],
    [{ 'retry-after-ms': '750', 'retry-after': '9' }, 750],
    [{ 'retry-after': new Date(NOW + 3000).toUTCString() }, 3000],
    [{ 'retry-after': new Date(NOW - 3000).toUTCString() }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%j → %s', (headers, expected) => {
    expect(parseRetryAfterMs(new Headers(headers), NOW)).toBe(expected);
    expect(parseRetryAfterMs(headers, NOW)).toBe(expected);
  });
});

describe(retryWithBackoff.name, () => {
  it('returns the value and the attempt count after transient failures', async () => {
    const { sleep, delays } = recordingSleep();
    const sut = await runWith([failure('server_error'), failure('network')], { sleep, random: () => 0.5 });
    expect(sut).toMatchObject({ value: 'ok', attempts: 3, seen: [1, 2, 3] });
    expect(delays).toEqual([250, 500]);
  });

  it('does not retry permanent failures', async () => {
    const { sleep, delays } = recordingSleep();
    await expect(runWith([failure('auth')], { sleep })).rejects.toMatchObject({
      category: 'auth',
      attempts: 1,
    });
    expect(delays).toEqual([]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { sleep, delays } = recordingSleep();
    const failures = [failure('server_error'), failure('server_error'), failure('timeout')];
    await expect(runWith(failures, { sleep, maxAttempts: 3, random: () => 0 })).rejects.toMatchObject({
      category: 'timeout',
      attempts: 3,
    });
    expect(delays).toEqual([0, 0]);
  });

  it('waits at least Retry-After, plus jitter of up to one base interval', async () => {
    const low = recordingSleep();
    await runWith([failure('rate_limit', 3000)], { sleep: low.sleep, random: () => 0 });
    const high = recordingSleep();
    await runWith([failure('rate_limit', 3000)], { sleep: high.sleep, random: () => 0.999 });
    expect(low.delays).toEqual([3000]);
    expect(high.delays).toEqual([3499]);
  });

  it('fails with rate_limit instead of waiting when Retry-After exceeds the cap', async () => {
    const { sleep, delays } = recordingSleep();
    const sut = runWith([failure('server_error', 61_000)], { sleep, maxRetryAfterMs: 60_000 });
    await expect(sut).rejects.toMatchObject({ category: 'rate_limit', attempts: 1 });
    expect(delays).toEqual([]);
  });

  it('rejects with cancelled at once when aborted during backoff', async () => {
    const controller = new AbortController();
    let sleeping!: () => void;
    const asleep = new Promise<void>((resolve) => (sleeping = resolve));
    // A sleep that never ends by itself and ignores the signal: only the retry loop can cut it.
    const sleep: SleepFn = () => {
      sleeping();
      return new Promise<void>(() => undefined);
    };
    const sut = runWith([failure('server_error')], { sleep, signal: controller.signal });
    await asleep;
    controller.abort();
    await expect(sut).rejects.toMatchObject({ category: 'cancelled', attempts: 1, retryable: false });
  });

  it('does not start an attempt when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runWith([], { signal: controller.signal })).rejects.toMatchObject({
      category: 'cancelled',
      attempts: 0,
    });
  });

  it('reports each retry before sleeping', async () => {
    const events: Array<[number, number, string]> = [];
    const { sleep } = recordingSleep();
    await runWith([failure('rate_limit', 1000), failure('server_error')], {
      sleep,
      random: () => 0,
      onRetry: (e) => events.push([e.attempt, e.delayMs, e.error.category]),
    });
    expect(events).toEqual([
      [1, 1000, 'rate_limit'],
      [2, 0, 'server_error'],
    ]);
  });
});
