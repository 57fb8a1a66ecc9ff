import { z } from 'zod';
import { RunBudget } from './run-budget.schema.js';
import { Target, Uuid } from './common.schema.js';
import { Targets, ToolChoice } from './eval.schema.js';

export const PROMPT_TUNE_MODES = ['quick', 'evolutionary'] as const;

/** The evolution settings (spec feature 2), with the spec's ranges and defaults. */
export const PromptTuneSettings = z.strictObject({
  population_size: z.number().int().min(3).max(20).default(5),
  /** Quick mode always runs one generation. */
  generations: z.number().int().min(1).max(10).default(3),
  selection_ratio: z.number().min(0.2).max(0.8).default(0.4),
  /** Survivors compete again in the next generation (their scores carry over, no re-evaluation). */
  elitism: z.boolean().default(true),
  crossover: z.boolean().default(true),
  temperature: z.number().min(0).max(2).default(0),
  tool_choice: ToolChoice.default('required'),
  /** Held-out share of the cases; default 0.3 when the suite has ≥ 10 cases, else none. */
  validation_split: z.number().min(0).max(0.5).optional(),
});
export type PromptTuneSettings = z.infer<typeof PromptTuneSettings>;

/** `POST /api/tool-eval/prompt-tune`. */
export const PromptTuneRequest = z.strictObject({
  suite_id: Uuid,
  mode: z.enum(PROMPT_TUNE_MODES).default('quick'),
  targets: Targets,
  meta_target: Target,
  /** The starting prompt; default the suite's system prompt. */
  base_prompt: z.string().max(20_000).optional(),
  /** A prompt-library version to start from (instead of base_prompt). */
  base_prompt_id: Uuid.optional(),
  objective: z.enum(['mean', 'per_model']).default('mean'),
  config: PromptTuneSettings.default(PromptTuneSettings.parse({})),
  budget: RunBudget.optional(),
  case_ids: z.array(Uuid).min(1).max(10_000).optional(),
  experiment_id: Uuid.optional(),
  seed: z.number().int().optional(),
  confirm: z.boolean().optional(),
});
export type PromptTuneRequest = z.infer<typeof PromptTuneRequest>;

/** A comma-separated list in a query string (`a,b,c`), each item checked by `item`. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    )
    .pipe(z.array(item).min(1).max(max));

/** A target written as its key, `provider_key::model_id` (the model id may itself contain `::`). */
const TargetKey = z
  .string()
  .transform((s, ctx) => {
    const at = s.indexOf('::');
    if (at > 0) return { provider_key: s.slice(0, at), model_id: s.slice(at + 2) };
    ctx.addIssue({ code: 'custom', message: 'expected provider_key::model_id' });
    return z.NEVER;
  })
  .pipe(Target);

/**
 * `GET /api/tool-eval/prompt-tune/estimate`: the submit's shape, flattened into a query. With
 * `targets` the estimate prices the models (and `num_models` may be left out); with `case_ids` it
 * covers only those cases.
 */
export const PromptTuneEstimateQuery = z.strictObject({
  suite_id: Uuid,
  mode: z.enum(PROMPT_TUNE_MODES).default('quick'),
  population_size: z.coerce.number().int().min(3).max(20).default(5),
  generations: z.coerce.number().int().min(1).max(10).default(3),
  num_models: z.coerce.number().int().min(1).max(50).optional(),
  validation_split: z.coerce.number().min(0).max(0.5).optional(),
  case_ids: commaList(Uuid, 10_000).optional(),
  targets: commaList(TargetKey, 50).optional(),
  meta_target: TargetKey.optional(),
});
export type PromptTuneEstimateQuery = z.infer<typeof PromptTuneEstimateQuery>;

/** `POST /api/prompt-library`: a new version of a named prompt. */
export const SavePromptRequest = z.strictObject({
  name: z.string().trim().min(1).max(128),
  /** The text, or a prompt-tune run whose best prompt to save. */
  prompt: z.string().min(1).max(50_000).optional(),
  from_prompt_tune_id: Uuid.optional(),
  notes: z.string().max(2000).default(''),
});
export type SavePromptRequest = z.infer<typeof SavePromptRequest>;
