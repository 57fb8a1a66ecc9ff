import { describe, expect, it } from 'vitest';
import { SCORE_WEIGHTS, SCORING_VERSION, clamp01, overallScore, round4 } from './overall.js';

describe(overallScore.name, () => {
  it.each([
    [1, 1, 1],
    [1, 0.5, 0.8],
    [0, 1, 0.4],
    [1, 0, 0.6],
    [0, 0, 0],
    [1, null, 1],
    [0, null, 0],
    [1, 2 / 3, 0.8667],
  ])('tool %s, params %s → %s', (tool, params, overall) => {
    expect(overallScore(tool, params)).toBe(overall);
  });

  it('has explicit, versioned weights that sum to 1', () => {
    expect(SCORE_WEIGHTS).toEqual({ tool: 0.6, params: 0.4 });
    expect(SCORE_WEIGHTS.tool + SCORE_WEIGHTS.params).toBe(1);
    expect(SCORING_VERSION).toBe(1);
  });
});

describe(round4.name, () => {
  it.each([
    [0.123456, 0.1235],
    [0.1 + 0.2, 0.3],
    [1 / 3, 0.3333],
  ])('%s → %s', (x, r) => {
    expect(round4(x)).toBe(r);
  });

  it('clamps to [0, 1]', () => {
    expect([clamp01(-0.2), clamp01(0.5), clamp01(1.3)]).toEqual([0, 0.5, 1]);
  });
});
