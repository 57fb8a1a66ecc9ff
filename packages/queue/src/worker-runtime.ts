import type { Worker } from 'bullmq';
import { createMetrics, type Metrics, type MetricsServer } from '@llmbench/metrics';
import { createDb, type Db } from '@llmbench/db';
import { createJobRuntime, type JobRuntime } from './job-runtime.js';
import type { Redis } from 'ioredis';
import { createRedis } from './redis.js';
import type { JobWorkerSettings } from './worker-env.js';

/**
 * What every worker service opens: the database, the job runtime (queues, bus, slots,
 * cancellation, lifecycle) and the blocking connection BullMQ workers need of their own.
 */
export type WorkerRuntime = JobRuntime & { db: Db; bullConnection: Redis; metrics: Metrics };

export function openWorkerRuntime(
  service: string,
  settings: JobWorkerSettings,
  overrides: { db?: Db } = {},
): WorkerRuntime {
  const db = overrides.db ?? createDb({ url: settings.db.url, maxConnections: settings.db.maxConnections });
  const runtime = createJobRuntime(db, {
    redisUrl: settings.redis.url,
    prefix: settings.redis.prefix,
    role: 'worker',
    slotLeaseMs: settings.jobs.slotLeaseMs,
  });
  return {
    ...runtime,
    db,
    bullConnection: createRedis(settings.redis.url, 'worker'),
    metrics: createMetrics(service),
  };
}

/** Closes what {@link openWorkerRuntime} opened, after `first`; each step runs even if another fails. */
export async function closeWorkerRuntime(
  rt: WorkerRuntime,
  first: (() => Promise<unknown>)[] = [],
): Promise<void> {
  const steps = [...first, () => rt.close(), () => rt.bullConnection.quit(), () => rt.db.destroy()];
  for (const step of steps) await step().catch(() => undefined);
}

/**
 * Serves the worker's /metrics and /healthz on its metrics port (-1: off), with its queue workers
 * instrumented. @returns the port it listens on (null when off) and close
 */
export async function serveWorkerMetrics(
  metrics: Metrics,
  settings: JobWorkerSettings['metrics'],
  workers: Record<string, Worker>,
): Promise<{ port: number | null; close: () => Promise<void> }> {
  for (const [queue, worker] of Object.entries(workers)) metrics.instrumentWorker(queue, worker);
  const server: MetricsServer | null =
    settings.port >= 0 ? await metrics.startMetricsServer(settings.port, settings.host) : null;
  return {
    port: server?.port ?? null,
    close: async () => {
      await server?.close();
    },
  };
}
