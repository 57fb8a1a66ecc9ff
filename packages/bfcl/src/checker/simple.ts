import {
  type LosslessValue,
  PyFloat,
  PyInt,
  type PyTypeName,
  hasKey,
  isLosslessObject,
  orderedKeys,
} from '../py-value.js';
import { pyRepr } from '../py-repr.js';
import { checkDict, checkListOfDicts } from './dict-check.js';
import { allowsOmission } from './normalise.js';
import { NESTED_TYPE_CHECK, pythonTypeFor, typeCheck } from './type-check.js';
import { checkList, checkOthers, checkString } from './value-check.js';
import {
  type BfclCheckResult,
  type DecodedCall,
  type ExpectedCall,
  type FunctionSchema,
  fail,
  pass,
} from './types.js';

/** Options shared by the call matchers. */
export interface CallCheckOptions {
  /** Compare against the expected name with `.` turned into `_` (for APIs without dots). */
  underscoreToDot: boolean;
}

/** BFCL's `convert_func_name`: dots become underscores only when the option is on. */
export function expectedFunctionName(name: string, underscoreToDot: boolean): string {
  return underscoreToDot && name.includes('.') ? name.replaceAll('.', '_') : name;
}

interface ParamSchema {
  typeName: string;
  expected: PyTypeName;
  nested: PyTypeName | null;
}

function paramSchema(fn: FunctionSchema, param: string): ParamSchema {
  const where = `function ${fn.name}, parameter ${param}`;
  const details = fn.properties[param];
  const typeName = isLosslessObject(details) ? details['type'] : undefined;
  const expected = pythonTypeFor(typeName ?? null, where);
  if (!NESTED_TYPE_CHECK.has(typeName as string) || !isLosslessObject(details)) {
    return { typeName: typeName as string, expected, nested: null };
  }
  const items = details['items'];
  const nested = pythonTypeFor(isLosslessObject(items) ? (items['type'] ?? null) : null, `${where} items`);
  return { typeName: typeName as string, expected, nested };
}

/** Type check, then the value check that fits the type (section 4 then 5 of SCORING.md). */
function checkParam(fn: FunctionSchema, param: string, sent: LosslessValue, accepted: LosslessValue[]) {
  const schema = paramSchema(fn, param);
  // Python converts an int to float for a top-level float parameter only.
  const value = schema.typeName === 'float' && sent instanceof PyInt ? new PyFloat(Number(sent.value)) : sent;
  const types = typeCheck(param, value, accepted, schema.typeName, schema.expected, schema.nested);
  if (!types.valid) return fail(types.errorType, ...types.error);
  if (!types.isVariable) {
    if (schema.expected === 'dict') return checkDict(value, accepted);
    if (schema.expected === 'list' && schema.nested === 'dict')
      return checkListOfDicts(value as LosslessValue[], accepted);
    if (schema.expected === 'str') return checkString(param, value as string, accepted);
    if (schema.expected === 'list') return checkList(param, value as LosslessValue[], accepted);
  }
  return checkOthers(param, value, accepted);
}

/** Checks each sent parameter in order: known, then type, then value. */
function checkSentParams(fn: FunctionSchema, call: DecodedCall, expected: ExpectedCall): BfclCheckResult {
  for (const param of orderedKeys(call.args)) {
    if (!hasKey(fn.properties, param) || !hasKey(expected.params, param)) {
      return fail('simple_function_checker:unexpected_param', `Unexpected parameter: ${pyRepr(param)}.`);
    }
    const accepted = expected.params[param] as LosslessValue[];
    const result = checkParam(fn, param, call.args[param] as LosslessValue, accepted);
    if (!result.valid) return result;
  }
  return pass();
}

/**
 * BFCL's `simple_function_checker`: one call against one expected call; the first failure wins,
 * in the order name, required, (unknown, type, value) per sent parameter, missing expected.
 * @param fn the function schema the call is checked against
 * @param call the model's call
 * @param expected the ground-truth entry (its name is not used; the schema's is)
 * @param options name handling
 * @returns the verdict
 */
export function checkCall(
  fn: FunctionSchema,
  call: DecodedCall,
  expected: ExpectedCall,
  options: CallCheckOptions,
): BfclCheckResult {
  const name = expectedFunctionName(fn.name, options.underscoreToDot);
  if (call.name !== name) {
    return fail(
      'simple_function_checker:wrong_func_name',
      `Function name ${pyRepr(name)} not found in model output.`,
    );
  }
  const missing = fn.required.find((r) => typeof r !== 'string' || !hasKey(call.args, r));
  if (missing !== undefined) {
    return fail(
      'simple_function_checker:missing_required',
      `Missing required parameter: ${pyRepr(missing)}.`,
    );
  }
  const sent = checkSentParams(fn, call, expected);
  if (!sent.valid) return sent;
  for (const param of orderedKeys(expected.params)) {
    if (!hasKey(call.args, param) && !allowsOmission(expected.params[param] as LosslessValue)) {
      return fail(
        'simple_function_checker:missing_optional',
        `Optional parameter ${pyRepr(param)} not provided and not marked as optional.`,
      );
    }
  }
  return pass();
}
