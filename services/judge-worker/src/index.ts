export { loadConfig, type Config } from './config.js';
export { createJudgeDeps, closeJudgeDeps, type JudgeDeps } from './deps.js';
export { createJudgeWorker, type JudgeWorker } from './worker.js';
