import type { Worker } from 'bullmq';
import { createWorker, endJobsThatFailForGood, QUEUES, startOrchestratorUpkeep } from '@llmbench/queue';
import type { JudgeDeps } from './deps.js';
import { createJudgeHandler } from './handlers/judge.handler.js';
import { createCompareHandler } from './handlers/compare.handler.js';

export type JudgeWorker = { worker: Worker; start: () => Promise<void>; close: () => Promise<void> };

/** The judge worker: judge reports over eval runs, and A/B comparisons of two runs. */
export function createJudgeWorker(deps: JudgeDeps): JudgeWorker {
  const worker = createWorker(
    QUEUES.judges,
    { judge: createJudgeHandler(deps), 'judge-compare': createCompareHandler(deps) },
    {
      connection: deps.bullConnection,
      prefix: deps.keys.bull,
      lockDurationMs: deps.config.jobs.lockMs,
      stalledIntervalMs: deps.config.jobs.stalledIntervalMs,
      concurrency: deps.config.concurrency.reports,
    },
  );
  endJobsThatFailForGood(worker, deps.lifecycle, deps.logger);
  worker.on('error', (err) => deps.logger.error({ err }, 'worker error'));
  let stopUpkeep = () => {};
  return {
    worker,
    start: async () => {
      await deps.cancellation.listen(deps.subscriber);
      void worker.run();
      await worker.waitUntilReady();
      stopUpkeep = startOrchestratorUpkeep(deps, deps.config.jobs, deps.logger);
    },
    close: async () => {
      stopUpkeep();
      await worker.close();
    },
  };
}
