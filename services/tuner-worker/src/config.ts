import { z } from 'zod';
import { LogLevelEnv, parseEnv } from '@llmbench/runtime';
import { JobWorkerEnv, jobWorkerSettings } from '@llmbench/queue';

const Env = JobWorkerEnv.extend({
  TUNE_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  LOG_LEVEL: LogLevelEnv,
});

export type Config = ReturnType<typeof loadConfig>;

/** The tuner worker's environment, validated once at boot; the only reader of `process.env`. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const e = parseEnv(Env, env);
  return { ...jobWorkerSettings(e), concurrency: { tunes: e.TUNE_CONCURRENCY }, logLevel: e.LOG_LEVEL };
}
