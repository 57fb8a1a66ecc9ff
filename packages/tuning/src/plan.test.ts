import { describe, expect, it } from 'vitest';
import { planTuning, type PlanInput } from './plan.js';

const sandbox = {
  provider_key: 'sandbox',
  model_id: 'sandbox-precise',
  provider: 'sandbox',
  skip_params: [],
  max_concurrency: 8,
  prices: null,
};
const base: PlanInput = {
  targets: [sandbox],
  search_space: {},
  strategy: 'grid',
  repeats: 1,
  cases: 10,
  tokens_per_call: { prompt: 500, completion: 50 },
};

describe(planTuning.name, () => {
  it('expands ranges exactly, counts calls and warns above 50 combinations', () => {
    const { plan, errors } = planTuning({
      ...base,
      search_space: { temperature: { min: 0, max: 1, step: 0.1 }, top_p: [0.5, 0.7, 0.9, 1] },
    });
    expect(errors).toEqual([]);
    expect(plan!.targets[0]!.combos).toHaveLength(44);
    expect(plan!.targets[0]!.combos.map((c) => c.params.temperature)).toContain(0.3);
    expect(plan!.total_eval_calls).toBe(440);
    expect(plan!.warnings).toEqual([]);
    expect(
      planTuning({
        ...base,
        search_space: { temperature: { min: 0, max: 1, step: 0.1 }, top_p: [0.1, 0.3, 0.5, 0.7, 0.9] },
      }).plan!.warnings.join(),
    ).toMatch(/55 combinations/);
  });

  it('evaluates once the combinations that collapse after clamping, listing what they were', () => {
    const { plan } = planTuning({ ...base, search_space: { top_p: [0.9, 1, 1.5, 2] } });
    const combos = plan!.targets[0]!.combos;
    expect(combos.map((c) => c.params.top_p)).toEqual([0.9, 1]);
    expect(combos[1]!.requested.map((r) => r.top_p)).toEqual([1, 1.5, 2]);
  });

  it('names the dimension of a bad search space, per model too', () => {
    const cases: [unknown, string][] = [
      [{}, 'search_space'],
      [{ temperature: { min: 0, max: 1, step: 0 } }, 'search_space.temperature.step'],
      [{ temperature: { min: 1, max: 0, step: 0.1 } }, 'search_space.temperature'],
      [{ temperature: 'hot' }, 'search_space.temperature'],
      [{ a: { min: 0, max: 99, step: 1 }, b: { min: 0, max: 99, step: 1 }, c: [1, 2] }, 'search_space'],
    ];
    for (const [space, path] of cases) {
      const { errors } = planTuning({ ...base, search_space: space });
      expect(
        errors.map((e) => e.path).some((p) => p.startsWith(path)),
        JSON.stringify(space),
      ).toBe(true);
    }
    const perModel = planTuning({
      ...base,
      search_space: { temperature: [0.2] },
      per_model_search_spaces: { 'sandbox::sandbox-precise': { top_p: [] } },
    });
    expect(perModel.errors[0]!.path).toMatch(/^per_model_search_spaces\.sandbox::sandbox-precise\.top_p/);
  });

  it('estimates fewer calls for adaptive strategies and prices calls when the model has prices', () => {
    const space = { temperature: { min: 0, max: 1, step: 0.1 }, top_p: [0.5, 0.7, 0.9, 1] };
    const grid = planTuning({ ...base, search_space: space }).plan!;
    for (const strategy of ['random', 'bayesian', 'halving'] as const) {
      expect(planTuning({ ...base, search_space: space, strategy }).plan!.total_eval_calls).toBeLessThan(
        grid.total_eval_calls,
      );
    }
    const priced = planTuning({
      ...base,
      search_space: space,
      targets: [{ ...sandbox, prices: { input_per_mtok: 1, output_per_mtok: 2 } }],
    }).plan!;
    expect(priced.estimated_cost_usd).toBeCloseTo((440 * (500 * 1 + 50 * 2)) / 1e6, 6);
    expect(grid.estimated_cost_usd).toBeNull();
    expect(grid.estimated_duration_s).toBe(55);
  });
});
