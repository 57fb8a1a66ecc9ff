import { EvalRunRepository, ParamTuneRepository, PromptTuneRepository, type Db } from '@llmbench/db';
import { closeWorkerRuntime, openWorkerRuntime } from '@llmbench/queue';
import type { Logger } from '@llmbench/runtime';
import type { Config } from './config.js';

export type TunerDeps = ReturnType<typeof createTunerDeps>;

/** Every adapter the tuner worker uses, built from its config (the composition root calls this). */
export function createTunerDeps(config: Config, logger: Logger, overrides: { db?: Db } = {}) {
  const runtime = openWorkerRuntime('tuner-worker', config, overrides);
  return {
    ...runtime,
    config,
    logger,
    evalRuns: new EvalRunRepository(runtime.db),
    paramTunes: new ParamTuneRepository(runtime.db),
    promptTunes: new PromptTuneRepository(runtime.db),
  };
}

export const closeTunerDeps = (deps: TunerDeps) => closeWorkerRuntime(deps);
