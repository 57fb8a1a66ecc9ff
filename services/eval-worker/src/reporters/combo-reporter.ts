import { summarizeCombo } from '@llmbench/eval-core';
import type { ComboScores, RunTarget } from '@llmbench/contracts';
import type { EvalUnitPayload } from '@llmbench/queue';
import type { Job, ParamTuneCombo } from '@llmbench/db';
import type { WorkerDeps } from '../deps.js';
import type { UnitReporter } from './eval-reporter.js';
import { budgetHooks } from './budget-hooks.js';

type Stored = ComboScores & { case_results: unknown[] };

/**
 * A tuning combination's unit: `combo_start` when it starts, then — once, whichever worker gets
 * there first — its scores are recorded on the combination and `combo_result` and
 * `tune_progress` are published. Each result charges the job's budget; once spend or time runs
 * out the unit stops and the combination is recorded as partial.
 */
export async function comboReporter(
  deps: WorkerDeps,
  p: EvalUnitPayload,
  root: Job,
  runTarget: RunTarget,
): Promise<UnitReporter> {
  const ref = p.combo!;
  const combo = await deps.paramTunes.getCombo(ref.combo_id);
  if (!combo) throw new Error(`combination ${ref.combo_id} is missing`);
  const rootRef = { id: root.id, user_id: root.user_id };
  const target: RunTarget = {
    ...runTarget,
    params: p.params,
    adjustments: combo.adjustments as RunTarget['adjustments'],
  };
  const inRung = new Set(p.case_ids ?? []);
  return {
    target,
    begin: async () => {
      await deps.bus.publish(
        rootRef,
        'combo_start',
        {
          tune_id: ref.tune_id,
          combo_id: combo.id,
          combo_index: combo.combo_index,
          model: combo.model_id,
          provider_key: combo.provider_key,
          config: combo.config,
          rung: ref.rung,
          cases: inRung.size,
        },
        { dedupe: `combo_start:${combo.id}:${ref.rung}` },
      );
    },
    ...budgetHooks(deps, root.id),
    end: async (all, how) => {
      const mine = all.filter((o) => inRung.size === 0 || inRung.has(o.case_id));
      const { scores, case_results } = summarizeCombo(mine, target.prices);
      const counters = await deps.paramTunes.completeCombo(combo.id, {
        status: how === 'complete' ? 'done' : 'partial',
        rung: ref.rung,
        cases_done: scores.cases_total,
        scores: { ...scores, case_results },
        // Halving reruns a combination on more cases: count only this rung's new calls.
        calls: Math.max(0, scores.calls - combo.cases_done * p.repeats),
      });
      // A redelivered unit republishes what the first completion recorded (the bus drops repeats).
      const recorded = counters
        ? { ...scores, case_results }
        : ((await deps.paramTunes.getCombo(combo.id))?.scores as Stored);
      await announceResult(deps, rootRef, ref, combo, recorded, how === 'complete');
      if (counters) await announceProgress(deps, root, ref.tune_id, counters);
      return { combo: combo.id, rung: ref.rung, recorded: counters !== null, how };
    },
  };
}

async function announceResult(
  deps: WorkerDeps,
  rootRef: { id: string; user_id: string },
  ref: NonNullable<EvalUnitPayload['combo']>,
  combo: ParamTuneCombo,
  scores: Stored,
  complete: boolean,
) {
  await deps.bus.publish(
    rootRef,
    'combo_result',
    {
      tune_id: ref.tune_id,
      combo_id: combo.id,
      combo_index: combo.combo_index,
      model_id: combo.model_id,
      provider_key: combo.provider_key,
      config: combo.config,
      requested: combo.requested,
      adjustments: combo.adjustments as { param: string; action: string }[],
      rung: ref.rung,
      complete,
      ...scores,
      case_results: scores.case_results as { case_id: string; overall_score: number }[],
    },
    { dedupe: `combo_result:${combo.id}:${ref.rung}` },
  );
}

async function announceProgress(
  deps: WorkerDeps,
  root: Job,
  tuneId: string,
  counters: { completed_combos: number; total_combos: number; calls_used: number },
) {
  const best = await deps.paramTunes.bestSoFar(tuneId);
  const elapsedS = root.started_at ? (Date.now() - root.started_at.getTime()) / 1000 : null;
  const { completed_combos: done, total_combos: total } = counters;
  const etaS =
    elapsedS !== null && done > 0 && total >= done ? Math.round((elapsedS / done) * (total - done)) : null;
  await deps.bus.publish(
    root,
    'tune_progress',
    {
      tune_id: tuneId,
      completed: done,
      total,
      best_so_far: best
        ? {
            combo_id: best.id,
            provider_key: best.provider_key,
            model_id: best.model_id,
            config: best.config,
            score: Number((best.scores as { overall_score?: number } | null)?.overall_score ?? 0),
          }
        : null,
      eta_s: etaS,
      calls_used: counters.calls_used,
    },
    { monotonic: { field: 'completed', observed: done } },
  );
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 1000) / 10) : 0;
  await deps.jobs.setProgress(root.id, pct, `${done}/${total} combinations`, etaS);
  await deps.bus.publish(
    root,
    'job_progress',
    { progress_pct: pct, progress_detail: `${done}/${total} combinations`, eta_s: etaS },
    { monotonic: { field: 'progress_pct', observed: pct } },
  );
}
