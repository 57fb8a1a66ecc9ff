import { ParamScoringMode, type ScoringConfig, type TestCaseData } from '@llmbench/contracts';
import { z } from 'zod';
import { DEFAULT_EPSILON, valuesMatch } from './value-match.js';

/** How one expected key was judged. */
export const ParamDetail = z.object({
  key: z.string(),
  expected: z.unknown(),
  /** The model's value; null when the key is missing (see `present`). */
  actual: z.unknown(),
  /** Whether the model sent the key at all. */
  present: z.boolean(),
  mode: ParamScoringMode,
  /** The tolerance used, for `numeric_tolerance` only. */
  epsilon: z.number().nullable(),
  match: z.boolean(),
});
export type ParamDetail = z.infer<typeof ParamDetail>;

/** Input of {@link scoreParams}. */
export interface ScoreParamsInput {
  /** Expected arguments; null = parameters are not scored for this case. */
  expected: Record<string, unknown> | null;
  /** The model's arguments; null when there was no call or they could not be read. */
  actual: Record<string, unknown> | null;
  /** The case's `param_scoring` (the default mode). */
  paramScoring?: ParamScoringMode;
  /** The case's `scoring_config`: `mode` overrides `param_scoring`, `per_key` overrides both. */
  scoringConfig?: ScoringConfig | null;
}

/** Result of {@link scoreParams}. */
export interface ParamScore {
  /** matched expected keys / expected keys; null when not scored. */
  score: number | null;
  details: ParamDetail[];
}

/**
 * The mode and epsilon for one key: `per_key[key]`, else `scoring_config.mode`, else
 * `param_scoring` (the old product never read `param_scoring`; here it is the default).
 * @returns the mode and the epsilon (only meaningful for numeric_tolerance)
 */
export function resolveKeyMode(
  key: string,
  paramScoring: ParamScoringMode,
  config: ScoringConfig | null | undefined,
): { mode: ParamScoringMode; epsilon: number } {
  const perKey = config?.per_key && Object.hasOwn(config.per_key, key) ? config.per_key[key] : undefined;
  const mode = perKey?.mode ?? config?.mode ?? paramScoring;
  const epsilon = perKey?.epsilon ?? config?.epsilon ?? DEFAULT_EPSILON;
  return { mode, epsilon };
}

/**
 * Parameter accuracy: the share of expected keys whose value matches. Extra keys in the model's
 * arguments are ignored (the schema check reports them); a missing key counts as wrong.
 * - expected null → null (not scored); `{}` → 1; actual null (no call / unreadable) → 0.
 * @param input expected and actual arguments and the scoring configuration
 * @returns the score (0..1, unrounded) and one detail per expected key
 * @example
 * scoreParams({ expected: { city: 'Paris', days: 3 }, actual: { city: 'paris', days: 4 } });
 * // { score: 0.5, details: [...] }
 */
export function scoreParams(input: ScoreParamsInput): ParamScore {
  const { expected, actual } = input;
  if (expected === null) return { score: null, details: [] };
  const keys = Object.keys(expected);
  if (keys.length === 0) return { score: 1, details: [] };
  const details = keys.map((key): ParamDetail => {
    const { mode, epsilon } = resolveKeyMode(key, input.paramScoring ?? 'exact', input.scoringConfig);
    const present = actual !== null && Object.hasOwn(actual, key);
    const value = present ? actual[key] : undefined;
    return {
      key,
      expected: expected[key],
      actual: value === undefined ? null : value,
      present,
      mode,
      epsilon: mode === 'numeric_tolerance' ? epsilon : null,
      match: present && valuesMatch(expected[key], value, mode, epsilon),
    };
  });
  return { score: details.filter((d) => d.match).length / keys.length, details };
}

/**
 * Parameters are scored only when a call is expected and expected_params is set (an irrelevance
 * case's expected_params are meaningless: there is no call to compare).
 * @param tc the test case
 * @returns whether the case has a parameter score
 */
export function paramsAreScored(tc: Pick<TestCaseData, 'expected_tool' | 'expected_params'>): boolean {
  return tc.expected_tool !== null && tc.expected_params !== null;
}
