import { round4 } from '@llmbench/eval-core';
import type { ModelBest } from '@llmbench/contracts';
import type { ParamTuneCombo } from '@llmbench/db';
import { indistinguishableFromBest, mean } from '@llmbench/tuning';
import type { TunerDeps } from '../deps.js';
import { loadTuneState, type TargetState, type TuneState } from './tune-state.js';

export type StopReason = 'complete' | 'budget' | 'cancelled' | 'error';

/**
 * The best combination of one target and those the data cannot tell apart from it (Welch's test on
 * per-case scores). Only combinations evaluated on the most cases compete — in halving, the last
 * rung's survivors — so a lucky score on a handful of cases never wins.
 */
export function bestOfTarget(t: TargetState, scores: Map<string, number[]>): ModelBest | null {
  const evaluated = t.combos.filter((c) => c.status !== 'pending' && (scores.get(c.id)?.length ?? 0) > 0);
  const most = Math.max(0, ...evaluated.map((c) => scores.get(c.id)?.length ?? 0));
  const field = evaluated.filter((c) => (scores.get(c.id)?.length ?? 0) === most);
  // Keys sort by plan order, so equal means go to the first combination (deterministic, like the grid).
  const keyOf = (c: ParamTuneCombo) => String(c.combo_index).padStart(8, '0');
  const byKey = new Map(field.map((c) => [keyOf(c), c]));
  const keys = indistinguishableFromBest(
    field.map((c) => ({ key: keyOf(c), scores: scores.get(c.id) ?? [] })),
  );
  const [bestKey, ...rest] = keys.map((k) => byKey.get(k)!);
  const best = bestKey;
  if (!best) return null;
  const stored = (best.scores ?? {}) as { ci_low?: number | null; ci_high?: number | null };
  return {
    provider_key: t.target.provider_key,
    model_id: t.target.model_id,
    combo_id: best.id,
    combo_index: best.combo_index,
    config: best.config,
    params: best.params,
    overall_score: round4(mean(scores.get(best.id) ?? [])),
    ci_low: stored.ci_low ?? null,
    ci_high: stored.ci_high ?? null,
    indistinguishable: rest.map((c) => ({
      combo_id: c.id,
      config: c.config,
      overall_score: round4(mean(scores.get(c.id) ?? [])),
    })),
  };
}

function outcomeOf(state: TuneState) {
  const models = state.targets
    .map((t) => bestOfTarget(t, state.scores))
    .filter((m): m is ModelBest => m !== null);
  // Best over all models; the first target wins ties (targets keep the request's order).
  const best = models.reduce<ModelBest | null>(
    (b, m) => (b === null || m.overall_score > b.overall_score ? m : b),
    null,
  );
  return { models, best };
}

/** Stores the best-so-far outcome (used when a tune is cancelled: finished combinations are kept). */
export async function recordOutcome(deps: TunerDeps, tuneId: string, reason: StopReason): Promise<void> {
  const state = await loadTuneState(deps, tuneId);
  if (!state || state.tune.stop_reason) return;
  const { models, best } = outcomeOf(state);
  await deps.paramTunes.setOutcome(tuneId, {
    best_config: { models, best },
    best_score: best?.overall_score ?? null,
    stop_reason: reason,
  });
}

/** Ranks, stores the outcome, announces `tune_complete` and ends the job. */
export async function finishTune(deps: TunerDeps, state: TuneState, reason: StopReason) {
  const { models, best } = outcomeOf(state);
  const tuneId = state.tune.id;
  await deps.paramTunes.setOutcome(tuneId, {
    best_config: { models, best },
    best_score: best?.overall_score ?? null,
    stop_reason: reason,
  });
  const job = await deps.jobs.getById(state.tune.job_id ?? '');
  if (!job || job.status !== 'running') return { status: job?.status ?? 'gone' };
  const fresh = await deps.paramTunes.getById(tuneId);
  const durationS = job.started_at ? (Date.now() - job.started_at.getTime()) / 1000 : 0;
  await deps.bus.publish(
    job,
    'tune_complete',
    {
      kind: 'param_tune',
      tune_id: tuneId,
      status: 'completed',
      stop_reason: reason,
      best_config: models,
      best_score: best?.overall_score ?? null,
      duration_s: Math.round(durationS * 10) / 10,
      calls_used: fresh?.calls_used ?? 0,
    },
    { dedupe: 'tune_complete' },
  );
  await deps.lifecycle.end(job.id, 'completed', { resultRef: tuneId });
  await deps.budget.close(job.id);
  return { status: 'completed', stop_reason: reason, best_score: best?.overall_score ?? null };
}
