import { readFunctions, readGroundTruth } from './checker/inputs.js';
import type { FunctionSchema } from './checker/types.js';
import {
  type LosslessObject,
  type LosslessValue,
  isLosslessObject,
  makeObject,
  orderedKeys,
} from './py-value.js';

/** A call built from the ground truth. */
export interface ReferenceCall {
  /** The ground-truth function name (original, may contain dots). */
  name: string;
  arguments: LosslessObject;
}

function firstAccepted(accepted: LosslessValue | undefined): LosslessValue | undefined {
  if (typeof accepted === 'string') return accepted === '' ? undefined : accepted;
  return Array.isArray(accepted) ? accepted.find((a) => a !== '') : undefined;
}

/** An accepted dict maps each key to its accepted values; pick the first of each. */
function resolveDict(accepted: LosslessValue): LosslessValue {
  if (!isLosslessObject(accepted)) return accepted;
  const entries: [string, LosslessValue][] = [];
  for (const key of orderedKeys(accepted)) {
    const v = firstAccepted(accepted[key]);
    if (v !== undefined) entries.push([key, v]);
  }
  return makeObject(entries);
}

function propertyTypes(fn: FunctionSchema | undefined, param: string): { type: unknown; items: unknown } {
  const prop = fn?.properties[param];
  if (!isLosslessObject(prop)) return { type: undefined, items: undefined };
  const items = prop['items'];
  return { type: prop['type'], items: isLosslessObject(items) ? items['type'] : undefined };
}

function resolveParam(fn: FunctionSchema | undefined, param: string, value: LosslessValue): LosslessValue {
  const { type, items } = propertyTypes(fn, param);
  if (type === 'dict') return resolveDict(value);
  if ((type === 'array' || type === 'tuple') && items === 'dict' && Array.isArray(value))
    return value.map(resolveDict);
  return value;
}

/**
 * Builds the calls a correct model would make: for each ground-truth parameter, the first
 * accepted value that is not `""` (parameters with only `""` are left out), keeping int/float
 * as written; dict parameters (and lists of dicts) get the first accepted value of each key.
 * @param groundTruth the answer line's `ground_truth` (JSON text or parsed)
 * @param functions the question's `function` list (JSON text or parsed), to find dict parameters
 * @returns one call per ground-truth entry
 */
export function referenceCalls(
  groundTruth: string | LosslessValue,
  functions: string | readonly unknown[],
): ReferenceCall[] {
  const schemas = readFunctions(functions);
  return readGroundTruth(groundTruth).map((expected) => {
    const fn = schemas.find((f) => f.name === expected.name);
    const entries: [string, LosslessValue][] = [];
    for (const param of orderedKeys(expected.params)) {
      const value = firstAccepted(expected.params[param]);
      if (value !== undefined) entries.push([param, resolveParam(fn, param, value)]);
    }
    return { name: expected.name, arguments: makeObject(entries) };
  });
}
