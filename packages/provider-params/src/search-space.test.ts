import { describe, expect, it } from 'vitest';
import { expandRange } from './expand-range.js';
import { clampSearchSpace } from './search-space.js';

const space = (
  provider: string,
  model_id: string,
  dimension: string,
  values: unknown[],
  base_params?: Record<string, unknown>,
) => clampSearchSpace({ provider, model_id, dimension, values, base_params });

describe(clampSearchSpace.name, () => {
  it('clamps to the provider range and de-duplicates, keeping order', () => {
    const sut = space('anthropic', 'claude-sonnet-4-5', 'temperature', [0.5, 1, 1.5, 0.5]);
    expect(sut.values).toEqual([0.5, 1]);
    expect(sut.adjustments.map((a) => [a.action, a.original, a.reason])).toEqual([
      ['clamped', 1.5, 'above the maximum 1'],
      ['dropped', 1.5, 'duplicate of 1 after clamping'],
      ['dropped', 0.5, 'duplicate of 0.5'],
    ]);
  });

  it('clamps an expanded range that overshoots the limits', () => {
    const sut = space(
      'cohere',
      'command-a-03-2025',
      'top_p',
      expandRange({ min: 0.9, max: 1.1, step: 0.05 }),
    );
    expect(sut.values).toEqual([0.9, 0.95, 0.99]);
  });

  it('collapses a locked parameter to its one value', () => {
    const sut = space('openai', 'gpt-5', 'temperature', [0, 0.5, 1]);
    expect(sut.values).toEqual([1]);
    expect(sut.adjustments.filter((a) => a.action === 'clamped')).toHaveLength(2);
  });

  it('applies model conflict rules (Gemini 3 floor) and base params (Anthropic thinking)', () => {
    expect(space('gemini', 'gemini-3-pro-preview', 'temperature', [0.2, 0.7, 1.3]).values).toEqual([1, 1.3]);
    const thinking = { thinking: { type: 'enabled', budget_tokens: 2000 } };
    expect(space('anthropic', 'claude-opus-4-1', 'temperature', [0.2, 0.7], thinking).values).toEqual([]);
    expect(space('anthropic', 'claude-opus-4-1', 'top_p', [0.5, 0.99], thinking).values).toEqual([
      0.95, 0.99,
    ]);
  });

  it('returns no values for a parameter the model ignores, saying why', () => {
    const sut = space('sandbox', 'sandbox-precise', 'top_k', [10, 40]);
    expect(sut.values).toEqual([]);
    expect(sut.adjustments.map((a) => a.action)).toEqual(['dropped', 'dropped']);
    expect(sut.adjustments[0]?.reason).toMatch(/sandbox-precise ignores top_k/);
    expect(space('deepseek', 'deepseek-reasoner', 'temperature', [0.1]).values).toEqual([]);
  });

  it('keeps values of a parameter sent with a warning, warning once', () => {
    const sut = space('ollama', 'llama3', 'top_k', [10, 20, 30]);
    expect(sut.values).toEqual([10, 20, 30]);
    expect(sut.adjustments.map((a) => a.action)).toEqual(['warn']);
  });

  it('maps and de-duplicates enum values', () => {
    const sut = space('openai', 'o3', 'reasoning_effort', ['minimal', 'low', 'medium', 'xhigh', 'high']);
    expect(sut.values).toEqual(['low', 'medium', 'high']);
  });

  it('drops values of the wrong type', () => {
    const sut = space('openai', 'gpt-4o', 'temperature', [0.1, 'hot', null]);
    expect(sut.values).toEqual([0.1]);
    expect(sut.adjustments).toEqual([
      {
        param: 'temperature',
        action: 'dropped',
        original: 'hot',
        value: null,
        reason: 'temperature must be a finite number',
      },
      { param: 'temperature', action: 'dropped', original: null, value: null, reason: 'null means unset' },
    ]);
  });

  it('accepts wire names and aliases as the dimension', () => {
    expect(space('mistral', 'mistral-small', 'random_seed', [1, 2]).values).toEqual([1, 2]);
    expect(space('openai', 'o3', 'max_completion_tokens', [0, 100]).values).toEqual([1, 100]);
  });

  it('clamps documented tier-3 ranges too', () => {
    const sut = space('sandbox', 'sandbox-local-7b', 'repetition_penalty', [0, 1.1, 12]);
    expect(sut.values).toEqual([0.01, 1.1, 10]);
  });

  it('passes unknown dimensions through unchecked (de-duplicated), with one warning', () => {
    const sut = space('vllm', 'm', 'my_knob', [1, 1, 'a']);
    expect(sut.values).toEqual([1, 'a']);
    expect(sut.adjustments.map((a) => a.action)).toEqual(['warn', 'dropped']);
  });

  it('rejects an unknown provider', () => {
    expect(() => space('nope', 'm', 'temperature', [1])).toThrow(/unknown provider "nope"/);
  });
});
