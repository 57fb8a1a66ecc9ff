import { describe, expect, it } from 'vitest';
import { parseMetaCandidates } from './parse-candidates.js';
import { findNearDuplicates, promptSimilarity } from './dedupe.js';
import { selectSurvivors, splitCases } from './selection.js';
import { estimatePromptTune } from './estimate.js';
import { evolutionMetaPrompt, quickMetaPrompt } from './meta-prompts.js';

const answer = JSON.stringify({
  prompts: [
    { style: 'concise', prompt: 'Always call a tool.' },
    {
      style: 'structured',
      prompt: '1. Use tools.\n2. Copy values exactly.',
      parent_index: 2,
      mutation_type: 'bold',
    },
    { style: 'technical', prompt: 'Spec: call the best tool.' },
  ],
});

describe('parseMetaCandidates', () => {
  it('reads plain JSON with lineage', () => {
    const { candidates, form } = parseMetaCandidates(answer);
    expect(form).toBe('json');
    expect(candidates).toHaveLength(3);
    expect(candidates[1]).toEqual({
      prompt: '1. Use tools.\n2. Copy values exactly.',
      style: 'structured',
      parent_index: 2,
      mutation_type: 'bold',
    });
  });

  it.each([
    ['fenced', `Sure:\n\`\`\`json\n${answer}\n\`\`\``, 3],
    ['embedded', `Here you go: ${answer} Enjoy!`, 3],
    ['json', JSON.stringify(['one prompt', 'another prompt']), 2],
    ['salvaged', answer.slice(0, Math.floor(answer.length * 0.75)), 2],
    ['none', 'I cannot help with that.', 0],
    ['none', '', 0],
  ])('form %s', (form, text, n) => {
    const parsed = parseMetaCandidates(text);
    expect(parsed.form).toBe(form);
    expect(parsed.candidates).toHaveLength(n);
  });

  it('drops items without prompt text', () => {
    expect(
      parseMetaCandidates('{"prompts":[{"style":"x"},{"prompt":"  "},{"text":"ok"}]}').candidates,
    ).toEqual([{ prompt: 'ok', style: null, parent_index: null, mutation_type: null }]);
  });
});

describe('near-duplicate prompts', () => {
  it('scores word overlap, ignoring case and punctuation', () => {
    expect(promptSimilarity('Always call a tool!', 'always CALL a tool')).toBe(1);
    expect(promptSimilarity('Always call a tool', 'Never answer in text')).toBe(0);
  });
  it('points each duplicate at the first earlier prompt it repeats', () => {
    const known = ['Always call a tool to do the job.'];
    const fresh = [
      'always call a tool to do the job',
      'Copy values exactly.',
      'copy values exactly',
      'New idea',
    ];
    expect(findNearDuplicates(known, fresh)).toEqual([0, null, 2, null]);
  });
});

describe('selection and splits', () => {
  const c = [
    { id: 'a', score: 0.5 },
    { id: 'b', score: 0.9 },
    { id: 'c', score: 0.9 },
    { id: 'd', score: 0.1 },
    { id: 'e', score: 0.7 },
  ];
  it('keeps the best share, ties in given order, at least one', () => {
    expect(selectSurvivors(c, 0.4).map((x) => x.id)).toEqual(['b', 'c']);
    expect(selectSurvivors(c, 0.2).map((x) => x.id)).toEqual(['b']);
    expect(selectSurvivors(c.slice(0, 1), 0.2).map((x) => x.id)).toEqual(['a']);
    expect(() => selectSurvivors(c, 0)).toThrow(RangeError);
  });
  it('splits 30 % off from 10 cases on, seeded, disjoint and complete', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const s = splitCases(ids, undefined, 42);
    expect(s.validation).toHaveLength(6);
    expect([...s.train, ...s.validation].sort()).toEqual([...ids].sort());
    expect(splitCases(ids, undefined, 42)).toEqual(s);
    expect(splitCases(ids.slice(0, 9), undefined, 42).validation).toHaveLength(0);
    expect(splitCases(ids, 0, 1).validation).toHaveLength(0);
  });
});

describe('estimatePromptTune', () => {
  it('counts the base, every generation and validation of base and best', () => {
    expect(
      estimatePromptTune({
        mode: 'evolutionary',
        population_size: 5,
        generations: 3,
        train_cases: 10,
        validation_cases: 4,
        models: 2,
      }),
    ).toEqual({
      generations: 3,
      total_prompts: 15,
      meta_calls: 3,
      eval_calls: 16 * 10 * 2 + 2 * 4 * 2,
      api_calls: 3 + 336,
    });
    expect(
      estimatePromptTune({
        mode: 'quick',
        population_size: 5,
        generations: 3,
        train_cases: 10,
        validation_cases: 0,
        models: 1,
      }).meta_calls,
    ).toBe(1);
  });
});

describe('meta-prompts', () => {
  const brief = {
    tools: [{ name: 'set_light', description: 'Turn lights on or off', params: ['room', 'on'] }],
    scenarios: [{ prompt: 'Turn on the kitchen light', expected_tool: 'set_light' }],
  };
  it('quick asks for N prompts with the base prompt quoted', () => {
    const text = quickMetaPrompt({ brief, base: 'You call tools.', count: 7 });
    expect(text).toContain('Generate 7 distinct system prompts');
    expect(text).toContain('Base prompt: """You call tools."""');
    expect(text).toContain('set_light');
  });
  it('evolution quotes parents with scores and their failures', () => {
    const text = evolutionMetaPrompt({
      brief,
      count: 4,
      crossover: false,
      parents: [
        {
          index: 1,
          score: 0.8,
          text: 'Use tools.',
          failures: [{ prompt: 'Lights off', expected_tool: 'set_light', actual_tool: null, error: null }],
        },
      ],
    });
    expect(text).toContain('#1 (score=0.80): "Use tools."');
    expect(text).toContain('expected set_light, got no tool');
    expect(text).not.toContain('crossover,');
  });
});
