import type { Worker } from 'bullmq';
import {
  createWorker,
  endJobsThatFailForGood,
  QUEUES,
  serveWorkerMetrics,
  startOrchestratorUpkeep,
} from '@llmbench/queue';
import type { WorkerDeps } from './deps.js';
import { createToolEvalHandler } from './handlers/tool-eval.handler.js';
import { createEvalUnitHandler } from './handlers/eval-unit.handler.js';
import { createMetaGenerateHandler } from './handlers/meta-generate.handler.js';

export type EvalWorker = {
  workers: Worker[];
  start: () => Promise<void>;
  close: () => Promise<void>;
  /** The port of its /metrics once started (null when off). */
  metricsPort: () => number | null;
};

/**
 * The eval worker: orchestrating tool-eval jobs and eval units, each in its own BullMQ worker.
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
    { 'eval-unit': createEvalUnitHandler(deps), 'meta-generate': createMetaGenerateHandler(deps) },
    { ...common, concurrency: deps.config.concurrency.units },
  );

  endJobsThatFailForGood(runs, deps.lifecycle, deps.logger);
  units.on('failed', (job, err) =>
    deps.logger.warn({ err, job_id: job?.id, attempt: job?.attemptsMade }, 'eval unit attempt failed'),
  );
  for (const w of [runs, units]) w.on('error', (err) => deps.logger.error({ err }, 'worker error'));

  let stopUpkeep = () => {};
  let served: { port: number | null; close: () => Promise<void> } = { port: null, close: async () => {} };
  return {
    workers: [runs, units],
    start: async () => {
      await deps.cancellation.listen(deps.subscriber);
      void runs.run();
      void units.run();
      await Promise.all([runs.waitUntilReady(), units.waitUntilReady()]);
      stopUpkeep = startOrchestratorUpkeep(deps, deps.config.jobs, deps.logger);
      served = await serveWorkerMetrics(deps.metrics, deps.config.metrics, {
        [QUEUES.runs]: runs,
        [QUEUES.units]: units,
      });
    },
    close: async () => {
      stopUpkeep();
      await served.close();
      await Promise.all([runs.close(), units.close()]);
    },
    metricsPort: () => served.port,
  };
}
