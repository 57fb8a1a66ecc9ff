import { runWorkerService } from '@llmbench/runtime';
import { loadConfig } from './config.js';
import { closeTunerDeps, createTunerDeps } from './deps.js';
import { createTunerWorker } from './worker.js';

await runWorkerService('tuner-worker', {
  loadConfig: () => loadConfig(),
  createDeps: createTunerDeps,
  createWorker: createTunerWorker,
  closeDeps: closeTunerDeps,
});
