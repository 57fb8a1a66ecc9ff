import { pyRepr } from '../py-repr.js';
import { type LosslessValue, type PyTypeName, pyTypeOf } from '../py-value.js';
import { BfclDataError } from './types.js';

/** BFCL's schema type → the one Python type it accepts. `any` only accepts str. */
export const PYTHON_TYPE_MAPPING: Readonly<Record<string, PyTypeName>> = {
  string: 'str',
  integer: 'int',
  float: 'float',
  boolean: 'bool',
  array: 'list',
  tuple: 'list',
  dict: 'dict',
  any: 'str',
};

/** Schema types whose elements are type-checked one level deep. */
export const NESTED_TYPE_CHECK = new Set(['array', 'tuple']);

/** @returns the Python type for a schema type name. @throws BfclDataError for other names. */
export function pythonTypeFor(typeName: LosslessValue, where: string): PyTypeName {
  const mapped =
    typeof typeName === 'string' && Object.hasOwn(PYTHON_TYPE_MAPPING, typeName)
      ? PYTHON_TYPE_MAPPING[typeName]
      : undefined;
  if (mapped === undefined)
    throw new BfclDataError(`${where}: unsupported BFCL type ${JSON.stringify(typeName)}`);
  return mapped;
}

/** The type check's outcome; `isVariable` marks accepted values that are placeholders. */
export interface TypeCheckResult {
  valid: boolean;
  isVariable: boolean;
  errorType: 'type_error:simple' | 'type_error:nested';
  error: string[];
}

/** Python type of the first accepted value that is not `""`, or null if there is none. */
function possibleAnswerType(accepted: readonly LosslessValue[]): PyTypeName | null {
  const first = accepted.find((a) => a !== '');
  return first === undefined ? null : pyTypeOf(first);
}

/** Every element of `value` has the nested type or the type of the accepted list's elements. */
function elementsFit(param: string, value: LosslessValue[], acceptedList: LosslessValue, nested: PyTypeName) {
  // A non-list accepted value (such as "") places no constraint: BFCL counts it as a match.
  if (!Array.isArray(acceptedList)) return true;
  return value.every((item) => typeCheck(param, item, acceptedList, nested, nested, null).valid);
}

/**
 * BFCL's `type_checker`: exact Python types (bool is not int), placeholder ("variable") answers
 * whose type differs from the schema, and a one-level check of list elements.
 * @param param parameter name (for messages)
 * @param value the sent value (already int→float converted where BFCL does that)
 * @param accepted the ground truth's accepted values for the parameter
 * @param typeDescription the schema type name (for messages)
 * @param expected the Python type the schema asks for
 * @param nested the Python type of list elements, or null when not checked
 */
export function typeCheck(
  param: string,
  value: LosslessValue,
  accepted: readonly LosslessValue[],
  typeDescription: string,
  expected: PyTypeName,
  nested: PyTypeName | null,
): TypeCheckResult {
  const answerType = possibleAnswerType(accepted);
  const isVariable = answerType !== null && answerType !== expected;
  let failure: TypeCheckResult | null = null;
  if (pyTypeOf(value) === expected) {
    if (nested === null) return { valid: true, isVariable, errorType: 'type_error:simple', error: [] };
    if (accepted.some((a) => elementsFit(param, value as LosslessValue[], a, nested))) {
      return { valid: true, isVariable, errorType: 'type_error:simple', error: [] };
    }
    const message =
      `Nested type checking failed for parameter ${pyRepr(param)}. Expected outer type ${typeDescription} ` +
      `with inner type ${nested}. Parameter value: ${pyRepr(value)}.`;
    failure = { valid: false, isVariable: false, errorType: 'type_error:nested', error: [message] };
  }
  // A value of the placeholder's type is judged by the value check (BFCL returns the nested
  // failure here unchanged when there was one).
  if (answerType !== null && pyTypeOf(value) === answerType) {
    return failure
      ? { ...failure, isVariable: true }
      : { valid: true, isVariable: true, errorType: 'type_error:simple', error: [] };
  }
  const message =
    `Incorrect type for parameter ${pyRepr(param)}. Expected type ${typeDescription}, ` +
    `got ${pyTypeOf(value)}. Parameter value: ${pyRepr(value)}.`;
  return {
    valid: false,
    isVariable: false,
    errorType: 'type_error:simple',
    error: [...(failure?.error ?? []), message],
  };
}
