import { z } from 'zod';
import { RunBudget } from '../api/run-budget.schema.js';
import { ToolChoice } from '../api/eval.schema.js';
import { TUNE_STRATEGIES } from '../api/param-tune.schema.js';

/**
 * How a parameter tune runs, as the gateway stores it on `param_tune_runs.config` and the tuner
 * reads it back: everything the search needs besides the planned combinations.
 */
export const ParamTuneConfig = z.object({
  strategy: z.enum(TUNE_STRATEGIES),
  repeats: z.number().int().min(1),
  tool_choice: ToolChoice,
  n_samples: z.number().int().nullable(),
  seed: z.number().int(),
  budget: RunBudget.nullable(),
  /** Case ids in the (seeded) order prefixes are taken from: halving rungs use its first cases. */
  case_order: z.array(z.string()),
  /** Cases in flight within one combination's unit. */
  concurrency: z.number().int().min(1),
  warnings: z.array(z.string()),
});
export type ParamTuneConfig = z.infer<typeof ParamTuneConfig>;
