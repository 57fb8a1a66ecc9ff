/** One rung of a successive-halving schedule. */
export interface Rung {
  /** Combinations evaluated at this rung. */
  combos: number;
  /** Cases each of them has been run on by the end of the rung (a prefix of a fixed case order). */
  cases: number;
  /** Combinations promoted to the next rung (on the last rung, all of them: the final ranking is the summary's). */
  keep: number;
}

/** Options of {@link halvingSchedule}. */
export interface HalvingOptions {
  /** Reduction factor (default 3): each rung keeps 1/η of the combinations on η× the cases. */
  eta?: number;
  /** The first rung runs at least this many cases (default 1; capped at the case count). */
  minCases?: number;
}

/**
 * A successive-halving schedule: every combination runs on a small prefix of the cases, the best 1/η go
 * on to η× more cases, until the survivors have run the whole suite. Cases are cumulative, so a caller
 * keeps earlier results and runs only the new cases. The number of rungs is limited both by the number of
 * combinations (no point going below one) and by `minCases` (tiny first rungs are too noisy to rank).
 *
 * @example
 * halvingSchedule(27, 27) // [{combos:27,cases:1,keep:9},{combos:9,cases:3,keep:3},{combos:3,cases:9,keep:1},{combos:1,cases:27,keep:1}]
 * @throws RangeError when a count is not a positive integer or η < 2
 */
export function halvingSchedule(nCombos: number, nCases: number, options: HalvingOptions = {}): Rung[] {
  const eta = options.eta ?? 3;
  const minCases = Math.min(options.minCases ?? 1, nCases);
  for (const [name, v] of [
    ['nCombos', nCombos],
    ['nCases', nCases],
    ['minCases', minCases],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer (got ${v})`);
  }
  if (!Number.isInteger(eta) || eta < 2) throw new RangeError(`eta must be an integer ≥ 2 (got ${eta})`);
  // Integer loops rather than logarithms, so 27 combos with η=3 gives exactly 3 reductions.
  let byCombos = 0;
  for (let n = nCombos; n >= eta; n = Math.floor(n / eta)) byCombos++;
  let byCases = 0;
  for (let c = nCases; Math.floor(c / eta) >= minCases; c = Math.floor(c / eta)) byCases++;
  const total = 1 + Math.min(byCombos, byCases);
  const rungs: Rung[] = [];
  let combos = nCombos;
  for (let i = 0; i < total; i++) {
    const last = i === total - 1;
    const cases = last ? nCases : Math.max(minCases, Math.floor(nCases / eta ** (total - 1 - i)));
    const keep = last ? combos : Math.max(1, Math.floor(combos / eta));
    rungs.push({ combos, cases, keep });
    combos = keep;
  }
  return rungs;
}

/** A combination's scores so far (one per case, or per case × repeat). */
export interface RungResult {
  key: string;
  scores: readonly number[];
}

function meanOrLowest(xs: readonly number[]): number {
  return xs.length === 0 ? -Infinity : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/**
 * The keys of the `keep` best results by mean score. Ties go to the result with more scores, then to
 * the smaller key, so promotion never depends on input order. A result without scores ranks last.
 */
export function promote(results: readonly RungResult[], keep: number): string[] {
  const ranked = results
    .map((r) => ({ key: r.key, n: r.scores.length, mean: meanOrLowest(r.scores) }))
    .sort((a, b) => b.mean - a.mean || b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ranked.slice(0, Math.max(0, keep)).map((r) => r.key);
}
