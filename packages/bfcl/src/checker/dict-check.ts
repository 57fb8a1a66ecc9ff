import { pyRepr } from '../py-repr.js';
import {
  type LosslessObject,
  type LosslessValue,
  hasKey,
  isLosslessObject,
  orderedKeys,
  pyIn,
} from '../py-value.js';
import { allowsOmission, pyIterable, standardizeIfString } from './normalise.js';
import { type BfclCheckResult, type BfclErrorType, fail, pass } from './types.js';

// BFCL reports these two "unclear" cases with no message; ours say what happened.
const NO_DICT = 'No accepted dict to compare with.';

/** The value of one sent key must be among that key's accepted values (strings standardised). */
function keyValueError(key: string, value: LosslessValue, acceptedForKey: LosslessValue): string | null {
  const wanted = (pyIterable(acceptedForKey) ?? []).map(standardizeIfString);
  if (pyIn(standardizeIfString(value), wanted)) return null;
  return `Invalid value for parameter ${pyRepr(key)}: ${pyRepr(value)}. Expected one of ${pyRepr(wanted)}.`;
}

/**
 * Compares a sent dict with one accepted dict. Like BFCL, the missing-key pass runs even after
 * a failure in the sent-key pass, so a missing key decides the error type.
 */
function checkOneDict(value: LosslessObject, accepted: LosslessObject): BfclCheckResult {
  const error: string[] = [];
  let errorType: BfclErrorType | null = null;
  for (const key of orderedKeys(value)) {
    if (!hasKey(accepted, key)) {
      error.push(`Unexpected dict key parameter: '${key}'.`);
      errorType = 'value_error:dict_key';
      break;
    }
    const message = keyValueError(key, value[key] as LosslessValue, accepted[key] as LosslessValue);
    if (message !== null) {
      error.push(message);
      errorType = 'value_error:dict_value';
      break;
    }
  }
  const missing = orderedKeys(accepted).find(
    (k) => !hasKey(value, k) && !allowsOmission(accepted[k] as LosslessValue),
  );
  if (missing !== undefined) {
    error.push(`Missing dict key parameter: '${missing}'.`);
    errorType = 'value_error:dict_key';
  }
  return errorType === null ? pass() : fail(errorType, ...error);
}

/**
 * BFCL's `dict_checker`: the sent dict must fit at least one accepted dict (`""` entries are
 * skipped). The verdict of the last accepted dict tried is reported; with none to try it is
 * `dict_checker:unclear`. Values are compared with Python `==`, without a type check.
 */
export function checkDict(value: LosslessValue, accepted: readonly LosslessValue[]): BfclCheckResult {
  let result: BfclCheckResult = fail('dict_checker:unclear', NO_DICT);
  for (const candidate of accepted) {
    if (candidate === '') continue;
    // BFCL would raise on a non-dict on either side; treat that as no match.
    if (!isLosslessObject(value) || !isLosslessObject(candidate)) {
      result = fail('dict_checker:unclear', NO_DICT);
      continue;
    }
    result = checkOneDict(value, candidate);
    if (result.valid) return pass();
  }
  return result;
}

/**
 * BFCL's `list_dict_checker`: the list must have the length of an accepted list, then the
 * dicts are compared position by position with {@link checkDict}.
 */
export function checkListOfDicts(
  value: readonly LosslessValue[],
  accepted: readonly LosslessValue[],
): BfclCheckResult {
  let result: BfclCheckResult = fail(
    'list_dict_checker:unclear',
    'No accepted list of dicts to compare with.',
  );
  for (const candidate of accepted) {
    const dicts = pyIterable(candidate); // "" has length 0, so it accepts []
    if (dicts === null || dicts.length !== value.length) {
      result = fail('value_error:list_dict_count', 'Wrong number of dictionaries in the list.');
      continue;
    }
    const firstBad = value.findIndex((v, i) => {
      result = checkDict(v, [dicts[i] as LosslessValue]);
      return !result.valid;
    });
    if (firstBad === -1) return pass();
  }
  return result;
}
