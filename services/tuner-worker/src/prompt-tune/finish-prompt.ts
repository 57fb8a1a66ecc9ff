import { round4 } from '@llmbench/eval-core';
import type { PromptTuneCandidate } from '@llmbench/db';
import type { TunerDeps } from '../deps.js';
import { bestCandidate, meanScore, survivorsAfter, targetScore, type PromptState } from './prompt-state.js';

export type PromptStopReason = 'complete' | 'budget' | 'error' | 'cancelled';

/**
 * Each generation's outcome: its meta call's status, best score and — once it went through selection
 * (every new prompt scored, when `generation_complete` is announced) — the survivors.
 */
export function generationSummaries(state: PromptState) {
  return [...Array(state.total + 1).keys()].map((g) => {
    const row = state.generations.get(g);
    const mine = state.candidates.filter((c) => c.generation === g);
    const selected = g === 0 || (row?.status === 'generated' && allScored(state, mine));
    return {
      generation: g,
      status: g === 0 ? 'base' : (row?.status ?? 'not_run'),
      error: row?.error ?? null,
      note: row?.note ?? null,
      best_score: Math.max(0, ...mine.map((c) => meanScore(state, c) ?? 0)),
      selected,
      survivors: selected ? survivorsAfter(state, g).map((s) => s.candidate.id) : [],
    };
  });
}

const allScored = (state: PromptState, cs: PromptTuneCandidate[]) =>
  cs.every((c) => c.duplicate_of !== null || meanScore(state, c) !== null);

/** The outcome of a prompt tune from its stored scores (also what a cancelled tune keeps). */
export function promptOutcome(state: PromptState) {
  const base = state.candidates.find((c) => c.generation === 0)!;
  const best = bestCandidate(state);
  const perModel = state.targets.map((t) => {
    let top = { prompt: base.prompt, score: targetScore(state, base, t) ?? 0 };
    for (const c of state.candidates) {
      const s = c.duplicate_of ? null : targetScore(state, c, t);
      if (s !== null && s > top.score) top = { prompt: c.prompt, score: s };
    }
    return {
      provider_key: t.provider_key,
      model_id: t.model_id,
      best_prompt: top.prompt,
      score: round4(top.score),
    };
  });
  const validation = state.config.validation_case_ids.length > 0;
  return {
    best,
    base,
    baseScore: round4(meanScore(state, base) ?? 0),
    validationScore: validation ? meanScore(state, best.candidate, 'validation') : null,
    baseValidationScore: validation ? meanScore(state, base, 'validation') : null,
    perModel,
    generations: generationSummaries(state),
    // The held-out run of the best is the base's when the base won: those calls were not needed.
    validationSaved:
      validation && best.candidate.id === base.id
        ? state.config.validation_case_ids.length * state.targets.length
        : 0,
  };
}

async function store(deps: TunerDeps, state: PromptState, reason: PromptStopReason) {
  const o = promptOutcome(state);
  await deps.promptTunes.setOutcome(state.tune.id, {
    best_prompt: o.best.candidate.prompt,
    best_score: round4(o.best.score),
    best_candidate_id: o.best.candidate.id,
    validation_score: o.validationScore === null ? null : round4(o.validationScore),
    stop_reason: reason,
    generations: o.generations,
    calls_saved: state.tune.calls_saved + (reason === 'complete' ? o.validationSaved : 0),
  });
  return o;
}

/** Stores the best-so-far outcome of a cancelled tune (finished generations are kept). */
export async function recordPromptOutcome(
  state: PromptState | undefined,
  deps: TunerDeps,
  reason: PromptStopReason,
) {
  if (state && !state.tune.stop_reason) await store(deps, state, reason);
}

/** Stores the outcome, announces `tune_complete` and ends the job. */
export async function finishPromptTune(
  deps: TunerDeps,
  state: PromptState,
  reason: Exclude<PromptStopReason, 'cancelled'>,
) {
  const o = await store(deps, state, reason);
  const job = await deps.jobs.getById(state.tune.job_id ?? '');
  if (!job || job.status !== 'running') return { status: job?.status ?? 'gone' };
  const fresh = await deps.promptTunes.getById(state.tune.id);
  // Skipped duplicates and a budget stop leave prompts unscored: the bar still ends full.
  const detail = reason === 'complete' ? 'tune complete' : `tune stopped early (${reason})`;
  await deps.jobs.setProgress(job.id, 100, detail, 0);
  await deps.bus.publish(
    job,
    'job_progress',
    { progress_pct: 100, progress_detail: detail, eta_s: 0 },
    { monotonic: { field: 'progress_pct', observed: 100 } },
  );
  await deps.bus.publish(
    job,
    'tune_complete',
    {
      kind: 'prompt_tune',
      tune_id: state.tune.id,
      status: 'completed',
      stop_reason: reason,
      best_prompt: o.best.candidate.prompt,
      best_candidate_id: o.best.candidate.id,
      best_score: round4(o.best.score),
      validation_score: o.validationScore === null ? null : round4(o.validationScore),
      base_score: o.baseScore,
      base_validation_score: o.baseValidationScore === null ? null : round4(o.baseValidationScore),
      per_model: o.perModel,
      duration_s: job.started_at ? Math.round((Date.now() - job.started_at.getTime()) / 100) / 10 : 0,
      calls_used: fresh?.calls_used ?? 0,
      calls_saved: fresh?.calls_saved ?? 0,
      meta_calls: fresh?.meta_calls ?? 0,
      cost_usd: fresh?.cost_usd ?? null,
    },
    { dedupe: 'tune_complete' },
  );
  await deps.lifecycle.end(job.id, 'completed', { resultRef: state.tune.id });
  await deps.budget.close(job.id);
  return { status: 'completed', stop_reason: reason, best_score: o.best.score };
}
