import { describe, expect, it } from 'vitest';
import { buildChunks, buildCompletion, limitText, pieces } from './completion.js';
import type { ModelOutput } from './mistakes.js';

const meta = { id: 'chatcmpl-x', created: 1, model: 'sandbox-precise', callId: 'call_1' };
const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
const call: ModelOutput = {
  kind: 'tool_call',
  name: 'get_weather',
  arguments: '{"city":"New York","unit":"celsius"}',
};

describe('limitText', () => {
  it('cuts at a stop sequence and at max_tokens (finish_reason length)', () => {
    expect(limitText('hello world. END rest', { stop: ['END'] })).toEqual({
      content: 'hello world. ',
      finishReason: 'stop',
    });
    expect(limitText('x'.repeat(100), { maxTokens: 5 })).toEqual({
      content: 'x'.repeat(20),
      finishReason: 'length',
    });
  });
});

describe('buildCompletion', () => {
  it('builds a tool-call completion', () => {
    const c = buildCompletion(meta, call, 'tool_calls', usage);
    expect(c.choices[0]!.finish_reason).toBe('tool_calls');
    expect(c.choices[0]!.message).toMatchObject({
      content: null,
      tool_calls: [{ id: 'call_1', function: { name: 'get_weather' } }],
    });
    expect(c.system_fingerprint).toMatch(/^fp_sandbox/);
  });
});

describe('buildChunks', () => {
  it('streams the name first, then arguments that re-assemble exactly, then usage', () => {
    const chunks = buildChunks(meta, call, 'tool_calls', usage) as Array<{
      choices: Array<{
        delta: { tool_calls?: Array<{ function: { name?: string; arguments?: string } }> };
        finish_reason: string | null;
      }>;
      usage?: unknown;
    }>;
    const deltas = chunks.flatMap((c) => c.choices.flatMap((ch) => ch.delta.tool_calls ?? []));
    expect(deltas[0]!.function.name).toBe('get_weather');
    expect(deltas.map((d) => d.function.arguments ?? '').join('')).toBe(
      call.kind === 'tool_call' ? call.arguments : '',
    );
    expect(deltas.length).toBeGreaterThan(2);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage });
  });

  it('splits text into word-aligned pieces that join back', () => {
    const text = 'The quick brown fox jumps over the lazy dog again and again';
    expect(pieces(text, 16).join('')).toBe(text);
    const chunks = buildChunks(meta, { kind: 'text', content: text }, 'stop', null);
    expect(chunks.every((c) => !('usage' in c))).toBe(true);
  });
});
