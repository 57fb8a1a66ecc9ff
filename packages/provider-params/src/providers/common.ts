import type { ParamSpec, ParamType } from '../schemas/registry.schema.js';
import { REASONING_EFFORT_SCALE } from '../values.js';

type Extra = Partial<Omit<ParamSpec, 'name' | 'tier' | 'type'>>;

function builder(name: string, tier: 1 | 2, type: ParamType, base: Extra) {
  return (extra: Extra = {}): ParamSpec => ({ name, tier, type, supported: true, ...base, ...extra });
}

// OpenAI's documented ranges; each provider file overrides what differs.
export const temperature = builder('temperature', 1, 'number', { min: 0, max: 2, default: 1, step: 0.1 });
export const maxTokens = builder('max_tokens', 1, 'integer', {
  min: 1,
  step: 1,
  aliases: ['max_completion_tokens'],
});
export const stop = builder('stop', 1, 'string_array', {});
export const topP = builder('top_p', 2, 'number', { min: 0, max: 1, default: 1, step: 0.05 });
export const topK = builder('top_k', 2, 'integer', { min: 1, step: 1 });
export const frequencyPenalty = builder('frequency_penalty', 2, 'number', {
  min: -2,
  max: 2,
  default: 0,
  step: 0.1,
});
export const presencePenalty = builder('presence_penalty', 2, 'number', {
  min: -2,
  max: 2,
  default: 0,
  step: 0.1,
});
export const seed = builder('seed', 2, 'integer', {});
export const reasoningEffort = builder('reasoning_effort', 2, 'enum', { scale: [...REASONING_EFFORT_SCALE] });

/** A documented tier-3 (passthrough) parameter: validated only to warn, always sent as given. */
export function tier3(name: string, type: ParamType, extra: Extra = {}): ParamSpec {
  return { name, tier: 3, type, supported: true, ...extra };
}

/** Marks a parameter unsupported. `drop` when sending it errors or does nothing; `warn` when docs are unclear. */
export function unsupported(reason: string, action: 'drop' | 'warn' = 'drop'): Extra {
  return { supported: false, reason, unsupported_action: action };
}

/** Indexes specs by name, keeping declaration order (the pipeline reports adjustments in this order). */
export function specsOf(...specs: ParamSpec[]): Record<string, ParamSpec> {
  return Object.fromEntries(specs.map((s) => [s.name, s]));
}

/** The sampling parameters that thinking/reasoning modes typically ignore or reject. */
export const SAMPLING_PARAMS = ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty'];
