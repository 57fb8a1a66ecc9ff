import {
  EvalRunRepository,
  JudgeRepository,
  ParamTuneRepository,
  PromptTuneRepository,
  ProviderRepository,
  type Db,
} from '@llmbench/db';
import { closeWorkerRuntime, openWorkerRuntime } from '@llmbench/queue';
import { openProviderClients } from '@llmbench/llm';
import { SecretBox, type Logger } from '@llmbench/runtime';
import type { Config } from './config.js';

export type WorkerDeps = ReturnType<typeof createWorkerDeps>;

/** Every adapter the eval worker uses, built from its config (the composition root calls this). */
export function createWorkerDeps(config: Config, logger: Logger, overrides: { db?: Db } = {}) {
  const runtime = openWorkerRuntime('eval-worker', config, overrides);
  const { limiter, clients } = openProviderClients(
    {
      redis: runtime.redis,
      providers: new ProviderRepository(runtime.db),
      box: new SecretBox(config.encryptionKey),
    },
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
    evalRuns: new EvalRunRepository(runtime.db),
    paramTunes: new ParamTuneRepository(runtime.db),
    promptTunes: new PromptTuneRepository(runtime.db),
    judges: new JudgeRepository(runtime.db),
    limiter,
    clients,
  };
}

/** Closes what {@link createWorkerDeps} opened; each step runs even if another fails. */
export const closeWorkerDeps = (deps: WorkerDeps) => closeWorkerRuntime(deps, [() => deps.limiter.close()]);
