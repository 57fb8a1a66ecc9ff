import { describe, expect, it } from 'vitest';
import { findModel, SANDBOX_MODELS } from '../models/catalogue.js';
import type { ChatCompletionRequest } from '../schemas/chat-request.schema.js';
import { simulate } from './respond.js';
import { demoSuite } from './demo-suite.fixture.js';

const model = (id: string) => findModel(SANDBOX_MODELS, id)!;
const request = (over: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  model: 'sandbox-precise',
  messages: [
    { role: 'system', content: demoSuite.system_prompt },
    { role: 'user', content: 'Get the weather in New York in fahrenheit.' },
  ],
  tools: demoSuite.tools,
  ...over,
});

describe('simulate', () => {
  it('is deterministic with a seed and at temperature 0', () => {
    for (const over of [{ seed: 5, temperature: 1 }, { temperature: 0 }]) {
      const a = simulate(model('sandbox-local-7b'), request(over));
      const b = simulate(model('sandbox-local-7b'), request(over));
      expect(a.output).toEqual(b.output);
      expect(a.diagnostics.deterministic).toBe(true);
    }
  });

  it('uses fresh randomness without seed at temperature > 0', () => {
    const outputs = new Set(
      Array.from({ length: 40 }, () =>
        JSON.stringify(simulate(model('sandbox-local-7b'), request({ temperature: 1.5 })).output),
      ),
    );
    expect(outputs.size).toBeGreaterThan(1);
  });

  it('never breaks a case at a better setting that was right at a worse one (common random numbers)', () => {
    const m = model('sandbox-precise');
    for (let seed = 0; seed < 150; seed++) {
      const atBest = simulate(m, request({ seed, temperature: 0.2, top_p: 0.9 })).diagnostics.mistake;
      const far = simulate(m, request({ seed, temperature: 1.2, top_p: 0.5 })).diagnostics.mistake;
      if (atBest !== 'none') expect(far).not.toBe('none');
    }
  });

  it('never answers in prose under tool_choice required', () => {
    const m = model('sandbox-local-7b');
    for (let seed = 0; seed < 100; seed++) {
      expect(simulate(m, request({ seed, tool_choice: 'required' })).output.kind).toBe('tool_call');
    }
  });

  it('answers meta and judge requests with JSON, whatever the tools', () => {
    const meta = simulate(
      model('sandbox-judge'),
      request({
        messages: [{ role: 'user', content: 'Generate 2 system prompts for a tool-calling model.' }],
      }),
    );
    expect(meta.diagnostics.task).toBe('meta');
    expect(meta.output.kind === 'text' && JSON.parse(meta.output.content).prompts).toHaveLength(2);
  });

  it('continues a multi-turn conversation and then answers in text', () => {
    const m = model('sandbox-judge');
    const prompt = 'Check the weather in Rome, then set the thermostat to the outdoor temperature.';
    const turn2 = simulate(
      m,
      request({
        temperature: 0,
        messages: [
          { role: 'user', content: prompt },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'c1', content: '{"temperature": 18}' },
        ],
      }),
    );
    expect(turn2.output).toEqual({
      kind: 'tool_call',
      name: 'set_thermostat',
      arguments: '{"temperature":18}',
    });
    const turn3 = simulate(
      m,
      request({
        temperature: 0,
        messages: [
          { role: 'user', content: prompt },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
          },
          { role: 'tool', tool_call_id: 'c1', content: '{"temperature": 18}' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'c2', type: 'function', function: { name: 'set_thermostat', arguments: '{}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'c2', content: '{"status": "ok"}' },
        ],
      }),
    );
    expect(turn3.output.kind).toBe('text');
  });
});
