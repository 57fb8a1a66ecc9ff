import { z } from 'zod';
import { LogLevelEnv, parseEnv } from '@llmbench/runtime';
import { JobWorkerEnv, jobWorkerSettings } from '@llmbench/queue';
import { LlmCallerEnv, llmCallerSettings } from '@llmbench/llm';

const Env = JobWorkerEnv.extend(LlmCallerEnv.shape).extend({
  JUDGE_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(20),
  LOG_LEVEL: LogLevelEnv,
});

export type Config = ReturnType<typeof loadConfig>;

/** The judge worker's environment, validated once at boot; the only reader of `process.env`. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const e = parseEnv(Env, env);
  return {
    ...jobWorkerSettings(e),
    ...llmCallerSettings(e),
    concurrency: { reports: e.JUDGE_CONCURRENCY },
    logLevel: e.LOG_LEVEL,
  };
}
