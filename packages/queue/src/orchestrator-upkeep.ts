import { UnrecoverableError, type Queue, type Worker } from 'bullmq';
import type { JobRepository } from '@llmbench/db';
import type { JobLifecycle } from './job-lifecycle.js';
import { JobReaper } from './job-reaper.js';
import type { QueueName } from './queue-names.js';
import { SlotKeeper } from './slot-keeper.js';
import type { UserSlots } from './user-slots.js';

type Log = {
  error: (obj: object, msg: string) => void;
};

/**
 * Ends a top-level job `failed` (with its error) once its queue job fails for good — retries
 * exhausted or an unrecoverable error — so no job is ever left "running".
 */
export function endJobsThatFailForGood(worker: Worker, lifecycle: JobLifecycle, logger: Log): void {
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    logger.error({ err, job_id: job.id, attempt: job.attemptsMade, final }, 'run job failed');
    if (final)
      void lifecycle
        .end(String(job.id), 'failed', { error: { code: 'job_failed', message: err.message.slice(0, 500) } })
        .catch((e: unknown) => logger.error({ err: e }, 'could not mark job failed'));
  });
}

/**
 * The background upkeep every orchestrating service runs: slot leases renewed while jobs run,
 * and the reaper for jobs the queue lost.
 * @returns stop
 */
export function startOrchestratorUpkeep(
  deps: {
    jobs: JobRepository;
    slots: UserSlots;
    queues: Record<QueueName, Queue>;
    lifecycle: JobLifecycle;
  },
  options: { reaperIntervalMs: number; staleAfterMs: number },
  logger: Log,
): () => void {
  const reaper = new JobReaper(deps, { staleAfterMs: options.staleAfterMs });
  const keeper = new SlotKeeper(deps);
  const stopKeeper = keeper.start((err) => logger.error({ err }, 'slot keeper failed'));
  const stopReaper = reaper.start(options.reaperIntervalMs, (err) =>
    logger.error({ err }, 'job reaper failed'),
  );
  return () => {
    stopReaper();
    stopKeeper();
  };
}
