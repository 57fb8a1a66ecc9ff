import type { Queue } from 'bullmq';
import { findOrchestratorJob } from './find-job.js';
import type { QueueName } from './queue-names.js';
import type { JobRepository } from '@llmbench/db';
import type { JobLifecycle } from './job-lifecycle.js';

export type ReaperOptions = { staleAfterMs: number; batch?: number };

/**
 * Ends jobs that the database says are active but that the queue no longer carries (Redis
 * lost its data, or a job failed for good while no worker could record it). Without this a
 * job could stay "running" forever; BullMQ's stalled-job recovery covers every other crash.
 */
export class JobReaper {
  constructor(
    private readonly deps: { jobs: JobRepository; queues: Record<QueueName, Queue>; lifecycle: JobLifecycle },
    private readonly options: ReaperOptions,
  ) {}

  /** @returns ids of the jobs this sweep ended */
  async sweep(): Promise<string[]> {
    const stale = await this.deps.jobs.listStale(
      new Date(Date.now() - this.options.staleAfterMs),
      this.options.batch ?? 100,
    );
    const ended: string[] = [];
    for (const row of stale) {
      const job = await findOrchestratorJob(this.deps.queues, row.id);
      const state = job ? await job.getState() : 'missing';
      if (state !== 'missing' && state !== 'failed' && state !== 'unknown') continue;
      const message =
        state === 'failed'
          ? `the job failed: ${job?.failedReason ?? 'unknown reason'}`
          : 'the job queue lost this job (Redis data loss?); submit it again';
      if (await this.deps.lifecycle.end(row.id, 'failed', { error: { code: 'job_lost', message } }))
        ended.push(row.id);
    }
    return ended;
  }

  /** Sweeps every `intervalMs` until the returned stop function is called. */
  start(intervalMs: number, onError: (err: unknown) => void): () => void {
    const timer = setInterval(() => void this.sweep().catch(onError), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
