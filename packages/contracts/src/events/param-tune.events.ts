import { z } from 'zod';

const Config = z.record(z.string(), z.unknown());
const Adjustment = z.looseObject({ param: z.string(), action: z.string() });

/** A combination's scores as `combo_result` and history both show them (0..1 scale). */
export const ComboScores = z.object({
  overall_score: z.number(),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable(),
  tool_accuracy: z.number(),
  param_accuracy: z.number().nullable(),
  latency_avg_ms: z.number().nullable(),
  cases_passed: z.number().int(),
  cases_total: z.number().int(),
  calls: z.number().int(),
  cost_usd: z.number().nullable(),
});
export type ComboScores = z.infer<typeof ComboScores>;

/** The best combination of one model, with those the data cannot tell apart from it. */
export const ModelBest = z.object({
  provider_key: z.string(),
  model_id: z.string(),
  combo_id: z.string(),
  combo_index: z.number().int(),
  config: Config,
  params: Config,
  overall_score: z.number(),
  ci_low: z.number().nullable(),
  ci_high: z.number().nullable(),
  indistinguishable: z.array(z.object({ combo_id: z.string(), config: Config, overall_score: z.number() })),
});
export type ModelBest = z.infer<typeof ModelBest>;

const BestSoFar = z
  .object({
    combo_id: z.string(),
    provider_key: z.string(),
    model_id: z.string(),
    config: Config,
    score: z.number(),
  })
  .nullable();

/** Parameter Tuner events (spec feature 1), before the generic job end event. */
export const PARAM_TUNE_EVENTS = {
  tune_start: z.object({
    kind: z.literal('param_tune'),
    tune_id: z.string(),
    strategy: z.string(),
    total_combos: z.number().int(),
    planned_evaluations: z.number().int(),
    models: z.array(
      z.object({
        provider_key: z.string(),
        model_id: z.string(),
        display_name: z.string(),
        combos: z.number().int(),
      }),
    ),
    suite_name: z.string(),
    cases: z.number().int(),
    repeats: z.number().int(),
    warnings: z.array(z.string()),
  }),
  combo_start: z.object({
    tune_id: z.string(),
    combo_id: z.string(),
    combo_index: z.number().int(),
    model: z.string(),
    provider_key: z.string(),
    config: Config,
    rung: z.number().int(),
    cases: z.number().int(),
  }),
  combo_result: z.object({
    tune_id: z.string(),
    combo_id: z.string(),
    combo_index: z.number().int(),
    model_id: z.string(),
    provider_key: z.string(),
    config: Config,
    requested: z.array(Config),
    adjustments: z.array(Adjustment),
    rung: z.number().int(),
    complete: z.boolean(),
    ...ComboScores.shape,
    case_results: z.array(z.looseObject({ case_id: z.string(), overall_score: z.number() })),
  }),
  tune_progress: z.object({
    tune_id: z.string(),
    completed: z.number().int(),
    total: z.number().int(),
    best_so_far: BestSoFar,
    eta_s: z.number().nullable(),
    calls_used: z.number().int(),
  }),
  tune_complete: z.object({
    kind: z.literal('param_tune'),
    tune_id: z.string(),
    status: z.string(),
    stop_reason: z.enum(['complete', 'budget', 'cancelled', 'error']),
    best_config: z.array(ModelBest),
    best_score: z.number().nullable(),
    duration_s: z.number(),
    calls_used: z.number().int(),
  }),
} as const;
