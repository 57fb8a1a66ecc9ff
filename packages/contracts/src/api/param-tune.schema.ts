import { z } from 'zod';
import { Uuid } from './common.schema.js';
import { Targets, ToolChoice } from './eval.schema.js';

export const TUNE_STRATEGIES = ['grid', 'random', 'bayesian', 'halving'] as const;

/**
 * The body of `POST /api/tool-eval/param-tune` and of its `/preview`. A search-space dimension
 * is a list of values or `{min, max, step}`; dimensions are checked by the planner so errors
 * name the dimension (`body.search_space.temperature.step`).
 */
export const ParamTuneRequest = z.strictObject({
  suite_id: Uuid,
  targets: Targets,
  search_space: z.record(z.string(), z.unknown()),
  per_model_search_spaces: z
    .record(
      z.string().regex(/^[^:]+::.+$/, 'keys are "provider_key::model_id"'),
      z.record(z.string(), z.unknown()),
    )
    .optional(),
  strategy: z.enum(TUNE_STRATEGIES).default('grid'),
  n_samples: z.number().int().min(1).max(10_000).optional(),
  budget: z
    .strictObject({
      max_calls: z.number().int().min(1).optional(),
      max_cost_usd: z.number().positive().optional(),
      max_duration_s: z.number().positive().optional(),
    })
    .optional(),
  repeats: z.number().int().min(1).max(20).default(1),
  tool_choice: ToolChoice.default('required'),
  case_ids: z.array(Uuid).min(1).max(10_000).optional(),
  experiment_id: Uuid.optional(),
  seed: z.number().int().optional(),
  confirm: z.boolean().optional(),
});
export type ParamTuneRequest = z.infer<typeof ParamTuneRequest>;
