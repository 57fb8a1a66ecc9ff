import { outcomeKey, type CaseOutcome } from '@llmbench/eval-core';
import type { RunTarget } from '@llmbench/contracts';
import type { EvalUnitPayload } from '@llmbench/queue';
import type { Job } from '@llmbench/db';
import type { WorkerDeps } from '../deps.js';
import { resultEvent } from '../outcome-rows.js';
import { ProgressReporter } from '../progress.js';

/** What an eval unit announces, and when it must stop early. */
export interface UnitReporter {
  /** The target as results record it (a combination carries its own adjustments). */
  target: RunTarget;
  /** Called once with what earlier attempts stored (a recovered unit re-announces them). */
  begin(stored: readonly CaseOutcome[]): Promise<void>;
  /** A result was stored by this attempt (with its cost in USD). */
  stored(outcome: CaseOutcome, costUsd: number): Promise<void>;
  /** Why the unit must stop (a budget ran out), or null. */
  stopReason(): Promise<string | null>;
  /** The unit ran to its end (`complete`) or stopped early (`budget`); returns the job's result. */
  end(all: readonly CaseOutcome[], how: 'complete' | 'budget'): Promise<Record<string, unknown>>;
}

/**
 * A plain eval's unit: each stored result is published once per job (`tool_eval_result`), then
 * the run's progress and the job's progress. A recovered unit first re-announces what its dead
 * predecessor stored but may not have published (the bus drops what was already announced).
 */
export function evalReporter(
  deps: WorkerDeps,
  p: EvalUnitPayload,
  root: Job,
  target: RunTarget,
  live: { judge: (o: CaseOutcome) => Promise<void>; drain: () => Promise<unknown> } | null = null,
): UnitReporter {
  const rootRef = { id: root.id, user_id: root.user_id };
  const progress = new ProgressReporter(deps, root);
  const announce = async (outcome: CaseOutcome) => {
    const dedupe = `${p.unit_key}|${outcomeKey(outcome.case_id, outcome.repeat_index)}`;
    const event = resultEvent(p.run_id, target, outcome);
    if ((await deps.bus.publish(rootRef, 'tool_eval_result', event, { dedupe })) === null) return;
    const current = await deps.evalRuns.countResults(p.run_id);
    await deps.bus.publish(
      rootRef,
      'tool_eval_progress',
      {
        run_id: p.run_id,
        current,
        total: p.total,
        provider_key: target.provider_key,
        model_id: target.model_id,
        case_id: outcome.case_id,
      },
      { monotonic: { field: 'current', observed: current } },
    );
    await progress.report(current, p.total, `${target.display_name}: ${current}/${p.total}`);
  };
  return {
    target,
    begin: async (stored) => {
      for (const o of stored) await announce(o);
    },
    stored: async (outcome) => {
      await announce(outcome);
      await live?.judge(outcome);
    },
    stopReason: async () => null,
    end: async (all) => {
      await live?.drain();
      return { written: all.length };
    },
  };
}
