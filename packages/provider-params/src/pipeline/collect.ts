import type { ParamSpec } from '../schemas/registry.schema.js';
import { wireKey } from '../registry.js';
import { rangeError, typeError } from '../validate.js';
import { deepEqual, isPlainObject } from '../values.js';
import { adjust, specFor, type PipelineContext, type PipelineState } from './state.js';

type Source = 'params' | 'passthrough';

function addRegistryParam(
  state: PipelineState,
  spec: ParamSpec,
  key: string,
  value: unknown,
  source: Source,
): void {
  const error = typeError(spec, value);
  if (error) {
    state.errors.push({ path: `${source}.${key}`, message: `${key} ${error}` });
    return;
  }
  const name = spec.name;
  const previous = state.inputKeys[name];
  if (previous !== undefined) {
    // Two spellings of one parameter (max_tokens + max_completion_tokens), or params + passthrough: the
    // params value wins, and within params the wire spelling.
    const keepNew = source === 'params' && key === wireKey(spec);
    const [keptKey, droppedKey, droppedValue] = keepNew
      ? [key, previous, state.params[name]]
      : [previous, `${source === 'passthrough' ? 'passthrough.' : ''}${key}`, value];
    adjust(state, {
      param: droppedKey,
      action: 'dropped',
      original: droppedValue,
      value: null,
      reason: `${name} is also given as ${keptKey}; ${keptKey} is used`,
    });
    if (!keepNew) return;
  }
  state.params[name] = value;
  state.inputKeys[name] = key;
  if (source === 'passthrough') {
    adjust(state, {
      param: key,
      action: 'warn',
      original: value,
      value,
      reason: `${key} is a registry parameter: it is validated like params.${key}`,
    });
  }
}

function addPassthrough(ctx: PipelineContext, state: PipelineState, key: string, value: unknown): void {
  if (key in state.passthrough && !deepEqual(state.passthrough[key], value)) {
    adjust(state, {
      param: key,
      action: 'warn',
      original: state.passthrough[key],
      value,
      reason: `${key} is given in params and passthrough; the passthrough value is used`,
    });
  }
  state.passthrough[key] = value;
  const spec = specFor(ctx, key);
  const problem = spec ? (typeError(spec, value) ?? rangeError(spec, value)) : undefined;
  if (problem) {
    adjust(state, {
      param: key,
      action: 'warn',
      original: value,
      value,
      reason: `${key} ${problem}; sent as-is`,
    });
  }
}

/**
 * Stage 1–2: sorts the input into registry parameters and passthrough keys and type-checks them. Nulls mean
 * "unset" and are skipped. A wrong type is an error (the parameter is left out); a passthrough key is only
 * warned about.
 */
export function collect(ctx: PipelineContext, params: unknown, passthrough: unknown): PipelineState {
  const state: PipelineState = { params: {}, inputKeys: {}, passthrough: {}, adjustments: [], errors: [] };
  const sources: Array<[Source, unknown]> = [
    ['params', params],
    ['passthrough', passthrough],
  ];
  for (const [source, input] of sources) {
    if (input === undefined || input === null) continue;
    if (!isPlainObject(input)) {
      state.errors.push({ path: source, message: `${source} must be a JSON object` });
      continue;
    }
    for (const [key, value] of Object.entries(input)) {
      if (value === null || value === undefined) continue;
      const spec = specFor(ctx, key);
      if (spec && spec.tier < 3) addRegistryParam(state, spec, key, value, source);
      else addPassthrough(ctx, state, key, value);
    }
  }
  return state;
}
