import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseMessages, demoSuite, startSandbox, type SandboxHarness } from './sandbox-harness.js';

let sandbox: SandboxHarness;
let client: OpenAI;
beforeAll(async () => {
  // A short hang keeps the "timeout" fault test fast; the default is 30 s.
  sandbox = await startSandbox({ SANDBOX_TIMEOUT_MS: '150', SANDBOX_RETRY_AFTER_S: '7' });
  client = sandbox.client();
});
afterAll(() => sandbox.close());

const params = {
  model: 'sandbox-judge',
  messages: caseMessages('What is the weather like in Paris?'),
  tools: demoSuite.tools,
  temperature: 0,
};
const withFault = (fault: string, extra: Record<string, string> = {}, options: OpenAI.RequestOptions = {}) =>
  client.chat.completions.create(params, { ...options, headers: { 'x-sandbox-fault': fault, ...extra } });

describe('x-sandbox-fault', () => {
  it('429 carries Retry-After', async () => {
    const error = await withFault('429').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rate = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rate.headers.get('retry-after')).toBe('7');
    expect(rate.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
  });

  it('500 and 503 are server errors', async () => {
    await expect(withFault('500')).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(withFault('503')).rejects.toMatchObject({ status: 503 });
  });

  it('timeout hangs: a client with a short timeout gives up', async () => {
    await expect(withFault('timeout', {}, { timeout: 50 })).rejects.toBeInstanceOf(
      OpenAI.APIConnectionTimeoutError,
    );
  });

  it('timeout then closes the connection without an answer', async () => {
    const started = Date.now();
    await expect(withFault('timeout')).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('malformed returns tool-call arguments that are not valid JSON', async () => {
    const completion = await withFault('malformed');
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(call.type === 'function' && call.function.name).toBe('get_weather');
    expect(() => JSON.parse(call.type === 'function' ? call.function.arguments : '')).toThrow();
  });

  it('name_stuffing puts the call JSON into the function name', async () => {
    const completion = await withFault('name_stuffing');
    const call = completion.choices[0]!.message.tool_calls![0]!;
    const fn = call.type === 'function' ? call.function : undefined;
    expect(JSON.parse(fn!.name)).toEqual({ name: 'get_weather', arguments: { city: 'Paris' } });
    expect(fn!.arguments).toBe('{}');
  });

  it('none disables faults even when the rates say always', async () => {
    const completion = await withFault('none', { 'x-sandbox-fault-rates': '{"500": 1}' });
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('rejects an unknown fault name with 400', async () => {
    await expect(withFault('explode')).rejects.toMatchObject({ status: 400, param: 'x-sandbox-fault' });
  });
});

describe('x-sandbox-fault-rates', () => {
  it('applies the given probabilities (1 = always)', async () => {
    const request = client.chat.completions.create(params, {
      headers: { 'x-sandbox-fault-rates': '{"503": 1}' },
    });
    await expect(request).rejects.toMatchObject({ status: 503 });
  });

  it('rejects bad JSON or out-of-range rates with 400', async () => {
    for (const value of ['{not json', '{"429": 2}', '{"418": 0.5}']) {
      const request = client.chat.completions.create(params, { headers: { 'x-sandbox-fault-rates': value } });
      await expect(request).rejects.toMatchObject({ status: 400 });
    }
  });
});

describe('env and model fault defaults', () => {
  it('uses env rates, drawn with fresh randomness', async () => {
    let draw = 0;
    const draws = [0.1, 0.9];
    const flaky = await startSandbox({ SANDBOX_FAULT_500: '0.5' }, { random: () => draws[draw++ % 2]! });
    try {
      const c = flaky.client();
      await expect(c.chat.completions.create(params)).rejects.toMatchObject({ status: 500 });
      expect((await c.chat.completions.create(params)).choices[0]!.finish_reason).toBe('tool_calls');
    } finally {
      await flaky.close();
    }
  });

  it('sandbox-flaky has non-zero fault rates of its own', async () => {
    const flaky = await startSandbox({}, { random: () => 0 });
    try {
      await expect(
        flaky.client().chat.completions.create({ ...params, model: 'sandbox-flaky' }),
      ).rejects.toMatchObject({
        status: 429,
      });
    } finally {
      await flaky.close();
    }
  });
});

describe('latency', () => {
  it('x-sandbox-latency-ms delays the first byte', async () => {
    const started = Date.now();
    await client.chat.completions.create(params, { headers: { 'x-sandbox-latency-ms': '120' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    const slow = client.chat.completions.create(params, {
      headers: { 'x-sandbox-latency-ms': '2000' },
      timeout: 50,
    });
    await expect(slow).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it('x-sandbox-tokens-per-s paces generation', async () => {
    const started = Date.now();
    const completion = await client.chat.completions.create(params, {
      headers: { 'x-sandbox-tokens-per-s': '100' },
    });
    const expectedMs = (completion.usage!.completion_tokens / 100) * 1000;
    expect(Date.now() - started).toBeGreaterThanOrEqual(expectedMs - 5);
  });
});
