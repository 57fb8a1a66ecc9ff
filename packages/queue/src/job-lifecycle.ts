import type { Queue } from 'bullmq';
import type { JobError, JobStatus } from '@llmbench/contracts';
import type { Job as JobRow, JobRepository } from '@llmbench/db';
import type { EventBus } from './event-bus.js';
import type { UserSlots } from './user-slots.js';
import { findOrchestratorJob } from './find-job.js';
import type { QueueName } from './queue-names.js';

export type TerminalStatus = Exclude<JobStatus, 'queued' | 'running'>;
export type EndOptions = { error?: JobError; resultRef?: string | null; reason?: string };

/** Mirrors a job's status onto its feature's run row (eval_runs, param_tune_runs, …). */
export type RunStatusWriter = (job: JobRow, status: JobStatus) => Promise<unknown>;

/**
 * The one way a job starts and ends, shared by workers and the gateway's cancel: the DB row
 * decides the single winner, then exactly one terminal event is published, the user's slot
 * is freed and the oldest waiting jobs are woken.
 */
export class JobLifecycle {
  constructor(
    private readonly deps: {
      jobs: JobRepository;
      bus: EventBus;
      slots: UserSlots;
      queues: Record<QueueName, Queue>;
      writeRunStatus: RunStatusWriter;
    },
  ) {}

  /** @returns the running row, or undefined when the job already ended (cancelled meanwhile) */
  async start(jobId: string): Promise<JobRow | undefined> {
    const row = await this.deps.jobs.markRunning(jobId);
    if (row) await this.deps.writeRunStatus(row, 'running');
    return row;
  }

  /**
   * Ends the job. When it had already ended, the end is completed instead: a process that died
   * between the DB update and the event leaves no stream without its terminal event and no slot
   * held (the bus publishes a terminal event at most once).
   * @returns true when this call ended the job; false when it had already ended
   */
  async end(jobId: string, status: TerminalStatus, options: EndOptions = {}): Promise<boolean> {
    const row = await this.deps.jobs.finish(jobId, status, options.error ?? null);
    if (row) {
      await this.deps.writeRunStatus(row, status);
      await this.announceEnd(row, status, options);
      return true;
    }
    const current = await this.deps.jobs.getById(jobId);
    if (
      current &&
      current.status !== 'queued' &&
      current.status !== 'running' &&
      !(await this.deps.bus.hasEnded(jobId))
    ) {
      await this.announceEnd(current, current.status, { ...(current.error ? { error: current.error } : {}) });
    }
    return false;
  }

  private async announceEnd(row: JobRow, status: TerminalStatus, options: EndOptions): Promise<void> {
    const job = { id: row.id, user_id: row.user_id };
    if (status === 'completed')
      await this.deps.bus.publish(job, 'job_completed', { result_ref: options.resultRef ?? row.run_id });
    else if (status === 'failed')
      await this.deps.bus.publish(job, 'job_failed', {
        error: options.error ?? { code: 'failed', message: 'job failed' },
      });
    else
      await this.deps.bus.publish(job, 'job_cancelled', {
        reason: options.reason ?? 'cancelled by the user',
      });
    await this.releaseSlot(row.user_id, row.id);
  }

  /** Frees the job's slot and wakes the user's oldest waiting jobs that now fit. */
  async releaseSlot(userId: string, jobId: string): Promise<void> {
    const limit = await this.deps.jobs.userLimit(userId);
    const next = await this.deps.slots.release(userId, jobId, limit);
    await Promise.all(next.map((id) => this.wake(id)));
  }

  /** Moves a parked (delayed) job back to the wait list; a missing or moving job is left alone. */
  async wake(jobId: string): Promise<void> {
    const job = await findOrchestratorJob(this.deps.queues, jobId);
    if (job && (await job.isDelayed())) await job.promote().catch(() => undefined);
  }
}
