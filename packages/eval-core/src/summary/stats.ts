/** Small, dependency-free statistics for summaries. */

/**
 * @param xs numbers
 * @returns the arithmetic mean (0 for an empty list)
 */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/**
 * @param xs numbers
 * @returns the sample standard deviation (n − 1); 0 for fewer than two values
 */
export function sampleStd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Percentile by linear interpolation between closest ranks (numpy's default), so p50 of
 * [1, 2, 3, 4] is 2.5.
 * @param xs numbers (any order)
 * @param p percentile in [0, 100]
 * @returns the percentile (0 for an empty list)
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

/** Two-sided 97.5 % quantiles of Student's t for df = 1..29. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045,
];

/** z for a two-sided 95 % interval; used from n = 30 on, where t is within 2 % of it. */
export const Z_975 = 1.96;

/**
 * @param n sample size (≥ 2)
 * @returns the multiplier of the 95 % interval: Student's t with n − 1 df below 30, else 1.96
 */
export function t975(n: number): number {
  if (n >= 30) return Z_975;
  return T_975[Math.max(1, n - 1) - 1] as number;
}

/**
 * 95 % confidence interval of a mean: mean ± t·s/√n, clamped to [lo, hi] bounds.
 * @param xs the sample (e.g. per-case mean scores)
 * @param bounds the range the true mean lies in (scores: [0, 1])
 * @returns [low, high]; [mean, mean] for a single value; null for an empty sample
 */
export function ci95(
  xs: readonly number[],
  bounds: readonly [number, number] = [0, 1],
): [number, number] | null {
  if (xs.length === 0) return null;
  const m = mean(xs);
  if (xs.length === 1) return [m, m];
  const half = (t975(xs.length) * sampleStd(xs)) / Math.sqrt(xs.length);
  return [Math.max(bounds[0], m - half), Math.min(bounds[1], m + half)];
}
