/** Builds the workspace when a `dist` folder is missing or older than its sources. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { StartError, log } from './log.js';

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Workspace folders (packages/*, services/*) that have a build script and a stale or missing dist. */
export function staleBuilds(root: string): string[] {
  const stale: string[] = [];
  for (const group of ['packages', 'services']) {
    const groupDir = path.join(root, group);
    if (!fs.existsSync(groupDir)) continue;
    for (const name of fs.readdirSync(groupDir)) {
      const dir = path.join(groupDir, name);
      const manifest = path.join(dir, 'package.json');
      if (!fs.existsSync(manifest)) continue;
      const scripts = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> })
        .scripts;
      if (!scripts?.build) continue;
      const dist = newestMtime(path.join(dir, 'dist'));
      const sources = Math.max(
        newestMtime(path.join(dir, 'src')),
        newestMtime(manifest),
        ...fs
          .readdirSync(dir)
          .filter((f) => f.startsWith('tsconfig'))
          .map((f) => newestMtime(path.join(dir, f))),
      );
      if (dist === 0 || dist < sources) stale.push(`${group}/${name}`);
    }
  }
  return stale;
}

/** pnpm as the one that runs us (`pnpm start` sets npm_execpath), else from PATH. */
function pnpmCommand(): { command: string; args: string[] } {
  const execPath = process.env.npm_execpath;
  if (execPath && path.basename(execPath).includes('pnpm')) {
    return /\.[cm]?js$/.test(execPath)
      ? { command: process.execPath, args: [execPath] }
      : { command: execPath, args: [] };
  }
  return { command: 'pnpm', args: [] };
}

/** Runs `pnpm build` with inherited output. */
export function runBuild(root: string, track: (kill: () => void) => () => void): Promise<void> {
  const { command, args } = pnpmCommand();
  log.info('building the workspace (pnpm build)');
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, 'build'], { cwd: root, stdio: 'inherit' });
    const untrack = track(() => child.kill('SIGTERM'));
    child.once('error', (err) => {
      untrack();
      reject(
        new StartError(
          `cannot run pnpm build: ${err.message} (is pnpm installed? run bash scripts/start.sh)`,
        ),
      );
    });
    child.once('exit', (code, signal) => {
      untrack();
      if (code === 0) resolve();
      else reject(new StartError(`pnpm build failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}
