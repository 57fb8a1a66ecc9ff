import type { Worker } from 'bullmq';
import { createWorker, endJobsThatFailForGood, QUEUES, startOrchestratorUpkeep } from '@llmbench/queue';
import type { TunerDeps } from './deps.js';
import { createParamTuneHandler } from './handlers/param-tune.handler.js';
import { createPromptTuneHandler } from './handlers/prompt-tune.handler.js';

export type TunerWorker = { worker: Worker; start: () => Promise<void>; close: () => Promise<void> };

/**
 * The tuner worker: orchestrates parameter tunes. It never calls an LLM itself — every
 * combination is an eval unit that any eval worker picks up — so it stays light and one
 * replica can drive many tunes.
 */
export function createTunerWorker(deps: TunerDeps): TunerWorker {
  const worker = createWorker(
    QUEUES.tunes,
    { 'param-tune': createParamTuneHandler(deps), 'prompt-tune': createPromptTuneHandler(deps) },
    {
      connection: deps.bullConnection,
      prefix: deps.keys.bull,
      lockDurationMs: deps.config.jobs.lockMs,
      stalledIntervalMs: deps.config.jobs.stalledIntervalMs,
      concurrency: deps.config.concurrency.tunes,
    },
  );
  endJobsThatFailForGood(worker, deps.lifecycle, deps.logger);
  worker.on('error', (err) => deps.logger.error({ err }, 'worker error'));
  let stopUpkeep = () => {};
  return {
    worker,
    start: async () => {
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
