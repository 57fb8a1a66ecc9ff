import type { SuiteSnapshot } from '@llmbench/contracts';
import type { CaseOutcome } from '@llmbench/eval-core';
import type { CallEvidence, CaseEvidence } from '@llmbench/judge';

/** What the judge is told about a case: the request and what was expected. */
export function caseEvidence(c: SuiteSnapshot['cases'][number]): CaseEvidence {
  return {
    case_id: c.id,
    prompt: c.data.prompt,
    expected_tool: c.data.expected_tool,
    expected_params: c.data.expected_params ?? null,
  };
}

/** What the model did in a case (its stored outcome). */
export function callEvidence(o: Pick<CaseOutcome, 'score'>): CallEvidence {
  return {
    tool: o.score.actual_tool,
    params: (o.score.actual_params as Record<string, unknown> | null) ?? null,
    error: o.score.error,
  };
}

/** The key a judged result is recorded under: unit, case and repeat. */
export const resultKey = (r: { unit_key: string; case_id: string; repeat_index: number }) =>
  `${r.unit_key}|${r.case_id}|${r.repeat_index}`;
