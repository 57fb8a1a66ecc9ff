import { createLogger, createShutdown, installProcessGuards, onSignals } from '@llmbench/runtime';
import { loadConfig } from './config.js';
import { closeTunerDeps, createTunerDeps } from './deps.js';
import { createTunerWorker } from './worker.js';

const config = loadConfig();
const logger = createLogger('tuner-worker', config.logLevel);
installProcessGuards(logger);
const deps = createTunerDeps(config, logger);
const worker = createTunerWorker(deps);
await worker.start();
logger.info({ concurrency: config.concurrency }, 'tuner worker ready');
onSignals(
  createShutdown(
    [
      { name: 'worker', run: () => worker.close() },
      { name: 'deps', run: () => closeTunerDeps(deps) },
    ],
    logger,
  ),
  logger,
);
