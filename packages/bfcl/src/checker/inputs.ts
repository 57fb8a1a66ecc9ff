import { LosslessJsonError, fromPlain, parseLosslessJson } from '../lossless-json.js';
import { type LosslessObject, type LosslessValue, isLosslessObject, orderedKeys } from '../py-value.js';
import { BfclDataError, type ExpectedCall, type FunctionSchema } from './types.js';

function parseData(text: string, what: string): LosslessValue {
  try {
    return parseLosslessJson(text);
  } catch (err) {
    if (err instanceof LosslessJsonError)
      throw new BfclDataError(`${what} is not valid JSON: ${err.message}`);
    throw err;
  }
}

function readFunction(doc: LosslessValue, index: number): FunctionSchema {
  if (!isLosslessObject(doc) || typeof doc['name'] !== 'string') {
    throw new BfclDataError(`function ${index} needs a string "name"`);
  }
  const params = doc['parameters'];
  const properties = isLosslessObject(params) ? params['properties'] : undefined;
  const required = isLosslessObject(params) ? params['required'] : undefined;
  // BFCL reads both keys unconditionally; tolerate their absence as "none" instead of crashing.
  return {
    name: doc['name'],
    properties: isLosslessObject(properties) ? properties : {},
    required: Array.isArray(required) ? required : [],
  };
}

/**
 * Reads the function list of a question: raw JSON text, or an already-parsed list (lossless or
 * plain JavaScript values; only names, property types, `items.type` and `required` are read).
 * @throws BfclDataError when it is not a list of named functions
 */
export function readFunctions(functions: string | readonly unknown[]): FunctionSchema[] {
  const value = typeof functions === 'string' ? parseData(functions, 'functions') : fromPlain(functions);
  if (!Array.isArray(value)) throw new BfclDataError('functions must be a JSON list');
  return value.map(readFunction);
}

function readExpectedCall(entry: LosslessValue, index: number): ExpectedCall {
  const name = isLosslessObject(entry) ? orderedKeys(entry)[0] : undefined;
  const params = name === undefined || !isLosslessObject(entry) ? undefined : entry[name];
  if (name === undefined || !isLosslessObject(params)) {
    throw new BfclDataError(
      `ground truth entry ${index} must be {"function name": {param: [accepted values]}}`,
    );
  }
  for (const p of orderedKeys(params)) {
    if (!Array.isArray(params[p])) {
      throw new BfclDataError(`ground truth for ${name}.${p} must be a list of accepted values`);
    }
  }
  return { name, params: params as LosslessObject };
}

/**
 * Reads a ground-truth list `[{fname: {param: [accepted values]}}]` (raw JSON text or parsed).
 * @throws BfclDataError on any other shape
 */
export function readGroundTruth(groundTruth: string | LosslessValue): ExpectedCall[] {
  const value = typeof groundTruth === 'string' ? parseData(groundTruth, 'ground truth') : groundTruth;
  if (!Array.isArray(value)) throw new BfclDataError('ground truth must be a JSON list');
  return value.map(readExpectedCall);
}

/** @returns the schema whose name is `name` (BFCL's `find_description`). @throws BfclDataError if none. */
export function findFunction(functions: readonly FunctionSchema[], name: string): FunctionSchema {
  const found = functions.find((f) => f.name === name);
  if (!found) throw new BfclDataError(`ground truth function "${name}" is not among the offered functions`);
  return found;
}
