import { BfclDataError, checkBfcl, fromOpenAiToolCalls } from '@llmbench/bfcl';
import type { BfclCaseData } from '@llmbench/contracts';
import { z } from 'zod';
import type { ChatResponse } from '../llm-client.js';
import { SCORE_WEIGHTS, round4 } from './overall.js';

/** BFCL's own verdict on a case. */
export const BfclVerdict = z.object({
  valid: z.boolean(),
  /** BFCL's error type (e.g. `value_error:string`); null when valid or when the data was unusable. */
  error_type: z.string().nullable(),
  errors: z.array(z.string()),
});
export type BfclVerdict = z.infer<typeof BfclVerdict>;

/**
 * Runs BFCL's checker on a response exactly as BFCL scores an OpenAI function-calling model:
 * the raw native tool calls (no repairs, raw argument text parsed losslessly), text when there
 * are none, and offered names compared with `.` replaced by `_` (`underscore_to_dot`).
 * Unusable BFCL data is reported as an invalid verdict with the reason, not thrown.
 * @param bfcl the case's BFCL data (category, raw functions and ground truth)
 * @param response the model's response
 * @returns `{ valid, error_type, errors }`
 */
export function checkBfclResponse(
  bfcl: BfclCaseData,
  response: Pick<ChatResponse, 'content' | 'tool_calls'>,
): BfclVerdict {
  // Python's `if tool_calls:` treats an empty list as "answered in text"; mirror that.
  const toolCalls =
    response.tool_calls.length === 0
      ? null
      : response.tool_calls.map((c) => ({ function: { name: c.name, arguments: c.arguments } }));
  try {
    const result = checkBfcl({
      category: bfcl.category,
      functions: bfcl.functions,
      groundTruth: bfcl.ground_truth,
      output: fromOpenAiToolCalls(toolCalls, response.content),
      underscoreToDot: true,
    });
    return { valid: result.valid, error_type: result.error_type, errors: result.error };
  } catch (err) {
    if (!(err instanceof BfclDataError)) throw err;
    return { valid: false, error_type: null, errors: [`unusable BFCL data: ${err.message}`] };
  }
}

/**
 * Overall score of a BFCL case: 1 when BFCL's checker passes, else `0.6 × tool score` (the tool
 * part of the usual weights: a right tool with wrong arguments still earns partial credit).
 * @param valid BFCL's verdict
 * @param toolScore 0 or 1
 * @returns the overall score (0..1)
 */
export function bfclOverallScore(valid: boolean, toolScore: number): number {
  return valid ? 1 : round4(SCORE_WEIGHTS.tool * toolScore);
}
