import { describe, expect, it } from 'vitest';
import { SANDBOX_MODELS } from '../models/catalogue.js';
import type { SamplingParams } from '../models/sandbox-model.js';
import { errorProbability, irrelevanceCallProbability, paramDistance } from './error-model.js';
import type { PromptFeature } from './prompt-features.js';

const none = new Set<PromptFeature>();
const grid = (values: number[], key: keyof SamplingParams, base: SamplingParams) =>
  values.map((v) => ({ ...base, [key]: v }));

describe('errorProbability', () => {
  it.each(SANDBOX_MODELS.map((m) => [m.id, m] as const))(
    '%s: the optimum is the minimum of a grid',
    (_id, model) => {
      const atOptimum = errorProbability(model, model.optimum, none).probability;
      expect(paramDistance(model, model.optimum)).toBe(0);
      const temps = [0, 0.2, 0.4, 0.5, 0.6, 0.8, 1, 1.2];
      const tops = [0.5, 0.7, 0.8, 0.9, 0.95, 1];
      for (const t of temps) {
        for (const p of tops) {
          const params = { ...model.optimum, temperature: t, top_p: p };
          expect(errorProbability(model, params, none).probability).toBeGreaterThanOrEqual(atOptimum);
        }
      }
    },
  );

  it.each(SANDBOX_MODELS.map((m) => [m.id, m] as const))(
    '%s: error grows monotonically away from the optimum temperature',
    (_id, model) => {
      const opt = model.optimum.temperature;
      const above = grid([opt, opt + 0.2, opt + 0.4, opt + 0.6], 'temperature', model.optimum);
      const ps = above.map((params) => errorProbability(model, params, none).probability);
      for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThan(ps[i - 1]!);
    },
  );

  it('gives every target model a different optimum', () => {
    const optima = SANDBOX_MODELS.map((m) => JSON.stringify(m.optimum));
    expect(new Set(optima).size).toBe(SANDBOX_MODELS.length);
  });

  it('makes the optimum clearly better than one grid step away (findable with few cases)', () => {
    for (const model of SANDBOX_MODELS) {
      const best = errorProbability(model, model.optimum, none).probability;
      const step = errorProbability(
        model,
        { ...model.optimum, temperature: model.optimum.temperature + 0.3 },
        none,
      );
      expect(step.probability - best).toBeGreaterThan(0.05);
    }
  });

  it('ignores parameters the model does not support (a flat response for the tuner)', () => {
    const precise = SANDBOX_MODELS.find((m) => m.id === 'sandbox-precise')!;
    const a = errorProbability(precise, { ...precise.optimum, top_k: 5 }, none).probability;
    const b = errorProbability(precise, { ...precise.optimum, top_k: 80 }, none).probability;
    expect(a).toBe(b);
    const local = SANDBOX_MODELS.find((m) => m.id === 'sandbox-local-7b')!;
    const bestK = errorProbability(local, local.optimum, none).probability;
    expect(errorProbability(local, { ...local.optimum, top_k: 80 }, none).probability).toBeGreaterThan(bestK);
  });

  it('lowers the error for rewarded features, raises it for penalised ones, and clamps', () => {
    const local = SANDBOX_MODELS.find((m) => m.id === 'sandbox-local-7b')!;
    const warm = { ...local.optimum, temperature: 0.9 };
    const bare = errorProbability(local, warm, none).probability;
    const rewarded = errorProbability(local, warm, new Set<PromptFeature>(['always_call_tool']));
    const chatty = errorProbability(local, warm, new Set<PromptFeature>(['chatty']));
    expect(rewarded.probability).toBeCloseTo(bare - 0.15, 5);
    expect(chatty.probability).toBeGreaterThan(bare);
    const everything = new Set<PromptFeature>([
      'always_call_tool',
      'brevity',
      'exact_values',
      'irrelevance_guard',
    ]);
    expect(errorProbability(local, local.optimum, everything).probability).toBe(local.skill.floor);
    expect(errorProbability(local, { temperature: 2, top_p: 0.1 }, none).probability).toBeLessThanOrEqual(
      0.95,
    );
  });
});

describe('irrelevanceCallProbability', () => {
  it('is raised by "always call a tool" and cut by an irrelevance guard', () => {
    expect(irrelevanceCallProbability(0.2, new Set(['always_call_tool']))).toBeCloseTo(0.4);
    expect(irrelevanceCallProbability(0.2, new Set(['irrelevance_guard']))).toBeCloseTo(0.06);
  });
});
