import { runWorkerService } from '@llmbench/runtime';
import { loadConfig } from './config.js';
import { closeWorkerDeps, createWorkerDeps } from './deps.js';
import { createEvalWorker } from './worker.js';

await runWorkerService('eval-worker', {
  loadConfig: () => loadConfig(),
  createDeps: createWorkerDeps,
  createWorker: createEvalWorker,
  closeDeps: closeWorkerDeps,
});
