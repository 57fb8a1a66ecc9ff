import { wireKey } from '../registry.js';
import type { ParamSpec } from '../schemas/registry.schema.js';
import { deepEqual, show } from '../values.js';
import { adjust, presentNames, type PipelineContext, type PipelineState } from './state.js';

/**
 * The body fields a parameter value maps to, when its spec has a `wire_map` entry for it; fields named in
 * `skip` (the model's skip_params) are left out.
 */
export function mappedFields(
  spec: ParamSpec | undefined,
  value: unknown,
  skip: ReadonlySet<string>,
): Record<string, unknown> | undefined {
  if (!spec?.supported || !spec.wire_map || typeof value !== 'string') return undefined;
  const fields = spec.wire_map[value];
  // A copy: the registry is frozen and callers may change the body they get back.
  return fields && structuredClone(Object.fromEntries(Object.entries(fields).filter(([k]) => !skip.has(k))));
}

function mapValue(
  state: PipelineState,
  body: Record<string, unknown>,
  key: string,
  value: unknown,
  fields: Record<string, unknown>,
): void {
  Object.assign(body, fields);
  // Unchanged when the value keeps its own field and every extra field is given explicitly (passthrough wins
  // over it in stage 7): that is the case for a body this pipeline produced, so a second run reports nothing.
  const keepsKey = key in fields && deepEqual(fields[key], value);
  const extrasGiven = Object.keys(fields).every((k) => k === key || k in state.passthrough);
  if (keepsKey && extrasGiven) return;
  if (Object.keys(fields).length === 0) {
    adjust(state, {
      param: key,
      action: 'dropped',
      original: value,
      value: null,
      reason: `${show(value)} means nothing is sent`,
    });
    return;
  }
  adjust(state, {
    param: key,
    action: 'renamed',
    original: value,
    value: fields,
    to: Object.keys(fields).join(', '),
    reason: `sent as ${show(fields)}`,
  });
}

/** Stage 6: renames parameters to their wire names and applies value mappings (reasoning_effort → thinking). */
export function renameStage(
  ctx: PipelineContext,
  state: PipelineState,
  skip: ReadonlySet<string>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of presentNames(ctx, state)) {
    const spec = ctx.specs[name] as ParamSpec;
    const key = state.inputKeys[name] ?? name;
    const value = state.params[name];
    const fields = mappedFields(spec, value, skip);
    if (fields) {
      mapValue(state, body, key, value, fields);
      continue;
    }
    const wire = wireKey(spec);
    body[wire] = value;
    if (key !== wire) {
      adjust(state, {
        param: key,
        action: 'renamed',
        original: value,
        value,
        to: wire,
        reason: `${ctx.entry.display_name} expects ${wire} for this model`,
      });
    }
  }
  return body;
}

/**
 * Stage 7: merges passthrough keys into the body. A passthrough value wins over a field derived from params
 * (with a warning); a key the registry does not know is sent with a warning.
 */
export function mergeStage(ctx: PipelineContext, state: PipelineState, body: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(state.passthrough)) {
    if (key in body && !deepEqual(body[key], value)) {
      adjust(state, {
        param: key,
        action: 'warn',
        original: body[key],
        value,
        reason: `the passthrough value replaces the ${key} derived from params`,
      });
    }
    body[key] = value;
    if (!ctx.keys.has(key) && !ctx.entry.passthrough_known.includes(key)) {
      const risk = ctx.entry.rejects_unknown
        ? ` (${ctx.entry.display_name} rejects unknown fields: expect a 4xx)`
        : '';
      adjust(state, {
        param: key,
        action: 'warn',
        original: value,
        value,
        reason: `not in the ${ctx.entry.display_name} registry; sent as-is${risk}`,
      });
    }
  }
}
