import type { ProviderId } from '@llmbench/contracts';
import { resolveParamSpecs, type ResolvedSpecs } from '../registry.js';
import type { Adjustment, ParamError } from '../schemas/adjustment.schema.js';
import type { ParamSpec, ProviderEntry } from '../schemas/registry.schema.js';

/** What every pipeline stage knows about the target. */
export interface PipelineContext extends ResolvedSpecs {
  provider: ProviderId;
  entry: ProviderEntry;
  model: string;
}

/** The request while it moves through the stages. */
export interface PipelineState {
  /** Tier-1/2 parameters by name (not yet renamed). */
  params: Record<string, unknown>;
  /** Parameter name → the key it was given under (`random_seed`, `max_completion_tokens`, ...). */
  inputKeys: Record<string, string>;
  /** Tier-3 and unknown keys, as given. */
  passthrough: Record<string, unknown>;
  adjustments: Adjustment[];
  errors: ParamError[];
}

/** Builds the context for a provider entry and a bare model id. */
export function createContext(provider: ProviderId, entry: ProviderEntry, model: string): PipelineContext {
  return { provider, entry, model, ...resolveParamSpecs(entry, model) };
}

/** The spec of a registry key (name, wire name or alias), if any. */
export function specFor(ctx: PipelineContext, key: string): ParamSpec | undefined {
  const name = ctx.keys.get(key);
  return name === undefined ? undefined : ctx.specs[name];
}

/** Tier-1/2 parameter names present in the state, in registry order (adjustments follow this order). */
export function presentNames(ctx: PipelineContext, state: PipelineState): string[] {
  return Object.keys(ctx.specs).filter((name) => name in state.params);
}

/** Records an adjustment. */
export function adjust(state: PipelineState, adjustment: Adjustment): void {
  state.adjustments.push(adjustment);
}
