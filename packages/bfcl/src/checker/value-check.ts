import { pyRepr } from '../py-repr.js';
import { type LosslessValue, pyEquals, pyIn } from '../py-value.js';
import { pyIterable, standardizeIfString, standardizeString } from './normalise.js';
import { type BfclCheckResult, fail, pass } from './types.js';

const listRepr = (v: readonly LosslessValue[]): string => pyRepr([...v]);

/**
 * BFCL's `string_checker`: the standardised value must equal one standardised accepted string
 * (non-string accepted values are ignored, `""` is kept, so an optional parameter also accepts
 * any value that standardises to nothing).
 */
export function checkString(
  param: string,
  value: string,
  accepted: readonly LosslessValue[],
): BfclCheckResult {
  const wanted = accepted.filter((a): a is string => typeof a === 'string').map(standardizeString);
  if (wanted.includes(standardizeString(value))) return pass();
  return fail(
    'value_error:string',
    `Invalid value for parameter ${pyRepr(param)}: ${pyRepr(value)}. Expected one of ${listRepr(accepted)}. Case insensitive.`,
  );
}

/**
 * BFCL's `list_checker`: top-level string elements are standardised on both sides, then the
 * list must equal one accepted list (order and length count, numbers compare as numbers).
 * An accepted string is iterated by character, so `""` accepts `[]`.
 */
export function checkList(
  param: string,
  value: LosslessValue[],
  accepted: readonly LosslessValue[],
): BfclCheckResult {
  const sent = value.map(standardizeIfString);
  const match = accepted.some((a) => {
    const items = pyIterable(a);
    return items !== null && pyEquals(sent, items.map(standardizeIfString));
  });
  if (match) return pass();
  return fail(
    'value_error:list/tuple',
    `Invalid value for parameter ${pyRepr(param)}: ${pyRepr(value)}. Expected one of ${listRepr(accepted)}.`,
  );
}

/** BFCL's fallback: the value must be among the accepted values under Python `==`. */
export function checkOthers(
  param: string,
  value: LosslessValue,
  accepted: readonly LosslessValue[],
): BfclCheckResult {
  if (pyIn(value, accepted)) return pass();
  return fail(
    'value_error:others',
    `Invalid value for parameter ${pyRepr(param)}: ${pyRepr(value)}. Expected one of ${listRepr(accepted)}.`,
  );
}
