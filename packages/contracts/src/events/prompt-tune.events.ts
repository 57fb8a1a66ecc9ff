import { z } from 'zod';

const ModelScore = z.object({
  provider_key: z.string(),
  model_id: z.string(),
  overall_score: z.number(),
  tool_accuracy: z.number(),
  param_accuracy: z.number().nullable(),
});

/** The prompt tuner's `tune_start` (the param tuner's has other fields; `kind` tells them apart). */
export const PromptTuneStart = z.object({
  kind: z.literal('prompt_tune'),
  tune_id: z.string(),
  mode: z.string(),
  total_prompts: z.number().int(),
  total_eval_calls: z.number().int(),
  generations: z.number().int(),
  population_size: z.number().int(),
  suite_name: z.string(),
  train_cases: z.number().int(),
  validation_cases: z.number().int(),
  warnings: z.array(z.string()),
  /** The starting prompt's text (generation 0). */
  base_prompt: z.string(),
  /** The models every prompt is scored on, in order, and the one writing the prompts. */
  targets: z.array(z.object({ provider_key: z.string(), model_id: z.string() })),
  meta_target: z.object({ provider_key: z.string(), model_id: z.string() }),
});

export const PromptTuneComplete = z.object({
  kind: z.literal('prompt_tune'),
  tune_id: z.string(),
  status: z.string(),
  stop_reason: z.enum(['complete', 'budget', 'error']),
  best_prompt: z.string(),
  best_candidate_id: z.string(),
  best_score: z.number(),
  validation_score: z.number().nullable(),
  base_score: z.number(),
  base_validation_score: z.number().nullable(),
  per_model: z.array(
    z.object({ provider_key: z.string(), model_id: z.string(), best_prompt: z.string(), score: z.number() }),
  ),
  duration_s: z.number(),
  calls_used: z.number().int(),
  calls_saved: z.number().int(),
  meta_calls: z.number().int(),
  cost_usd: z.number().nullable(),
});

/** Prompt Tuner events (spec feature 2), besides `tune_start` / `tune_complete`. */
export const PROMPT_TUNE_EVENTS = {
  generation_start: z.object({
    tune_id: z.string(),
    generation: z.number().int(),
    total_generations: z.number().int(),
    population_size: z.number().int(),
  }),
  prompt_generated: z.object({
    tune_id: z.string(),
    generation: z.number().int(),
    index: z.number().int(),
    candidate_id: z.string(),
    text: z.string(),
    style: z.string().nullable(),
    /** The parents' indices within their own generations (elitism can mix generations: see ids). */
    parent_indices: z.array(z.number().int()),
    /** The parents' candidate ids, as stored (generation 1 is written from the base: none). */
    parent_ids: z.array(z.string()),
    mutation_type: z.string().nullable(),
    duplicate_of: z.string().nullable(),
  }),
  prompt_eval_start: z.object({
    tune_id: z.string(),
    generation: z.number().int(),
    index: z.number().int(),
    candidate_id: z.string(),
    model: z.string(),
    provider_key: z.string(),
    phase: z.enum(['train', 'validation']),
  }),
  prompt_eval_result: z.object({
    tune_id: z.string(),
    generation: z.number().int(),
    index: z.number().int(),
    candidate_id: z.string(),
    phase: z.enum(['train', 'validation']),
    ...ModelScore.shape,
    cases: z.number().int(),
    calls: z.number().int(),
  }),
  generation_complete: z.object({
    tune_id: z.string(),
    generation: z.number().int(),
    best_score: z.number(),
    best_candidate_id: z.string(),
    survivors: z.array(
      z.object({
        candidate_id: z.string(),
        generation: z.number().int(),
        index: z.number().int(),
        score: z.number(),
      }),
    ),
  }),
  generation_error: z.object({ tune_id: z.string(), generation: z.number().int(), message: z.string() }),
} as const;
