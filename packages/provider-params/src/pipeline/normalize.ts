import { clampStage, conflictStage, dropStage, plannedDrops } from './adjust.js';
import { collect } from './collect.js';
import type { PipelineContext, PipelineState } from './state.js';
import { mappedFields } from './wire.js';

/**
 * Stages 1–5 of the pipeline (collect and type-check, clamp, resolve conflicts, drop skipped/unsupported):
 * the request by parameter name, before renames and the passthrough merge.
 */
export function normalize(
  ctx: PipelineContext,
  params: unknown,
  passthrough: unknown,
  skip: readonly string[],
): PipelineState {
  const state = collect(ctx, params, passthrough);
  clampStage(ctx, state);
  const excluded = plannedDrops(ctx, state, skip);
  // Conflicts see the request as it will be sent: without what stage 5 drops, with value mappings applied.
  const view = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(state.params)) {
      if (excluded.has(name)) continue;
      Object.assign(out, mappedFields(ctx.specs[name], value, excluded));
      out[name] = value;
    }
    for (const [key, value] of Object.entries(state.passthrough)) {
      if (!excluded.has(key)) out[key] = value;
    }
    return out;
  };
  conflictStage(ctx, state, excluded, view);
  dropStage(ctx, state, skip);
  return state;
}
