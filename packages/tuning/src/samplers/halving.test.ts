import { describe, expect, it } from 'vitest';
import { halvingSchedule, promote } from './halving.js';

describe('halvingSchedule', () => {
  it.each([
    [
      27,
      27,
      {},
      [
        [27, 1, 9],
        [9, 3, 3],
        [3, 9, 1],
        [1, 27, 1],
      ],
    ],
    [
      100,
      50,
      { minCases: 5 },
      [
        [100, 5, 33],
        [33, 16, 11],
        [11, 50, 11],
      ],
    ],
    [
      9,
      100,
      {},
      [
        [9, 11, 3],
        [3, 33, 1],
        [1, 100, 1],
      ],
    ],
    [
      16,
      16,
      { eta: 2, minCases: 4 },
      [
        [16, 4, 8],
        [8, 8, 4],
        [4, 16, 4],
      ],
    ],
    [2, 30, {}, [[2, 30, 2]]],
    [50, 3, { minCases: 5 }, [[50, 3, 50]]],
    [1, 1, {}, [[1, 1, 1]]],
  ])('%i combos × %i cases %j', (combos, cases, opts, expected) => {
    const rungs = halvingSchedule(combos, cases, opts);
    expect(rungs.map((r) => [r.combos, r.cases, r.keep])).toEqual(expected);
    // Invariants: cases grow to the full suite, each rung evaluates what the previous kept.
    expect(rungs.at(-1)!.cases).toBe(cases);
    rungs.slice(1).forEach((r, i) => {
      expect(r.combos).toBe(rungs[i]!.keep);
      expect(r.cases).toBeGreaterThanOrEqual(rungs[i]!.cases);
    });
  });

  it.each([
    [0, 10, {}, /nCombos/],
    [10, 0, {}, /nCases/],
    [10, 10, { eta: 1 }, /eta/],
    [10, 10, { minCases: 0 }, /minCases/],
    [2.5, 10, {}, /nCombos/],
  ])('rejects %s combos, %s cases, %j', (combos, cases, opts, message) => {
    expect(() => halvingSchedule(combos, cases, opts)).toThrow(message);
  });
});

describe('promote', () => {
  const results = [
    { key: 'c', scores: [0.5, 0.7] },
    { key: 'a', scores: [0.9] },
    { key: 'b', scores: [0.6] },
    { key: 'd', scores: [0.6, 0.6] },
    { key: 'e', scores: [] },
  ];

  it.each([
    [0, []],
    [1, ['a']],
    [3, ['a', 'c', 'd']],
    [5, ['a', 'c', 'd', 'b', 'e']],
    [9, ['a', 'c', 'd', 'b', 'e']],
  ])('keeps %i by mean, ties to more scores then smaller key', (keep, expected) => {
    expect(promote(results, keep)).toEqual(expected);
    expect(promote([...results].reverse(), keep)).toEqual(expected);
  });
});
