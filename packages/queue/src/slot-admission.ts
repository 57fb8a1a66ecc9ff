import { DelayedError, type Job } from 'bullmq';
import { TERMINAL_STATUSES } from '@llmbench/contracts';
import type { Job as JobRow, JobRepository } from '@llmbench/db';
import type { EventBus } from './event-bus.js';
import type { JobLifecycle } from './job-lifecycle.js';
import type { UserSlots } from './user-slots.js';

export type AdmissionDeps = {
  jobs: JobRepository;
  slots: UserSlots;
  bus: EventBus;
  lifecycle: JobLifecycle;
  parkRecheckMs: number;
};

type Parkable = { job_id: string; user_id: string; queued_event_sent: boolean };

/**
 * Admits an orchestrating job into one of its owner's slots and marks it running. Without a free
 * slot the job is parked as delayed (the job that frees a slot promotes it; the delay is only a
 * safety net) and this throws BullMQ's DelayedError, which the worker must let through.
 * @returns the running row, or undefined when the job ended meanwhile (its slot is released)
 */
export async function admitToSlot(
  deps: AdmissionDeps,
  payload: Parkable,
  row: JobRow,
  job: Job,
  token: string | undefined,
): Promise<JobRow | undefined> {
  const limit = await deps.jobs.userLimit(payload.user_id);
  const slot = {
    userId: payload.user_id,
    jobId: payload.job_id,
    submittedAt: row.created_at.getTime(),
    limit,
  };
  if (!(await deps.slots.acquire(slot))) {
    const fresh = await deps.jobs.getById(payload.job_id);
    if (fresh && TERMINAL_STATUSES.includes(fresh.status)) {
      await deps.lifecycle.releaseSlot(payload.user_id, payload.job_id);
      return undefined;
    }
    if (!payload.queued_event_sent) {
      const detail = `waiting for a free slot (${limit} concurrent job${limit === 1 ? '' : 's'} per user)`;
      await deps.bus.publish(row, 'job_progress', { progress_pct: 0, progress_detail: detail, eta_s: null });
      await job.updateData({ ...job.data, queued_event_sent: true });
    }
    await job.moveToDelayed(Date.now() + deps.parkRecheckMs, token);
    // A slot freed while this job was not yet delayed could not wake it: look once more.
    if (await deps.slots.acquire(slot)) await job.promote().catch(() => undefined);
    throw new DelayedError();
  }
  const running = await deps.lifecycle.start(payload.job_id);
  if (!running) await deps.lifecycle.releaseSlot(payload.user_id, payload.job_id);
  return running;
}
