import { describe, expect, it } from 'vitest';
import { Z_975, ci95, mean, percentile, sampleStd, t975 } from './stats.js';

describe('stats', () => {
  it('mean and sample standard deviation', () => {
    expect(mean([])).toBe(0);
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sampleStd([5])).toBe(0);
    expect(sampleStd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
  });

  it.each([
    [[], 50, 0],
    [[7], 95, 7],
    [[1, 2, 3, 4], 50, 2.5],
    [[4, 1, 3, 2], 50, 2.5],
    [[1, 2, 3, 4, 5], 50, 3],
    [Array.from({ length: 20 }, (_, i) => i + 1), 95, 19.05],
    [[10, 20], 0, 10],
    [[10, 20], 100, 20],
  ])('percentile(%j, %i) = %s', (xs, p, expected) => {
    expect(percentile(xs, p)).toBeCloseTo(expected, 10);
  });

  it('uses Student t below 30 and the normal quantile from 30 on', () => {
    expect(t975(2)).toBe(12.706);
    expect(t975(10)).toBe(2.262);
    expect(t975(29)).toBe(2.048);
    expect(t975(30)).toBe(Z_975);
    expect(t975(500)).toBe(1.96);
  });

  it('computes mean ± t·s/√n', () => {
    const xs = [0.2, 0.4, 0.6, 0.8];
    const half = (3.182 * sampleStd(xs)) / 2;
    const [lo, hi] = ci95(xs) ?? [NaN, NaN];
    expect(lo).toBeCloseTo(0.5 - half, 10);
    expect(hi).toBeCloseTo(0.5 + half, 10);
  });

  it('is [mean, mean] for one value, null for none, and clamped to the score range', () => {
    expect(ci95([0.7])).toEqual([0.7, 0.7]);
    expect(ci95([])).toBeNull();
    expect(ci95([0, 1])).toEqual([0, 1]);
    expect(ci95([1, 1, 1])).toEqual([1, 1]);
  });
});
