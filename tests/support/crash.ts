import { once } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { startStack, type Stack } from './stack.js';

// Worker processes as production runs them, with short locks so a dead worker's jobs are recovered within seconds.
export const FAST_RECOVERY = { JOB_LOCK_MS: '2000', JOB_STALLED_INTERVAL_MS: '1000' };

/** A stack whose workers the test spawns (and kills) itself, with fast recovery of dead workers' jobs. */
export function startCrashStack(sandboxTtftMs: number): Promise<Stack> {
  return startStack({
    noWorker: true,
    noTuner: true,
    sandboxEnv: { SANDBOX_TTFT_MS: String(sandboxTtftMs) },
    workerEnv: FAST_RECOVERY,
  });
}

/** SIGKILLs `child` and, once it is gone, starts a replacement of the same service. */
export async function killAndReplace(
  stack: Stack,
  child: ChildProcess,
  service: 'eval-worker' | 'tuner-worker',
): Promise<ChildProcess> {
  child.kill('SIGKILL');
  await once(child, 'exit');
  return stack.spawnWorker({}, service);
}
