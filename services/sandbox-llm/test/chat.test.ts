import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseMessages, demoSuite, startSandbox, type SandboxHarness } from './sandbox-harness.js';

let sandbox: SandboxHarness;
let client: OpenAI;
beforeAll(async () => {
  sandbox = await startSandbox();
  client = sandbox.client();
});
afterAll(() => sandbox.close());

const weather = 'Get the weather in New York in fahrenheit.';
const ask = (over: Partial<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming> = {}) =>
  client.chat.completions.create({
    model: 'sandbox-judge',
    messages: caseMessages(weather),
    tools: demoSuite.tools,
    temperature: 0,
    ...over,
  });
const firstCall = (c: OpenAI.Chat.ChatCompletion) => {
  const call = c.choices[0]!.message.tool_calls?.[0];
  return call?.type === 'function' ? call.function : undefined;
};

describe('POST /v1/chat/completions', () => {
  it('returns a tool call whose arguments are valid JSON for the right tool, with usage', async () => {
    const completion = await ask();
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(firstCall(completion)?.name).toBe('get_weather');
    expect(JSON.parse(firstCall(completion)!.arguments)).toEqual({ city: 'New York', unit: 'fahrenheit' });
    expect(completion.usage!.prompt_tokens).toBeGreaterThan(100);
    expect(completion.usage!.total_tokens).toBe(
      completion.usage!.prompt_tokens + completion.usage!.completion_tokens,
    );
    expect(completion.system_fingerprint).toMatch(/^fp_sandbox/);
  });

  it('is deterministic under a seed and under temperature 0', async () => {
    for (const over of [
      { model: 'sandbox-local-7b', temperature: 0.9, seed: 11 },
      { model: 'sandbox-creative', temperature: 0 },
    ]) {
      const answers = await Promise.all([ask(over), ask(over), ask(over)]);
      const shapes = answers.map((a) => JSON.stringify(a.choices[0]!.message));
      expect(new Set(shapes).size).toBe(1);
    }
  });

  it('streams a call that assembles to the same call as the non-streaming answer', async () => {
    const params = {
      model: 'sandbox-precise',
      messages: caseMessages(weather),
      tools: demoSuite.tools,
      seed: 4,
    };
    const plain = await client.chat.completions.create(params);
    const stream = await client.chat.completions.create({
      ...params,
      stream: true,
      stream_options: { include_usage: true },
    });
    let name = '';
    let args = '';
    let usage: OpenAI.CompletionUsage | undefined;
    let finish: string | null = null;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta.tool_calls?.[0];
      name += delta?.function?.name ?? '';
      args += delta?.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    const call = plain.choices[0]!.message.tool_calls?.[0];
    expect(call?.type === 'function' && { name: call.function.name, args: call.function.arguments }).toEqual({
      name,
      args,
    });
    expect(finish).toBe('tool_calls');
    expect(usage).toEqual(plain.usage);
  });

  it('answers an irrelevant request in text under auto', async () => {
    const completion = await ask({
      messages: caseMessages('Tell me a joke about cats.'),
      tool_choice: 'auto',
    });
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.choices[0]!.message.tool_calls ?? []).toHaveLength(0);
    expect(completion.choices[0]!.message.content).toContain('simulated');
  });

  it('honours tool_choice with a named function', async () => {
    const completion = await ask({ tool_choice: { type: 'function', function: { name: 'get_time' } } });
    expect(firstCall(completion)?.name).toBe('get_time');
  });

  it('runs a multi-turn conversation to the final call', async () => {
    const prompt = 'Check the weather in Oslo, then set the thermostat to 23 degrees in heat mode.';
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = caseMessages(prompt);
    const first = await ask({ messages });
    expect(firstCall(first)?.name).toBe('get_weather');
    messages.push(first.choices[0]!.message, {
      role: 'tool',
      tool_call_id: first.choices[0]!.message.tool_calls![0]!.id,
      content: JSON.stringify({ temperature: -3 }),
    });
    const second = await ask({ messages });
    expect(firstCall(second)).toEqual({
      name: 'set_thermostat',
      arguments: '{"temperature":23,"mode":"heat"}',
    });
  });

  it('accepts provider-specific params and ignores unknown ones', async () => {
    const body = {
      top_k: 20,
      min_p: 0.05,
      repetition_penalty: 1.1,
      max_completion_tokens: 100,
      stop: ['\n\n'],
      n: 1,
      parallel_tool_calls: false,
      some_vendor_flag: true,
    };
    const completion = await ask(body as Partial<OpenAI.Chat.ChatCompletionCreateParamsNonStreaming>);
    expect(firstCall(completion)?.name).toBe('get_weather');
  });

  it('truncates text at max_tokens with finish_reason length', async () => {
    const completion = await ask({
      tools: undefined,
      max_tokens: 3,
      messages: [{ role: 'user', content: 'hello there' }],
    });
    expect(completion.choices[0]!.finish_reason).toBe('length');
    expect(completion.choices[0]!.message.content).toHaveLength(12);
  });
});

describe('request validation', () => {
  it('answers 400 in the OpenAI error shape, naming the field', async () => {
    const error = await ask({ temperature: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({
      type: 'invalid_request_error',
      param: 'temperature',
    });
    const res = await fetch(`${sandbox.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sandbox-precise', messages: [] }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        message: expect.stringContaining('messages'),
        type: 'invalid_request_error',
        param: 'messages',
        code: null,
      },
    });
  });

  it('rejects n > 1, a malformed JSON body and an unknown forced tool', async () => {
    await expect(ask({ n: 2 })).rejects.toMatchObject({ status: 400, param: 'n' });
    await expect(
      ask({ tool_choice: { type: 'function', function: { name: 'nope' } } }),
    ).rejects.toMatchObject({
      status: 400,
      param: 'tool_choice',
    });
    const res = await fetch(`${sandbox.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(res.status).toBe(400);
  });

  it('answers 404 model_not_found for an unknown model', async () => {
    await expect(ask({ model: 'gpt-17' })).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
  });

  it('requires the API key only when SANDBOX_API_KEY is set', async () => {
    const locked = await startSandbox({ SANDBOX_API_KEY: 'secret' });
    try {
      const wrong = locked.client({ apiKey: 'nope' });
      await expect(wrong.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
      const right = locked.client({ apiKey: 'secret' });
      expect((await right.models.list()).data.length).toBeGreaterThan(3);
    } finally {
      await locked.close();
    }
  });
});

describe('model listing and docs', () => {
  it('lists the models in the OpenAI shape', async () => {
    const ids = (await client.models.list()).data.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['sandbox-precise', 'sandbox-creative', 'sandbox-local-7b', 'sandbox-judge']),
    );
    expect((await client.models.retrieve('sandbox-judge')).owned_by).toBe('sandbox');
  });

  it('documents each model, its optimum and the control headers at /sandbox/models', async () => {
    const root = sandbox.baseURL.replace(/\/v1$/, '');
    const docs = (await (await fetch(`${root}/sandbox/models`)).json()) as {
      notice: string;
      control_headers: Record<string, unknown>;
      data: Array<{
        id: string;
        optimum: { temperature: number };
        rewarded_prompt_features: Array<{ example_phrases: string[] }>;
      }>;
    };
    expect(docs.notice).toMatch(/SIMULATED/);
    expect(Object.keys(docs.control_headers)).toEqual(
      expect.arrayContaining([
        'x-sandbox-fault',
        'x-sandbox-fault-rates',
        'x-sandbox-latency-ms',
        'x-sandbox-tokens-per-s',
      ]),
    );
    const precise = docs.data.find((m) => m.id === 'sandbox-precise')!;
    expect(precise.optimum.temperature).toBe(0.2);
    expect(precise.rewarded_prompt_features[0]!.example_phrases.length).toBeGreaterThan(0);
    expect((await fetch(`${root}/healthz`)).status).toBe(200);
  });
});
