import {
  EvalRunRepository,
  ParamTuneRepository,
  PromptTuneRepository,
  ProviderRepository,
  type Db,
} from '@llmbench/db';
import { closeWorkerRuntime, openWorkerRuntime } from '@llmbench/queue';
import { ProviderLimiter } from '@llmbench/llm';
import { SecretBox, type Logger } from '@llmbench/runtime';
import type { Config } from './config.js';
import { ProviderClients } from './provider-clients.js';

export type WorkerDeps = ReturnType<typeof createWorkerDeps>;

/** Every adapter the eval worker uses, built from its config (the composition root calls this). */
export function createWorkerDeps(config: Config, logger: Logger, overrides: { db?: Db } = {}) {
  const runtime = openWorkerRuntime(config, overrides);
  const limiter = new ProviderLimiter({ redis: runtime.redis, prefix: config.redis.prefix });
  return {
    ...runtime,
    config,
    logger,
    evalRuns: new EvalRunRepository(runtime.db),
    paramTunes: new ParamTuneRepository(runtime.db),
    promptTunes: new PromptTuneRepository(runtime.db),
    limiter,
    clients: new ProviderClients({
      providers: new ProviderRepository(runtime.db),
      box: new SecretBox(config.encryptionKey),
      limiter,
      llm: config.llm,
    }),
  };
}

/** Closes what {@link createWorkerDeps} opened; each step runs even if another fails. */
export const closeWorkerDeps = (deps: WorkerDeps) => closeWorkerRuntime(deps, [() => deps.limiter.close()]);
