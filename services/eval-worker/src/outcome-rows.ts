import type { CaseOutcome } from '@llmbench/eval-core';
import type { RunTarget } from '@llmbench/contracts';
import { json, type CaseResult, type NewCaseResult } from '@llmbench/db';

type Prices = RunTarget['prices'];

/** Cost of one outcome from per-million-token prices; null when the model has no prices. */
export function costOf(outcome: Pick<CaseOutcome, 'usage'>, prices: Prices): number | null {
  if (!prices || !outcome.usage) return null;
  return (
    (outcome.usage.prompt_tokens * prices.input_per_mtok +
      outcome.usage.completion_tokens * prices.output_per_mtok) /
    1_000_000
  );
}

/** The case_results row of an outcome: scores in columns for queries, everything else in `detail`. */
export function toResultRow(
  ids: { userId: string; runId: string; unitKey: string },
  target: RunTarget,
  outcome: CaseOutcome,
): NewCaseResult {
  const { score } = outcome;
  return {
    user_id: ids.userId,
    run_id: ids.runId,
    unit_key: ids.unitKey,
    case_id: outcome.case_id,
    repeat_index: outcome.repeat_index,
    provider_key: target.provider_key,
    model_id: target.model_id,
    success: score.success,
    tool_score: score.tool_score,
    param_score: score.param_score,
    overall_score: score.overall_score,
    passed: score.passed,
    error: score.error,
    error_category: score.error_category,
    latency_ms: Math.round(outcome.latency_ms),
    prompt_tokens: outcome.usage?.prompt_tokens ?? null,
    completion_tokens: outcome.usage?.completion_tokens ?? null,
    cost_usd: costOf(outcome, target.prices),
    detail: json({ ...outcome, adjustments: target.adjustments }),
  };
}

/** The outcome back from its row, so history summaries use the very function live ones did. */
export function fromResultRow(row: CaseResult): CaseOutcome {
  return row.detail as unknown as CaseOutcome;
}

/** The `tool_eval_result` payload: the scores without the heavy raw request/response. */
export function resultEvent(runId: string, target: RunTarget, outcome: CaseOutcome) {
  const { raw_request: _q, raw_response: _r, transcript: _t, ...light } = outcome;
  return {
    run_id: runId,
    provider_key: target.provider_key,
    model_id: target.model_id,
    ...light,
    ...light.score,
    adjustments: target.adjustments,
  };
}
