import { sandboxCreative } from './sandbox-creative.model.js';
import { sandboxFlaky } from './sandbox-flaky.model.js';
import { sandboxJudge } from './sandbox-judge.model.js';
import { sandboxLocal7b } from './sandbox-local-7b.model.js';
import type { SandboxModel } from './sandbox-model.js';
import { sandboxPrecise } from './sandbox-precise.model.js';

/** Every simulated model, in the order GET /v1/models lists them. */
export const SANDBOX_MODELS: readonly SandboxModel[] = [
  sandboxPrecise,
  sandboxCreative,
  sandboxLocal7b,
  sandboxJudge,
  sandboxFlaky,
];

/**
 * Finds a model by id. Accepts a `provider/` or `provider::` prefix (`sandbox/sandbox-precise`)
 * because the product addresses models that way and some clients forward the prefix.
 * @returns the model, or undefined for an unknown id (answered with 404 model_not_found)
 */
export function findModel(models: readonly SandboxModel[], id: string): SandboxModel | undefined {
  const bare = id.replace(/^.*(?:::|\/)/, '');
  return models.find((m) => m.id === id || m.id === bare);
}
