/** What the start command keeps for every process it started, so one loop can watch and stop all. */
export interface Managed {
  readonly name: string;
  /** Settles once the process has exited, with a description such as `code 1` or `signal SIGKILL`. */
  readonly exited: Promise<string>;
  /** Graceful stop with a bounded wait, then a hard kill. Safe to call more than once. */
  stop(): Promise<void>;
  /** Immediate hard kill (second Ctrl-C). */
  kill(): void;
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `code ${code ?? 'unknown'}`;
}

/** True when a process with this pid exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user, which still counts as alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
