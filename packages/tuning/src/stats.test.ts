import { describe, expect, it } from 'vitest';
import { ci95, indistinguishableFromBest, mean, sampleSd, studentTwoSidedP, welchTTest } from './stats.js';

describe('mean and sampleSd', () => {
  it.each([
    [[1, 2, 3, 4], 2.5, 1.2909944],
    [[5], 5, 0],
    [[2, 2, 2], 2, 0],
  ])('%j → mean %s, sd %s', (xs, m, sd) => {
    expect(mean(xs)).toBeCloseTo(m, 10);
    expect(sampleSd(xs)).toBeCloseTo(sd, 6);
  });

  it('mean of nothing is NaN', () => {
    expect(mean([])).toBeNaN();
  });
});

describe('ci95', () => {
  it.each([
    // t(0.975, 2) = 4.303, sd = 1 → 4.303 / √3
    [[1, 2, 3], 2, 2.484338],
    // t(0.975, 1) = 12.706, sd = √2/2 → 12.706 × 0.5
    [[0, 1], 0.5, 6.353],
    // n = 30 switches to 1.96: values 0/1 alternating, sd = 0.508548
    [Array.from({ length: 30 }, (_, i) => i % 2), 0.5, 0.181982],
  ])('%j', (xs, m, half) => {
    const ci = ci95(xs);
    expect(ci.mean).toBeCloseTo(m, 10);
    expect(ci.half_width).toBeCloseTo(half, 5);
    expect(ci.low).toBeCloseTo(m - half, 5);
    expect(ci.high).toBeCloseTo(m + half, 5);
  });

  it('has an infinite width for one value and throws for none', () => {
    expect(ci95([0.7]).half_width).toBe(Infinity);
    expect(() => ci95([])).toThrow(RangeError);
  });
});

describe('studentTwoSidedP and welchTTest', () => {
  it.each([
    [12.706, 1, 0.05],
    [2.228, 10, 0.05],
    [1.96, 1e6, 0.05],
    [0, 5, 1],
  ])('P(|T| ≥ %s) with df %s ≈ %s', (t, df, p) => {
    expect(studentTwoSidedP(t, df)).toBeCloseTo(p, 3);
  });

  it('matches scipy ttest_ind(equal_var=False)', () => {
    const r = welchTTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(r.t).toBeCloseTo(-1.8973666, 6);
    expect(r.df).toBeCloseTo(5.8823529, 6);
    expect(r.p).toBeCloseTo(0.1075312, 5);
  });

  it.each([
    [[1], [1], 1],
    [[1], [0.5, 0.6], 0],
    [[1, 1], [1, 1], 1],
    [[1, 1], [0, 0], 0],
  ])('without a variance estimate %j vs %j → p %s', (a, b, p) => {
    expect(welchTTest(a, b).p).toBe(p);
  });
});

describe('indistinguishableFromBest', () => {
  it('keeps the best and those a Welch test cannot separate from it', () => {
    const keys = indistinguishableFromBest([
      { key: 'close', scores: [0.78, 0.82, 0.8, 0.79, 0.83] },
      { key: 'best', scores: [0.8, 0.84, 0.82, 0.81, 0.83] },
      { key: 'far', scores: [0.4, 0.42, 0.41, 0.39, 0.4] },
      { key: 'noisy', scores: [0.2, 1, 0.5, 0.9, 0.6] },
      { key: 'empty', scores: [] },
    ]);
    expect(keys).toEqual(['best', 'close', 'noisy']);
  });

  it('breaks ties on the mean by key and handles no input', () => {
    expect(
      indistinguishableFromBest([
        { key: 'b', scores: [1] },
        { key: 'a', scores: [1] },
        { key: 'c', scores: [0] },
      ]),
    ).toEqual(['a', 'b']);
    expect(indistinguishableFromBest([])).toEqual([]);
  });

  it('honours alpha', () => {
    const results = [
      { key: 'x', scores: [1, 2, 3, 4, 5] },
      { key: 'y', scores: [2, 4, 6, 8, 10] },
    ];
    expect(indistinguishableFromBest(results)).toEqual(['y', 'x']); // p ≈ 0.108
    expect(indistinguishableFromBest(results, 0.2)).toEqual(['y']);
  });
});
