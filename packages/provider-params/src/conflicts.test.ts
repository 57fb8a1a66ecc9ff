import { describe, expect, it } from 'vitest';
import { conditionHolds, firingRules } from './conflicts.js';
import { REGISTRY } from './registry.js';
import type { ConflictCondition } from './schemas/registry.schema.js';

describe(conditionHolds.name, () => {
  const view = { temperature: 0.5, reasoning_effort: 'high', thinking: { type: 'enabled' } };
  it.each<[ConflictCondition, string, boolean]>([
    [{}, 'any', true],
    [{ model: 'gpt-5.*' }, 'gpt-5.2', true],
    [{ model: 'gpt-5.*' }, 'gpt-5', false],
    [{ present: ['temperature', 'reasoning_effort'] }, 'm', true],
    [{ present: ['temperature', 'top_p'] }, 'm', false],
    [{ absent: ['top_p'] }, 'm', true],
    [{ absent: ['temperature'] }, 'm', false],
    [{ in: { 'thinking.type': ['enabled', 'adaptive'] } }, 'm', true],
    [{ in: { 'thinking.type': ['disabled'] } }, 'm', false],
    [{ in: { 'missing.path': [undefined] } }, 'm', false],
    [{ none_of: { reasoning_effort: ['none'] } }, 'm', true],
    [{ none_of: { reasoning_effort: ['high'] } }, 'm', false],
    [{ none_of: { top_p: [1] } }, 'm', true],
    [{ lt: { temperature: 1 } }, 'm', true],
    [{ lt: { temperature: 0.5 } }, 'm', false],
    [{ lt: { top_p: 1 } }, 'm', false],
    [{ gt: { temperature: 0.4 } }, 'm', true],
    [{ gt: { top_p: 0 } }, 'm', false],
    [{ model: 'm', present: ['temperature'], lt: { temperature: 0.1 } }, 'm', false],
  ])('%j on %s → %s', (when, model, expected) => {
    expect(conditionHolds(when, model, view)).toBe(expected);
  });
});

describe(firingRules.name, () => {
  it.each([
    [
      'openai',
      'gpt-5.2',
      { temperature: 0.2, reasoning_effort: 'low' },
      ['gpt5x_sampling_needs_no_reasoning'],
    ],
    ['openai', 'gpt-5.2', { temperature: 0.2 }, []],
    [
      'anthropic',
      'claude-sonnet-4-5',
      { temperature: 0.2, top_p: 0.5 },
      ['anthropic_temperature_top_p_exclusive', 'anthropic_temperature_top_p_advice'],
    ],
    [
      'anthropic',
      'claude-3-7-sonnet',
      { temperature: 0.2, top_p: 0.5 },
      ['anthropic_temperature_top_p_advice'],
    ],
    [
      'anthropic',
      'claude-sonnet-4-5',
      { thinking: { type: 'enabled' } },
      [
        'anthropic_thinking_drops_temperature_top_k',
        'anthropic_thinking_top_p_range',
        'anthropic_thinking_max_tokens_missing',
      ],
    ],
    [
      'anthropic',
      'claude-sonnet-4-5',
      { thinking: { type: 'adaptive' } },
      ['anthropic_thinking_drops_temperature_top_k', 'anthropic_thinking_top_p_range'],
    ],
    [
      'anthropic',
      'claude-sonnet-4-5',
      { thinking: { type: 'enabled' }, max_tokens: 1 },
      [
        'anthropic_thinking_drops_temperature_top_k',
        'anthropic_thinking_top_p_range',
        'anthropic_thinking_needs_max_tokens',
      ],
    ],
    ['gemini', 'gemini-3-flash-preview', { temperature: 0.9 }, ['gemini3_temperature_floor']],
    ['gemini', 'gemini-2.5-flash', { temperature: 0.9 }, []],
    ['deepseek', 'deepseek-reasoner', {}, ['deepseek_reasoner_ignores_sampling']],
    ['deepseek', 'deepseek-chat', { thinking: { type: 'enabled' } }, ['deepseek_thinking_ignores_sampling']],
    ['deepseek', 'deepseek-v4-flash', {}, ['deepseek_v4_default_thinking_ignores_sampling']],
    ['deepseek', 'deepseek-v4-flash', { thinking: { type: 'disabled' } }, []],
    ['zai', 'glm-4.6', { do_sample: false }, ['zai_greedy_ignores_sampling']],
  ] as const)('%s %s %j → %j', (provider, model, view, expected) => {
    const rules = firingRules(REGISTRY.providers[provider].conflicts, model, view);
    expect(rules.map((r) => r.id)).toEqual(expected);
  });
});
