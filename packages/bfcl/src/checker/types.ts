import type { LosslessObject, LosslessValue } from '../py-value.js';

/** Every `error_type` BFCL's single-turn checker can report (SCORING.md). */
export const BFCL_ERROR_TYPES = [
  'ast_decoder:decoder_failed',
  'ast_decoder:decoder_wrong_output_format',
  'simple_function_checker:wrong_count',
  'simple_function_checker:wrong_func_name',
  'simple_function_checker:missing_required',
  'simple_function_checker:unexpected_param',
  'simple_function_checker:missing_optional',
  'type_error:simple',
  'type_error:nested',
  'value_error:string',
  'value_error:list/tuple',
  'value_error:dict_key',
  'value_error:dict_value',
  'value_error:list_dict_count',
  'value_error:others',
  'dict_checker:unclear',
  'list_dict_checker:unclear',
  'multiple_function_checker:wrong_count',
  'parallel_function_checker_no_order:wrong_count',
  'parallel_function_checker_no_order:cannot_find_match',
  'irrelevance_error:decoder_success',
  'relevance_error:decoder_failed',
] as const;

/** One of {@link BFCL_ERROR_TYPES}. */
export type BfclErrorType = (typeof BFCL_ERROR_TYPES)[number];

/** The checker's verdict: `error_type` is null exactly when `valid`. */
export interface BfclCheckResult {
  valid: boolean;
  error_type: BfclErrorType | null;
  error: string[];
}

/** A failed verdict. */
export type BfclFailure = BfclCheckResult & { valid: false; error_type: BfclErrorType };

/**
 * One model tool call. `arguments` is either the raw JSON text of the arguments (as an
 * OpenAI-style API returns it; parsed losslessly, unparseable → decoder failure) or the
 * already-decoded lossless value.
 */
export interface BfclCall {
  name: string;
  arguments: string | LosslessValue;
}

/**
 * What the model produced:
 * - a list of calls;
 * - `{ kind: 'text' }`: plain text that does not decode to calls (BFCL: decoder failure);
 * - `{ kind: 'decoded' }`: BFCL's own decoded form `[{fname: {param: value}}]`, for outputs that
 *   are not clean calls (e.g. `[{}]`); it is checked for that shape like BFCL does.
 */
export type BfclModelOutput =
  readonly BfclCall[] | { kind: 'text'; text: string } | { kind: 'decoded'; value: LosslessValue };

/** A decoded call in the checker's internal form. */
export interface DecodedCall {
  name: string;
  args: LosslessObject;
}

/** One ground-truth entry: the expected function and, per parameter, the accepted values. */
export interface ExpectedCall {
  name: string;
  params: LosslessObject;
}

/** The parts of a function document that the checker reads. */
export interface FunctionSchema {
  name: string;
  properties: LosslessObject;
  required: readonly LosslessValue[];
}

/**
 * The schema or ground truth cannot be checked against (BFCL itself would crash on it), e.g.
 * a property type outside BFCL's Python type list or a ground-truth function that is not offered.
 */
export class BfclDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BfclDataError';
  }
}

/** @returns a passing verdict. */
export function pass(): BfclCheckResult {
  return { valid: true, error_type: null, error: [] };
}

/** @returns a failing verdict with one or more messages. */
export function fail(errorType: BfclErrorType, ...error: string[]): BfclFailure {
  return { valid: false, error_type: errorType, error };
}
