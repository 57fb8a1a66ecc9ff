import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobRepository } from '@llmbench/db';
import type { Cancellation } from './cancellation.js';
import { createWorker, type Handlers } from './create-worker.js';
import type { JobLifecycle } from './job-lifecycle.js';
import type { Keys } from './keys.js';
import { endJobsThatFailForGood, startOrchestratorUpkeep } from './orchestrator-upkeep.js';
import type { QueueName } from './queue-names.js';
import type { UserSlots } from './user-slots.js';
import type { Queue } from 'bullmq';
import type { JobWorkerSettings } from './worker-env.js';
import { serveWorkerMetrics } from './worker-runtime.js';
import type { Metrics } from '@llmbench/metrics';

type Log = { error: (obj: object, msg: string) => void };

export type OrchestratorWorker = {
  worker: Worker;
  start: () => Promise<void>;
  close: () => Promise<void>;
  /** The port of its /metrics once started (null when off). */
  metricsPort: () => number | null;
};

/**
 * A service's BullMQ worker for one orchestrator queue, with what every such service needs: jobs
 * that fail for good end `failed`, cancel signals reach running jobs, slot leases are renewed and
 * lost jobs reaped.
 */
export function createOrchestratorWorker<Q extends QueueName>(
  queue: Q,
  handlers: Handlers<Q>,
  deps: {
    bullConnection: Redis;
    keys: Keys;
    config: { jobs: JobWorkerSettings['jobs']; metrics: JobWorkerSettings['metrics'] };
    metrics: Metrics;
    concurrency: number;
    jobs: JobRepository;
    slots: UserSlots;
    queues: Record<QueueName, Queue>;
    lifecycle: JobLifecycle;
    cancellation: Cancellation;
    subscriber: Redis;
    logger: Log;
  },
): OrchestratorWorker {
  const worker = createWorker(queue, handlers, {
    connection: deps.bullConnection,
    prefix: deps.keys.bull,
    lockDurationMs: deps.config.jobs.lockMs,
    stalledIntervalMs: deps.config.jobs.stalledIntervalMs,
    concurrency: deps.concurrency,
  });
  endJobsThatFailForGood(worker, deps.lifecycle, deps.logger);
  worker.on('error', (err) => deps.logger.error({ err }, 'worker error'));
  let stopUpkeep = () => {};
  let served: { port: number | null; close: () => Promise<void> } = { port: null, close: async () => {} };
  return {
    worker,
    start: async () => {
      await deps.cancellation.listen(deps.subscriber);
      void worker.run();
      await worker.waitUntilReady();
      stopUpkeep = startOrchestratorUpkeep(deps, deps.config.jobs, deps.logger);
      served = await serveWorkerMetrics(deps.metrics, deps.config.metrics, { [queue]: worker });
    },
    close: async () => {
      stopUpkeep();
      await served.close();
      await worker.close();
    },
    metricsPort: () => served.port,
  };
}
