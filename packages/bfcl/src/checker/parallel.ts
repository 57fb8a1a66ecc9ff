import { findFunction } from './inputs.js';
import { type CallCheckOptions, checkCall } from './simple.js';
import {
  BfclDataError,
  type BfclCheckResult,
  type DecodedCall,
  type ExpectedCall,
  type FunctionSchema,
  fail,
  pass,
} from './types.js';

const WRONG_COUNT = 'Wrong number of functions.';

/** The `simple` matcher: exactly one call, checked against the first offered function. */
export function checkSimple(
  functions: readonly FunctionSchema[],
  calls: readonly DecodedCall[],
  expected: readonly ExpectedCall[],
  options: CallCheckOptions,
): BfclCheckResult {
  if (calls.length !== 1) return fail('simple_function_checker:wrong_count', WRONG_COUNT);
  const [fn] = functions;
  const [want] = expected;
  if (fn === undefined || want === undefined)
    throw new BfclDataError('simple matcher needs a function and a ground-truth entry');
  return checkCall(fn, calls[0] as DecodedCall, want, options);
}

/** The `multiple` matcher: as many calls as expected (one), checked against the expected function. */
export function checkMultiple(
  functions: readonly FunctionSchema[],
  calls: readonly DecodedCall[],
  expected: readonly ExpectedCall[],
  options: CallCheckOptions,
): BfclCheckResult {
  if (calls.length !== expected.length) return fail('multiple_function_checker:wrong_count', WRONG_COUNT);
  const [want] = expected;
  if (want === undefined) return pass(); // no expected calls and no calls: nothing to compare
  return checkCall(findFunction(functions, want.name), calls[0] as DecodedCall, want, options);
}

/**
 * The `parallel` matcher: greedy first fit. Each expected call, in ground-truth order, takes the
 * first unused model call (in model order) that passes against it; if none does, the test fails.
 */
export function checkParallel(
  functions: readonly FunctionSchema[],
  calls: readonly DecodedCall[],
  expected: readonly ExpectedCall[],
  options: CallCheckOptions,
): BfclCheckResult {
  if (calls.length !== expected.length)
    return fail('parallel_function_checker_no_order:wrong_count', WRONG_COUNT);
  const used = new Set<number>();
  for (const [i, want] of expected.entries()) {
    const fn = findFunction(functions, want.name);
    const errors: string[] = [];
    const match = calls.findIndex((call, index) => {
      if (used.has(index)) return false;
      const result = checkCall(fn, call, want, options);
      if (!result.valid)
        errors.push(`Model Result Index ${index}: ${result.error_type}: ${result.error.join(' ')}`);
      return result.valid;
    });
    if (match === -1) {
      const considered = calls.map((_, index) => index).filter((index) => !used.has(index));
      const head = `Could not find a matching function among index [${considered.join(', ')}] of model output for index ${i} of possible answers.`;
      return fail('parallel_function_checker_no_order:cannot_find_match', head, ...errors);
    }
    used.add(match);
  }
  return pass();
}
