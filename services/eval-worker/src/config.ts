import { z } from 'zod';
import { LogLevelEnv, parseEnv } from '@llmbench/runtime';
import { JobWorkerEnv, jobWorkerSettings } from '@llmbench/queue';
import { LlmCallerEnv, llmCallerSettings } from '@llmbench/llm';

const Env = JobWorkerEnv.extend(LlmCallerEnv.shape).extend({
  EVAL_UNIT_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  EVAL_RUN_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  LOG_LEVEL: LogLevelEnv,
});

export type Config = ReturnType<typeof loadConfig>;

/** The eval worker's environment, validated once at boot; the only reader of `process.env`. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const e = parseEnv(Env, env);
  return {
    ...jobWorkerSettings(e),
    ...llmCallerSettings(e),
    concurrency: { units: e.EVAL_UNIT_CONCURRENCY, runs: e.EVAL_RUN_CONCURRENCY },
    logLevel: e.LOG_LEVEL,
  };
}
