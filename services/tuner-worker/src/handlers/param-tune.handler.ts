import type { Job } from 'bullmq';
import type { Job as JobRow } from '@llmbench/db';
import {
  EvalUnitPayload,
  childOptions,
  orchestrate,
  QUEUES,
  type Handler,
  type ParamTunePayload,
} from '@llmbench/queue';
import { plannedEvaluations } from '@llmbench/tuning';
import type { TunerDeps } from '../deps.js';
import {
  comboUnitKey,
  loadTuneState,
  nextSteps,
  type Dispatch,
  type TuneState,
} from '../param-tune/tune-state.js';
import { finishTune, recordOutcome, type StopReason } from '../param-tune/finish.js';
import { awaitBatch, warnStuck } from '../orchestration.js';

// Cases of one combination in flight at once; the provider limiter caps the total per provider.
const UNIT_CONCURRENCY = 4;

/**
 * Orchestrates one parameter tune: it asks the (stateless, seeded) driver for each target's next
 * batch, fans the batch out as eval-unit children across the eval workers, waits for them, and asks
 * again until every search is done. Every decision is recomputed from stored results, so a tuner
 * that dies mid-sweep resumes without redoing or losing finished combinations.
 */
export function createParamTuneHandler(deps: TunerDeps): Handler<'param-tune'> {
  return (p, ctx) =>
    orchestrate(
      { ...deps, parkRecheckMs: deps.config.jobs.parkRecheckMs },
      p,
      ctx,
      {
        ended: (status) => recordOutcome(deps, p.tune_id, status === 'cancelled' ? 'cancelled' : 'error'),
        started: (row) => announceStart(deps, p, row, ctx.job),
        run: (payload) => search(deps, payload, ctx.job, ctx.token),
      },
      'search',
    );
}

async function announceStart(deps: TunerDeps, p: ParamTunePayload, row: JobRow, job: Job) {
  const state = await loadTuneState(deps, p.tune_id);
  if (!state) throw new Error(`tune ${p.tune_id} is missing`);
  await deps.budget.open(p.job_id, state.config.budget ?? {});
  const total = state.targets.reduce((n, t) => n + plannedEvaluations(t.input), 0);
  await deps.paramTunes.setTotal(p.tune_id, total);
  await deps.bus.publish(row, 'job_started', { job_type: 'param_tune', attempt: job.attemptsMade + 1 });
  await deps.bus.publish(
    row,
    'tune_start',
    {
      kind: 'param_tune',
      tune_id: p.tune_id,
      strategy: state.config.strategy,
      total_combos: state.targets.reduce((n, t) => n + t.combos.length, 0),
      planned_evaluations: total,
      models: state.targets.map((t) => ({
        provider_key: t.target.provider_key,
        model_id: t.target.model_id,
        display_name: t.target.display_name,
        combos: t.combos.length,
      })),
      suite_name: state.snapshot.name,
      cases: state.config.case_order.length,
      repeats: state.config.repeats,
      warnings: state.config.warnings,
    },
    { dedupe: 'tune_start' },
  );
}

async function search(deps: TunerDeps, p: ParamTunePayload, job: Job, token: string | undefined) {
  for (;;) {
    const state = await loadTuneState(deps, p.tune_id);
    if (!state) return { skipped: 'tune deleted' };
    if (await deps.budget.exhausted(p.job_id)) return finishTune(deps, state, 'budget');
    const steps = nextSteps(state);
    const batch: Dispatch[] = steps.flatMap(({ target, step }) =>
      step.kind === 'done'
        ? []
        : step.items.map((item) => ({
            target,
            item,
            rung: step.rung,
            combo: target.combos.find((c) => c.id === item.key)!,
          })),
    );
    if (batch.length === 0) {
      const reason: StopReason = steps.some((s) => s.step.kind === 'done' && s.step.reason === 'budget')
        ? 'budget'
        : 'complete';
      return finishTune(deps, state, reason);
    }
    await dispatch(deps, p, state, batch, job);
    const waited = await awaitBatch(
      job,
      token,
      p,
      batch.map((d) => `${d.combo.id}@${d.item.cases}`).join(','),
    );
    if (waited.stuck) {
      await warnStuck(deps, p, `${batch.length} combination(s)`);
      return finishTune(deps, state, 'error');
    }
    p = waited.payload;
  }
}

async function dispatch(deps: TunerDeps, p: ParamTunePayload, state: TuneState, batch: Dispatch[], job: Job) {
  await deps.queues[QUEUES.units].addBulk(
    batch.map(({ target, combo, item, rung }) => ({
      name: 'eval-unit',
      data: EvalUnitPayload.parse({
        root_job_id: p.job_id,
        user_id: p.user_id,
        run_id: state.evalRunId,
        unit_key: comboUnitKey(combo.id),
        target: { provider_key: target.target.provider_key, model_id: target.target.model_id },
        params: combo.params,
        system_prompt: state.snapshot.system_prompt === '' ? null : state.snapshot.system_prompt,
        tool_choice: (combo.config as { tool_choice?: unknown }).tool_choice ?? state.config.tool_choice,
        repeats: state.config.repeats,
        concurrency: Math.min(UNIT_CONCURRENCY, state.config.concurrency),
        total: batch.length,
        case_ids: state.config.case_order.slice(0, item.cases),
        combo: { tune_id: p.tune_id, combo_id: combo.id, rung },
      }),
      opts: childOptions('eval-unit', `${p.job_id}.${combo.id}.r${rung}.c${item.cases}`, job),
    })),
  );
}
