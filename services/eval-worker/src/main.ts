import { createLogger, createShutdown, installProcessGuards, onSignals } from '@llmbench/runtime';
import { loadConfig } from './config.js';
import { closeWorkerDeps, createWorkerDeps } from './deps.js';
import { createEvalWorker } from './worker.js';

const config = loadConfig();
const logger = createLogger('eval-worker', config.logLevel);
installProcessGuards(logger);
const deps = createWorkerDeps(config, logger);
const worker = createEvalWorker(deps);
await worker.start();
logger.info({ concurrency: config.concurrency }, 'eval worker ready');
onSignals(
  createShutdown(
    [
      { name: 'workers', run: () => worker.close() },
      { name: 'deps', run: () => closeWorkerDeps(deps) },
    ],
    logger,
  ),
  logger,
);
