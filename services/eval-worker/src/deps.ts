import { createDb, EvalRunRepository, ParamTuneRepository, ProviderRepository, type Db } from '@llmbench/db';
import { createJobRuntime, createRedis } from '@llmbench/queue';
import { ProviderLimiter } from '@llmbench/llm';
import { SecretBox, type Logger } from '@llmbench/runtime';
import type { Config } from './config.js';
import { ProviderClients } from './provider-clients.js';

export type WorkerDeps = ReturnType<typeof createWorkerDeps>;

/** Every adapter the eval worker uses, built from its config (the composition root calls this). */
export function createWorkerDeps(config: Config, logger: Logger, overrides: { db?: Db } = {}) {
  const db = overrides.db ?? createDb({ url: config.db.url, maxConnections: config.db.maxConnections });
  const runtime = createJobRuntime(db, {
    redisUrl: config.redis.url,
    prefix: config.redis.prefix,
    role: 'worker',
    slotLeaseMs: config.jobs.slotLeaseMs,
  });
  // BullMQ workers block on their own connection.
  const bullConnection = createRedis(config.redis.url, 'worker');
  const limiter = new ProviderLimiter({ redis: runtime.redis, prefix: config.redis.prefix });
  return {
    ...runtime,
    config,
    logger,
    db,
    bullConnection,
    evalRuns: new EvalRunRepository(db),
    paramTunes: new ParamTuneRepository(db),
    limiter,
    clients: new ProviderClients({
      providers: new ProviderRepository(db),
      box: new SecretBox(config.encryptionKey),
      limiter,
      llm: config.llm,
    }),
  };
}

/** Closes what {@link createWorkerDeps} opened; each step runs even if another fails. */
export async function closeWorkerDeps(deps: WorkerDeps): Promise<void> {
  const steps = [
    () => deps.limiter.close(),
    () => deps.close(),
    () => deps.bullConnection.quit(),
    () => deps.db.destroy(),
  ];
  for (const step of steps) await step().catch(() => undefined);
}
