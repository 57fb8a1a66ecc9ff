import { WaitingChildrenError, type Job } from 'bullmq';
import { RunTarget, SuiteSnapshot, TERMINAL_STATUSES } from '@llmbench/contracts';
import { summarizeOutcomes } from '@llmbench/eval-core';
import {
  admitToSlot,
  childOptions,
  EvalUnitPayload,
  QUEUES,
  type Handler,
  type ToolEvalPayload,
} from '@llmbench/queue';
import type { Job as JobRow } from '@llmbench/db';
import type { WorkerDeps } from '../deps.js';
import { fromResultRow } from '../outcome-rows.js';
import { startJudge } from '../start-judge.js';

const unitKeyOf = (t: RunTarget) => `${t.provider_key}::${t.model_id}`;

/**
 * Orchestrates one tool eval in two steps kept in the job's data (BullMQ "process step jobs"):
 * `start` takes a user slot (or parks the job until one frees), fans out one eval unit per
 * target as child jobs and waits for them; `finalize` summarises from the stored results —
 * the same function as history — and ends the job.
 */
export function createToolEvalHandler(deps: WorkerDeps): Handler<'tool-eval'> {
  return async (p, { job, token }) => {
    const row = await deps.jobs.getById(p.job_id);
    if (!row) return { skipped: 'job deleted' };
    if (TERMINAL_STATUSES.includes(row.status)) {
      // Ended meanwhile (cancelled while queued): make sure it holds no slot or place in line.
      await deps.lifecycle.releaseSlot(p.user_id, p.job_id);
    } else if (p.step === 'start') {
      await start(deps, p, row, job, token);
    }
    return finalize(deps, p, row.status);
  };
}

async function start(
  deps: WorkerDeps,
  p: ToolEvalPayload,
  row: JobRow,
  job: Job,
  token: string | undefined,
): Promise<void> {
  const admitted = await admitToSlot(
    { ...deps, parkRecheckMs: deps.config.jobs.parkRecheckMs },
    p,
    row,
    job,
    token,
  );
  if (!admitted) return;
  const ref = { id: row.id, user_id: row.user_id };
  const run = await deps.evalRuns.getById(p.run_id);
  if (!run) throw new Error(`eval run ${p.run_id} is missing`);
  const snapshot = SuiteSnapshot.parse(run.suite_snapshot);
  const targets = run.targets.map((t) => RunTarget.parse(t));
  const config = run.config as {
    tool_choice: 'required' | 'auto' | 'none';
    repeats: number;
    concurrency: number | null;
  };
  const total = snapshot.cases.length * targets.length * config.repeats;
  await deps.bus.publish(ref, 'job_started', { job_type: 'tool_eval', attempt: job.attemptsMade + 1 });
  await deps.bus.publish(ref, 'tool_eval_init', {
    run_id: run.id,
    suite_id: snapshot.suite_id,
    suite_name: snapshot.name,
    targets: targets.map((t) => ({
      provider_key: t.provider_key,
      model_id: t.model_id,
      display_name: t.display_name,
    })),
    total_cases: snapshot.cases.length,
    repeats: config.repeats,
    total,
  });
  await deps.queues[QUEUES.units].addBulk(
    targets.map((t, i) => ({
      name: 'eval-unit',
      data: EvalUnitPayload.parse({
        root_job_id: p.job_id,
        user_id: p.user_id,
        run_id: p.run_id,
        unit_key: unitKeyOf(t),
        target: { provider_key: t.provider_key, model_id: t.model_id },
        params: t.params,
        system_prompt: t.system_prompt,
        tool_choice: config.tool_choice,
        repeats: config.repeats,
        concurrency: config.concurrency ?? 4,
        total,
      }),
      // Units of different targets run in parallel on any eval worker; a failed unit must not block the run.
      opts: childOptions('eval-unit', `${p.job_id}.u${i}`, job),
    })),
  );
  await job.updateData({ ...p, step: 'finalize' });
  if (await job.moveToWaitingChildren(token ?? '')) throw new WaitingChildrenError();
}

async function finalize(deps: WorkerDeps, p: ToolEvalPayload, statusAtStart: string) {
  const run = await deps.evalRuns.getById(p.run_id);
  if (!run) return { skipped: 'run deleted' };
  const results = await deps.evalRuns.listResults(p.run_id);
  const summaries = run.targets.map((raw) => {
    const t = RunTarget.parse(raw);
    const mine = results
      .filter((r) => r.provider_key === t.provider_key && r.model_id === t.model_id)
      .map(fromResultRow);
    return {
      provider_key: t.provider_key,
      model_id: t.model_id,
      summary: summarizeOutcomes(mine, { prices: t.prices }) as Record<string, unknown>,
    };
  });
  await deps.evalRuns.setSummary(p.run_id, { targets: summaries }, results.length);
  const current = await deps.jobs.getById(p.job_id);
  // A cancelled run keeps its partial summary for history; its event stream is already closed.
  if (!current || current.status !== 'running')
    return { status: current?.status ?? statusAtStart, results: results.length };
  const ref = { id: current.id, user_id: current.user_id };
  for (const s of summaries) await deps.bus.publish(ref, 'tool_eval_summary', { run_id: p.run_id, ...s });
  const judge = await startJudge(deps, p.run_id);
  await deps.bus.publish(ref, 'tool_eval_complete', {
    run_id: p.run_id,
    status: 'completed',
    summaries,
    ...(judge ? { judge } : {}),
  });
  await deps.lifecycle.end(p.job_id, 'completed', { resultRef: p.run_id });
  return { status: 'completed', results: results.length };
}
