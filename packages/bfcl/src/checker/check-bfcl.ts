import type { LosslessValue } from '../py-value.js';
import { matcherForCategory } from './category.js';
import { decodeOutput, isFunctionCallingFormat, toDecodedCalls } from './decode.js';
import { readFunctions, readGroundTruth } from './inputs.js';
import { checkRelevance } from './irrelevance.js';
import { checkMultiple, checkParallel, checkSimple } from './parallel.js';
import { BfclDataError, type BfclCheckResult, type BfclModelOutput, fail } from './types.js';

/** Input of {@link checkBfcl}. */
export interface CheckBfclInput {
  /** BFCL category, e.g. `simple_python`; it picks the matcher (see `matcherForCategory`). */
  category: string;
  /** The question's `function` list: raw JSON text or parsed (names and BFCL types as in the data). */
  functions: string | readonly unknown[];
  /** The answer line's `ground_truth`: raw JSON text or parsed losslessly; null for (ir)relevance. */
  groundTruth: string | LosslessValue | null;
  /** What the model produced. */
  output: BfclModelOutput;
  /** Match names with `.` replaced by `_`, as BFCL does for APIs that forbid dots. Default false. */
  underscoreToDot?: boolean;
}

/**
 * Scores one single-turn answer exactly as BFCL's AST checker does (SCORING.md): decoding,
 * output format, then the matcher chosen by category name.
 * @param input category, functions, ground truth and the model output
 * @returns `{ valid, error_type, error }`
 * @throws BfclDataError for unusable data (bad schema types, a missing ground truth, ...)
 * @example
 * checkBfcl({
 *   category: 'simple_python',
 *   functions: questionLine.functionText,
 *   groundTruth: answerLine.groundTruthText,
 *   output: [{ name: 'calculate_triangle_area', arguments: '{"base": 10, "height": 5}' }],
 * }); // { valid: true, error_type: null, error: [] }
 */
export function checkBfcl(input: CheckBfclInput): BfclCheckResult {
  const matcher = matcherForCategory(input.category);
  const decoded = decodeOutput(input.output);
  if (matcher === 'irrelevance' || matcher === 'relevance')
    return checkRelevance(decoded, matcher === 'relevance');
  if (input.groundTruth === null)
    throw new BfclDataError(`category "${input.category}" needs a ground truth`);
  const expected = readGroundTruth(input.groundTruth);
  const functions = readFunctions(input.functions);
  if (!decoded.ok)
    return fail('ast_decoder:decoder_failed', `Invalid syntax. Failed to decode AST. ${decoded.error}`);
  if (!isFunctionCallingFormat(decoded.value)) {
    return fail('ast_decoder:decoder_wrong_output_format', 'Did not output in the specified format.');
  }
  const calls = toDecodedCalls(decoded.value);
  const options = { underscoreToDot: input.underscoreToDot ?? false };
  if (matcher === 'parallel') return checkParallel(functions, calls, expected, options);
  if (matcher === 'multiple') return checkMultiple(functions, calls, expected, options);
  return checkSimple(functions, calls, expected, options);
}
