import { z } from 'zod';

/** Environment every worker service reads: storage, queue timing, slot leases, the reaper. */
export const JobWorkerEnv = z.object({
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/llmbench'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().min(1).max(64).default('lbs'),
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  JOB_STALLED_INTERVAL_MS: z.coerce.number().int().min(1000).default(30_000),
  SLOT_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  REAPER_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  JOB_STALE_AFTER_MS: z.coerce.number().int().min(1000).default(300_000),
  PARK_RECHECK_MS: z.coerce.number().int().min(100).default(30_000),
  /** Where the worker serves /metrics (Prometheus) and /healthz; 0 = any free port, -1 = off. */
  METRICS_PORT: z.coerce.number().int().min(-1).max(65_535).default(9464),
  METRICS_HOST: z.string().min(1).default('0.0.0.0'),
});
export type JobWorkerEnv = z.infer<typeof JobWorkerEnv>;

/** The settings {@link JobWorkerEnv} describes, grouped as the services use them. */
export function jobWorkerSettings(e: JobWorkerEnv) {
  return {
    db: { url: e.DATABASE_URL, maxConnections: e.DATABASE_POOL_MAX },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST },
    jobs: {
      lockMs: e.JOB_LOCK_MS,
      stalledIntervalMs: e.JOB_STALLED_INTERVAL_MS,
      slotLeaseMs: e.SLOT_LEASE_MS,
      parkRecheckMs: e.PARK_RECHECK_MS,
      reaperIntervalMs: e.REAPER_INTERVAL_MS,
      staleAfterMs: e.JOB_STALE_AFTER_MS,
    },
  };
}
export type JobWorkerSettings = ReturnType<typeof jobWorkerSettings>;
