import type { ProviderId } from '@llmbench/contracts';
import { describe, expect, it } from 'vitest';
import { REGISTRY, resolveParamSpecs } from './registry.js';
import type { ParamSpec } from './schemas/registry.schema.js';

type Row = [ProviderId, string, string, Partial<ParamSpec>];

const spec = (provider: ProviderId, model: string, name: string): ParamSpec | undefined =>
  resolveParamSpecs(REGISTRY.providers[provider], model).specs[name];

// Ranges, support, locks, wire names and accepted values per provider (and per model where overrides apply).
const ROWS: Row[] = [
  ['openai', 'gpt-4o', 'temperature', { min: 0, max: 2, default: 1, supported: true }],
  ['openai', 'gpt-4o', 'max_tokens', { min: 1, max: 128000, supported: true }],
  ['openai', 'gpt-4o', 'stop', { max_items: 4, supported: true }],
  ['openai', 'gpt-4o', 'top_p', { min: 0, max: 1, supported: true }],
  ['openai', 'gpt-4o', 'top_k', { supported: false }],
  ['openai', 'gpt-4o', 'frequency_penalty', { min: -2, max: 2, default: 0 }],
  ['openai', 'gpt-4o', 'presence_penalty', { min: -2, max: 2, default: 0 }],
  ['openai', 'gpt-4o', 'seed', { supported: true }],
  ['openai', 'gpt-4o', 'reasoning_effort', { supported: false }],
  ['openai', 'o3-mini', 'temperature', { locked: 1 }],
  ['openai', 'o1', 'stop', { supported: false }],
  ['openai', 'o4-mini', 'top_p', { supported: false }],
  ['openai', 'o3-mini', 'max_tokens', { wire_name: 'max_completion_tokens' }],
  ['openai', 'o3-mini', 'reasoning_effort', { supported: true, values: ['low', 'medium', 'high'] }],
  ['openai', 'gpt-5', 'temperature', { locked: 1 }],
  ['openai', 'gpt-5-mini', 'max_tokens', { wire_name: 'max_completion_tokens' }],
  ['openai', 'gpt-5-nano', 'reasoning_effort', { values: ['minimal', 'low', 'medium', 'high'] }],
  ['openai', 'gpt-5.2', 'temperature', { locked: undefined, min: 0, max: 2 }],
  ['openai', 'gpt-5.2', 'reasoning_effort', { values: ['none', 'low', 'medium', 'high', 'xhigh'] }],
  ['openai', 'gpt-5.1', 'reasoning_effort', { values: ['none', 'low', 'medium', 'high'] }],
  ['openai', 'gpt-5.1-codex-max', 'reasoning_effort', { values: ['none', 'low', 'medium', 'high', 'xhigh'] }],
  ['openai', 'gpt-5.1', 'presence_penalty', { supported: false }],
  ['openai', 'gpt-5-chat-latest', 'temperature', { locked: undefined }],
  ['openai', 'gpt-5-chat-latest', 'reasoning_effort', { supported: false }],
  ['openai', 'gpt-5.1-chat-latest', 'temperature', { locked: 1 }],
  ['anthropic', 'claude-sonnet-4-5', 'temperature', { min: 0, max: 1 }],
  ['anthropic', 'claude-sonnet-4-5', 'max_tokens', { max: 128000 }],
  ['anthropic', 'claude-sonnet-4-5', 'top_k', { supported: false, unsupported_action: 'warn' }],
  ['anthropic', 'claude-sonnet-4-5', 'seed', { supported: false, unsupported_action: 'drop' }],
  ['anthropic', 'claude-sonnet-4-5', 'frequency_penalty', { supported: false }],
  ['anthropic', 'claude-sonnet-4-5', 'reasoning_effort', { values: ['none', 'low', 'medium', 'high'] }],
  ['gemini', 'gemini-2.5-flash', 'temperature', { min: 0, max: 2 }],
  ['gemini', 'gemini-2.5-flash', 'max_tokens', { max: 65536 }],
  ['gemini', 'gemini-2.5-flash', 'stop', { max_items: 5 }],
  [
    'gemini',
    'gemini-2.5-flash',
    'reasoning_effort',
    { values: ['none', 'minimal', 'low', 'medium', 'high'] },
  ],
  ['gemini', 'gemini-2.5-pro', 'reasoning_effort', { values: ['low', 'medium', 'high'] }],
  ['gemini', 'gemini-3-pro-preview', 'reasoning_effort', { values: ['low', 'medium', 'high'] }],
  ['gemini', 'gemini-3-flash-preview', 'temperature', { default: 1 }],
  ['mistral', 'mistral-large-latest', 'temperature', { min: 0, max: 1.5, default: 0.7 }],
  ['mistral', 'mistral-large-latest', 'seed', { wire_name: 'random_seed', supported: true }],
  ['mistral', 'mistral-large-latest', 'top_k', { supported: false, unsupported_action: 'drop' }],
  ['mistral', 'mistral-large-latest', 'reasoning_effort', { supported: false, unsupported_action: 'drop' }],
  ['deepseek', 'deepseek-chat', 'max_tokens', { max: 8192 }],
  ['deepseek', 'deepseek-reasoner', 'max_tokens', { max: 65536 }],
  ['deepseek', 'deepseek-v4-pro', 'max_tokens', { max: 393216 }],
  ['deepseek', 'deepseek-chat', 'seed', { supported: false, unsupported_action: 'warn' }],
  ['deepseek', 'deepseek-chat', 'reasoning_effort', { values: ['none', 'high', 'max'] }],
  ['cohere', 'command-a-03-2025', 'temperature', { min: 0, max: 1, default: 0.3 }],
  ['cohere', 'command-a-03-2025', 'top_p', { min: 0.01, max: 0.99 }],
  ['cohere', 'command-a-03-2025', 'frequency_penalty', { min: 0, max: 1 }],
  ['cohere', 'command-a-03-2025', 'presence_penalty', { min: 0, max: 1 }],
  ['cohere', 'command-a-03-2025', 'stop', { max_items: 5 }],
  [
    'cohere',
    'command-a-03-2025',
    'top_k',
    { supported: false, unsupported_action: 'warn', min: 0, max: 500 },
  ],
  ['xai', 'grok-3', 'presence_penalty', { supported: true, min: -2, max: 2 }],
  ['xai', 'grok-4', 'presence_penalty', { supported: false }],
  ['xai', 'grok-4', 'stop', { supported: false }],
  ['xai', 'grok-4-fast-non-reasoning', 'stop', { supported: true }],
  ['xai', 'grok-4', 'reasoning_effort', { supported: false }],
  ['xai', 'grok-3-mini', 'reasoning_effort', { supported: true, values: ['low', 'high'] }],
  ['xai', 'grok-3-mini', 'frequency_penalty', { supported: false }],
  ['xai', 'grok-4.20-multi-agent-0309', 'reasoning_effort', { supported: true }],
  ['zai', 'glm-4.6', 'temperature', { min: 0, max: 1 }],
  ['zai', 'glm-4.6', 'top_p', { min: 0.01, max: 1, default: 0.95 }],
  ['zai', 'glm-4.6', 'reasoning_effort', { values: ['none', 'high'] }],
  ['zai', 'glm-5.2', 'reasoning_effort', { wire_map: {} }],
  ['zai', 'glm-4.6', 'seed', { supported: false, unsupported_action: 'warn' }],
  ['together', 'openai/gpt-oss-120b', 'top_k', { supported: true, min: 1 }],
  ['together', 'openai/gpt-oss-120b', 'reasoning_effort', { values: ['low', 'medium', 'high'] }],
  ['groq', 'llama-3.3-70b-versatile', 'top_k', { supported: false }],
  ['groq', 'llama-3.3-70b-versatile', 'frequency_penalty', { supported: false }],
  ['groq', 'llama-3.3-70b-versatile', 'reasoning_effort', { supported: false }],
  ['groq', 'openai/gpt-oss-20b', 'reasoning_effort', { supported: true, values: ['low', 'medium', 'high'] }],
  ['groq', 'qwen/qwen3-32b', 'reasoning_effort', { supported: true, values: ['none', 'default'] }],
  ['openrouter', 'openai/gpt-4o', 'top_k', { supported: true, min: 0 }],
  ['openrouter', 'openai/gpt-4o', 'repetition_penalty', { tier: 3, min: 0, max: 2 }],
  ['ollama', 'llama3.2', 'temperature', { default: 0.8 }],
  ['ollama', 'llama3.2', 'top_k', { supported: false, unsupported_action: 'warn', default: 40 }],
  ['ollama', 'llama3.2', 'num_ctx', { tier: 3, supported: false }],
  ['ollama', 'llama3.2', 'mirostat', { tier: 3, min: 0, max: 2 }],
  ['ollama', 'llama3.2', 'reasoning_effort', { values: ['none', 'low', 'medium', 'high'] }],
  ['lm_studio', 'qwen2.5-7b-instruct', 'top_k', { supported: true }],
  ['lm_studio', 'qwen2.5-7b-instruct', 'repeat_penalty', { tier: 3 }],
  ['lm_studio', 'qwen2.5-7b-instruct', 'reasoning_effort', { supported: false, unsupported_action: 'warn' }],
  ['vllm', 'meta-llama/Llama-3.1-8B-Instruct', 'top_k', { supported: true, min: -1 }],
  ['vllm', 'meta-llama/Llama-3.1-8B-Instruct', 'guided_json', { tier: 3, type: 'object' }],
  ['sandbox', 'sandbox-creative', 'temperature', { min: 0, max: 2 }],
  ['sandbox', 'sandbox-creative', 'top_k', { supported: true, min: -1 }],
  ['sandbox', 'sandbox-precise', 'top_k', { supported: false, unsupported_action: 'drop' }],
  ['sandbox', 'sandbox-judge', 'top_k', { supported: false }],
  ['sandbox', 'sandbox-flaky', 'presence_penalty', { supported: false }],
  ['sandbox', 'sandbox-local-7b', 'presence_penalty', { supported: true }],
  ['sandbox', 'sandbox-precise', 'min_p', { tier: 3, supported: false, unsupported_action: 'warn' }],
  ['sandbox', 'sandbox-local-7b', 'repetition_penalty', { tier: 3, supported: true, max: 10 }],
  ['sandbox', 'sandbox-local-7b', 'reasoning_effort', { supported: false }],
  ['openai_compatible', 'anything', 'top_k', { supported: true, min: -1 }],
  ['openai_compatible', 'anything', 'reasoning_effort', { supported: true }],
];

describe('provider entries', () => {
  it.each(ROWS)('%s %s %s', (provider, model, name, expected) => {
    const actual = spec(provider, model, name);
    expect(actual).toBeDefined();
    for (const [field, value] of Object.entries(expected)) {
      expect(actual?.[field as keyof ParamSpec], field).toEqual(value);
    }
  });

  it('covers every provider', () => {
    expect(new Set(ROWS.map((r) => r[0]))).toEqual(new Set(Object.keys(REGISTRY.providers)));
  });
});
