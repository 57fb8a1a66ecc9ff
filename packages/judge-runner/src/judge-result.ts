import type { JudgeRepository } from '@llmbench/db';
import { combineJury, judgeCase, type CallEvidence, type CaseEvidence, type Verdict } from '@llmbench/judge';
import type { EventBus } from '@llmbench/queue';
import type { JudgeClient } from './judges.js';

export interface JudgeResultInput {
  report_id: string;
  user_id: string;
  /** The job whose stream gets `judge_verdict` (the judge job, or the eval itself when live). */
  stream: { id: string; user_id: string };
  case_key: string;
  provider_key: string;
  model_id: string;
  evidence: CaseEvidence;
  actual: CallEvidence;
  scorer_passed: boolean;
  custom: string;
}

/**
 * Judges one result with every judge of the jury, records each verdict once (keyed by result and
 * judge) and announces it once. A verdict recorded by an earlier attempt is not asked again.
 * @returns the jury's combined verdict, or null when no judge produced one
 */
export async function judgeResult(
  deps: { judges: JudgeRepository; bus: EventBus },
  jury: readonly JudgeClient[],
  input: JudgeResultInput,
  known: ReadonlyMap<string, Verdict | null>,
  signal?: AbortSignal,
): Promise<Verdict | null> {
  const verdicts: Verdict[] = [];
  for (const judge of jury) {
    const seen = known.get(`${input.case_key}#${judge.key}`);
    if (seen !== undefined) {
      if (seen) verdicts.push(seen);
      continue;
    }
    const res = await judgeCase(
      { client: judge.client, model: judge.model, signal },
      input.evidence,
      input.actual,
      input.custom,
    );
    const verdict = res.ok ? res.value : null;
    await deps.judges.recordVerdict({
      user_id: input.user_id,
      report_id: input.report_id,
      case_key: input.case_key,
      judge_key: judge.key,
      case_id: input.evidence.case_id,
      provider_key: input.provider_key,
      model_id: input.model_id,
      verdict: verdict as Record<string, unknown> | null,
      repairs: res.ok ? res.repairs : [],
      error: res.ok ? null : res.error,
      scorer_passed: input.scorer_passed,
    });
    const event = {
      report_id: input.report_id,
      case_id: input.evidence.case_id,
      provider_key: input.provider_key,
      model_id: input.model_id,
      judge: judge.key,
      verdict: verdict?.verdict ?? null,
      quality_score: verdict?.quality_score ?? null,
      error: res.ok ? null : res.error,
      repairs: res.ok ? res.repairs : [],
      ...(verdict
        ? {
            summary: verdict.summary,
            reasoning: verdict.reasoning,
            tool_selection_assessment: verdict.tool_selection_assessment,
            param_assessment: verdict.param_assessment,
          }
        : {}),
      scorer_passed: input.scorer_passed,
    };
    await deps.bus.publish(input.stream, 'judge_verdict', event, {
      dedupe: `judge_verdict:${input.report_id}:${input.case_key}:${judge.key}`,
    });
    if (verdict) verdicts.push(verdict);
  }
  return verdicts.length === 0 ? null : combineJury(verdicts).verdict;
}
