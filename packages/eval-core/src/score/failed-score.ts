import type { TestCaseData } from '@llmbench/contracts';
import type { LlmErrorCategory } from '../llm-client.js';
import type { CaseScore } from './case-score.schema.js';
import { SCORING_VERSION } from './overall.js';
import { paramsAreScored } from './param-accuracy.js';
import { sanitizeErrorText } from './sanitize.js';

/** A final API failure (an `LlmCallError` fits). */
export interface CaseError {
  category: LlmErrorCategory;
  message: string;
}

/**
 * The score of a case whose API call finally failed: every score 0 (parameters stay null when
 * they are not scored), not passed, FAIL, `invalid_invocation`, and the sanitised error.
 * @param testCase the case
 * @param error the failure
 * @param notes notes from the eval loop
 * @returns the case score
 */
export function failedCaseScore(
  testCase: TestCaseData,
  error: CaseError,
  notes: readonly string[] = [],
): CaseScore {
  return {
    scoring_version: SCORING_VERSION,
    success: false,
    tool_score: 0,
    param_score: paramsAreScored(testCase) ? 0 : null,
    overall_score: 0,
    passed: false,
    actual_tool: null,
    actual_params: null,
    actual_calls: [],
    expected_tool: testCase.expected_tool,
    expected_params: testCase.expected_params,
    category: testCase.category,
    format_compliance: 'FAIL',
    error_type: 'invalid_invocation',
    error: sanitizeErrorText(error.message),
    error_category: error.category,
    param_details: [],
    schema_check: null,
    notes: [...notes],
  };
}
