import { type Rng, shuffle } from '../rng.js';
import { type Config, comboKey } from '../search-space.js';

/**
 * Picks `n` distinct combinations from `combos` uniformly without replacement. Duplicates (by
 * {@link comboKey}) count once, so fewer than `n` come back only when the grid is smaller than `n`.
 *
 * @example
 * sampleRandom(gridCombinations(dims), 20, mulberry32(42)) // same 20 combos for seed 42 every time
 * @param combos - the grid (order matters for determinism)
 * @param n - how many to pick (≥ 0)
 * @param rng - the seeded generator
 * @param exclude - keys to skip (e.g. combinations already evaluated)
 */
export function sampleRandom(
  combos: readonly Config[],
  n: number,
  rng: Rng,
  exclude: ReadonlySet<string> = new Set(),
): Config[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer (got ${n})`);
  const seen = new Set(exclude);
  const unique = combos.filter((c) => {
    const key = comboKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // A full shuffle is fine: grids are capped at 10 000 combinations.
  return shuffle(rng, unique).slice(0, n);
}
