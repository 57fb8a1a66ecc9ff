import { RunTarget, SuiteSnapshot } from '@llmbench/contracts';
import { outcomeKey, runEvalUnit, type EvalCase } from '@llmbench/eval-core';
import type { Handler } from '@llmbench/queue';
import type { WorkerDeps } from '../deps.js';
import { fromResultRow, toResultRow } from '../outcome-rows.js';
import { evalReporter, type UnitReporter } from '../reporters/eval-reporter.js';
import { comboReporter } from '../reporters/combo-reporter.js';
import { promptReporter } from '../reporters/prompt-reporter.js';
import { liveJudge, type RunJudgeConfig } from '../reporters/live-judge.js';

/**
 * Runs one eval unit. Results are written with their natural key, so a unit recovered after
 * its worker died resumes where it was and never duplicates a result. What is announced
 * depends on what the unit is for: a plain eval announces each result (once, even across a
 * recovery); a tuning combination announces itself when it starts and when it completes.
 */
export function createEvalUnitHandler(deps: WorkerDeps): Handler<'eval-unit'> {
  return async (p) => {
    const root = await deps.jobs.getById(p.root_job_id);
    if (root?.status !== 'running') return { skipped: `root job is ${root?.status ?? 'gone'}` };
    const run = await deps.evalRuns.getById(p.run_id);
    if (!run) return { skipped: 'run deleted' };
    const snapshot = SuiteSnapshot.parse(run.suite_snapshot);
    const target = RunTarget.parse(
      run.targets.find((t) => t.provider_key === p.target.provider_key && t.model_id === p.target.model_id),
    );
    const byId = new Map(snapshot.cases.map((c) => [c.id, c]));
    const selected = p.case_ids
      ? p.case_ids.map((id) => byId.get(id)).filter((c) => c !== undefined)
      : snapshot.cases;
    const cases: EvalCase[] = selected.map((c) => ({
      id: c.id,
      data: c.data,
      tools: c.data.tools ?? snapshot.tools,
    }));

    const reporter: UnitReporter = p.combo
      ? await comboReporter(deps, p, root, target)
      : p.prompt
        ? await promptReporter(deps, p, root, target)
        : evalReporter(
            deps,
            p,
            root,
            target,
            await liveJudgeFor(deps, p, root, run.config, snapshot, target),
          );
    const stored = (await deps.evalRuns.listUnitResults(p.run_id, p.unit_key)).map(fromResultRow);
    await reporter.begin(stored);
    // The job's budget ran out before this unit began: leave it unevaluated rather than empty.
    if (await reporter.stopReason()) return { skipped: 'budget exhausted' };

    const log = deps.logger.child({
      job_id: p.root_job_id,
      unit_key: p.unit_key,
      model_id: p.target.model_id,
    });
    const tracked = await deps.cancellation.track(p.root_job_id);
    const timer = deps.metrics.unitDuration.startTimer({
      kind: p.combo ? 'combo' : p.prompt ? 'prompt' : 'eval',
    });
    // Aborted by a cancel (the tracked signal) or when the job's budget runs out (the reporter).
    const controller = new AbortController();
    const abort = () => controller.abort();
    tracked.signal.addEventListener('abort', abort, { once: true });
    let stopped: string | null = null;
    try {
      const result = await runEvalUnit({
        unit: {
          model: p.target.model_id,
          params: p.params,
          system_prompt: p.system_prompt,
          tool_choice: p.tool_choice,
        },
        cases,
        repeats: p.repeats,
        client: await deps.clients.forTarget(p.user_id, p.target),
        signal: controller.signal,
        concurrency: p.concurrency,
        done: new Set(stored.map((o) => outcomeKey(o.case_id, o.repeat_index))),
        onCaseDone: async (outcome) => {
          const row = toResultRow(
            { userId: p.user_id, runId: p.run_id, unitKey: p.unit_key },
            reporter.target,
            outcome,
          );
          if (!(await deps.evalRuns.insertResult(row))) return;
          if (outcome.score.error)
            log.warn(
              {
                case_id: outcome.case_id,
                category: outcome.score.error_category,
                error: outcome.score.error,
              },
              'LLM call failed',
            );
          stored.push(outcome);
          await reporter.stored(outcome, row.cost_usd ?? 0);
          stopped ??= await reporter.stopReason();
          if (stopped) controller.abort();
        },
      });
      if (tracked.signal.aborted) return { written: result.outcomes.length, cancelled: true };
      return reporter.end(stored, stopped ? 'budget' : 'complete');
    } finally {
      timer();
      tracked.signal.removeEventListener('abort', abort);
      tracked.dispose();
    }
  };
}

/** Live inline judging when the eval asked for it. */
function liveJudgeFor(
  deps: WorkerDeps,
  p: Parameters<typeof liveJudge>[1],
  root: { id: string; user_id: string },
  config: Record<string, unknown>,
  snapshot: SuiteSnapshot,
  target: RunTarget,
) {
  const judge = config.judge as RunJudgeConfig | null | undefined;
  return judge?.mode === 'live_inline'
    ? liveJudge(deps, p, root, judge, snapshot, target)
    : Promise.resolve(null);
}
