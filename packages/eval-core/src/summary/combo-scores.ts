import type { ComboScores } from '@llmbench/contracts';
import { summarizeOutcomes, type SummaryInput, type TokenPrices } from '../summary.js';

/** What a tuning combination reports of each case (the drill-down without raw payloads). */
export interface ComboCaseResult {
  case_id: string;
  repeat_index: number;
  overall_score: number;
  tool_score: number;
  param_score: number | null;
  passed: boolean;
  success: boolean;
  error: string | null;
  latency_ms: number;
  actual_tool: string | null;
  actual_params: unknown;
}

type ComboInput = SummaryInput & { repeat_index: number };

/**
 * The numbers of one tuning combination, from the very summary function evals use, so a
 * combination's score equals what a plain eval with the same parameters would report. The
 * 95 % CI is over per-case means (each case's repeats averaged first).
 */
export function summarizeCombo(
  outcomes: readonly ComboInput[],
  prices: TokenPrices | null,
): { scores: ComboScores; case_results: ComboCaseResult[] } {
  const s = summarizeOutcomes(outcomes, { prices });
  const ci = s.repeats.overall_ci95;
  return {
    scores: {
      overall_score: s.overall,
      ci_low: ci ? ci[0] : null,
      ci_high: ci ? ci[1] : null,
      tool_accuracy: s.tool_accuracy,
      param_accuracy: s.param_accuracy,
      latency_avg_ms: s.latency_ms?.avg ?? null,
      cases_passed: s.cases_passed,
      cases_total: s.cases,
      calls: s.runs,
      cost_usd: s.cost_usd,
    },
    case_results: outcomes.map((o) => ({
      case_id: o.case_id,
      repeat_index: o.repeat_index,
      overall_score: o.score.overall_score,
      tool_score: o.score.tool_score,
      param_score: o.score.param_score,
      passed: o.score.passed,
      success: o.score.success,
      error: o.score.error,
      latency_ms: Math.round(o.latency_ms),
      actual_tool: o.score.actual_tool,
      actual_params: o.score.actual_params,
    })),
  };
}
