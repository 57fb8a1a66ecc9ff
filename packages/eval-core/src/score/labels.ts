/**
 * The value lists of a case score's enum fields, without zod: the summary counts by them, and the
 * web app bundles the summary (zod would add ~50 kB to it for three arrays).
 */

/** Why an LLM call finally failed. `cancelled` calls are never reported as case results. */
export const LLM_ERROR_CATEGORIES = [
  'auth',
  'rate_limit',
  'timeout',
  'server_error',
  'bad_request',
  'malformed_response',
  'network',
  'cancelled',
] as const;

/** The 8 locked error labels (the old product's taxonomy; `output_hallucination` is now produced). */
export const ERROR_TYPES = [
  'tool_hallucination',
  'argument_hallucination',
  'invalid_invocation',
  'partial_execution',
  'output_hallucination',
  'invalid_reasoning',
  'reentrant_failure',
  'unclassified',
] as const;

/** Format compliance of a response: well-formed, repaired, or unusable/missing. */
export const FORMAT_COMPLIANCE_VALUES = ['PASS', 'NORMALIZED', 'FAIL'] as const;
