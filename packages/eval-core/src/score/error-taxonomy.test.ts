import { describe, expect, it } from 'vitest';
import { ERROR_TYPES, type ClassifyInput, classifyError, describeErrorType } from './error-taxonomy.js';
import type { ExtractedCall } from './extract-call.js';

function c(name: string, args: Record<string, unknown> | null = {}): ExtractedCall {
  return {
    id: 'x',
    name,
    arguments: args,
    raw_arguments: '{}',
    notes: args === null ? ['arguments_unparseable'] : [],
  };
}

const base: ClassifyInput = {
  passed: false,
  apiFailed: false,
  expectedTool: 'get_weather',
  calls: [c('get_weather')],
  offeredTools: ['get_weather', 'get_time'],
  toolScore: 1,
  paramScore: 0.5,
  content: null,
};

const mt = { finalReached: false, hops: 1, optimalHops: 2, redundancyPenalty: 0, detourPenalty: 0 };

describe(classifyError.name, () => {
  it.each<[string, Partial<ClassifyInput>, string | null]>([
    ['passing → null', { passed: true }, null],
    ['API failure → invalid_invocation', { apiFailed: true, calls: [] }, 'invalid_invocation'],
    ['unparseable arguments → invalid_invocation', { calls: [c('get_weather', null)] }, 'invalid_invocation'],
    ['unknown tool → tool_hallucination', { calls: [c('book_flight')], toolScore: 0 }, 'tool_hallucination'],
    [
      'unknown tool, any case → tool_hallucination',
      { calls: [c('GET_WEATHER'), c('x')] },
      'tool_hallucination',
    ],
    [
      'offered name in another case is not unknown',
      { calls: [c('Get_Time')], toolScore: 0 },
      'invalid_reasoning',
    ],
    [
      'irrelevance case with a call → tool_hallucination',
      { expectedTool: null, calls: [c('get_time')], toolScore: 0, paramScore: null },
      'tool_hallucination',
    ],
    ['right tool wrong args → argument_hallucination', {}, 'argument_hallucination'],
    ['right tool, BFCL checker failed → argument_hallucination', { paramScore: 0 }, 'argument_hallucination'],
    ['wrong offered tool → invalid_reasoning', { calls: [c('get_time')], toolScore: 0 }, 'invalid_reasoning'],
    [
      'no call, text answer → output_hallucination',
      { calls: [], toolScore: 0, content: 'It is 20°C in Paris.' },
      'output_hallucination',
    ],
    ['no call, no text → unclassified', { calls: [], toolScore: 0, content: '  ' }, 'unclassified'],
    [
      'multi-turn rounds ≥ 2 × hops → reentrant_failure',
      {
        calls: [c('get_time'), c('get_time'), c('get_time'), c('get_time')],
        toolScore: 0,
        multiTurn: { ...mt, hops: 4 },
      },
      'reentrant_failure',
    ],
    [
      'multi-turn incomplete → partial_execution',
      { calls: [c('get_time')], toolScore: 0, multiTurn: mt },
      'partial_execution',
    ],
    [
      'multi-turn no call at all → judged like single-turn',
      { calls: [], toolScore: 0, content: 'done', multiTurn: { ...mt, hops: 0 } },
      'output_hallucination',
    ],
    [
      'multi-turn final with wrong args → argument_hallucination',
      { multiTurn: { ...mt, finalReached: true } },
      'argument_hallucination',
    ],
    [
      'multi-turn final, repeated calls → reentrant_failure',
      { paramScore: 1, multiTurn: { ...mt, finalReached: true, hops: 3, redundancyPenalty: 0.1 } },
      'reentrant_failure',
    ],
    [
      'multi-turn final after a detour → invalid_reasoning',
      { paramScore: 1, multiTurn: { ...mt, finalReached: true, hops: 3, detourPenalty: 0.1 } },
      'invalid_reasoning',
    ],
  ])('%s', (_label, patch, expected) => {
    expect(classifyError({ ...base, ...patch })).toBe(expected);
  });

  it('only ever answers one of the 8 labels', () => {
    const inputs: Partial<ClassifyInput>[] = [
      {},
      { calls: [] },
      { expectedTool: null },
      { multiTurn: mt },
      { toolScore: 0 },
    ];
    for (const patch of inputs) {
      const label = classifyError({ ...base, ...patch });
      expect(label === null || (ERROR_TYPES as readonly string[]).includes(label)).toBe(true);
    }
  });

  it('describes every label', () => {
    for (const t of ERROR_TYPES) expect(describeErrorType(t)).toMatch(/\w/);
  });
});
