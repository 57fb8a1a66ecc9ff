import type { Worker } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { createWorker, JobReaper, QUEUES, SlotKeeper } from '@llmbench/queue';
import type { WorkerDeps } from './deps.js';
import { createToolEvalHandler } from './handlers/tool-eval.handler.js';
import { createEvalUnitHandler } from './handlers/eval-unit.handler.js';

export type EvalWorker = { workers: Worker[]; start: () => Promise<void>; close: () => Promise<void> };

/**
 * The eval worker: orchestrating tool-eval jobs and eval units, each in its own BullMQ worker.
 * A run that failed for good (retries exhausted, or an unrecoverable error) ends `failed` with
 * its error, so no job is ever left "running".
 */
export function createEvalWorker(deps: WorkerDeps): EvalWorker {
  const common = {
    connection: deps.bullConnection,
    prefix: deps.keys.bull,
    lockDurationMs: deps.config.jobs.lockMs,
    stalledIntervalMs: deps.config.jobs.stalledIntervalMs,
  };
  const runs = createWorker(
    QUEUES.runs,
    { 'tool-eval': createToolEvalHandler(deps) },
    { ...common, concurrency: deps.config.concurrency.runs },
  );
  const units = createWorker(
    QUEUES.units,
    { 'eval-unit': createEvalUnitHandler(deps) },
    { ...common, concurrency: deps.config.concurrency.units },
  );

  runs.on('failed', (job, err) => {
    if (!job) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.logger.error({ err, job_id: job.id, attempt: job.attemptsMade, final }, 'run job failed');
    if (final)
      void deps.lifecycle
        .end(String(job.id), 'failed', { error: { code: 'job_failed', message: err.message.slice(0, 500) } })
        .catch((e: unknown) => deps.logger.error({ err: e }, 'could not mark job failed'));
  });
  units.on('failed', (job, err) =>
    deps.logger.warn({ err, job_id: job?.id, attempt: job?.attemptsMade }, 'eval unit attempt failed'),
  );
  for (const w of [runs, units]) w.on('error', (err) => deps.logger.error({ err }, 'worker error'));

  const reaper = new JobReaper(
    { jobs: deps.jobs, runsQueue: deps.queues[QUEUES.runs], lifecycle: deps.lifecycle },
    { staleAfterMs: deps.config.jobs.staleAfterMs },
  );
  const keeper = new SlotKeeper({ jobs: deps.jobs, slots: deps.slots });
  let stopReaper = () => {};
  let stopKeeper = () => {};
  return {
    workers: [runs, units],
    start: async () => {
      await deps.cancellation.listen(deps.subscriber);
      void runs.run();
      void units.run();
      await Promise.all([runs.waitUntilReady(), units.waitUntilReady()]);
      stopKeeper = keeper.start((err) => deps.logger.error({ err }, 'slot keeper failed'));
      stopReaper = reaper.start(deps.config.jobs.reaperIntervalMs, (err) =>
        deps.logger.error({ err }, 'job reaper failed'),
      );
    },
    close: async () => {
      stopReaper();
      stopKeeper();
      await Promise.all([runs.close(), units.close()]);
    },
  };
}
