import type { Logger } from 'pino';

export type ShutdownStep = { name: string; run: () => Promise<unknown> | unknown };

/**
 * Builds an idempotent shutdown function: every step runs once, in order, each in its own
 * try/catch so one failing close never skips the next (BullMQ going-to-production advice).
 * @param steps - close actions, first to last (HTTP, workers, queues, Redis, pg)
 * @param logger - where failures are reported
 * @returns a function that may be called many times and always returns the same promise
 */
export function createShutdown(steps: ShutdownStep[], logger: Logger): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= (async () => {
      for (const step of steps) {
        try {
          await step.run();
        } catch (err) {
          logger.error({ err, step: step.name }, 'shutdown step failed');
        }
      }
    })();
    return done;
  };
}

/**
 * Runs `shutdown` on SIGINT/SIGTERM, then exits. A second signal exits at once.
 * @param shutdown - the idempotent shutdown from {@link createShutdown}
 * @param logger - logs the signal
 */
export function onSignals(shutdown: () => Promise<void>, logger: Logger): void {
  let signalled = false;
  const handler = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    logger.info({ signal }, 'shutting down');
    void shutdown().finally(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/**
 * Logs a promise rejection nobody handled instead of letting Node kill the process: one bad
 * request must not take down every other client of a server.
 */
export function installProcessGuards(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
}
