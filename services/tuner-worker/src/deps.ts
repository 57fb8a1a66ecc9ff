import { createDb, EvalRunRepository, ParamTuneRepository, type Db } from '@llmbench/db';
import { createJobRuntime, createRedis } from '@llmbench/queue';
import type { Logger } from '@llmbench/runtime';
import type { Config } from './config.js';

export type TunerDeps = ReturnType<typeof createTunerDeps>;

/** Every adapter the tuner worker uses, built from its config (the composition root calls this). */
export function createTunerDeps(config: Config, logger: Logger, overrides: { db?: Db } = {}) {
  const db = overrides.db ?? createDb({ url: config.db.url, maxConnections: config.db.maxConnections });
  const runtime = createJobRuntime(db, {
    redisUrl: config.redis.url,
    prefix: config.redis.prefix,
    role: 'worker',
    slotLeaseMs: config.jobs.slotLeaseMs,
  });
  // BullMQ workers block on their own connection.
  const bullConnection = createRedis(config.redis.url, 'worker');
  return {
    ...runtime,
    config,
    logger,
    db,
    bullConnection,
    evalRuns: new EvalRunRepository(db),
    paramTunes: new ParamTuneRepository(db),
  };
}

/** Closes what {@link createTunerDeps} opened; each step runs even if another fails. */
export async function closeTunerDeps(deps: TunerDeps): Promise<void> {
  const steps = [() => deps.close(), () => deps.bullConnection.quit(), () => deps.db.destroy()];
  for (const step of steps) await step().catch(() => undefined);
}
