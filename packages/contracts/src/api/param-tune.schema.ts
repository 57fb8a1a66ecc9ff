import { z } from 'zod';
import { RunBudget } from './run-budget.schema.js';
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
  /** Required unless `preset_id` names a preset (whose spaces are then used). */
  search_space: z.record(z.string(), z.unknown()).optional(),
  per_model_search_spaces: z
    .record(
      z.string().regex(/^[^:]+::.+$/, 'keys are "provider_key::model_id"'),
      z.record(z.string(), z.unknown()),
    )
    .optional(),
  strategy: z.enum(TUNE_STRATEGIES).default('grid'),
  n_samples: z.number().int().min(1).max(10_000).optional(),
  budget: RunBudget.optional(),
  repeats: z.number().int().min(1).max(20).default(1),
  tool_choice: ToolChoice.default('required'),
  case_ids: z.array(Uuid).min(1).max(10_000).optional(),
  experiment_id: Uuid.optional(),
  seed: z.number().int().optional(),
  /** A built-in (`builtin:<slug>`) or user preset (uuid) supplying the search space(s). */
  preset_id: z.string().min(1).max(128).optional(),
  /** Start even when the estimated cost exceeds the user's remaining monthly budget. */
  confirm: z.boolean().optional(),
});
export type ParamTuneRequest = z.infer<typeof ParamTuneRequest>;

/** `POST /api/tool-eval/param-tune/presets`. */
export const CreatePresetRequest = z.strictObject({
  name: z.string().trim().min(1).max(128),
  description: z.string().max(2000).default(''),
  search_space: z.record(z.string(), z.unknown()),
  per_model_search_spaces: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type CreatePresetRequest = z.infer<typeof CreatePresetRequest>;

/** `POST /api/tool-eval/param-tune/history/{id}/apply`: which model's best to apply (default: the overall best). */
export const ApplyBestRequest = z.strictObject({
  provider_key: z.string().min(1).optional(),
  model_id: z.string().min(1).optional(),
});
export type ApplyBestRequest = z.infer<typeof ApplyBestRequest>;

export const ParamTuneHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
