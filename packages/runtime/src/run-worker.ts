import { createLogger, type Logger } from './logger.js';
import { createShutdown, installProcessGuards, onSignals } from './shutdown.js';

/** What a worker service provides to {@link runWorkerService}. */
export interface WorkerServiceParts<C extends { logLevel: string }, D, W> {
  loadConfig: () => C;
  createDeps: (config: C, logger: Logger) => D;
  createWorker: (deps: D) => W & { start: () => Promise<void>; close: () => Promise<void> };
  closeDeps: (deps: D) => Promise<void>;
}

// Below the pods' termination grace period (60–120 s): jobs still running after it are handed back.
const SHUTDOWN_DEADLINE_MS = 25_000;

/**
 * Waits for in-flight jobs to finish, up to a deadline; after it the process exits anyway and the
 * jobs it still held are handed back — their locks lapse and another worker recovers them.
 */
async function withDeadline(closing: Promise<void>, ms: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  const outcome = await Promise.race([closing.then(() => 'closed' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late')
    logger.warn({ deadline_ms: ms }, 'in-flight jobs did not finish in time; handing them back');
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
    { name: 'worker', run: () => withDeadline(worker.close(), SHUTDOWN_DEADLINE_MS, logger) },
    { name: 'deps', run: () => parts.closeDeps(deps) },
  ];
  onSignals(createShutdown(steps, logger), logger);
}
