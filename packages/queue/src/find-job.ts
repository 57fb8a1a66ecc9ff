import { Job, type Queue } from 'bullmq';
import { ORCHESTRATOR_QUEUES, type QueueName } from './queue-names.js';

/** The queue job of a top-level job, whichever orchestrator queue holds it. */
export async function findOrchestratorJob(
  queues: Record<QueueName, Queue>,
  jobId: string,
): Promise<Job | undefined> {
  for (const name of ORCHESTRATOR_QUEUES) {
    const job = await Job.fromId(queues[name], jobId);
    if (job) return job;
  }
  return undefined;
}
