import { type SuiteSnapshot, type Target } from '@llmbench/contracts';
import type { CaseOutcome } from '@llmbench/eval-core';
import type { Verdict } from '@llmbench/judge';
import { callEvidence, caseEvidence, judgeResult, openJudges, resultKey } from '@llmbench/judge-runner';
import type { EvalUnitPayload } from '@llmbench/queue';
import type { WorkerDeps } from '../deps.js';

/** The `judge` block an eval run stores in its config. */
export type RunJudgeConfig = {
  mode: 'live_inline' | 'post_eval';
  judge_targets: Target[];
  custom_instructions: string;
  threshold: number | null;
};

// Judge calls in flight per unit: verdicts keep pace with results without starving the eval.
const LIVE_CONCURRENCY = 2;

/**
 * Live inline judging for one eval unit: each stored result (below the threshold, if any) is judged
 * while the unit goes on, and its verdict appears in the eval's own stream. `drain` waits for the
 * verdicts still in flight, so they all precede the eval's end.
 */
export async function liveJudge(
  deps: WorkerDeps,
  p: EvalUnitPayload,
  root: { id: string; user_id: string },
  config: RunJudgeConfig,
  snapshot: SuiteSnapshot,
  target: Target,
) {
  const report = await deps.judges.forEvalRun(p.run_id);
  if (!report) return null;
  const jury = await openJudges(deps.clients, p.user_id, config.judge_targets);
  const known = new Map<string, Verdict | null>(
    (await deps.judges.listVerdicts(report.id)).map((v) => [
      `${v.case_key}#${v.judge_key}`,
      v.verdict as Verdict | null,
    ]),
  );
  const cases = new Map(snapshot.cases.map((c) => [c.id, c]));
  const pending = new Set<Promise<unknown>>();
  const judgeOne = async (o: CaseOutcome) => {
    const c = cases.get(o.case_id);
    if (!c) return;
    await judgeResult(
      deps,
      jury,
      {
        report_id: report.id,
        user_id: p.user_id,
        stream: root,
        case_key: resultKey({ unit_key: p.unit_key, case_id: o.case_id, repeat_index: o.repeat_index }),
        provider_key: target.provider_key,
        model_id: target.model_id,
        evidence: caseEvidence(c),
        actual: callEvidence(o),
        scorer_passed: o.score.passed,
        custom: config.custom_instructions,
      },
      known,
    );
  };
  return {
    judge: async (o: CaseOutcome) => {
      if (config.threshold !== null && o.score.overall_score >= config.threshold) return;
      while (pending.size >= LIVE_CONCURRENCY) await Promise.race(pending);
      const task = judgeOne(o)
        .catch((err: unknown) => deps.logger.warn({ err, case_id: o.case_id }, 'live judge call failed'))
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    drain: () => Promise.all(pending),
  };
}
