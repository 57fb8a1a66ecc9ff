import { buildRequestParams, type Adjustment } from '@llmbench/provider-params';
import { clampDimensions } from './clamp-space.js';
import { plannedCalls } from './driver.js';
import {
  comboKey,
  gridCombinations,
  parseSearchSpace,
  type Config,
  type SearchSpaceIssue,
} from './search-space.js';

export type Strategy = 'grid' | 'random' | 'bayesian' | 'halving';

/** One target as the planner needs it (read from the user's provider config). */
export interface PlanTarget {
  provider_key: string;
  model_id: string;
  provider: string;
  skip_params: string[];
  max_concurrency: number;
  prices: { input_per_mtok: number; output_per_mtok: number } | null;
}

export interface PlanInput {
  targets: PlanTarget[];
  search_space: unknown;
  /** Spaces keyed `provider_key::model_id`; a target absent here uses `search_space`. */
  per_model_search_spaces?: Record<string, unknown> | undefined;
  strategy: Strategy;
  n_samples?: number | undefined;
  max_calls?: number | undefined;
  repeats: number;
  cases: number;
  /** Estimated prompt and completion tokens of one call. */
  tokens_per_call: { prompt: number; completion: number };
  /** Assumed seconds per call when nothing better is known. */
  seconds_per_call?: number;
}

/** A combination after the provider pipeline, with the requested configs that collapse into it. */
export interface PlannedCombo {
  key: string;
  config: Config;
  params: Record<string, unknown>;
  requested: Config[];
  adjustments: Adjustment[];
}

export interface TargetPlan {
  provider_key: string;
  model_id: string;
  requested_combinations: number;
  combos: PlannedCombo[];
  space_adjustments: Adjustment[];
  calls: number;
}

export interface TuningPlan {
  strategy: Strategy;
  targets: TargetPlan[];
  total_combinations: number;
  total_eval_calls: number;
  estimated_duration_s: number;
  estimated_cost_usd: number | null;
  warnings: string[];
}

export const MANY_COMBINATIONS = 50;

/** Combinations that become identical after clamping/dropping are evaluated once. */
function collapse(target: PlanTarget, combos: Config[]): PlannedCombo[] {
  const byKey = new Map<string, PlannedCombo>();
  for (const requested of combos) {
    const { tool_choice, ...params } = requested;
    const built = buildRequestParams({
      provider: target.provider,
      model_id: target.model_id,
      params,
      skip_params: target.skip_params,
    });
    const config: Config = tool_choice === undefined ? {} : { tool_choice };
    const key = comboKey({ ...built.params, ...config });
    const existing = byKey.get(key);
    if (existing) existing.requested.push(requested);
    else
      byKey.set(key, {
        key,
        config: { ...(built.params as Config), ...config },
        params: built.params,
        requested: [requested],
        adjustments: built.adjustments,
      });
  }
  return [...byKey.values()];
}

/** A run-wide call budget is split evenly between the targets (each target is searched on its own). */
export function perTargetCalls(maxCalls: number | undefined, targets: number): number | undefined {
  return maxCalls === undefined ? undefined : Math.floor(maxCalls / Math.max(1, targets));
}

/**
 * Expands each target's search space, passes every combination through the provider pipeline,
 * de-duplicates, and estimates calls, duration and cost.
 * @returns the plan, or the search-space errors (paths like `search_space.temperature.step`)
 */
export function planTuning(input: PlanInput): { plan?: TuningPlan; errors: SearchSpaceIssue[] } {
  const errors: SearchSpaceIssue[] = [];
  const targets: TargetPlan[] = [];
  const warnings: string[] = [];
  for (const t of input.targets) {
    const key = `${t.provider_key}::${t.model_id}`;
    const own = input.per_model_search_spaces?.[key];
    const parsed = parseSearchSpace(own ?? input.search_space);
    const root = own === undefined ? 'search_space' : `per_model_search_spaces.${key}`;
    errors.push(...parsed.errors.map((e) => ({ ...e, path: e.path.replace(/^search_space/, root) })));
    if (parsed.errors.length > 0) continue;
    const clamped = clampDimensions({
      provider: t.provider,
      model_id: t.model_id,
      dimensions: parsed.dimensions,
    });
    const requested = gridCombinations(parsed.dimensions);
    const combos = collapse(t, requested);
    for (const a of clamped.adjustments)
      if (a.action === 'dropped') warnings.push(`${key}: ${a.param} is dropped for this model (${a.reason})`);
    targets.push({
      provider_key: t.provider_key,
      model_id: t.model_id,
      requested_combinations: requested.length,
      combos,
      space_adjustments: clamped.adjustments,
      calls: plannedCalls({
        strategy: input.strategy,
        combos,
        cases: input.cases,
        repeats: input.repeats,
        n_samples: input.n_samples,
        max_calls: perTargetCalls(input.max_calls, input.targets.length),
      }),
    });
  }
  if (errors.length > 0) return { errors };
  return { plan: summarise(input, targets, warnings), errors: [] };
}

function summarise(input: PlanInput, targets: TargetPlan[], warnings: string[]): TuningPlan {
  const total = targets.reduce((n, t) => n + t.combos.length, 0);
  if (total > MANY_COMBINATIONS)
    warnings.push(
      `${total} combinations: more than ${MANY_COMBINATIONS}; consider random, bayesian or halving`,
    );
  const perProvider = new Map<string, number>();
  input.targets.forEach((t, i) => {
    const seconds =
      ((targets[i]?.calls ?? 0) * (input.seconds_per_call ?? 1)) / Math.max(1, t.max_concurrency);
    perProvider.set(t.provider_key, (perProvider.get(t.provider_key) ?? 0) + seconds);
  });
  const priced = input.targets.every((t) => t.prices !== null);
  const cost = input.targets.reduce((sum, t, i) => {
    const calls = targets[i]?.calls ?? 0;
    return (
      sum +
      (t.prices
        ? (calls *
            (input.tokens_per_call.prompt * t.prices.input_per_mtok +
              input.tokens_per_call.completion * t.prices.output_per_mtok)) /
          1e6
        : 0)
    );
  }, 0);
  return {
    strategy: input.strategy,
    targets,
    total_combinations: total,
    total_eval_calls: targets.reduce((n, t) => n + t.calls, 0),
    // Different providers run in parallel; targets of one provider share its in-flight cap.
    estimated_duration_s: Math.round(Math.max(0, ...perProvider.values())),
    estimated_cost_usd: priced ? Math.round(cost * 1e4) / 1e4 : null,
    warnings,
  };
}
