import { WaitingChildrenError, type Job, type JobsOptions } from 'bullmq';
import { TERMINAL_STATUSES } from '@llmbench/contracts';
import type { Job as JobRow } from '@llmbench/db';
import { admitToSlot, JOB_CATALOG } from '@llmbench/queue';
import type { TunerDeps } from './deps.js';

type TunePayload = {
  job_id: string;
  user_id: string;
  tune_id: string;
  queued_event_sent: boolean;
  last_batch?: string | undefined;
};

/**
 * The frame of a tuning job: an ended job (cancelled while it waited for its children) keeps its
 * outcome and frees its slot; a new one takes a user slot and is announced once; then `run` drives
 * the search.
 */
export async function orchestrate<P extends TunePayload & { step: string }>(
  deps: TunerDeps,
  p: P,
  ctx: { job: Job; token: string | undefined },
  hooks: {
    /** The job ended without this handler: store what the tune found so far. */
    ended: (status: string) => Promise<void>;
    /** Right after admission: open the budget, announce `job_started` and `tune_start`. */
    started: (row: JobRow) => Promise<void>;
    run: (p: P) => Promise<unknown>;
  },
  firstStep: P['step'],
): Promise<unknown> {
  const row = await deps.jobs.getById(p.job_id);
  if (!row) return { skipped: 'job deleted' };
  if (TERMINAL_STATUSES.includes(row.status)) {
    await hooks.ended(row.status);
    await deps.lifecycle.releaseSlot(p.user_id, p.job_id);
    return { status: row.status };
  }
  if (p.step === 'start') {
    const admitted = await admitToSlot(
      { ...deps, parkRecheckMs: deps.config.jobs.parkRecheckMs },
      p,
      row,
      ctx.job,
      ctx.token,
    );
    if (!admitted) return { skipped: 'ended before start' };
    await hooks.started(admitted);
    p = { ...p, step: firstStep };
    await ctx.job.updateData(p);
  }
  return hooks.run(p);
}

/** Options of a child eval unit / meta job: a parent that waits for it, never blocked by its failure. */
export function childOptions(
  name: 'eval-unit' | 'meta-generate',
  jobId: string,
  parent: Job,
): JobsOptions & { jobId: string } {
  return {
    ...JOB_CATALOG[name].defaults,
    // Deterministic ids: a tuner that dies after adding a batch re-adds the same jobs, which BullMQ ignores.
    jobId,
    parent: { id: parent.id!, queue: parent.queueQualifiedName },
    ignoreDependencyOnFailure: true,
  };
}

/**
 * After a batch was added: waits for its children (throws BullMQ's WaitingChildrenError to park
 * the job) or returns when none is pending. The same batch twice in a row means its children
 * ended without results (failed for good): that is reported as `stuck` instead of looping.
 */
export async function awaitBatch<P extends TunePayload>(
  job: Job,
  token: string | undefined,
  p: P,
  signature: string,
): Promise<{ stuck: true } | { stuck: false; payload: P }> {
  if (signature === p.last_batch) return { stuck: true };
  const payload = { ...p, last_batch: signature };
  await job.updateData(payload);
  if (await job.moveToWaitingChildren(token ?? '')) throw new WaitingChildrenError();
  return { stuck: false, payload };
}

/** Announces that a batch could not be evaluated, once. */
export function warnStuck(deps: TunerDeps, p: TunePayload, what: string) {
  return deps.bus.publish(
    { id: p.job_id, user_id: p.user_id },
    'job_warning',
    { detail: `${what} could not be evaluated (their jobs failed); stopping the search` },
    { dedupe: `stuck:${p.last_batch ?? ''}` },
  );
}
