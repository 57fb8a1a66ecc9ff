export * from './logger.js';
export * from './shutdown.js';
export * from './env-helpers.js';
export * from './secret-box.js';
export * from './run-worker.js';
