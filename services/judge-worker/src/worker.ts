import { createOrchestratorWorker, QUEUES, type OrchestratorWorker } from '@llmbench/queue';
import type { JudgeDeps } from './deps.js';
import { createJudgeHandler } from './handlers/judge.handler.js';
import { createCompareHandler } from './handlers/compare.handler.js';

export type JudgeWorker = OrchestratorWorker;

/** The judge worker: judge reports over eval runs, and A/B comparisons of two runs. */
export function createJudgeWorker(deps: JudgeDeps): JudgeWorker {
  return createOrchestratorWorker(
    QUEUES.judges,
    { judge: createJudgeHandler(deps), 'judge-compare': createCompareHandler(deps) },
    { ...deps, concurrency: deps.config.concurrency.reports },
  );
}
