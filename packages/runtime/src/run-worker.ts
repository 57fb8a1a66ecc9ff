import { createLogger, type Logger } from './logger.js';
import { createShutdown, installProcessGuards, onSignals } from './shutdown.js';

/** What a worker service provides to {@link runWorkerService}. */
export interface WorkerServiceParts<C extends { logLevel: string }, D, W> {
  loadConfig: () => C;
  createDeps: (config: C, logger: Logger) => D;
  createWorker: (deps: D) => W & { start: () => Promise<void>; close: () => Promise<void> };
  closeDeps: (deps: D) => Promise<void>;
}

/**
 * The main of a worker service: validated config, logger, process guards, start, and on SIGTERM
 * or SIGINT a graceful stop (workers first, so active jobs finish or are handed back, then the
 * connections).
 */
export async function runWorkerService<C extends { logLevel: string }, D, W>(
  name: string,
  parts: WorkerServiceParts<C, D, W>,
): Promise<void> {
  const config = parts.loadConfig();
  const logger = createLogger(name, config.logLevel);
  installProcessGuards(logger);
  const deps = parts.createDeps(config, logger);
  const worker = parts.createWorker(deps);
  await worker.start();
  logger.info(`${name} ready`);
  const steps = [
    { name: 'worker', run: () => worker.close() },
    { name: 'deps', run: () => parts.closeDeps(deps) },
  ];
  onSignals(createShutdown(steps, logger), logger);
}
