import { z } from 'zod';
import { LogLevelEnv, parseEnv } from '@llmbench/runtime';

const Env = z.object({
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/llmbench'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().min(1).max(64).default('lbs'),
  ENCRYPTION_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)'),
  EVAL_UNIT_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  EVAL_RUN_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  JOB_STALLED_INTERVAL_MS: z.coerce.number().int().min(1000).default(30_000),
  SLOT_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  REAPER_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  JOB_STALE_AFTER_MS: z.coerce.number().int().min(1000).default(300_000),
  PARK_RECHECK_MS: z.coerce.number().int().min(100).default(30_000),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  LLM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  LLM_EXTRA_HEADERS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(s));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of header names to string values' });
        return z.NEVER;
      }
    })
    .describe('headers sent on every LLM call, e.g. sandbox fault injection for chaos tests'),
  LOG_LEVEL: LogLevelEnv,
});

export type Config = ReturnType<typeof loadConfig>;

/** The eval worker's environment, validated once at boot; the only reader of `process.env`. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const e = parseEnv(Env, env);
  return {
    db: { url: e.DATABASE_URL, maxConnections: e.DATABASE_POOL_MAX },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    encryptionKey: e.ENCRYPTION_KEY,
    concurrency: { units: e.EVAL_UNIT_CONCURRENCY, runs: e.EVAL_RUN_CONCURRENCY },
    jobs: {
      lockMs: e.JOB_LOCK_MS,
      stalledIntervalMs: e.JOB_STALLED_INTERVAL_MS,
      slotLeaseMs: e.SLOT_LEASE_MS,
      parkRecheckMs: e.PARK_RECHECK_MS,
      reaperIntervalMs: e.REAPER_INTERVAL_MS,
      staleAfterMs: e.JOB_STALE_AFTER_MS,
    },
    llm: { timeoutMs: e.LLM_TIMEOUT_MS, maxAttempts: e.LLM_MAX_ATTEMPTS, extraHeaders: e.LLM_EXTRA_HEADERS },
    logLevel: e.LOG_LEVEL,
  };
}
