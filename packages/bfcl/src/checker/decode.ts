import { LosslessJsonError, parseLosslessJson } from '../lossless-json.js';
import { type LosslessValue, isLosslessObject, makeObject, orderedKeys } from '../py-value.js';
import type { BfclCall, BfclModelOutput, DecodedCall } from './types.js';

/** The result of BFCL's decoding step: undecodable, or BFCL's decoded value. */
export type DecodeResult = { ok: false; error: string } | { ok: true; value: LosslessValue };

function isCallList(output: BfclModelOutput): output is readonly BfclCall[] {
  return Array.isArray(output);
}

/**
 * Turns the model output into BFCL's decoded form `[{fname: args}]`. As in BFCL's
 * function-calling handlers, each call's arguments text is parsed with (lossless) JSON, and any
 * unparseable arguments make the whole output undecodable.
 */
export function decodeOutput(output: BfclModelOutput): DecodeResult {
  if (!isCallList(output)) {
    if (output.kind === 'text') return { ok: false, error: 'model answered with text, not function calls' };
    return { ok: true, value: output.value };
  }
  const decoded: LosslessValue[] = [];
  for (const call of output) {
    let args: LosslessValue = call.arguments;
    if (typeof call.arguments === 'string') {
      try {
        args = parseLosslessJson(call.arguments);
      } catch (err) {
        if (!(err instanceof LosslessJsonError)) throw err;
        return { ok: false, error: `arguments of ${call.name} are not valid JSON: ${err.message}` };
      }
    }
    decoded.push(makeObject([[call.name, args]]));
  }
  return { ok: true, value: decoded };
}

/**
 * BFCL's `is_function_calling_format_output`: a list whose items are one-key objects whose
 * value is an object. `[]` counts as well-formed.
 */
export function isFunctionCallingFormat(value: LosslessValue): value is LosslessValue[] {
  if (!Array.isArray(value)) return false;
  return value.every((item) => {
    if (!isLosslessObject(item)) return false;
    const keys = orderedKeys(item);
    return keys.length === 1 && isLosslessObject(item[keys[0] as string]);
  });
}

/** BFCL's `is_empty_output`: not in call format, `[]`, or `[{}]` all mean "no call". */
export function isEmptyOutput(value: LosslessValue): boolean {
  if (!isFunctionCallingFormat(value) || value.length === 0) return true;
  const first = value[0];
  return value.length === 1 && isLosslessObject(first) && orderedKeys(first).length === 0;
}

/** @returns the calls of a well-formed decoded output (see {@link isFunctionCallingFormat}). */
export function toDecodedCalls(value: LosslessValue[]): DecodedCall[] {
  return value.map((item) => {
    const obj = item as Record<string, LosslessValue>;
    const name = orderedKeys(obj)[0] as string;
    return { name, args: obj[name] as DecodedCall['args'] };
  });
}
