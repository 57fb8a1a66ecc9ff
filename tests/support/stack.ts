import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@llmbench/testing';
import { createLogger } from '@llmbench/runtime';
import {
  closeDeps,
  createDeps,
  loadConfig as loadGatewayConfig,
  startServer,
  type Deps,
} from '@llmbench/gateway';
import {
  closeWorkerDeps,
  createEvalWorker,
  createWorkerDeps,
  loadConfig as loadWorkerConfig,
  type EvalWorker,
  type WorkerDeps,
} from '@llmbench/eval-worker';
import {
  closeTunerDeps,
  createTunerDeps,
  createTunerWorker,
  loadConfig as loadTunerConfig,
  type TunerDeps,
  type TunerWorker,
} from '@llmbench/tuner-worker';
import {
  closeJudgeDeps,
  createJudgeDeps,
  createJudgeWorker,
  loadConfig as loadJudgeConfig,
  type JudgeDeps,
  type JudgeWorker,
} from '@llmbench/judge-worker';
import { createSandboxApp, loadConfig as loadSandboxConfig } from '@llmbench/sandbox-llm';

const REPO = resolve(import.meta.dirname, '..', '..');

export type StackOptions = {
  sandboxEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
  /** Start no in-process eval worker (the test spawns worker processes itself). */
  noWorker?: boolean;
  /** Start no in-process tuner worker. */
  noTuner?: boolean;
  /** Start no in-process judge worker. */
  noJudge?: boolean;
  /** Database and Redis key space to use (default: a fresh test database and prefix). */
  infra?: { db: TestDatabase; redis: TestRedis };
  logLevel?: string;
};

export type Stack = {
  url: string;
  sandboxUrl: string;
  env: Record<string, string>;
  db: TestDatabase;
  redis: TestRedis;
  gateway: Deps;
  worker?: { deps: WorkerDeps; worker: EvalWorker };
  tuner?: { deps: TunerDeps; worker: TunerWorker };
  judge?: { deps: JudgeDeps; worker: JudgeWorker };
  /** Spawns a worker service (default: the eval worker) as its own OS process, as production runs it. */
  spawnWorker: (
    env?: Record<string, string>,
    service?: 'eval-worker' | 'tuner-worker' | 'judge-worker',
  ) => ChildProcess;
  /** Drops every open HTTP connection to the gateway (SSE streams included), as a network cut would. */
  dropConnections: () => void;
  close: () => Promise<void>;
};

function listening(server: Server): Promise<number> {
  return new Promise((ok) => server.once('listening', () => ok((server.address() as AddressInfo).port)));
}

/**
 * The whole system on real ports: sandbox LLM, gateway (HTTP + SSE + WS) and an eval worker,
 * against a fresh database and a private Redis key space.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const db = options.infra?.db ?? (await createTestDatabase());
  const redis = options.infra?.redis ?? (await createTestRedis());
  const sandbox = createSandboxApp(loadSandboxConfig({ LOG_LEVEL: 'silent', ...options.sandboxEnv })).listen(
    0,
    '127.0.0.1',
  );
  const sandboxUrl = `http://127.0.0.1:${await listening(sandbox)}/v1`;
  const env = {
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SANDBOX_BASE_URL: sandboxUrl,
    LOG_LEVEL: 'silent',
    // Several workers share this machine in tests: each serves its metrics on a free port.
    METRICS_PORT: '0',
    // A web build elsewhere than services/web/dist (parallel builds each use their own).
    ...(process.env.WEB_DIR ? { WEB_DIR: process.env.WEB_DIR } : {}),
  };
  const gateway = createDeps(loadGatewayConfig(env), createLogger('gateway', 'silent'));
  const server = await startServer(gateway, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let worker: Stack['worker'];
  if (!options.noWorker) {
    const deps = createWorkerDeps(
      loadWorkerConfig({ ...env, ...options.workerEnv }),
      createLogger('eval-worker', 'silent'),
    );
    worker = { deps, worker: createEvalWorker(deps) };
    await worker.worker.start();
  }
  let tuner: Stack['tuner'];
  if (!options.noTuner) {
    const deps = createTunerDeps(
      loadTunerConfig({ ...env, ...options.workerEnv }),
      createLogger('tuner-worker', 'silent'),
    );
    tuner = { deps, worker: createTunerWorker(deps) };
    await tuner.worker.start();
  }
  let judge: Stack['judge'];
  if (!options.noJudge) {
    const deps = createJudgeDeps(
      loadJudgeConfig({ ...env, ...options.workerEnv }),
      createLogger('judge-worker', 'silent'),
    );
    judge = { deps, worker: createJudgeWorker(deps) };
    await judge.worker.start();
  }
  const children = new Set<ChildProcess>();
  return {
    url,
    sandboxUrl,
    env,
    db,
    redis,
    gateway,
    worker,
    tuner,
    judge,
    spawnWorker: (extra = {}, service = 'eval-worker') => {
      const child = spawn(
        process.execPath,
        [
          '--conditions=@llmbench/source',
          '--import',
          'tsx',
          resolve(REPO, `services/${service}/src/main.ts`),
        ],
        {
          cwd: REPO,
          env: { ...process.env, ...env, ...options.workerEnv, ...extra },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      children.add(child);
      child.once('exit', () => children.delete(child));
      return child;
    },
    dropConnections: () => server.closeAllConnections(),
    close: async () => {
      for (const c of children) c.kill('SIGKILL');
      if (worker) {
        await worker.worker.close();
        await closeWorkerDeps(worker.deps);
      }
      if (tuner) {
        await tuner.worker.close();
        await closeTunerDeps(tuner.deps);
      }
      if (judge) {
        await judge.worker.close();
        await closeJudgeDeps(judge.deps);
      }
      gateway.shutdown.abort();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await closeDeps(gateway);
      sandbox.closeAllConnections();
      sandbox.close();
      await redis.cleanup();
      await db.drop().catch(() => undefined);
    },
  };
}
