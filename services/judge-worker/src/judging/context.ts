import { JudgeConfig, RunTarget, SuiteSnapshot, targetKey, type Target } from '@llmbench/contracts';
import type { JudgeReport } from '@llmbench/db';
import type { JudgeDeps } from '../deps.js';

/** The judges of a report, and the warnings and concurrency their placement implies. */
export async function juryPlan(deps: JudgeDeps, report: JudgeReport, evaluated: readonly RunTarget[]) {
  const config = JudgeConfig.parse(report.config);
  const jury = (report.judge_targets as Target[]).map((t) => ({
    provider_key: t.provider_key,
    model_id: t.model_id,
  }));
  const warnings: string[] = [];
  let concurrency = config.concurrency;
  for (const j of jury) {
    if (evaluated.some((t) => targetKey(t) === targetKey(j)))
      warnings.push(`judge ${targetKey(j)} is also an evaluated model: expect self-judging bias`);
    const provider = await deps.providers.getByKey(report.user_id, j.provider_key);
    if (provider?.base_url && evaluated.some((t) => t.base_url === provider.base_url)) {
      concurrency = 1;
      warnings.push(
        `judge ${targetKey(j)} shares its endpoint with an evaluated model: judging one case at a time`,
      );
    }
  }
  return { config, jury, warnings: [...new Set(warnings)], concurrency };
}

/** An eval run as the judge reads it: its frozen cases, targets and stored results. */
export async function loadRun(deps: JudgeDeps, runId: string | null) {
  const run = runId ? await deps.evalRuns.getById(runId) : undefined;
  if (!run) return undefined;
  return {
    run,
    snapshot: SuiteSnapshot.parse(run.suite_snapshot),
    targets: run.targets.map((t) => RunTarget.parse(t)),
    results: await deps.evalRuns.listResults(run.id),
  };
}
