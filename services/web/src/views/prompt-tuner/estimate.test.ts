import { describe, expect, it } from 'vitest';
import { subsetEstimate } from './estimate';

describe('subsetEstimate', () => {
  it('matches the gateway for the 27-case demo suite (quick, 3 prompts, 1 model)', () => {
    expect(
      subsetEstimate({ mode: 'quick', population_size: 3, generations: 5, cases: 27, models: 1 }),
    ).toMatchObject({
      generations: 1,
      total_prompts: 3,
      meta_calls: 1,
      train_cases: 19,
      validation_cases: 8,
      eval_calls: 92,
      api_calls: 93,
      estimated_duration_s: 28,
    });
  });

  it('no held-out cases under 10 cases; evolutionary counts every generation and model', () => {
    const e = subsetEstimate({
      mode: 'evolutionary',
      population_size: 4,
      generations: 2,
      cases: 5,
      models: 2,
    });
    expect(e).toMatchObject({
      train_cases: 5,
      validation_cases: 0,
      total_prompts: 8,
      eval_calls: 90,
      api_calls: 92,
    });
  });

  it('an explicit split, never holding out every case', () => {
    expect(
      subsetEstimate({
        mode: 'quick',
        population_size: 3,
        generations: 1,
        cases: 2,
        models: 1,
        validation_split: 0.5,
      }),
    ).toMatchObject({ train_cases: 1, validation_cases: 1 });
    expect(
      subsetEstimate({
        mode: 'quick',
        population_size: 3,
        generations: 1,
        cases: 1,
        models: 1,
        validation_split: 0.5,
      }),
    ).toMatchObject({ train_cases: 1, validation_cases: 0 });
  });
});
