import { runWorkerService } from '@llmbench/runtime';
import { loadConfig } from './config.js';
import { closeJudgeDeps, createJudgeDeps } from './deps.js';
import { createJudgeWorker } from './worker.js';

await runWorkerService('judge-worker', {
  loadConfig: () => loadConfig(),
  createDeps: createJudgeDeps,
  createWorker: createJudgeWorker,
  closeDeps: closeJudgeDeps,
});
