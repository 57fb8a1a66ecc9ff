/**
 * `pnpm start` runs us as pnpm → sh → tsx → node. A SIGTERM sent to pnpm (as a process manager
 * does) kills pnpm without passing the signal on, which would leave the whole stack running.
 * So we watch those launcher processes and our own parent, and stop when one of them is gone.
 */
import fs from 'node:fs';
import { isAlive } from './managed.js';

// Process names of the wrappers between the user's shell and us (pnpm itself runs as `node`).
const LAUNCHERS = new Set(['node', 'sh', 'dash', 'pnpm', 'tsx', 'npm']);

function readStat(pid: number): { comm: string; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Format: "pid (comm) state ppid ..."; comm may itself contain spaces or parentheses.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    return { comm, ppid };
  } catch {
    return undefined;
  }
}

/** Our parent, plus the chain of launcher processes above it (Linux only; elsewhere just the parent). */
function watchedAncestors(): number[] {
  const watched = [process.ppid];
  let pid = process.ppid;
  for (let depth = 0; depth < 6; depth++) {
    const stat = readStat(pid);
    if (!stat || !LAUNCHERS.has(stat.comm) || stat.ppid <= 1) break;
    watched.push(stat.ppid);
    pid = stat.ppid;
  }
  return watched;
}

/** Calls `onGone` once when our parent or a launcher above it exits. */
export function watchLaunchers(onGone: (pid: number) => void): void {
  const originalParent = process.ppid;
  const watched = watchedAncestors();
  const timer = setInterval(() => {
    const gone = process.ppid !== originalParent ? originalParent : watched.find((pid) => !isAlive(pid));
    if (gone !== undefined) {
      clearInterval(timer);
      onGone(gone);
    }
  }, 1_000);
  timer.unref();
}
