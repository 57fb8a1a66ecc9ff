import { z } from 'zod';
import type { CallNote, ExtractedCall } from './extract-call.js';
import { FORMAT_COMPLIANCE_VALUES } from './labels.js';

export { FORMAT_COMPLIANCE_VALUES };

/** Format compliance of a response: well-formed, repaired, or unusable/missing. */
export const FormatCompliance = z.enum(FORMAT_COMPLIANCE_VALUES);
export type FormatCompliance = z.infer<typeof FormatCompliance>;

/** Notes meaning the call was only usable after a repair. */
const NORMALIZING: ReadonlySet<CallNote> = new Set<CallNote>([
  'name_was_json_blob',
  'from_content',
  'arguments_double_encoded',
  'nested_json_string',
]);

/**
 * Notes meaning the arguments could not be used at all. The old product called these
 * NORMALIZED, but nothing was normalised: the call is unusable, so it is a FAIL here.
 */
const FAILING: ReadonlySet<CallNote> = new Set<CallNote>(['arguments_unparseable', 'arguments_not_object']);

/** Input of {@link formatCompliance}. */
export interface FormatComplianceInput {
  /** The API call failed. */
  apiFailed: boolean;
  /** Every call read from the response(s). */
  calls: readonly ExtractedCall[];
  /** Whether the case expects a call at all (expected_tool not null). */
  callExpected: boolean;
}

/**
 * Judges the form of the answer, not its correctness (an unexpected but well-formed call is PASS):
 * - API failure → FAIL; no call → PASS when none was expected (correct abstention), else FAIL;
 * - any call with unreadable arguments → FAIL; any repaired call → NORMALIZED; else PASS.
 * With parallel calls the worst call decides.
 * @param input failure flag, the calls and whether a call was expected
 * @returns PASS, NORMALIZED or FAIL
 */
export function formatCompliance(input: FormatComplianceInput): FormatCompliance {
  if (input.apiFailed) return 'FAIL';
  if (input.calls.length === 0) return input.callExpected ? 'FAIL' : 'PASS';
  const notes = input.calls.flatMap((c) => c.notes);
  if (notes.some((n) => FAILING.has(n))) return 'FAIL';
  if (notes.some((n) => NORMALIZING.has(n))) return 'NORMALIZED';
  return 'PASS';
}
