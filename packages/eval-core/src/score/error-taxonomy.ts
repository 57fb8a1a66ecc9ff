import { z } from 'zod';
import type { ExtractedCall } from './extract-call.js';
import { ERROR_TYPES } from './labels.js';
import { type ExpectedTool, isExpectedTool } from './tool-selection.js';

export { ERROR_TYPES };

/** One of the 8 locked error labels ({@link ERROR_TYPES}). */
export const ErrorType = z.enum(ERROR_TYPES);
export type ErrorType = z.infer<typeof ErrorType>;

/** Multi-turn facts the classification needs. */
export interface MultiTurnFacts {
  /** An expected tool was called. */
  finalReached: boolean;
  hops: number;
  optimalHops: number;
  redundancyPenalty: number;
  detourPenalty: number;
}

/** Input of {@link classifyError}. */
export interface ClassifyInput {
  passed: boolean;
  apiFailed: boolean;
  expectedTool: ExpectedTool;
  /** Every call the model made (all parallel calls; the whole multi-turn chain). */
  calls: readonly ExtractedCall[];
  /** Names of the tools offered to the case. */
  offeredTools: readonly string[];
  toolScore: number;
  /** Parameter score of the scored call (BFCL: 1 when the checker passed, else 0); null when not scored. */
  paramScore: number | null;
  /** The final text of the model, if any. */
  content: string | null;
  multiTurn?: MultiTurnFacts;
}

function multiTurnLabel(mt: MultiTurnFacts, paramScore: number | null): ErrorType | null {
  if (!mt.finalReached) {
    if (mt.hops === 0) return null; // no call at all: judged like a single-turn abstention
    return mt.hops >= 2 * mt.optimalHops ? 'reentrant_failure' : 'partial_execution';
  }
  if (paramScore !== null && paramScore < 1) return 'argument_hallucination';
  if (mt.redundancyPenalty > 0 || mt.hops >= 2 * mt.optimalHops) return 'reentrant_failure';
  // A detour or a longer-than-optimal plan: the model reasoned its way through the wrong steps.
  return 'invalid_reasoning';
}

/**
 * Labels a case that did not pass; first match wins:
 * 1. passed → null;
 * 2. API failure, or a call whose arguments could not be read → invalid_invocation;
 * 3. a call to a tool that was not offered (case-insensitive) → tool_hallucination;
 * 4. any call on a case that expects none (irrelevance) → tool_hallucination: the model invented
 *    a need for a tool (the old product left this `unclassified`);
 * 5. multi-turn: expected tool never reached → reentrant_failure when hops ≥ 2 × optimal, else
 *    partial_execution; reached with wrong arguments → argument_hallucination; reached with repeated
 *    calls (or ≥ 2 × optimal hops) → reentrant_failure; otherwise (detours) → invalid_reasoning;
 * 6. the right tool with wrong or missing arguments → argument_hallucination;
 * 7. a wrong but offered tool → invalid_reasoning;
 * 8. no call where one was expected and the model answered in text → output_hallucination (it
 *    produced the answer itself instead of calling the tool);
 * 9. otherwise → unclassified.
 * @param input what happened on the case
 * @returns the label, or null when the case passed
 */
export function classifyError(input: ClassifyInput): ErrorType | null {
  if (input.passed) return null;
  if (input.apiFailed || input.calls.some((c) => c.arguments === null)) return 'invalid_invocation';
  const offered = new Set(input.offeredTools.map((n) => n.toLowerCase()));
  if (input.calls.some((c) => !offered.has(c.name.toLowerCase()))) return 'tool_hallucination';
  if (input.expectedTool === null) return input.calls.length > 0 ? 'tool_hallucination' : 'unclassified';
  if (input.multiTurn) {
    const label = multiTurnLabel(input.multiTurn, input.paramScore);
    if (label !== null) return label;
  }
  if (input.toolScore === 1) return 'argument_hallucination';
  const expected = input.expectedTool;
  if (input.calls.some((c) => !isExpectedTool(expected, c.name))) return 'invalid_reasoning';
  if (input.calls.length === 0 && (input.content ?? '').trim() !== '') return 'output_hallucination';
  return 'unclassified';
}

function assertNever(value: never): never {
  throw new Error(`unknown error type ${String(value)}`);
}

/**
 * A one-line explanation of a label, for reports and the judge.
 * @param type the label
 * @returns its meaning
 */
export function describeErrorType(type: ErrorType): string {
  switch (type) {
    case 'tool_hallucination':
      return 'called a tool that was not offered, or called a tool when none should be called';
    case 'argument_hallucination':
      return 'called the right tool with wrong or missing arguments';
    case 'invalid_invocation':
      return 'the call could not be made or its arguments could not be read';
    case 'partial_execution':
      return 'stopped before reaching the expected final call';
    case 'output_hallucination':
      return 'answered in text instead of calling the expected tool';
    case 'invalid_reasoning':
      return 'chose a wrong (but offered) tool or took unnecessary steps';
    case 'reentrant_failure':
      return 'repeated calls or looped well past the optimal number of steps';
    case 'unclassified':
      return 'failed for a reason the taxonomy does not name';
    default:
      return assertNever(type);
  }
}
