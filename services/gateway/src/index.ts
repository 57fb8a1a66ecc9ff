export { createApp, startServer } from './app.js';
export { closeDeps, createDeps, type Deps } from './deps.js';
export { loadConfig, type Config } from './config.js';
