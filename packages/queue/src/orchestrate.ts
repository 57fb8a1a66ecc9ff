import type { Job } from 'bullmq';
import { TERMINAL_STATUSES } from '@llmbench/contracts';
import type { Job as JobRow } from '@llmbench/db';
import { admitToSlot, type AdmissionDeps } from './slot-admission.js';

type Orchestrated = { job_id: string; user_id: string; queued_event_sent: boolean; step: string };

/**
 * The frame of an orchestrating job (tunes, judge reports): an ended job (cancelled while it
 * waited for its children) keeps what it produced and frees its slot; a new one takes a user
 * slot and is announced once; then `run` does the work.
 */
export async function orchestrate<P extends Orchestrated>(
  deps: AdmissionDeps,
  p: P,
  ctx: { job: Job; token: string | undefined },
  hooks: {
    /** The job ended without this handler: store what it produced so far. */
    ended: (status: string) => Promise<void>;
    /** Right after admission: announce `job_started` and the feature's start event. */
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
    const admitted = await admitToSlot(deps, p, row, ctx.job, ctx.token);
    if (!admitted) return { skipped: 'ended before start' };
    await hooks.started(admitted);
    p = { ...p, step: firstStep };
    await ctx.job.updateData(p);
  }
  return hooks.run(p);
}
