import type {
  CompareVerdict,
  ModelReport as JudgeModelReport,
  Verdict as JudgeVerdict,
} from '@llmbench/judge';
/**
 * The judge API's answers as this view reads them. The contracts package defines requests and
 * events; stored rows are typed here (snake_case, as the gateway sends them).
 */
export type Target = { provider_key: string; model_id: string };

export type Verdict = 'pass' | 'marginal' | 'fail';

/** One target's summary inside an eval run (`summary.targets[]`). */
export type RunTargetSummary = {
  provider_key: string;
  model_id: string;
  summary: { overall?: number; pass_rate?: number; cases?: number; cases_passed?: number; runs?: number };
};

/** An item of `GET /api/tool-eval/history`. */
export type EvalRunItem = {
  id: string;
  suite_id: string | null;
  suite_name: string;
  status: string;
  targets: (Target & { display_name?: string })[];
  summary: { targets?: RunTargetSummary[] } | null;
  total_cases: number;
  completed_cases: number;
  created_at: string;
  finished_at: string | null;
};

/** A stored per-case result of `GET /api/tool-eval/history/{id}`. */
export type EvalResult = {
  id?: string;
  unit_key: string;
  case_id: string;
  repeat_index: number;
  provider_key: string;
  model_id: string;
  passed: boolean;
  overall_score: number;
  detail?: { raw_request?: { messages?: { role?: string; content?: unknown }[] } } | null;
};
export type EvalRunDetail = EvalRunItem & { results: EvalResult[] };

/** The judge's per-case verdict (as stored in a verdict row and sent in `judge_verdict`). */
export type VerdictBody = JudgeVerdict;

/** An A/B judgement as stored for one order of a compared case. */
export type CompareBody = CompareVerdict;

export type VerdictRow = {
  id: string;
  case_key: string;
  judge_key: string;
  case_id: string;
  provider_key: string | null;
  model_id: string | null;
  verdict: VerdictBody | CompareBody | null;
  repairs: string[];
  error: string | null;
  /** Whether the deterministic scorer passed the judged result (stored with the verdict; null for comparisons). */
  scorer_passed?: boolean | null;
  created_at: string;
};

/** One model's cross-case report (`report.models[]`, also the `judge_report` event). */
export type ModelReport = JudgeModelReport & {
  provider_key: string;
  model_id: string;
  cases_judged: number;
  verdict_counts: { pass: number; marginal: number; fail: number };
  scorer_agreement: number | null;
  inter_judge_agreement: number | null;
  repairs?: string[];
  error?: string | null;
};

export type CompareCase = {
  case_id: string;
  winner: 'a' | 'b' | 'tie';
  consistent: boolean;
  a_first: string | null;
  b_first: string | null;
  confidence: number | null;
  reasoning: string;
  error: string | null;
};

export type Comparison = {
  overall_winner: 'model_a' | 'model_b' | 'tie' | string;
  score_a: number;
  score_b: number;
  wins_a?: number;
  wins_b?: number;
  tie_cases: number;
  position_consistency: number;
  summary?: string;
  model_a: string;
  model_b: string;
};

/** `GET /api/tool-eval/judge/reports/{id}` (and, without owner ids, the shared report). */
export type JudgeReportRecord = {
  id: string;
  /** The judged cases' prompts (shared reports only: their holder cannot open the eval run). */
  cases?: { id: string; prompt: string }[];
  job_id?: string | null;
  status: string;
  mode: 'post_eval' | 'live_inline' | 'comparative';
  eval_run_id: string | null;
  eval_run_id_b: string | null;
  judge_model: Target;
  judge_targets: Target[];
  custom_instructions: string;
  config: { concurrency?: number; only_failed?: boolean; target_a?: Target | null; target_b?: Target | null };
  warnings: string[];
  report: { models?: ModelReport[]; comparison?: Comparison; cases?: CompareCase[] } | null;
  overall_grade: string | null;
  overall_score: number | null;
  error: { code?: string; message?: string } | string | null;
  shared_at: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  verdicts?: VerdictRow[];
};

export type JudgeReportItem = Omit<JudgeReportRecord, 'verdicts'>;
