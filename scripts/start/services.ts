/**
 * The services the start command runs, in launch order. Adding a worker is one line; a row whose
 * `services/<name>/package.json` does not exist yet is skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Color } from './log.js';

export interface LaunchContext {
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  encryptionKey: string;
  gatewayPort: number;
  sandboxPort: number;
  sandboxBaseUrl: string;
  logLevel: string;
}

export interface ServiceSpec {
  /** Folder under `services/`; the process runs `node services/<name>/dist/main.js`. */
  name: string;
  color: number;
  env: (ctx: LaunchContext) => Record<string, string>;
  /** HTTP endpoint that answers 200 once the service is ready; the next row starts after it. */
  ready?: (ctx: LaunchContext) => { url: string; timeoutMs: number };
}

const worker = (ctx: LaunchContext) => ({
  DATABASE_URL: ctx.databaseUrl,
  REDIS_URL: ctx.redisUrl,
  ENCRYPTION_KEY: ctx.encryptionKey,
  LOG_LEVEL: ctx.logLevel,
});

export const SERVICES: readonly ServiceSpec[] = [
  {
    name: 'sandbox-llm',
    color: Color.magenta,
    env: (ctx) => ({ SANDBOX_PORT: String(ctx.sandboxPort), LOG_LEVEL: ctx.logLevel }),
    ready: (ctx) => ({ url: `http://127.0.0.1:${ctx.sandboxPort}/healthz`, timeoutMs: 30_000 }),
  },
  {
    name: 'gateway',
    color: Color.blue,
    env: (ctx) => ({
      ...worker(ctx),
      PORT: String(ctx.gatewayPort),
      JWT_SECRET: ctx.jwtSecret,
      SANDBOX_BASE_URL: ctx.sandboxBaseUrl,
    }),
    // Migrations run at boot, so readiness may take a while on a fresh database.
    ready: (ctx) => ({ url: `http://127.0.0.1:${ctx.gatewayPort}/readyz`, timeoutMs: 120_000 }),
  },
  // Each worker serves /metrics and /healthz on its own port (one machine, three processes).
  { name: 'eval-worker', color: Color.green, env: (ctx) => ({ ...worker(ctx), METRICS_PORT: '9464' }) },
  { name: 'tuner-worker', color: Color.yellow, env: (ctx) => ({ ...worker(ctx), METRICS_PORT: '9465' }) },
  { name: 'judge-worker', color: Color.cyan, env: (ctx) => ({ ...worker(ctx), METRICS_PORT: '9466' }) },
];

/** The rows whose service exists in this checkout. */
export function presentServices(root: string): ServiceSpec[] {
  return SERVICES.filter((spec) => fs.existsSync(path.join(root, 'services', spec.name, 'package.json')));
}

export function entryPoint(root: string, spec: ServiceSpec): string {
  return path.join(root, 'services', spec.name, 'dist', 'main.js');
}
