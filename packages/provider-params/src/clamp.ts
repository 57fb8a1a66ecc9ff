import type { ParamSpec } from './schemas/registry.schema.js';
import { deepEqual, nearestOnScale, show } from './values.js';

/** A value brought into a spec's limits; `reason` is set only when it changed. */
export interface ClampResult {
  value: unknown;
  reason?: string;
}

function clampNumber(spec: ParamSpec, value: number): ClampResult {
  if (spec.min !== undefined && value < spec.min) {
    return { value: spec.min, reason: `below the minimum ${spec.min}` };
  }
  if (spec.max !== undefined && value > spec.max) {
    return { value: spec.max, reason: `above the maximum ${spec.max}` };
  }
  return { value };
}

function clampEnum(spec: ParamSpec, value: string): ClampResult {
  const values = spec.values ?? [];
  if (values.length === 0 || values.includes(value)) return { value };
  const mapped = spec.value_map?.[value];
  const target =
    mapped !== undefined && values.includes(mapped)
      ? mapped
      : nearestOnScale(value, values, spec.scale ?? []);
  if (target === undefined) return { value };
  return {
    value: target,
    reason: `"${value}" is not accepted here (accepted: ${values.join(', ')}); nearest is "${target}"`,
  };
}

/**
 * Brings a type-checked value into what the spec accepts: a locked value replaces it, numbers are clamped to
 * `[min, max]`, string arrays are cut to `max_items`, enum values move to the nearest accepted one.
 *
 * @example
 * clampToSpec({ name: 'temperature', tier: 1, type: 'number', min: 0, max: 1, supported: true }, 1.7)
 * // { value: 1, reason: 'above the maximum 1' }
 * @param spec - the effective spec (model overrides applied)
 * @param value - a value that passed {@link typeError}
 * @returns the value to send and, when it changed, why
 */
export function clampToSpec(spec: ParamSpec, value: unknown): ClampResult {
  if (spec.locked !== undefined) {
    if (deepEqual(value, spec.locked)) return { value };
    return { value: spec.locked, reason: `this model accepts only ${show(spec.locked)}` };
  }
  if ((spec.type === 'number' || spec.type === 'integer') && typeof value === 'number') {
    return clampNumber(spec, value);
  }
  if (spec.type === 'string_array' && Array.isArray(value) && spec.max_items !== undefined) {
    if (value.length > spec.max_items) {
      return {
        value: value.slice(0, spec.max_items),
        reason: `at most ${spec.max_items} entries are accepted`,
      };
    }
  }
  if (spec.type === 'enum' && typeof value === 'string') return clampEnum(spec, value);
  return { value };
}
