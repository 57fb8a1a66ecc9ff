import { RunTarget, SuiteSnapshot } from '@llmbench/contracts';
import { outcomeKey, runEvalUnit, type CaseOutcome, type EvalCase } from '@llmbench/eval-core';
import type { EvalUnitPayload, Handler } from '@llmbench/queue';
import type { Job } from '@llmbench/db';
import type { WorkerDeps } from '../deps.js';
import { fromResultRow, resultEvent, toResultRow } from '../outcome-rows.js';
import { ProgressReporter } from '../progress.js';

/**
 * Runs one eval unit. Results are written with their natural key, so a unit recovered after
 * its worker died resumes where it was and never duplicates a result. Each stored result is
 * announced exactly once: a recovered unit first re-announces what its dead predecessor stored
 * but may not have published (the bus drops what was already announced).
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
    const cases: EvalCase[] = snapshot.cases.map((c) => ({
      id: c.id,
      data: c.data,
      tools: c.data.tools ?? snapshot.tools,
    }));
    const announce = announcer(deps, p, root, target);
    const stored = (await deps.evalRuns.listUnitResults(p.run_id, p.unit_key)).map(fromResultRow);
    for (const outcome of stored) await announce(outcome);

    const tracked = await deps.cancellation.track(p.root_job_id);
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
        signal: tracked.signal,
        concurrency: p.concurrency,
        done: new Set(stored.map((o) => outcomeKey(o.case_id, o.repeat_index))),
        onCaseDone: async (outcome) => {
          const row = toResultRow(
            { userId: p.user_id, runId: p.run_id, unitKey: p.unit_key },
            target,
            outcome,
          );
          if (await deps.evalRuns.insertResult(row)) await announce(outcome);
        },
      });
      return { written: result.outcomes.length, skipped: result.skipped, cancelled: result.cancelled };
    } finally {
      tracked.dispose();
    }
  };
}

/** Publishes a stored result (once per job), the run's progress and the job's progress. */
function announcer(deps: WorkerDeps, p: EvalUnitPayload, root: Job, target: RunTarget) {
  const rootRef = { id: root.id, user_id: root.user_id };
  const progress = new ProgressReporter(deps, root);
  return async (outcome: CaseOutcome) => {
    const dedupe = `${p.unit_key}|${outcomeKey(outcome.case_id, outcome.repeat_index)}`;
    if (
      (await deps.bus.publish(rootRef, 'tool_eval_result', resultEvent(p.run_id, target, outcome), {
        dedupe,
      })) === null
    )
      return;
    const current = await deps.evalRuns.countResults(p.run_id);
    const event = {
      run_id: p.run_id,
      current,
      total: p.total,
      provider_key: target.provider_key,
      model_id: target.model_id,
      case_id: outcome.case_id,
    };
    await deps.bus.publish(rootRef, 'tool_eval_progress', event, {
      monotonic: { field: 'current', observed: current },
    });
    await progress.report(current, p.total, `${target.display_name}: ${current}/${p.total}`);
  };
}
