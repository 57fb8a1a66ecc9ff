export { createApp } from './app.js';
export { createDeps, type Deps } from './deps.js';
export { loadConfig, type Config } from './config.js';
