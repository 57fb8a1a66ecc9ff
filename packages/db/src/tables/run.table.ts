import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DefaultedJson, Json, NullableJson, NullableTimestamp, Timestamp } from './json.js';
import type { JobStatus } from './job.table.js';

type JsonObject = Record<string, unknown>;

/** Columns every run table shares: ownership, job link, lifecycle. */
interface RunColumns {
  id: Generated<string>;
  user_id: string;
  job_id: string | null;
  experiment_id: string | null;
  status: Generated<JobStatus>;
  error: NullableJson<JsonObject>;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface EvalRunTable extends RunColumns {
  suite_id: string | null;
  suite_name: string;
  config: Json<JsonObject>;
  targets: Json<JsonObject[]>;
  /** The suite's tools and cases as the run used them: editing a case never rewrites history. */
  suite_snapshot: Json<JsonObject>;
  summary: NullableJson<JsonObject>;
  orchestrator_type: Generated<string>;
  orchestrator_run_id: string | null;
  total_cases: Generated<number>;
  completed_cases: Generated<number>;
}
export type EvalRun = Selectable<EvalRunTable>;
export type NewEvalRun = Insertable<EvalRunTable>;
export type EvalRunUpdate = Updateable<EvalRunTable>;

export interface CaseResultTable {
  id: Generated<string>;
  user_id: string;
  run_id: string;
  unit_key: string;
  case_id: string;
  repeat_index: Generated<number>;
  provider_key: string;
  model_id: string;
  success: boolean;
  tool_score: number;
  param_score: number | null;
  overall_score: number;
  passed: boolean;
  error: string | null;
  error_category: string | null;
  latency_ms: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost_usd: number | null;
  detail: Json<JsonObject>;
  created_at: Timestamp;
}
export type CaseResult = Selectable<CaseResultTable>;
export type NewCaseResult = Insertable<CaseResultTable>;

export interface ParamTuneRunTable extends RunColumns {
  suite_id: string | null;
  strategy: Generated<string>;
  search_space: Json<JsonObject>;
  per_model_search_spaces: NullableJson<JsonObject>;
  targets: Json<JsonObject[]>;
  config: Json<JsonObject>;
  results: Json<JsonObject[]>;
  best_config: NullableJson<JsonObject>;
  best_score: number | null;
  total_combos: Generated<number>;
  completed_combos: Generated<number>;
  /** The eval run holding every combination's per-case results (orchestrator_type param_tune). */
  eval_run_id: string | null;
  calls_used: Generated<number>;
  stop_reason: string | null;
}
export type ParamTuneRun = Selectable<ParamTuneRunTable>;
export type NewParamTuneRun = Insertable<ParamTuneRunTable>;

export interface ParamTuneComboTable {
  id: Generated<string>;
  user_id: string;
  tune_id: string;
  provider_key: string;
  model_id: string;
  /** Index within its target's planned list. */
  combo_index: number;
  combo_key: string;
  /** The configuration after the provider pipeline (tool_choice included). */
  config: Json<JsonObject>;
  /** The request parameters sent. */
  params: Json<JsonObject>;
  /** The requested (pre-clamp) configurations that collapse into this one. */
  requested: Json<JsonObject[]>;
  adjustments: Json<JsonObject[]>;
  status: Generated<'pending' | 'done' | 'partial'>;
  /** Last completed rung (-1: none). */
  rung: Generated<number>;
  cases_done: Generated<number>;
  /** The combination's scores (the combo_result numbers) at its last completed rung. */
  scores: NullableJson<JsonObject>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type ParamTuneCombo = Selectable<ParamTuneComboTable>;
export type NewParamTuneCombo = Insertable<ParamTuneComboTable>;

export interface PromptTuneRunTable extends RunColumns {
  suite_id: string | null;
  mode: 'quick' | 'evolutionary';
  base_prompt: string;
  targets: Json<JsonObject[]>;
  meta_target: Json<JsonObject>;
  config: Json<JsonObject>;
  generations: Json<JsonObject[]>;
  best_prompt: string | null;
  best_score: number | null;
  total_prompts: Generated<number>;
  completed_prompts: Generated<number>;
  eval_run_id: string | null;
  calls_used: Generated<number>;
  calls_saved: Generated<number>;
  meta_calls: Generated<number>;
  cost_usd: Generated<number>;
  stop_reason: string | null;
  validation_score: number | null;
  best_candidate_id: string | null;
}
export type PromptTuneRun = Selectable<PromptTuneRunTable>;
export type NewPromptTuneRun = Insertable<PromptTuneRunTable>;

export interface JudgeReportTable extends RunColumns {
  eval_run_id: string | null;
  eval_run_id_b: string | null;
  judge_model: Json<JsonObject>;
  mode: 'post_eval' | 'live_inline' | 'comparative';
  custom_instructions: string;
  verdicts: Json<JsonObject[]>;
  report: NullableJson<JsonObject>;
  overall_grade: string | null;
  overall_score: number | null;
  parent_report_id: string | null;
  version: Generated<number>;
  judge_targets: DefaultedJson<JsonObject[]>;
  config: DefaultedJson<JsonObject>;
  warnings: DefaultedJson<string[]>;
  /** sha256 of the share token; null when not shared (or revoked). */
  share_token_hash: string | null;
  shared_at: NullableTimestamp;
}

export interface JudgeVerdictTable {
  id: Generated<string>;
  user_id: string;
  report_id: string;
  /** What was judged: `unit|case|repeat` of a result, or `case|order` of a comparison. */
  case_key: string;
  /** Which judge (`provider::model`) of the jury. */
  judge_key: string;
  case_id: string;
  provider_key: string | null;
  model_id: string | null;
  verdict: NullableJson<JsonObject>;
  repairs: DefaultedJson<string[]>;
  error: string | null;
  /** Whether the deterministic scorer passed the judged result (null for comparison orders). */
  scorer_passed: boolean | null;
  created_at: Timestamp;
}
export type JudgeVerdictRow = Selectable<JudgeVerdictTable>;
export type JudgeReport = Selectable<JudgeReportTable>;
export type NewJudgeReport = Insertable<JudgeReportTable>;

export interface PromptTuneGenerationTable {
  id: Generated<string>;
  user_id: string;
  tune_id: string;
  generation: number;
  status: 'generated' | 'error';
  error: string | null;
  /** What the meta answer needed (fence stripped, salvaged, retried without response_format …). */
  note: string | null;
  meta_calls: Generated<number>;
  created_at: Timestamp;
}
export type PromptTuneGeneration = Selectable<PromptTuneGenerationTable>;

export interface PromptTuneCandidateTable {
  id: Generated<string>;
  user_id: string;
  tune_id: string;
  /** 0 is the base prompt. */
  generation: number;
  idx: number;
  prompt: string;
  style: string | null;
  parent_ids: Json<string[]>;
  mutation_type: string | null;
  /** Set when this prompt repeats an earlier one: it is not evaluated again. */
  duplicate_of: string | null;
  /** Per target (`provider::model`) on the training cases, each recorded once. */
  scores: DefaultedJson<Record<string, unknown>>;
  /** Per target on the held-out cases. */
  validation: DefaultedJson<Record<string, unknown>>;
  created_at: Timestamp;
}
export type PromptTuneCandidate = Selectable<PromptTuneCandidateTable>;
export type NewPromptTuneCandidate = Insertable<PromptTuneCandidateTable>;

export interface PromptLibraryTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  version: number;
  prompt: string;
  source: 'manual' | 'prompt_tuner';
  origin_run_id: string | null;
  parent_id: string | null;
  notes: Generated<string>;
  created_at: Timestamp;
}
export type PromptLibraryEntry = Selectable<PromptLibraryTable>;
