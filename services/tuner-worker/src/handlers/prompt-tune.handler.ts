import type { Job } from 'bullmq';
import { Target, targetKey } from '@llmbench/contracts';
import type { Job as JobRow, PromptTuneCandidate } from '@llmbench/db';
import {
  EvalUnitPayload,
  MetaGeneratePayload,
  childOptions,
  orchestrate,
  QUEUES,
  type Handler,
  type PromptTunePayload,
} from '@llmbench/queue';
import { estimatePromptTune } from '@llmbench/tuning';
import type { TunerDeps } from '../deps.js';
import { awaitBatch, warnStuck } from '../orchestration.js';
import {
  loadPromptState,
  meanScore,
  promptUnitKey,
  survivorsAfter,
  bestCandidate,
  type PromptState,
} from '../prompt-tune/prompt-state.js';
import { nextPromptStep, type Evaluation } from '../prompt-tune/prompt-steps.js';
import { finishPromptTune, generationSummaries, recordPromptOutcome } from '../prompt-tune/finish-prompt.js';

const UNIT_CONCURRENCY = 4;

/**
 * Orchestrates one prompt tune: the base prompt is scored, then each generation's prompts are asked
 * of the meta-model (a child job on the eval workers), de-duplicated and evaluated on every target
 * as eval units; survivors seed the next generation; finally the best and the base are re-scored on
 * the held-out cases. Each step is recomputed from stored state, so a crash redoes nothing.
 */
export function createPromptTuneHandler(deps: TunerDeps): Handler<'prompt-tune'> {
  return (p, ctx) =>
    orchestrate(
      { ...deps, parkRecheckMs: deps.config.jobs.parkRecheckMs },
      p,
      ctx,
      {
        ended: async (status) =>
          recordPromptOutcome(
            await loadPromptState(deps, p.tune_id),
            deps,
            status === 'cancelled' ? 'cancelled' : 'error',
          ),
        started: (row) => announceStart(deps, p, row, ctx.job),
        run: (payload) => evolve(deps, payload, ctx.job, ctx.token),
      },
      'evolve',
    );
}

async function announceStart(deps: TunerDeps, p: PromptTunePayload, row: JobRow, job: Job) {
  const state = await loadPromptState(deps, p.tune_id);
  if (!state) throw new Error(`prompt tune ${p.tune_id} is missing`);
  await deps.budget.open(p.job_id, state.config.budget ?? {});
  const estimate = estimatePromptTune({
    mode: state.config.mode,
    population_size: state.config.population_size,
    generations: state.config.generations,
    train_cases: state.config.train_case_ids.length,
    validation_cases: state.config.validation_case_ids.length,
    models: state.targets.length,
  });
  await deps.bus.publish(row, 'job_started', { job_type: 'prompt_tune', attempt: job.attemptsMade + 1 });
  await deps.bus.publish(
    row,
    'tune_start',
    {
      kind: 'prompt_tune',
      tune_id: p.tune_id,
      mode: state.config.mode,
      total_prompts: estimate.total_prompts,
      total_eval_calls: estimate.eval_calls,
      generations: estimate.generations,
      population_size: state.config.population_size,
      suite_name: state.snapshot.name,
      train_cases: state.config.train_case_ids.length,
      validation_cases: state.config.validation_case_ids.length,
      warnings: state.config.warnings,
      base_prompt: state.tune.base_prompt,
      targets: state.targets.map(({ provider_key, model_id }) => ({ provider_key, model_id })),
      meta_target: Target.parse(state.tune.meta_target),
    },
    { dedupe: 'tune_start' },
  );
}

/** Publishes the generation-level events, each once (the dedupe key names the generation or prompt). */
function announcer(deps: TunerDeps, p: PromptTunePayload, state: PromptState) {
  const ref = { id: p.job_id, user_id: p.user_id };
  const tune_id = p.tune_id;
  return async (
    type: 'generation_start' | 'generation_error' | 'prompt_generated' | 'generation_complete',
    g: number,
    c?: PromptTuneCandidate,
  ) => {
    switch (type) {
      case 'generation_start':
        await deps.bus.publish(
          ref,
          type,
          {
            tune_id,
            generation: g,
            total_generations: state.total,
            population_size: state.config.population_size,
          },
          { dedupe: `${type}:${g}` },
        );
        return;
      case 'generation_error': {
        const gen = state.generations.get(g);
        const message =
          [gen?.error, gen?.note].filter(Boolean).join(' — ') || 'the meta-model gave no prompts';
        await deps.bus.publish(
          ref,
          type,
          { tune_id, generation: g, message: `${message}; continuing with the survivors` },
          { dedupe: `${type}:${g}` },
        );
        return;
      }
      case 'prompt_generated': {
        const parentIds = c!.parent_ids as string[];
        const parents = parentIds.map((id) => state.candidates.find((x) => x.id === id)?.idx ?? -1);
        await deps.bus.publish(
          ref,
          type,
          {
            tune_id,
            generation: g,
            index: c!.idx,
            candidate_id: c!.id,
            text: c!.prompt,
            style: c!.style,
            parent_indices: parents,
            parent_ids: parentIds,
            mutation_type: c!.mutation_type,
            duplicate_of: c!.duplicate_of,
          },
          { dedupe: `${type}:${c!.id}` },
        );
        const note = state.generations.get(g)?.note;
        if (note)
          await deps.bus.publish(
            ref,
            'job_warning',
            { detail: `generation ${g}: ${note}` },
            { dedupe: `meta_note:${g}` },
          );
        return;
      }
      case 'generation_complete': {
        const scored = state.candidates.filter((x) => x.generation === g && !x.duplicate_of);
        const best = scored.reduce<{ c: PromptTuneCandidate; s: number } | null>((b, x) => {
          const s = meanScore(state, x) ?? -1;
          return b === null || s > b.s ? { c: x, s } : b;
        }, null);
        await deps.bus.publish(
          ref,
          type,
          {
            tune_id,
            generation: g,
            best_score: Math.max(0, best?.s ?? 0),
            best_candidate_id: best?.c.id ?? bestCandidate(state).candidate.id,
            survivors: survivorsAfter(state, g).map((s) => ({
              candidate_id: s.candidate.id,
              generation: s.candidate.generation,
              index: s.candidate.idx,
              score: s.score,
            })),
          },
          { dedupe: `${type}:${g}` },
        );
        // History shows the survivors as soon as the stream does (job progress comes per scored prompt).
        await deps.promptTunes.setGenerations(tune_id, generationSummaries(state));
      }
    }
  };
}

async function evolve(deps: TunerDeps, p: PromptTunePayload, job: Job, token: string | undefined) {
  for (;;) {
    const state = await loadPromptState(deps, p.tune_id);
    if (!state) return { skipped: 'tune deleted' };
    if (await deps.budget.exhausted(p.job_id)) return finishPromptTune(deps, state, 'budget');
    const step = await nextPromptStep(deps, state, announcer(deps, p, state));
    if (step.kind === 'finish') return finishPromptTune(deps, state, 'complete');
    let signature: string;
    if (step.kind === 'generate') {
      signature = `meta:${step.generation}`;
      const data = MetaGeneratePayload.parse({
        root_job_id: p.job_id,
        user_id: p.user_id,
        tune_id: p.tune_id,
        generation: step.generation,
        meta_target: state.tune.meta_target,
        prompt: step.prompt,
        count: step.count,
        seed: state.config.seed * 100 + step.generation,
        parents: step.parents,
      });
      await deps.queues[QUEUES.units].add(
        'meta-generate',
        data,
        childOptions('meta-generate', `${p.job_id}.meta.g${step.generation}`, job),
      );
    } else {
      const maxCalls = state.config.budget?.max_calls;
      const cost = step.units.reduce((n, u) => n + casesOf(state, u).length, 0);
      if (maxCalls !== undefined && state.tune.calls_used + cost > maxCalls)
        return finishPromptTune(deps, state, 'budget');
      signature = step.units.map((u) => promptUnitKey(u.candidate.id, u.phase, u.target)).join(',');
      await dispatchEvaluations(deps, p, state, step.units, job);
    }
    const waited = await awaitBatch(job, token, p, signature);
    if (waited.stuck) {
      await warnStuck(
        deps,
        p,
        step.kind === 'generate'
          ? `generation ${step.generation}`
          : `${step.units.length} prompt evaluation(s)`,
      );
      return finishPromptTune(deps, state, 'error');
    }
    p = waited.payload;
  }
}

const casesOf = (state: PromptState, u: Evaluation) =>
  u.phase === 'train' ? state.config.train_case_ids : state.config.validation_case_ids;

async function dispatchEvaluations(
  deps: TunerDeps,
  p: PromptTunePayload,
  state: PromptState,
  units: Evaluation[],
  job: Job,
) {
  await deps.queues[QUEUES.units].addBulk(
    units.map((u) => ({
      name: 'eval-unit',
      data: EvalUnitPayload.parse({
        root_job_id: p.job_id,
        user_id: p.user_id,
        run_id: state.evalRunId,
        unit_key: promptUnitKey(u.candidate.id, u.phase, u.target),
        target: { provider_key: u.target.provider_key, model_id: u.target.model_id },
        params: u.target.params,
        system_prompt: u.candidate.prompt === '' ? null : u.candidate.prompt,
        tool_choice: state.config.tool_choice,
        repeats: 1,
        concurrency: UNIT_CONCURRENCY,
        total: units.length,
        case_ids: casesOf(state, u),
        prompt: { tune_id: p.tune_id, candidate_id: u.candidate.id, phase: u.phase },
      }),
      opts: childOptions(
        'eval-unit',
        `${p.job_id}.${u.candidate.id}.${u.phase}.${targetKey(u.target).replace(/[^a-zA-Z0-9_-]/g, '_')}`,
        job,
      ),
    })),
  );
}
