import type { Job, JobsOptions } from 'bullmq';
import { JOB_CATALOG } from './job-catalog.js';

/**
 * Options of a child job (an eval unit or a meta call) that an orchestrating job waits for: its
 * catalog defaults, a deterministic id (an orchestrator that dies after adding a batch re-adds the
 * same jobs, which BullMQ ignores) and a parent that is never blocked by the child's failure.
 */
export function childOptions(
  name: 'eval-unit' | 'meta-generate',
  jobId: string,
  parent: Job,
): JobsOptions & { jobId: string } {
  return {
    ...JOB_CATALOG[name].defaults,
    jobId,
    parent: { id: parent.id!, queue: parent.queueQualifiedName },
    ignoreDependencyOnFailure: true,
  };
}
