import { createDb, type Db } from '@llmbench/db';
import { createJobRuntime } from './job-runtime.js';
import { createRedis } from './redis.js';
import type { JobWorkerSettings } from './worker-env.js';

/**
 * What every worker service opens: the database, the job runtime (queues, bus, slots,
 * cancellation, lifecycle) and the blocking connection BullMQ workers need of their own.
 */
export function openWorkerRuntime(settings: JobWorkerSettings, overrides: { db?: Db } = {}) {
  const db = overrides.db ?? createDb({ url: settings.db.url, maxConnections: settings.db.maxConnections });
  const runtime = createJobRuntime(db, {
    redisUrl: settings.redis.url,
    prefix: settings.redis.prefix,
    role: 'worker',
    slotLeaseMs: settings.jobs.slotLeaseMs,
  });
  return { ...runtime, db, bullConnection: createRedis(settings.redis.url, 'worker') };
}
export type WorkerRuntime = ReturnType<typeof openWorkerRuntime>;

/** Closes what {@link openWorkerRuntime} opened, after `first`; each step runs even if another fails. */
export async function closeWorkerRuntime(
  rt: WorkerRuntime,
  first: (() => Promise<unknown>)[] = [],
): Promise<void> {
  const steps = [...first, () => rt.close(), () => rt.bullConnection.quit(), () => rt.db.destroy()];
  for (const step of steps) await step().catch(() => undefined);
}
