import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseMessages, demoSuite, startSandbox, type SandboxHarness } from './sandbox-harness.js';

let sandbox: SandboxHarness;
let client: OpenAI;
beforeAll(async () => {
  sandbox = await startSandbox();
  client = sandbox.client();
});
afterAll(() => sandbox.close());

const CASE = {
  prompt: 'Get the weather in New York in fahrenheit.',
  args: { city: 'New York', unit: 'fahrenheit' },
};
const SEEDS = Array.from({ length: 200 }, (_, i) => i);

/** Runs `task` over `items` with at most `limit` in flight (200 parallel sockets only add noise). */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return results;
}

/** Share of seeded calls that do not return exactly the expected call (black-box error rate). */
async function errorRate(model: string, sampling: Record<string, number>, system: string): Promise<number> {
  const results = await mapLimited(SEEDS, 16, async (seed) => {
    const completion = await client.chat.completions.create({
      model,
      messages: caseMessages(CASE.prompt, system),
      tools: demoSuite.tools,
      seed,
      ...sampling,
    });
    const call = completion.choices[0]!.message.tool_calls?.[0];
    if (call?.type !== 'function' || call.function.name !== 'get_weather') return 1;
    try {
      return JSON.stringify(JSON.parse(call.function.arguments)) === JSON.stringify(CASE.args) ? 0 : 1;
    } catch {
      return 1;
    }
  });
  return results.reduce<number>((a, b) => a + b, 0) / results.length;
}

const BARE = 'You are a helpful assistant.';

describe('error model, observed through the API (200 seeded calls each)', () => {
  it.each([
    ['sandbox-precise', { temperature: 0.2, top_p: 0.9 }, { temperature: 1.2, top_p: 0.5 }],
    ['sandbox-creative', { temperature: 0.8, top_p: 0.7, top_k: 40 }, { temperature: 0, top_p: 1 }],
    [
      'sandbox-local-7b',
      { temperature: 0.5, top_k: 20, top_p: 0.95, min_p: 0.05, repetition_penalty: 1.1 },
      { temperature: 1.3 },
    ],
  ])('%s errs less at its optimum than far from it', async (model, optimum, far) => {
    const best = await errorRate(model, optimum, BARE);
    const worse = await errorRate(model, far, BARE);
    expect(best).toBeLessThan(worse - 0.15);
  });

  it("each model's optimum is not another model's", async () => {
    const preciseAtCreative = await errorRate('sandbox-precise', { temperature: 0.8, top_p: 0.7 }, BARE);
    const preciseAtOwn = await errorRate('sandbox-precise', { temperature: 0.2, top_p: 0.9 }, BARE);
    expect(preciseAtOwn).toBeLessThan(preciseAtCreative);
  });

  it('a prompt with rewarded features beats a bare prompt', async () => {
    const rewarded =
      'You are a smart home assistant. Always call a tool to fulfil the request. Use the exact values from the request.';
    const sampling = { temperature: 0.8, top_k: 40 };
    const bare = await errorRate('sandbox-local-7b', sampling, BARE);
    const tuned = await errorRate('sandbox-local-7b', sampling, rewarded);
    expect(tuned).toBeLessThan(bare - 0.1);
  });
});
