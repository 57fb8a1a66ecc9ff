import { z } from 'zod';
import { LogLevelEnv, parseEnv } from '@llmbench/runtime';
import { JobWorkerEnv, jobWorkerSettings } from '@llmbench/queue';

const Env = JobWorkerEnv.extend({
  ENCRYPTION_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)'),
  EVAL_UNIT_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  EVAL_RUN_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
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
    ...jobWorkerSettings(e),
    encryptionKey: e.ENCRYPTION_KEY,
    concurrency: { units: e.EVAL_UNIT_CONCURRENCY, runs: e.EVAL_RUN_CONCURRENCY },
    llm: { timeoutMs: e.LLM_TIMEOUT_MS, maxAttempts: e.LLM_MAX_ATTEMPTS, extraHeaders: e.LLM_EXTRA_HEADERS },
    logLevel: e.LOG_LEVEL,
  };
}
