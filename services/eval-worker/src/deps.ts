import type { Redis } from 'ioredis';
import {
  createDb,
  EvalRunRepository,
  JobRepository,
  ProviderRepository,
  RunStatusRepository,
  type Db,
} from '@llmbench/db';
import {
  Cancellation,
  createRedis,
  EventBus,
  JobLifecycle,
  Keys,
  openQueues,
  QUEUES,
  UserSlots,
} from '@llmbench/queue';
import { ProviderLimiter } from '@llmbench/llm';
import { SecretBox, type Logger } from '@llmbench/runtime';
import type { Config } from './config.js';
import { ProviderClients } from './provider-clients.js';

export type WorkerDeps = ReturnType<typeof createWorkerDeps>;

/** Every adapter the eval worker uses, built from its config (the composition root calls this). */
export function createWorkerDeps(config: Config, logger: Logger, overrides: { db?: Db } = {}) {
  const db = overrides.db ?? createDb({ url: config.db.url, maxConnections: config.db.maxConnections });
  const redis: Redis = createRedis(config.redis.url, 'worker');
  const subscriber = createRedis(config.redis.url, 'subscriber');
  const bullConnection = createRedis(config.redis.url, 'worker');
  const keys = new Keys(config.redis.prefix);
  const queueConnection = createRedis(config.redis.url, 'worker');
  const queues = openQueues(queueConnection, keys.bull);
  const jobs = new JobRepository(db);
  const runStatus = new RunStatusRepository(db);
  const bus = new EventBus(redis, keys);
  const slots = new UserSlots(redis, keys, config.jobs.slotLeaseMs);
  const lifecycle = new JobLifecycle({
    jobs,
    bus,
    slots,
    runsQueue: queues[QUEUES.runs],
    writeRunStatus: (job, status) => runStatus.write(job, status),
  });
  const limiter = new ProviderLimiter({ redis, prefix: config.redis.prefix });
  return {
    config,
    logger,
    db,
    redis,
    subscriber,
    bullConnection,
    keys,
    queues,
    queueConnection,
    jobs,
    evalRuns: new EvalRunRepository(db),
    bus,
    slots,
    lifecycle,
    limiter,
    cancellation: new Cancellation(redis, keys),
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
    () => Promise.all(Object.values(deps.queues).map((q) => q.close())),
    () => deps.queueConnection.quit(),
    () => deps.limiter.close(),
    () => deps.subscriber.quit(),
    () => deps.bullConnection.quit(),
    () => deps.redis.quit(),
    () => deps.db.destroy(),
  ];
  for (const step of steps) await step().catch(() => undefined);
}
