import { type Rng, weightedIndex } from '../rng.js';
import {
  type Config,
  type ExpandedDimension,
  type JsonScalar,
  comboKey,
  gridCombinations,
} from '../search-space.js';
import { sampleRandom } from './random.js';

/** One evaluated combination; higher scores are better. */
export interface Observation {
  config: Config;
  score: number;
}

/** Options of {@link proposeTpe}. */
export interface TpeOptions {
  /** Fraction of the history counted as "good" (default 0.25). */
  gamma?: number;
  /** Below this many observations, propose uniformly at random (default 10). */
  nStartup?: number;
  /** Candidates drawn from the good density per proposal (default 24). */
  nCandidates?: number;
  /** Laplace pseudo-count added to every value of every dimension (default 1). */
  prior?: number;
  /** Keys (see {@link comboKey}) not to propose, besides the history: e.g. combinations still running. */
  pending?: ReadonlySet<string>;
}

type Density = number[];

function valueIndex(dim: ExpandedDimension): Map<string, number> {
  return new Map(dim.values.map((v, i) => [JSON.stringify(v), i]));
}

/**
 * A categorical density per value of `dim`, Laplace-smoothed. On an ordered numeric dimension each
 * observation also lends half its weight to the neighbouring values: a discrete stand-in for TPE's
 * Parzen kernel, so "0.3 was good" makes 0.2 and 0.4 more likely, which plain counting would not.
 */
function density(dim: ExpandedDimension, configs: readonly Config[], prior: number): Density {
  const index = valueIndex(dim);
  const ordered = dim.values.every((v) => typeof v === 'number');
  const w: number[] = dim.values.map(() => prior);
  for (const c of configs) {
    if (!(dim.name in c)) continue;
    const i = index.get(JSON.stringify(c[dim.name]));
    if (i === undefined) continue;
    w[i] = (w[i] ?? 0) + 1;
    if (ordered) {
      if (i > 0) w[i - 1] = (w[i - 1] ?? 0) + 0.5;
      if (i < w.length - 1) w[i + 1] = (w[i + 1] ?? 0) + 0.5;
    }
  }
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / total);
}

/**
 * Proposes the next batch of `k` unseen combinations with a Tree-structured Parzen Estimator over the
 * discrete grid. The history is split into the best `gamma` fraction ("good", density l) and the rest
 * ("bad", density g), each a product of per-dimension categorical densities; candidates are drawn from l
 * and the ones maximising l(x)/g(x) are proposed. Until `nStartup` observations exist it samples at
 * random, since densities fitted to a handful of points are mostly noise.
 *
 * @example
 * proposeTpe(dims, history, 4, mulberry32(7)) // 4 combos not in history, biased towards the best region
 * @param dims - the expanded search space (at most 10 000 combinations)
 * @param history - evaluated combinations with scores (higher is better)
 * @param k - batch size
 * @param rng - the seeded generator
 * @returns up to `k` distinct combinations not in the history nor `pending` (fewer when the grid runs out)
 */
export function proposeTpe(
  dims: readonly ExpandedDimension[],
  history: readonly Observation[],
  k: number,
  rng: Rng,
  options: TpeOptions = {},
): Config[] {
  const gamma = options.gamma ?? 0.25;
  const nStartup = options.nStartup ?? 10;
  const nCandidates = options.nCandidates ?? 24;
  const prior = options.prior ?? 1;
  if (!(gamma > 0 && gamma < 1)) throw new RangeError(`gamma must be in (0, 1) (got ${gamma})`);
  const seen = new Set(options.pending);
  for (const h of history) seen.add(comboKey(h.config));
  if (history.length < nStartup) return sampleRandom(gridCombinations(dims), k, rng, seen);

  // Stable sort on score (ties keep history order), so proposals depend only on the seed and history.
  const ranked = [...history].sort((a, b) => b.score - a.score);
  const nGood = Math.max(1, Math.ceil(gamma * ranked.length));
  const good = ranked.slice(0, nGood).map((h) => h.config);
  const bad = ranked.slice(nGood).map((h) => h.config);
  const l = dims.map((d) => density(d, good, prior));
  const g = dims.map((d) => density(d, bad, prior));

  const batch: Config[] = [];
  while (batch.length < k) {
    let best: { config: Config; key: string; ratio: number } | null = null;
    for (let c = 0; c < nCandidates; c++) {
      const config: Config = {};
      let ratio = 0;
      dims.forEach((dim, d) => {
        const i = weightedIndex(rng, l[d] ?? []);
        config[dim.name] = dim.values[i] as JsonScalar;
        ratio += Math.log(l[d]?.[i] ?? 1) - Math.log(g[d]?.[i] ?? 1);
      });
      const key = comboKey(config);
      if (seen.has(key)) continue;
      if (!best || ratio > best.ratio) best = { config, key, ratio };
    }
    // Every candidate already seen (the good region is exhausted): explore with a random unseen combo.
    const pick = best ?? randomUnseen(dims, rng, seen);
    if (!pick) break;
    seen.add(pick.key);
    batch.push(pick.config);
  }
  return batch;
}

function randomUnseen(
  dims: readonly ExpandedDimension[],
  rng: Rng,
  seen: ReadonlySet<string>,
): { config: Config; key: string } | null {
  const [config] = sampleRandom(gridCombinations(dims), 1, rng, seen);
  return config ? { config, key: comboKey(config) } : null;
}
