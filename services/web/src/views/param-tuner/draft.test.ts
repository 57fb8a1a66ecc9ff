import { describe, expect, it } from 'vitest';
import { defaultDraft, requestBody } from './draft';

describe('requestBody', () => {
  it('sends only what was set, per-model spaces of chosen models only', () => {
    const d = {
      ...defaultDraft(),
      suiteId: 's',
      targets: [{ provider_key: 'p', model_id: 'm' }],
      perModel: { 'p::m': { temperature: [0] }, 'p::gone': { temperature: [1] } },
      strategy: 'random' as const,
      nSamples: '5',
      repeats: '3',
      maxCalls: '100',
      seed: '7',
      caseIds: ['c1'],
    };
    expect(requestBody(d, { temperature: [0, 1] })).toEqual({
      suite_id: 's',
      targets: [{ provider_key: 'p', model_id: 'm' }],
      search_space: { temperature: [0, 1] },
      per_model_search_spaces: { 'p::m': { temperature: [0] } },
      strategy: 'random',
      n_samples: 5,
      repeats: 3,
      tool_choice: 'required',
      budget: { max_calls: 100 },
      seed: 7,
      case_ids: ['c1'],
    });
    const grid = requestBody(
      { ...d, strategy: 'grid', perModel: {}, maxCalls: '', seed: '', caseIds: [] },
      {},
    );
    expect(grid).not.toHaveProperty('n_samples');
    expect(grid).not.toHaveProperty('budget');
    expect(grid).not.toHaveProperty('per_model_search_spaces');
  });
});
