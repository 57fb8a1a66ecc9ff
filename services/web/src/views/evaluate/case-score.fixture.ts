import type { CaseScore } from './model';

/** A passing case score with every field the worker sends; `over` changes some. */
export function caseScore(over: Partial<CaseScore> = {}): CaseScore {
  return {
    scoring_version: 1,
    success: true,
    tool_score: 1,
    param_score: 1,
    overall_score: 1,
    passed: true,
    actual_tool: 'get_time',
    actual_params: {},
    actual_calls: [],
    expected_tool: 'get_time',
    expected_params: {},
    category: 'retrieval',
    format_compliance: 'PASS',
    error_type: null,
    error: null,
    error_category: null,
    param_details: [],
    schema_check: { valid: true, errors: [] },
    notes: [],
    ...over,
  };
}
