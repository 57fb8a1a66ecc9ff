import { WaitingChildrenError, type Job } from 'bullmq';
import { TERMINAL_STATUSES } from '@llmbench/contracts';
import type { Job as JobRow } from '@llmbench/db';
import {
  admitToSlot,
  EvalUnitPayload,
  JOB_CATALOG,
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

// Cases of one combination in flight at once; the provider limiter caps the total per provider.
const UNIT_CONCURRENCY = 4;

/**
 * Orchestrates one parameter tune as BullMQ step jobs: `start` takes a user slot and announces
 * the tune; `search` asks the (stateless, seeded) driver for each target's next batch, fans the
 * batch out as eval-unit children across the eval workers and waits for them, then asks again;
 * `finalize` ranks and ends. Every decision is recomputed from stored results, so a tuner that
 * dies mid-sweep resumes without redoing or losing finished combinations.
 */
export function createParamTuneHandler(deps: TunerDeps): Handler<'param-tune'> {
  return async (p, { job, token }) => {
    const row = await deps.jobs.getById(p.job_id);
    if (!row) return { skipped: 'job deleted' };
    if (TERMINAL_STATUSES.includes(row.status)) {
      // Cancelled (or failed) meanwhile: keep what finished, with the best so far, and free the slot.
      await recordOutcome(deps, p.tune_id, row.status === 'cancelled' ? 'cancelled' : 'error');
      await deps.lifecycle.releaseSlot(p.user_id, p.job_id);
      return { status: row.status };
    }
    if (p.step === 'start') {
      const started = await start(deps, p, row, job, token);
      if (!started) return { skipped: 'ended before start' };
    }
    return search(deps, { ...p, step: 'search' }, job, token);
  };
}

async function start(deps: TunerDeps, p: ParamTunePayload, row: JobRow, job: Job, token: string | undefined) {
  const admitted = await admitToSlot(
    { ...deps, parkRecheckMs: deps.config.jobs.parkRecheckMs },
    p,
    row,
    job,
    token,
  );
  if (!admitted) return false;
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
  await job.updateData({ ...p, step: 'search' });
  return true;
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
    // The same batch again means its units ended without results (failed for good): stop, loudly.
    const signature = batch.map((d) => `${d.combo.id}@${d.item.cases}`).join(',');
    if (signature === p.last_batch) {
      await deps.bus.publish(
        { id: p.job_id, user_id: p.user_id },
        'job_warning',
        {
          detail: `${batch.length} combination(s) could not be evaluated (their eval units failed); stopping the search`,
        },
        { dedupe: `stuck:${p.batches}` },
      );
      return finishTune(deps, state, 'error');
    }
    await dispatch(deps, p, state, batch, job);
    p = { ...p, batches: p.batches + 1, last_batch: signature };
    await job.updateData(p);
    if (await job.moveToWaitingChildren(token ?? '')) throw new WaitingChildrenError();
  }
}

async function dispatch(deps: TunerDeps, p: ParamTunePayload, state: TuneState, batch: Dispatch[], job: Job) {
  const total = batch.length;
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
        total,
        case_ids: state.config.case_order.slice(0, item.cases),
        combo: { tune_id: p.tune_id, combo_id: combo.id, rung },
      }),
      // Deterministic ids: a tuner that dies after adding a batch re-adds the same jobs, which BullMQ ignores.
      opts: {
        ...JOB_CATALOG['eval-unit'].defaults,
        jobId: `${p.job_id}.${combo.id}.r${rung}.c${item.cases}`,
        parent: { id: job.id!, queue: job.queueQualifiedName },
        ignoreDependencyOnFailure: true,
      },
    })),
  );
}
