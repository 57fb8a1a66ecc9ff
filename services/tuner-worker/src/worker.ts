import { createOrchestratorWorker, QUEUES, type OrchestratorWorker } from '@llmbench/queue';
import type { TunerDeps } from './deps.js';
import { createParamTuneHandler } from './handlers/param-tune.handler.js';
import { createPromptTuneHandler } from './handlers/prompt-tune.handler.js';

export type TunerWorker = OrchestratorWorker;

/**
 * The tuner worker: orchestrates parameter and prompt tunes. It never calls an LLM itself — every
 * combination, candidate prompt and meta call is a job the eval workers pick up — so it stays light
 * and one replica can drive many tunes.
 */
export function createTunerWorker(deps: TunerDeps): TunerWorker {
  return createOrchestratorWorker(
    QUEUES.tunes,
    { 'param-tune': createParamTuneHandler(deps), 'prompt-tune': createPromptTuneHandler(deps) },
    { ...deps, concurrency: deps.config.concurrency.tunes },
  );
}
