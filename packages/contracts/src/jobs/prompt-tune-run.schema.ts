import { z } from 'zod';
import { RunBudget } from '../api/run-budget.schema.js';
import { PROMPT_TUNE_MODES, PromptTuneSettings } from '../api/prompt-tune.schema.js';

/** How a prompt tune runs, as the gateway stores it on `prompt_tune_runs.config`. */
export const PromptTuneConfig = PromptTuneSettings.extend({
  mode: z.enum(PROMPT_TUNE_MODES),
  objective: z.enum(['mean', 'per_model']),
  seed: z.number().int(),
  budget: RunBudget.nullable(),
  /** Selection happens on these cases … */
  train_case_ids: z.array(z.string()).min(1),
  /** … and the best prompt is re-scored on these held-out ones. */
  validation_case_ids: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type PromptTuneConfig = z.infer<typeof PromptTuneConfig>;
