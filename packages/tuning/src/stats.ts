/** Arithmetic mean (NaN for no values). */
export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Sample standard deviation (n − 1 denominator); 0 for fewer than two values. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

// Two-sided 95 % Student t quantiles t(0.975, df) for df = 1…29 (index = df − 1).
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045,
];

/** A mean with its 95 % confidence interval. */
export interface ConfidenceInterval {
  n: number;
  mean: number;
  /** Half the interval's width; Infinity with one value (no spread can be estimated). */
  half_width: number;
  low: number;
  high: number;
}

/**
 * The 95 % confidence interval of the mean: t quantile for n < 30 (small repeat counts would otherwise
 * look too certain), 1.96 from 30 on.
 *
 * @example
 * ci95([1, 2, 3]) // { n: 3, mean: 2, half_width: 2.484, low: -0.484, high: 4.484 } (4.303 × 1 / √3)
 * @throws RangeError on an empty array
 */
export function ci95(xs: readonly number[]): ConfidenceInterval {
  if (xs.length === 0) throw new RangeError('ci95 needs at least one value');
  const n = xs.length;
  const m = mean(xs);
  const q = n >= 30 ? 1.96 : (T_975[n - 2] ?? Infinity);
  const half = n < 2 ? Infinity : (q * sampleSd(xs)) / Math.sqrt(n);
  return { n, mean: m, half_width: half, low: m - half, high: m + half };
}

// ln Γ(x) by the Lanczos approximation (g = 7), accurate to ~1e-13 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] ?? 1;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

// Continued fraction for the regularized incomplete beta (Numerical Recipes' betacf, modified Lentz).
function betaCf(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const aa of [
      (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 + aa * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-14) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaCf(a, b, x)) / a : 1 - (front * betaCf(b, a, 1 - x)) / b;
}

/** Two-sided p-value of Student's t with `df` degrees of freedom: P(|T| ≥ |t|). */
export function studentTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * Welch's unequal-variance t-test, two-sided. With fewer than two values on a side, or no variance on
 * both, there is nothing to test: p is 1 when the means are equal and 0 otherwise.
 *
 * @returns the t statistic, Welch–Satterthwaite degrees of freedom and the p-value
 */
export function welchTTest(a: readonly number[], b: readonly number[]): { t: number; df: number; p: number } {
  const [ma, mb] = [mean(a), mean(b)];
  const va = sampleSd(a) ** 2 / a.length;
  const vb = sampleSd(b) ** 2 / b.length;
  if (a.length < 2 || b.length < 2 || va + vb === 0) {
    const same = ma === mb;
    return { t: same ? 0 : Infinity, df: NaN, p: same ? 1 : 0 };
  }
  const t = (ma - mb) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { t, df, p: studentTwoSidedP(t, df) };
}

/** One combination's scores (per case and/or per repeat). */
export interface ScoredCombo {
  key: string;
  scores: readonly number[];
}

/**
 * The best combination and those statistically indistinguishable from it. Rule: best = highest mean
 * (ties → smaller key); another combination is indistinguishable when Welch's two-sided t-test against
 * the best gives p ≥ `alpha` (default 0.05), i.e. the data cannot say the best is really better. With
 * fewer than two scores the test cannot run and only an exactly equal mean counts. Combinations without
 * scores are ignored.
 *
 * @returns keys, best first, then the indistinguishable ones by descending mean (empty for no scored input)
 */
export function indistinguishableFromBest(results: readonly ScoredCombo[], alpha = 0.05): string[] {
  const ranked = results
    .filter((r) => r.scores.length > 0)
    .map((r) => ({ ...r, mean: mean(r.scores) }))
    .sort((a, b) => b.mean - a.mean || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const [best, ...rest] = ranked;
  if (!best) return [];
  return [best.key, ...rest.filter((r) => welchTTest(best.scores, r.scores).p >= alpha).map((r) => r.key)];
}
