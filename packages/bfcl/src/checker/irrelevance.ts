import type { DecodeResult } from './decode.js';
import { isEmptyOutput } from './decode.js';
import { type BfclCheckResult, fail, pass } from './types.js';

/**
 * BFCL's relevance runner. `irrelevance` passes only when no call was produced (undecodable
 * text, `[]`, `[{}]` or anything not in call format); `relevance` is the mirror image.
 * Ground truth and arguments are not looked at.
 */
export function checkRelevance(decoded: DecodeResult, expectCall: boolean): BfclCheckResult {
  const containsCall = decoded.ok && !isEmptyOutput(decoded.value);
  if (containsCall === expectCall) return pass();
  if (expectCall) {
    const reason = decoded.ok ? '' : ` ${decoded.error}`;
    return fail(
      'relevance_error:decoder_failed',
      `Invalid syntax. Failed to decode AST when it should have.${reason}`,
    );
  }
  return fail(
    'irrelevance_error:decoder_success',
    'Valid syntax. Successfully decode AST when it should not.',
  );
}
