import { describe, expect, it } from 'vitest';
import { ALL_SNIPPETS } from './meta-snippets.js';
import {
  detectPromptFeatures,
  FEATURE_RULES,
  PROMPT_FEATURES,
  type PromptFeature,
} from './prompt-features.js';

describe('detectPromptFeatures', () => {
  it.each<[string, PromptFeature[]]>([
    ['', []],
    ['You are a helpful assistant.', ['brevity']],
    [
      'Always call a tool. Use the exact values from the request.',
      ['always_call_tool', 'exact_values', 'brevity'],
    ],
    ['You must respond with a function call.', ['always_call_tool', 'brevity']],
    ['Never answer in plain text.', ['always_call_tool', 'brevity']],
    ['Rules:\n1. Pick one tool.\n2. Fill every field.', ['numbered_rules', 'brevity']],
    ['Respect the JSON schema and parameter types.', ['schema_types', 'brevity']],
    ['If no tool fits the request, answer in text.', ['irrelevance_guard', 'brevity']],
    ['Think step by step and explain your reasoning.', ['chatty', 'brevity']],
    ['Copy names verbatim.', ['exact_values', 'brevity']],
  ])('%j → %j', (prompt, expected) => {
    expect([...detectPromptFeatures(prompt)].sort()).toEqual([...expected].sort());
  });

  it('does not count a long prompt as brief', () => {
    const long = 'Please help the user with their smart home. '.repeat(10);
    expect(detectPromptFeatures(long).has('brevity')).toBe(false);
  });

  it('detects each documented example phrase', () => {
    for (const feature of PROMPT_FEATURES.filter((f) => f !== 'brevity')) {
      for (const example of FEATURE_RULES[feature].examples) {
        expect(detectPromptFeatures(example).has(feature), `${feature}: ${example}`).toBe(true);
      }
    }
  });

  it('recognises the meta-model snippets that are meant to carry a feature', () => {
    for (const { group, text } of ALL_SNIPPETS) {
      if (group === 'neutral') continue;
      expect(detectPromptFeatures(text).has(group), text).toBe(true);
    }
  });
});
