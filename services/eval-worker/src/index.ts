export { loadConfig, type Config } from './config.js';
export { createWorkerDeps, closeWorkerDeps, type WorkerDeps } from './deps.js';
export { createEvalWorker, type EvalWorker } from './worker.js';
