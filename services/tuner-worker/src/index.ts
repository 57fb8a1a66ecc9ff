export { loadConfig, type Config } from './config.js';
export { createTunerDeps, closeTunerDeps, type TunerDeps } from './deps.js';
export { createTunerWorker, type TunerWorker } from './worker.js';
