import { AppError, type JobType } from '@llmbench/contracts';
import type { Job } from '@llmbench/db';
import { enqueue } from './producer.js';
import type { EventBus } from './event-bus.js';
import type { JobLifecycle } from './job-lifecycle.js';
import type { JobName, JobPayloadInput } from './job-catalog.js';
import type { QueueName } from './queue-names.js';
import type { Queue } from 'bullmq';

/**
 * Announces a freshly created job (`job_created`, `job_queued`) and enqueues it under its DB id.
 * When the queue is down the job ends `failed` at once — never left queued forever — and the
 * client gets a 503.
 */
export async function announceAndEnqueue<N extends JobName>(
  deps: { bus: EventBus; lifecycle: JobLifecycle; queues: Record<QueueName, Queue> },
  job: Job,
  runId: string,
  name: N,
  payload: JobPayloadInput<N>,
): Promise<void> {
  await deps.bus.publish(job, 'job_created', {
    job_type: job.type as JobType,
    status: 'queued',
    run_id: runId,
  });
  await deps.bus.publish(job, 'job_queued', { reason: 'waiting for a worker' });
  try {
    await enqueue(deps.queues, name, payload, { jobId: job.id });
  } catch (err) {
    await deps.lifecycle.end(job.id, 'failed', {
      error: { code: 'service_unavailable', message: 'the job queue is unavailable' },
    });
    throw new AppError(
      'service_unavailable',
      `could not enqueue the job: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
