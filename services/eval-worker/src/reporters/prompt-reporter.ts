import { summarizeOutcomes } from '@llmbench/eval-core';
import { targetKey, type RunTarget } from '@llmbench/contracts';
import type { EvalUnitPayload } from '@llmbench/queue';
import type { Job } from '@llmbench/db';
import type { WorkerDeps } from '../deps.js';
import type { UnitReporter } from './eval-reporter.js';
import { budgetHooks } from './budget-hooks.js';

/**
 * A candidate prompt's unit (one target, training or held-out cases): `prompt_eval_start` when it
 * starts; once complete, the target's score is recorded on the candidate — once, whichever worker
 * gets there first — and `prompt_eval_result` is published.
 */
export async function promptReporter(
  deps: WorkerDeps,
  p: EvalUnitPayload,
  root: Job,
  target: RunTarget,
): Promise<UnitReporter> {
  const ref = p.prompt!;
  const candidate = await deps.promptTunes.getCandidate(ref.candidate_id);
  if (!candidate) throw new Error(`candidate ${ref.candidate_id} is missing`);
  const rootRef = { id: root.id, user_id: root.user_id };
  const key = targetKey(target);
  const ids = {
    tune_id: ref.tune_id,
    generation: candidate.generation,
    index: candidate.idx,
    candidate_id: candidate.id,
  };
  const dedupe = `${candidate.id}:${ref.phase}:${key}`;
  return {
    target,
    ...budgetHooks(deps, root.id),
    begin: async () => {
      await deps.bus.publish(
        rootRef,
        'prompt_eval_start',
        { ...ids, model: target.model_id, provider_key: target.provider_key, phase: ref.phase },
        { dedupe: `prompt_eval_start:${dedupe}` },
      );
    },
    end: async (all, how) => {
      const s = summarizeOutcomes(all, { prices: target.prices });
      const score = {
        provider_key: target.provider_key,
        model_id: target.model_id,
        overall_score: s.overall,
        tool_accuracy: s.tool_accuracy,
        param_accuracy: s.param_accuracy,
        cases: s.cases,
        calls: s.runs,
        complete: how === 'complete',
      };
      const recorded = await deps.promptTunes.recordScore(
        candidate.id,
        ref.phase,
        key,
        score,
        s.runs,
        s.cost_usd ?? 0,
      );
      const { complete: _c, ...event } = score;
      await deps.bus.publish(
        rootRef,
        'prompt_eval_result',
        { ...ids, phase: ref.phase, ...event },
        { dedupe: `prompt_eval_result:${dedupe}` },
      );
      await announceProgress(deps, rootRef, ref.tune_id);
      return { candidate: candidate.id, phase: ref.phase, recorded, how };
    },
  };
}

/**
 * The tune's job progress after a scored prompt: prompts scored of the planned ones, read from the
 * database now. Units finish concurrently, so the percentage is published monotonic (never lower
 * than one already published).
 */
async function announceProgress(deps: WorkerDeps, root: { id: string; user_id: string }, tuneId: string) {
  const counts = await deps.promptTunes.scoringProgress(tuneId);
  if (!counts || counts.total <= 0) return;
  const pct = Math.min(100, Math.round((counts.scored / counts.total) * 1000) / 10);
  const detail = `${counts.scored}/${counts.total} prompts scored`;
  await deps.jobs.setProgress(root.id, pct, detail, null);
  await deps.bus.publish(
    root,
    'job_progress',
    { progress_pct: pct, progress_detail: detail, eta_s: null },
    { monotonic: { field: 'progress_pct', observed: pct } },
  );
}
