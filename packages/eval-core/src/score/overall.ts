/**
 * Version of the scoring rules. Stored with every case score so that numbers computed under
 * other weights are never averaged together silently. Bump it whenever a weight or rule changes.
 */
export const SCORING_VERSION = 1;

/** Weights of the overall score (version {@link SCORING_VERSION}). Schema validity is reported, not weighted. */
export const SCORE_WEIGHTS = { tool: 0.6, params: 0.4 } as const;

/** Multi-turn: penalty per consecutive identical call and per call outside the valid prerequisites. */
export const MULTI_TURN_PENALTY = 0.1;

/**
 * Rounds a score to 4 decimal places (scores are stored and compared at that precision).
 * @param x a score
 * @returns the rounded score
 */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Clamps to [0, 1].
 * @param x any number
 * @returns x clamped
 */
export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * Overall score of a single call: `0.6 × tool + 0.4 × params`, or the tool score alone when
 * parameters are not scored. Scale 0..1, rounded to 4 dp.
 * @param toolScore 0 or 1
 * @param paramScore 0..1, or null when not scored
 * @returns the overall score
 * @example
 * overallScore(1, 0.5); // 0.8
 * overallScore(0, 1); // 0.4
 * overallScore(1, null); // 1
 */
export function overallScore(toolScore: number, paramScore: number | null): number {
  if (paramScore === null) return round4(toolScore);
  return round4(SCORE_WEIGHTS.tool * toolScore + SCORE_WEIGHTS.params * paramScore);
}
