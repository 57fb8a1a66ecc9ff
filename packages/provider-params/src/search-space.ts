import { clampToSpec } from './clamp.js';
import { identifyProvider } from './identify.js';
import { normalize } from './pipeline/normalize.js';
import { createContext, specFor, type PipelineContext } from './pipeline/state.js';
import { REGISTRY, isProviderId } from './registry.js';
import type { Adjustment } from './schemas/adjustment.schema.js';
import { typeError } from './validate.js';
import { deepEqual, isPlainObject, show } from './values.js';

/** Input of {@link clampSearchSpace}. */
export interface SearchSpaceInput {
  provider?: string | null;
  model_id: string;
  /** The parameter searched (name, wire name or alias). */
  dimension: string;
  values: readonly unknown[];
  /** Parameters sent with every combination (so rules such as "thinking drops temperature" see them). */
  base_params?: Record<string, unknown>;
}

/** Output of {@link clampSearchSpace}. */
export interface SearchSpaceResult {
  /** In input order, clamped and de-duplicated. Empty when the parameter has no effect on this model. */
  values: unknown[];
  adjustments: Adjustment[];
}

interface ValueOutcome {
  value?: unknown;
  adjustments: Adjustment[];
}

function throughPipeline(
  ctx: PipelineContext,
  name: string,
  value: unknown,
  base: Record<string, unknown>,
): ValueOutcome {
  if (value === null || value === undefined) {
    return {
      adjustments: [
        { param: name, action: 'dropped', original: null, value: null, reason: 'null means unset' },
      ],
    };
  }
  const state = normalize(ctx, { ...base, [name]: value }, undefined, []);
  const own = (a: Adjustment): boolean => ctx.keys.get(a.param) === name;
  const adjustments = state.adjustments.filter(own);
  for (const e of state.errors) {
    if (e.path === `params.${name}`) {
      adjustments.push({ param: name, action: 'dropped', original: value, value: null, reason: e.message });
    }
  }
  return name in state.params ? { value: state.params[name], adjustments } : { adjustments };
}

function tier3Value(ctx: PipelineContext, name: string, value: unknown): ValueOutcome {
  const spec = specFor(ctx, name);
  if (!spec) return { value, adjustments: [] };
  const error = typeError(spec, value);
  if (error)
    return {
      adjustments: [
        { param: name, action: 'dropped', original: value, value: null, reason: `${name} ${error}` },
      ],
    };
  // Search spaces respect documented tier-3 ranges too (a request built by hand is only warned).
  const clamped = clampToSpec({ ...spec, locked: undefined }, value);
  const adjustments: Adjustment[] = clamped.reason
    ? [{ param: name, action: 'clamped', original: value, value: clamped.value, reason: clamped.reason }]
    : [];
  return { value: clamped.value, adjustments };
}

/**
 * Brings a tuner's values for one parameter within the provider/model limits: each value goes through the
 * same stages as a request (type check, clamp, lock, conflicts with `base_params`, unsupported drop), then
 * duplicates are removed keeping the first occurrence. Values that cannot be sent are dropped, each with an
 * adjustment saying why.
 *
 * @example
 * clampSearchSpace({ provider: 'anthropic', model_id: 'claude-sonnet-4-5', dimension: 'temperature', values: [0.5, 1, 1.5] })
 * // { values: [0.5, 1], adjustments: [1.5 clamped to 1, 1.5 dropped as a duplicate of 1 after clamping] }
 * @param input - provider, model, the dimension's name and values, optional fixed `base_params`
 * @returns the values to search and the adjustments made
 * @throws Error when `provider` is given but is not a registry id
 */
export function clampSearchSpace(input: SearchSpaceInput): SearchSpaceResult {
  if (input.provider !== undefined && input.provider !== null && !isProviderId(input.provider)) {
    throw new Error(`unknown provider ${JSON.stringify(input.provider)}`);
  }
  const found = identifyProvider(input);
  const ctx = createContext(found.provider, REGISTRY.providers[found.provider], found.model);
  const spec = specFor(ctx, input.dimension);
  const name = spec?.name ?? input.dimension;
  const base = isPlainObject(input.base_params) ? { ...input.base_params } : {};
  delete base[name];
  const adjustments: Adjustment[] = [];
  if (!spec) {
    adjustments.push({
      param: name,
      action: 'warn',
      original: null,
      value: null,
      reason: `not in the ${ctx.entry.display_name} registry: values are not checked`,
    });
  }
  const kept: unknown[] = [];
  const warned = new Set<string>();
  for (const original of input.values) {
    const outcome =
      spec && spec.tier < 3 ? throughPipeline(ctx, name, original, base) : tier3Value(ctx, name, original);
    for (const a of outcome.adjustments) {
      if (a.action === 'warn' && warned.has(a.reason)) continue;
      warned.add(a.reason);
      adjustments.push({ ...a, param: name });
    }
    if ('value' in outcome) keepUnique(kept, adjustments, name, original, outcome.value);
  }
  return { values: kept, adjustments };
}

function keepUnique(
  kept: unknown[],
  adjustments: Adjustment[],
  name: string,
  original: unknown,
  value: unknown,
): void {
  if (!kept.some((v) => deepEqual(v, value))) {
    kept.push(value);
    return;
  }
  adjustments.push({
    param: name,
    action: 'dropped',
    original,
    value: null,
    reason: `duplicate of ${show(value)}${deepEqual(original, value) ? '' : ' after clamping'}`,
  });
}
