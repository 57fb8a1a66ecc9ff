import { describe, expect, it } from 'vitest';
import {
  generatePromptVariations,
  instructionSentences,
  parseBasePrompt,
  parseParents,
  requestedCount,
} from './meta.js';
import { detectPromptFeatures } from './prompt-features.js';
import { createRng } from './rng.js';
import { runTask } from './tasks.js';

const QUICK = `You are a prompt-engineering expert. Produce 7 distinct system prompts for a tool-calling model.
Tools:
- get_weather: Get the weather (params: city, unit)
Scenarios:
- "Weather in Paris?" → get_weather
Base prompt: "You are a smart home assistant. Use the tools."
Return only {"prompts":[{"style","prompt"}]}`;

const EVOLVE = `You are mutating winning prompts. Generate 4 children.
Parents:
#0 (score=0.62): "You are a helper. Use the tools."
#1 (score=0.91): "You are a smart home assistant. Always call a tool. Use the exact values from the request."
Include at least one bold and one conservative mutation.
Return {"prompts":[{"parent_index","mutation_type","prompt"}]}`;

describe('meta-prompt parsing', () => {
  it.each([
    ['Generate 3 system prompts', 3],
    ['produce 12 distinct variations', 12],
    ['population_size: 4', 4],
    ['give me some prompts', 5],
    ['produce 4 *distinct* system prompts', 4],
    ['write 50 prompts', 20],
  ])('%s → %d', (text, n) => {
    expect(requestedCount(text)).toBe(n);
  });

  it('respects schema bounds', () => {
    expect(requestedCount('give me 9 prompts', { max: 6 })).toBe(6);
    expect(requestedCount('some prompts', { min: 3 })).toBe(3);
  });

  it('reads the base prompt and the parents', () => {
    expect(parseBasePrompt(QUICK)).toBe('You are a smart home assistant. Use the tools.');
    expect(parseParents(EVOLVE)).toEqual([
      { index: 0, score: 0.62, text: 'You are a helper. Use the tools.' },
      {
        index: 1,
        score: 0.91,
        text: 'You are a smart home assistant. Always call a tool. Use the exact values from the request.',
      },
    ]);
    expect(instructionSentences('Rules:\n1. Be brief.\n2. Call tools.')).toEqual([
      'Be brief.',
      'Call tools.',
    ]);
  });
});

describe('generatePromptVariations', () => {
  it('returns the requested number of distinct, styled prompts in quick mode', () => {
    const out = generatePromptVariations(
      { base: 'You are a home assistant.', parents: [], count: 7 },
      createRng(1),
    );
    expect(out).toHaveLength(7);
    expect(out.map((p) => p.style).slice(0, 5)).toEqual([
      'concise',
      'detailed',
      'structured',
      'conversational',
      'technical',
    ]);
    for (const p of out)
      expect(
        p.prompt.startsWith('You are a home assistant.') || p.prompt.includes('You are a home assistant.'),
      ).toBe(true);
    expect(detectPromptFeatures(out[2]!.prompt).has('numbered_rules')).toBe(true);
  });

  it('mutates parents with lineage, including a conservative child of the best parent and a bold one', () => {
    const parents = parseParents(EVOLVE);
    const out = generatePromptVariations({ parents, count: 4 }, createRng(2));
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ mutation_type: 'conservative', parent_index: 1 });
    expect(out[1]!.mutation_type).toBe('bold');
    expect(out[0]!.prompt).toContain('Always call a tool.');
  });

  it('produces, over many draws, prompts carrying each rewarded feature (evolution has material)', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      for (const p of generatePromptVariations({ parents: [], count: 5 }, createRng(seed))) {
        for (const f of detectPromptFeatures(p.prompt)) seen.add(f);
      }
    }
    for (const f of [
      'always_call_tool',
      'exact_values',
      'schema_types',
      'numbered_rules',
      'irrelevance_guard',
      'chatty',
    ]) {
      expect(seen).toContain(f);
    }
  });
});

describe('runTask(meta)', () => {
  it('answers well-formed JSON honouring a strict schema (no lineage keys)', () => {
    const strict = {
      type: 'json_schema' as const,
      json_schema: {
        name: 'prompt_list',
        strict: true,
        schema: {
          type: 'object',
          properties: {
            prompts: {
              type: 'array',
              items: { type: 'object', properties: { style: {}, prompt: {} }, additionalProperties: false },
            },
          },
        },
      },
    };
    const parsed = JSON.parse(runTask('meta', EVOLVE, strict, createRng(3))) as { prompts: object[] };
    expect(parsed.prompts).toHaveLength(4);
    for (const p of parsed.prompts) expect(Object.keys(p).sort()).toEqual(['prompt', 'style']);
  });

  it('keeps parent_index and mutation_type without a strict schema', () => {
    const parsed = JSON.parse(runTask('meta', EVOLVE, { type: 'json_object' }, createRng(3))) as {
      prompts: Array<Record<string, unknown>>;
    };
    expect(parsed.prompts[0]).toHaveProperty('parent_index');
    expect(parsed.prompts[0]).toHaveProperty('mutation_type');
  });
});
