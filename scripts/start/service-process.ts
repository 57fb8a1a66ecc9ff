/** Runs one service as `node services/<name>/dist/main.js` and relays its output with a prefix. */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatLogLine, prefixer } from './log-format.js';
import { type Managed, describeExit } from './managed.js';

const STOP_TIMEOUT_MS = 15_000;

export interface ServiceProcess extends Managed {
  alive(): boolean;
}

export interface LaunchOptions {
  name: string;
  entry: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  color: number;
  prefixWidth: number;
  /** Pass pino JSON through untouched (for piping into pino-pretty or jq). */
  rawLogs: boolean;
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

export function launchService(options: LaunchOptions): ServiceProcess {
  // Own process group: a terminal Ctrl-C reaches only the start command, which then stops the
  // services in order (gateway and workers before the sandbox and the databases).
  const child = spawn(process.execPath, [options.entry], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = prefixer(options.name, options.prefixWidth, options.color);
  const relay = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      out.write(`${prefix(options.rawLogs ? line : formatLogLine(line))}\n`);
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);

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

  let stopping: Promise<void> | undefined;
  const handle: ServiceProcess = {
    name: options.name,
    exited,
    alive: () => !hasExited,
    stop() {
      if (hasExited) return Promise.resolve();
      stopping ??= (async () => {
        signalGroup(child.pid, 'SIGTERM');
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
      signalGroup(child.pid, 'SIGKILL');
    },
  };
  return handle;
}
