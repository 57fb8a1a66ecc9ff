import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectPromptFeatures } from '../src/index.js';
import { startSandbox, type SandboxHarness } from './sandbox-harness.js';

let sandbox: SandboxHarness;
let client: OpenAI;
beforeAll(async () => {
  sandbox = await startSandbox();
  client = sandbox.client();
});
afterAll(() => sandbox.close());

const promptList = {
  type: 'json_schema' as const,
  json_schema: {
    name: 'prompt_list',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        prompts: {
          type: 'array',
          items: {
            type: 'object',
            properties: { style: { type: 'string' }, prompt: { type: 'string' } },
            required: ['style', 'prompt'],
            additionalProperties: false,
          },
        },
      },
      required: ['prompts'],
      additionalProperties: false,
    },
  },
};

const user = (content: string) => [{ role: 'user' as const, content }];
const json = (c: OpenAI.Chat.ChatCompletion) =>
  JSON.parse(c.choices[0]!.message.content!) as Record<string, unknown>;

describe('meta-model', () => {
  it('returns the requested number of prompts via response_format json_schema', async () => {
    const completion = await client.chat.completions.create({
      model: 'sandbox-judge',
      temperature: 0.9,
      max_tokens: 4096,
      response_format: promptList,
      messages:
        user(`You are a prompt-engineering expert. Produce 6 distinct system prompts for a tool-calling model.
Tools:
- get_weather: Get the current weather (params: city, unit)
Base prompt: "You are a smart home assistant. Use the available tools."
Return only {"prompts":[{"style","prompt"}]}`),
    });
    const prompts = json(completion).prompts as Array<{ style: string; prompt: string }>;
    expect(prompts).toHaveLength(6);
    for (const p of prompts) {
      expect(Object.keys(p).sort()).toEqual(['prompt', 'style']);
      expect(p.prompt).toContain('You are a smart home assistant.');
    }
  });

  it('recognises an evolutionary meta-prompt without response_format and keeps lineage', async () => {
    const completion = await client.chat.completions.create({
      model: 'sandbox-judge',
      seed: 1,
      messages: user(`You are mutating winning system prompts. Generate 3 children.
#0 (score=0.55): "You are a helper. Use the tools."
#1 (score=0.90): "You are a home assistant. Always call a tool."
Return {"prompts":[{"parent_index","mutation_type","prompt"}]}`),
    });
    const prompts = json(completion).prompts as Array<{
      parent_index: number;
      mutation_type: string;
      prompt: string;
    }>;
    expect(prompts.map((p) => p.mutation_type).slice(0, 2)).toEqual(['conservative', 'bold']);
    expect(prompts[0]!.parent_index).toBe(1);
    expect(detectPromptFeatures(prompts[0]!.prompt).has('always_call_tool')).toBe(true);
  });
});

describe('judge', () => {
  const verdict = (actual: string) => `You are an expert evaluator of tool calling.
Expected tool: set_timer
Expected params: {"minutes": 10}
Actual tool: ${actual}
Actual params: {"minutes": 10}
Return JSON {"quality_score", "verdict", "summary", "reasoning", "tool_selection_assessment", "param_assessment"}`;

  it('returns verdicts that follow the evidence', async () => {
    const ask = (actual: string) =>
      client.chat.completions.create({
        model: 'sandbox-judge',
        temperature: 0,
        max_tokens: 2048,
        messages: user(verdict(actual)),
      });
    expect(json(await ask('set_timer'))).toMatchObject({ verdict: 'pass', quality_score: 5 });
    expect(json(await ask('get_time'))).toMatchObject({
      verdict: 'fail',
      tool_selection_assessment: 'wrong',
    });
  });

  it('compares two runs and picks the side that matches, in either order', async () => {
    const compare = (a: string, b: string) =>
      client.chat.completions.create({
        model: 'sandbox-judge',
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: user(`Expected: set_timer({"minutes": 10})
Model A: ${a}
Model B: ${b}
Return {"winner": "model_a"|"model_b"|"tie", "confidence", "reasoning"}`),
      });
    const right = 'set_timer({"minutes": 10})';
    const wrong = 'set_timer({"minutes": 12})';
    expect(json(await compare(right, wrong)).winner).toBe('model_a');
    expect(json(await compare(wrong, right)).winner).toBe('model_b');
  });
});
