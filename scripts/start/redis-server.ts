/** The Redis fallback: `redis-server` from PATH on a free loopback port, nothing kept on disk. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from './log.js';
import { type Managed, describeExit, isAlive } from './managed.js';
import { freePort, redisPing } from './net.js';

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

/** The absolute path of an executable found on PATH, or undefined. */
export function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** A redis-server left by a start command that was killed hard. */
async function stopOrphan(pidFile: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  const comm = (() => {
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      return '';
    }
  })();
  // Only a live redis-server with that pid is ours; a reused pid belongs to someone else.
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !comm.startsWith('redis-server')) return;
  log.warn(`a redis-server from an earlier run (pid ${pid}) is still running; stopping it`);
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

export interface RedisServer extends Managed {
  readonly url: string;
}

/**
 * Starts `redis-server` with `noeviction` (BullMQ needs it) and no persistence.
 * @param binary - path of redis-server
 * @param dir - working folder (`<data dir>/redis`), holds the pid file
 */
export async function startRedisServer(binary: string, dir: string): Promise<RedisServer> {
  fs.mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dir, 'redis-server.pid');
  await stopOrphan(pidFile);
  const port = await freePort();
  // prettier-ignore
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', 'no',
    '--dir', dir,
    '--pidfile', pidFile,
    '--maxmemory-policy', 'noeviction',
    '--loglevel', 'warning',
    '--daemonize', 'no',
  ];
  // Own process group: a terminal Ctrl-C must not stop Redis before the services that use it.
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  let ready = false;
  let stopRequested = false;
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      // Its own shutdown messages are noise; warnings while it runs are not.
      if (stopRequested) continue;
      if (ready) console.error(`redis    │ ${line}`);
      else output.push(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let hasExited = false;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      hasExited = true;
      resolve(describeExit(code, signal));
    });
    child.once('error', (err) => {
      hasExited = true;
      resolve(`error ${err.message}`);
    });
  });

  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await redisPing(url, 500))) {
    if (hasExited || Date.now() > deadline) {
      if (!hasExited) child.kill('SIGKILL');
      throw new Error(
        `redis-server did not start (${hasExited ? await exited : 'timeout'})\n${output.join('\n')}`,
      );
    }
    await sleep(100);
  }
  ready = true;

  let stopping: Promise<void> | undefined;
  const handle: RedisServer = {
    name: 'redis',
    url,
    exited,
    stop() {
      if (hasExited) return Promise.resolve();
      stopRequested = true;
      stopping ??= (async () => {
        child.kill('SIGTERM');
        const timedOut = await Promise.race([
          exited.then(() => false),
          sleep(STOP_TIMEOUT_MS).then(() => true),
        ]);
        if (timedOut) handle.kill();
        await exited;
      })();
      return stopping;
    },
    kill() {
      if (!hasExited) child.kill('SIGKILL');
    },
  };
  return handle;
}
