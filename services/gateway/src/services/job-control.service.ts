import { AppError, type JobStatus, type JobType, type JobView } from '@llmbench/contracts';
import type { Job, JobRepository } from '@llmbench/db';
import { findOrchestratorJob, type Cancellation, type JobLifecycle, type QueueName } from '@llmbench/queue';
import type { Queue } from 'bullmq';

export function toJobView(j: Job): JobView {
  return {
    id: j.id,
    type: j.type as JobType,
    status: j.status,
    run_id: j.run_id,
    progress_pct: j.progress_pct,
    progress_detail: j.progress_detail,
    eta_s: j.eta_s,
    error: j.error,
    attempts: j.attempts,
    created_at: j.created_at,
    started_at: j.started_at,
    finished_at: j.finished_at,
    events_url: `/api/jobs/${j.id}/events`,
  };
}

/** Reading and cancelling a user's jobs. */
export class JobControlService {
  constructor(
    private readonly deps: {
      jobs: JobRepository;
      lifecycle: JobLifecycle;
      cancellation: Cancellation;
      queues: Record<QueueName, Queue>;
    },
  ) {}

  async getOwned(userId: string, id: string): Promise<Job> {
    const job = await this.deps.jobs.get(userId, id);
    if (!job) throw new AppError('not_found', 'job not found');
    return job;
  }

  async list(userId: string, filter: { status?: JobStatus; type?: JobType; limit: number; offset: number }) {
    const rows = await this.deps.jobs.list(userId, filter);
    return { items: rows.map(toJobView), total: rows[0]?.total ?? 0 };
  }

  /**
   * Cancels at once from the client's point of view: the job ends `cancelled` now (partial
   * results stay), workers abort in-flight LLM calls on the signal, and a job still waiting
   * for a slot is removed from the queue.
   */
  async cancel(userId: string, id: string, reason = 'cancelled by the user'): Promise<JobView> {
    const job = await this.getOwned(userId, id);
    if (job.status !== 'queued' && job.status !== 'running') {
      throw new AppError('conflict', `job already ${job.status}`, [
        { path: 'job_id', message: `status is ${job.status}` },
      ]);
    }
    await this.deps.cancellation.cancel(id);
    if (!(await this.deps.lifecycle.end(id, 'cancelled', { reason }))) {
      const now = await this.getOwned(userId, id);
      throw new AppError('conflict', `job already ${now.status}`, [
        { path: 'job_id', message: `status is ${now.status}` },
      ]);
    }
    const queued = await findOrchestratorJob(this.deps.queues, id);
    if (queued && ((await queued.isDelayed()) || (await queued.isWaiting())))
      await queued.remove().catch(() => undefined);
    return toJobView(await this.getOwned(userId, id));
  }

  /** Cancels a job of one of `types` (a feature's cancel endpoint); another kind of job is a 400. */
  async cancelOfType(userId: string, id: string, types: readonly JobType[], what: string): Promise<JobView> {
    const job = await this.getOwned(userId, id);
    if (!types.includes(job.type as JobType))
      throw new AppError('validation_failed', `job_id: not ${what}`, [
        { path: 'body.job_id', message: `a ${job.type} job` },
      ]);
    return this.cancel(userId, id);
  }

  /** Any user's job, for admins. */
  async getAny(id: string): Promise<Job> {
    const job = await this.deps.jobs.getById(id);
    if (!job) throw new AppError('not_found', 'job not found');
    return job;
  }

  /** Every user's jobs, for admins. */
  async listAll(filter: { status?: JobStatus; type?: JobType; limit: number; offset: number }) {
    const rows = await this.deps.jobs.list(null, filter);
    return { items: rows.map((r) => ({ ...toJobView(r), user_id: r.user_id })), total: rows[0]?.total ?? 0 };
  }
}
