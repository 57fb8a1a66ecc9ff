/** The gateway's prompt-tune and prompt-library answers (typed here: the contracts define only requests). */

export type ModelScore = {
  provider_key: string;
  model_id: string;
  overall_score: number;
  tool_accuracy: number;
  param_accuracy: number | null;
  cases?: number;
  calls?: number;
  complete?: boolean;
};

export type StoredTarget = { provider_key: string; model_id: string; display_name?: string };

/** One row of `GET …/prompt-tune/history`. */
export type TuneSummary = {
  id: string;
  job_id: string | null;
  suite_id: string | null;
  status: string;
  mode: 'quick' | 'evolutionary';
  base_prompt: string;
  targets: StoredTarget[];
  meta_target: StoredTarget;
  config: TuneConfig;
  best_prompt: string | null;
  best_score: number | null;
  best_candidate_id: string | null;
  validation_score: number | null;
  total_prompts: number;
  completed_prompts: number;
  calls_used: number;
  calls_saved: number;
  meta_calls: number;
  cost_usd: number | null;
  stop_reason: string | null;
  eval_run_id: string | null;
  experiment_id: string | null;
  error: { code?: string; message?: string } | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};

export type TuneConfig = {
  population_size?: number;
  generations?: number;
  selection_ratio?: number;
  elitism?: boolean;
  crossover?: boolean;
  temperature?: number;
  tool_choice?: string;
  validation_split?: number;
  mode?: string;
  objective?: string;
  seed?: number;
  train_case_ids?: string[];
  validation_case_ids?: string[];
  warnings?: string[];
};

export type StoredCandidate = {
  id: string;
  generation: number;
  idx: number;
  prompt: string;
  style: string | null;
  parent_ids: string[];
  mutation_type: string | null;
  duplicate_of: string | null;
  scores: Record<string, ModelScore>;
  validation: Record<string, ModelScore>;
  created_at?: string;
};

export type StoredGeneration = {
  generation: number;
  status: string;
  error: string | null;
  note: string | null;
  best_score?: number;
};

/** `GET …/prompt-tune/history/{id}`. */
export type TuneRecord = TuneSummary & {
  /** Each generation's outcome as the tuner stored it (survivors once it went through selection). */
  generations: (StoredGeneration & { selected: boolean; survivors: string[] })[];
  meta_generations: (StoredGeneration & { id: string; meta_calls: number })[];
  candidates: StoredCandidate[];
};

export type LibraryEntry = {
  id: string;
  name: string;
  version: number;
  prompt: string;
  source: 'manual' | 'prompt_tuner';
  origin_run_id: string | null;
  parent_id: string | null;
  notes: string;
  created_at: string;
};

export type TuneEstimate = {
  generations: number;
  total_prompts: number;
  meta_calls: number;
  eval_calls: number;
  api_calls: number;
  estimated_duration_s: number;
  estimated_cost_usd: number | null;
  warnings: string[];
  train_cases: number;
  validation_cases: number;
};
