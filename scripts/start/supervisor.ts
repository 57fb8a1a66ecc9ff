/**
 * Owns everything the start command started: stops it all, in reverse start order, on Ctrl-C,
 * SIGTERM or SIGHUP, and when any process dies unexpectedly (then the exit code is 1).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Color, log, paint } from './log.js';
import { type Managed } from './managed.js';

export class Supervisor {
  private readonly running: Managed[] = [];
  /** Everything alive, including the one being stopped right now (for a forced stop). */
  private readonly alive = new Set<Managed>();
  private readonly cleanups: (() => void)[] = [];
  private readonly transient = new Set<() => void>();
  private readonly pending = new Set<Promise<unknown>>();
  private stopping = false;
  private firstSignalAt = 0;

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Takes ownership of `handle`; its unexpected exit stops everything else. */
  add(handle: Managed): void {
    this.running.push(handle);
    this.alive.add(handle);
    void handle.exited.then((how) => {
      this.alive.delete(handle);
      const index = this.running.indexOf(handle);
      if (index >= 0) this.running.splice(index, 1);
      if (!this.stopping)
        void this.shutdown(1, `${handle.name} exited unexpectedly (${how}); stopping the rest`);
    });
    // Started while a shutdown was already under way: it must not outlive us.
    if (this.stopping) void handle.stop();
  }

  /** A short-lived child (the build) to kill if a shutdown starts; call the result when it ends. */
  track(kill: () => void): () => void {
    this.transient.add(kill);
    return () => this.transient.delete(kill);
  }

  /**
   * Marks a step that may still start processes (the infra resolution): a shutdown waits for it,
   * so what it starts is registered and stopped instead of outliving us.
   */
  guard<T>(step: Promise<T>): Promise<T> {
    this.pending.add(step);
    // Registered before the caller's await, so the step is off the list when the caller resumes.
    const done = () => void this.pending.delete(step);
    step.then(done, done);
    return step;
  }

  /** Runs on exit, after every process is stopped (e.g. removing the lock file). */
  onExit(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  installSignalHandlers(): void {
    const handler = (signal: NodeJS.Signals) => {
      const now = Date.now();
      if (!this.stopping) {
        this.firstSignalAt = now;
        console.log();
        log.info(`${signal} received; stopping everything (press Ctrl-C again to force)`);
        void this.shutdown(0);
        return;
      }
      // tsx relays the terminal's SIGINT to us as well; only a later, deliberate one forces.
      if (now - this.firstSignalAt < 1_000) return;
      log.warn('forced stop');
      for (const handle of this.alive) handle.kill();
      this.exit(130);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, handler);
  }

  /** Stops everything (last started first) and exits with `code`. Idempotent. */
  async shutdown(code: number, reason?: string): Promise<never> {
    if (!this.stopping) {
      this.stopping = true;
      if (reason) log.error(reason);
      for (const kill of this.transient) kill();
      const wasStarting = this.pending.size > 0;
      if (wasStarting) {
        log.info('waiting for the services being started, to stop them');
        await Promise.race([Promise.allSettled([...this.pending]), sleep(90_000)]);
      }
      const hadAny = wasStarting || this.running.length > 0;
      // Reverse start order: workers and gateway first, then the sandbox, then Redis and Postgres.
      while (this.running.length > 0) {
        const handle = this.running.pop();
        if (!handle) break;
        try {
          await handle.stop();
        } catch (err) {
          log.warn(`stopping ${handle.name} failed: ${(err as Error).message}`);
        }
      }
      if (hadAny) log.info(paint(Color.dim, 'all stopped'));
      this.exit(code);
    }
    return new Promise<never>(() => undefined);
  }

  private exit(code: number): never {
    for (const cleanup of this.cleanups) {
      try {
        cleanup();
      } catch {
        // best effort
      }
    }
    process.exit(code);
  }
}
