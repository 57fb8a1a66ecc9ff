import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { JOB_CATALOG, type JobName, type JobPayloadInput } from './job-catalog.js';
import { QUEUES, type QueueName } from './queue-names.js';

/** Opens every queue of the system (for producers, admin dashboards and lifecycle wake-ups). */
export function openQueues(connection: ConnectionOptions, prefix: string): Record<QueueName, Queue> {
  return Object.fromEntries(
    Object.values(QUEUES).map((name) => [name, new Queue(name, { connection, prefix })]),
  ) as Record<QueueName, Queue>;
}

/**
 * Adds a job after parsing its payload with the catalog schema; `jobId` makes the add
 * idempotent (a retried submit or a recovered orchestrator never adds a job twice).
 * @example await enqueue(queues, 'tool-eval', { job_id, user_id, run_id }, { jobId: job_id })
 */
export async function enqueue<N extends JobName>(
  queues: Record<QueueName, Queue>,
  name: N,
  payload: JobPayloadInput<N>,
  options: JobsOptions & { jobId: string },
) {
  const entry = JOB_CATALOG[name];
  const data = entry.payload.parse(payload);
  return queues[entry.queue].add(name, data, { ...entry.defaults, ...options });
}
