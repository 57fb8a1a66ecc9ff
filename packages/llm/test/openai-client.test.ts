import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRedis, type TestRedis } from '@llmbench/testing';
import { LlmCallError, type ChatRequest } from '@llmbench/eval-core';
import { createLlmClient, ProviderLimiter, type SleepFn } from '../src/index.js';
import { startRawServer, startSandbox, type TestSandbox } from './sandbox.js';

const WEATHER_TOOL = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Get the current weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string', description: 'City name' } },
      required: ['city'],
    },
  },
};

function weatherRequest(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return {
    model: 'sandbox-precise',
    messages: [{ role: 'user', content: 'What is the weather in Paris right now?' }],
    tools: [WEATHER_TOOL],
    tool_choice: 'required',
    params: { temperature: 0, seed: 7, max_tokens: 256 },
    ...overrides,
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<LlmCallError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmCallError);
  return error as LlmCallError;
}

/** Records the delays the retry layer asks for, then really waits them. */
function recordingSleep(onSleep?: () => Promise<void>): { sleep: SleepFn; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms, signal) => {
      delays.push(ms);
      await onSleep?.();
      await delay(ms, undefined, signal ? { signal } : undefined);
    },
  };
}

describe('createLlmClient against the sandbox LLM', () => {
  let sandbox: TestSandbox;
  let testRedis: TestRedis;
  let redis: Redis;

  beforeAll(async () => {
    sandbox = await startSandbox({ SANDBOX_RETRY_AFTER_S: '1' });
    testRedis = await createTestRedis();
    redis = new Redis(testRedis.url, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    await sandbox?.close();
    await testRedis?.cleanup();
    redis?.disconnect();
  });

  it('round-trips a tool call and its result', async () => {
    const sut = createLlmClient({ baseUrl: sandbox.baseUrl });
    const first = await sut.complete(weatherRequest(), {});
    expect(first).toMatchObject({ finish_reason: 'tool_calls', attempts: 1, content: null });
    expect(first.tool_calls).toHaveLength(1);
    const call = first.tool_calls[0]!;
    expect(call.name).toBe('get_weather');
    expect(JSON.parse(call.arguments)).toEqual({ city: 'Paris' });
    expect(first.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(first.latency_ms).toBeGreaterThanOrEqual(0);

    const second = await sut.complete(
      weatherRequest({
        tool_choice: 'auto',
        messages: [
          ...weatherRequest().messages,
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } },
            ],
          },
          { role: 'tool', tool_call_id: call.id, content: '{"temp_c": 18, "sky": "clear"}' },
        ],
      }),
      {},
    );
    expect(second.tool_calls).toEqual([]);
    expect(second.content).toEqual(expect.any(String));
  });

  it('returns malformed tool-call arguments untouched for the scorer', async () => {
    const sut = createLlmClient({
      baseUrl: sandbox.baseUrl,
      defaultHeaders: { 'x-sandbox-fault': 'malformed' },
    });
    const res = await sut.complete(weatherRequest(), {});
    const args = res.tool_calls[0]?.arguments ?? '';
    expect(args.startsWith('{')).toBe(true);
    expect(() => JSON.parse(args)).toThrow();
  });

  it('honours Retry-After on a 429, without holding a limiter slot while it waits', async () => {
    const limiter = new ProviderLimiter({ redis, prefix: testRedis.prefix });
    const key = { userId: 'u-retry', providerKey: 'sandbox' };
    const inFlightWhileWaiting: number[] = [];
    const { sleep, delays } = recordingSleep(async () => {
      inFlightWhileWaiting.push(await limiter.inFlight(key));
    });
    const sut = createLlmClient({
      baseUrl: sandbox.baseUrl,
      limiter: { limiter, ...key, limit: 1 },
      // The fault is forced on the first attempt only, through the per-attempt header hook.
      requestHeaders: ({ attempt }) => (attempt === 1 ? { 'x-sandbox-fault': '429' } : undefined),
      retry: { sleep, random: () => 0 },
    });
    const res = await sut.complete(weatherRequest(), {});
    expect(res.attempts).toBe(2);
    expect(res.tool_calls[0]?.name).toBe('get_weather');
    expect(delays).toEqual([1000]);
    expect(inFlightWhileWaiting).toEqual([0]);
    await limiter.close();
  });

  it('retries 5xx up to maxAttempts, then fails with server_error', async () => {
    const sut = createLlmClient({
      baseUrl: sandbox.baseUrl,
      maxAttempts: 3,
      defaultHeaders: { 'x-sandbox-fault-rates': JSON.stringify({ '500': 1 }) },
      retry: { baseMs: 1 },
    });
    const before = sandbox.received;
    const error = await rejectionOf(sut.complete(weatherRequest(), {}));
    expect(error).toMatchObject({ category: 'server_error', status: 500, attempts: 3, retryable: true });
    expect(sandbox.received - before).toBe(3);
  });

  it('fails a 401 at once with category auth and no key in the message', async () => {
    const secured = await startSandbox({ SANDBOX_API_KEY: 'the-right-key' });
    try {
      const apiKey = 'sk-wrong-0123456789abcdef';
      const sut = createLlmClient({ baseUrl: secured.baseUrl, apiKey, maxAttempts: 4 });
      const error = await rejectionOf(sut.complete(weatherRequest(), {}));
      expect(error).toMatchObject({ category: 'auth', status: 401, attempts: 1, retryable: false });
      expect(secured.received).toBe(1);
      expect(error.message).not.toContain('0123456789abcdef');
    } finally {
      await secured.close();
    }
  });

  it('classifies a slow answer as timeout', async () => {
    const sut = createLlmClient({
      baseUrl: sandbox.baseUrl,
      timeoutMs: 150,
      maxAttempts: 2,
      defaultHeaders: { 'x-sandbox-latency-ms': '10000' },
      retry: { baseMs: 1 },
    });
    const error = await rejectionOf(sut.complete(weatherRequest(), {}));
    expect(error).toMatchObject({ category: 'timeout', attempts: 2, retryable: true });
  });

  it('rejects with cancelled within ~100 ms of abort()', async () => {
    const sut = createLlmClient({
      baseUrl: sandbox.baseUrl,
      defaultHeaders: { 'x-sandbox-latency-ms': '10000' },
    });
    const controller = new AbortController();
    const arrived = sandbox.nextRequest();
    const call = sut.complete(weatherRequest(), { signal: controller.signal });
    await arrived;
    const abortedAt = performance.now();
    controller.abort();
    const error = await rejectionOf(call);
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(error).toMatchObject({ category: 'cancelled', retryable: false });
  });

  it('classifies an unreachable endpoint as network', async () => {
    const closed = await startSandbox();
    await closed.close();
    const sut = createLlmClient({ baseUrl: closed.baseUrl, maxAttempts: 2, retry: { baseMs: 1 } });
    const error = await rejectionOf(sut.complete(weatherRequest(), {}));
    expect(error).toMatchObject({ category: 'network', attempts: 2 });
  });

  describe('against a broken endpoint', () => {
    let raw: Awaited<ReturnType<typeof startRawServer>>;
    let requests = 0;
    beforeAll(async () => {
      raw = await startRawServer((req, res) => {
        requests++;
        const mode = req.headers['x-test-mode'];
        if (mode === 'stall-body') {
          // Headers and half a body, then nothing: only a deadline on the whole attempt ends this.
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"id": "chatcmpl-1", "choices": [');
          return;
        }
        const json = mode === 'bad-json';
        res.writeHead(200, { 'content-type': json ? 'application/json' : 'text/html' });
        res.end(json ? '{"id": "chatcmpl-1", "choices": [' : '<html>gateway says hi</html>');
      });
    });
    afterAll(async () => {
      await raw?.close();
    });

    it('times out a body that stalls after the headers', async () => {
      const sut = createLlmClient({
        baseUrl: raw.baseUrl,
        timeoutMs: 200,
        maxAttempts: 1,
        defaultHeaders: { 'x-test-mode': 'stall-body' },
      });
      const error = await rejectionOf(sut.complete(weatherRequest(), {}));
      expect(error).toMatchObject({ category: 'timeout', attempts: 1 });
    });

    it.each(['bad-json', 'html'])('classifies a %s 200 as malformed_response, not retried', async (mode) => {
      const sut = createLlmClient({ baseUrl: raw.baseUrl, defaultHeaders: { 'x-test-mode': mode } });
      const before = requests;
      const error = await rejectionOf(sut.complete(weatherRequest(), {}));
      expect(error).toMatchObject({ category: 'malformed_response', attempts: 1, retryable: false });
      expect(requests - before).toBe(1);
    });

    it('retries malformed responses when asked to', async () => {
      const sut = createLlmClient({
        baseUrl: raw.baseUrl,
        maxAttempts: 2,
        retryMalformed: true,
        defaultHeaders: { 'x-test-mode': 'html' },
        retry: { baseMs: 1 },
      });
      const error = await rejectionOf(sut.complete(weatherRequest(), {}));
      expect(error).toMatchObject({ category: 'malformed_response', attempts: 2 });
    });
  });
});
