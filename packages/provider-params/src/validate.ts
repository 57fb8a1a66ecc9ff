import type { ParamSpec } from './schemas/registry.schema.js';
import { isPlainObject } from './values.js';

function enumError(spec: ParamSpec, value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const values = spec.values ?? [];
  const scale = spec.scale ?? [];
  if (values.includes(value) || scale.includes(value) || (spec.value_map && value in spec.value_map)) {
    return undefined;
  }
  return `must be one of: ${[...new Set([...values, ...scale])].join(', ')}`;
}

/**
 * Checks a value against a parameter's type (not its range).
 *
 * @param spec - the parameter spec
 * @param value - the value as given (never null: nulls mean "unset" and are removed before)
 * @returns a message such as `must be a number`, or `undefined` when the type is right
 */
export function typeError(spec: ParamSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a finite number';
    case 'integer':
      return Number.isInteger(value) ? undefined : 'must be an integer';
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'string_array':
      return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        ? undefined
        : 'must be a string or an array of strings';
    case 'object':
      return isPlainObject(value) ? undefined : 'must be a JSON object';
    case 'enum':
      return enumError(spec, value);
  }
}

/**
 * Describes how a value falls outside a parameter's documented range, for tier-3 warnings.
 *
 * @returns `below the minimum 0` / `above the maximum 1`, or `undefined` when in range or not numeric
 */
export function rangeError(spec: ParamSpec, value: unknown): string | undefined {
  if (typeof value !== 'number') return undefined;
  if (spec.min !== undefined && value < spec.min) return `below the minimum ${spec.min}`;
  if (spec.max !== undefined && value > spec.max) return `above the maximum ${spec.max}`;
  return undefined;
}
