import { clampToSpec } from '../clamp.js';
import { conditionHolds } from '../conflicts.js';
import type { ConflictRule } from '../schemas/registry.schema.js';
import { adjust, presentNames, specFor, type PipelineContext, type PipelineState } from './state.js';

/** Stage 3: clamps every supported parameter into its (model-overridden) range, lock or accepted values. */
export function clampStage(ctx: PipelineContext, state: PipelineState): void {
  for (const name of presentNames(ctx, state)) {
    const spec = ctx.specs[name];
    if (!spec?.supported) continue;
    const original = state.params[name];
    const { value, reason } = clampToSpec(spec, original);
    if (reason === undefined) continue;
    state.params[name] = value;
    adjust(state, { param: state.inputKeys[name] ?? name, action: 'clamped', original, value, reason });
  }
}

/** Names and passthrough keys that stage 5 will drop: skip_params and unsupported (`drop`) parameters. */
export function plannedDrops(
  ctx: PipelineContext,
  state: PipelineState,
  skip: readonly string[],
): Set<string> {
  const out = new Set<string>();
  for (const key of skip) {
    out.add(key);
    const name = ctx.keys.get(key);
    if (name) out.add(name);
  }
  for (const name of presentNames(ctx, state)) {
    const spec = ctx.specs[name];
    if (spec && !spec.supported && spec.unsupported_action !== 'warn') out.add(name);
  }
  return out;
}

function applyRule(state: PipelineState, rule: ConflictRule, excluded: Set<string>): void {
  const reason = `${rule.description} (${rule.id})`;
  const r = rule.resolution;
  const keyOf = (p: string): string => state.inputKeys[p] ?? p;
  if (r.action === 'clamp') {
    const original = state.params[r.param];
    if (typeof original !== 'number' || excluded.has(r.param)) return;
    const value = Math.min(r.max ?? Infinity, Math.max(r.min ?? -Infinity, original));
    if (value === original) return;
    state.params[r.param] = value;
    adjust(state, { param: keyOf(r.param), action: 'clamped', original, value, reason });
    return;
  }
  for (const p of r.params) {
    if (excluded.has(p)) continue;
    const bag = p in state.params ? state.params : p in state.passthrough ? state.passthrough : undefined;
    if (!bag) continue;
    const original = bag[p];
    if (r.action === 'warn') {
      adjust(state, { param: keyOf(p), action: 'warn', original, value: original, reason });
      continue;
    }
    delete bag[p];
    adjust(state, { param: keyOf(p), action: 'dropped', original, value: null, reason });
  }
}

/**
 * Stage 4: evaluates the provider's conflict rules in order against the request as it will be sent
 * (`view()`: parameters that stage 5 drops are excluded, and value mappings such as reasoning_effort →
 * thinking are included), applying each firing rule before the next is evaluated.
 */
export function conflictStage(
  ctx: PipelineContext,
  state: PipelineState,
  excluded: Set<string>,
  view: () => Record<string, unknown>,
): void {
  for (const rule of ctx.entry.conflicts) {
    if (conditionHolds(rule.when, ctx.model, view())) applyRule(state, rule, excluded);
  }
}

/**
 * Stage 5: drops skip_params (registry parameters and passthrough keys alike) and unsupported parameters
 * (`unsupported_action: 'warn'` keeps them with a warning; tier-3 keys always stay, with a warning).
 */
export function dropStage(ctx: PipelineContext, state: PipelineState, skip: readonly string[]): void {
  for (const key of skip) {
    const name = ctx.keys.get(key);
    const reason = `${key} is in the model's skip_params`;
    if (name && name in state.params) {
      adjust(state, {
        param: state.inputKeys[name] ?? name,
        action: 'dropped',
        original: state.params[name],
        value: null,
        reason,
      });
      delete state.params[name];
    }
    if (key in state.passthrough) {
      adjust(state, { param: key, action: 'dropped', original: state.passthrough[key], value: null, reason });
      delete state.passthrough[key];
    }
  }
  for (const name of presentNames(ctx, state)) {
    const spec = ctx.specs[name];
    if (!spec || spec.supported) continue;
    const original = state.params[name];
    const param = state.inputKeys[name] ?? name;
    const reason = spec.reason ?? `${name} is not supported by ${ctx.entry.display_name}`;
    if (spec.unsupported_action === 'warn') {
      adjust(state, { param, action: 'warn', original, value: original, reason: `${reason}; sent as-is` });
      continue;
    }
    delete state.params[name];
    adjust(state, { param, action: 'dropped', original, value: null, reason });
  }
  for (const [key, value] of Object.entries(state.passthrough)) {
    const spec = specFor(ctx, key);
    if (spec && spec.tier === 3 && !spec.supported) {
      adjust(state, {
        param: key,
        action: 'warn',
        original: value,
        value,
        reason: `${spec.reason ?? 'not supported'}; sent as-is`,
      });
    }
  }
}
