import { EvalRunRepository, JudgeRepository, ProviderRepository, type Db } from '@llmbench/db';
import { closeWorkerRuntime, openWorkerRuntime } from '@llmbench/queue';
import { openProviderClients } from '@llmbench/llm';
import { SecretBox, type Logger } from '@llmbench/runtime';
import type { Config } from './config.js';

export type JudgeDeps = ReturnType<typeof createJudgeDeps>;

/** Every adapter the judge worker uses, built from its config (the composition root calls this). */
export function createJudgeDeps(config: Config, logger: Logger, overrides: { db?: Db } = {}) {
  const runtime = openWorkerRuntime('judge-worker', config, overrides);
  const providers = new ProviderRepository(runtime.db);
  const { limiter, clients } = openProviderClients(
    { redis: runtime.redis, providers, box: new SecretBox(config.encryptionKey) },
    {
      prefix: config.redis.prefix,
      llm: config.llm,
      wrap: (client, target) => runtime.metrics.instrumentLlmClient(client, target.provider_key),
    },
  );
  return {
    ...runtime,
    config,
    logger,
    providers,
    evalRuns: new EvalRunRepository(runtime.db),
    judges: new JudgeRepository(runtime.db),
    limiter,
    clients,
  };
}

export const closeJudgeDeps = (deps: JudgeDeps) => closeWorkerRuntime(deps, [() => deps.limiter.close()]);
