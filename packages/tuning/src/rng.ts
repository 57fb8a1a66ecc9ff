/**
 * A seeded pseudo-random number generator. Samplers take one as a parameter (never `Math.random`) so a
 * tune is reproducible from its seed and tests are deterministic.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
}

/**
 * mulberry32: a 32-bit state PRNG. Chosen because it is tiny, fast and statistically good enough for
 * sampling configurations (not for cryptography).
 *
 * @example
 * const rng = mulberry32(42);
 * rng.next(); // same value on every run
 * @param seed - any number; only its low 32 bits are used
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** A float in [min, max). */
export function uniform(rng: Rng, min = 0, max = 1): number {
  return min + (max - min) * rng.next();
}

/**
 * An integer in [min, max] (both inclusive).
 * @throws RangeError when `max < min` or a bound is not an integer
 */
export function randInt(rng: Rng, min: number, max: number): number {
  if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
    throw new RangeError(`invalid integer range [${min}, ${max}]`);
  }
  return min + Math.floor(rng.next() * (max - min + 1));
}

/**
 * One element chosen uniformly.
 * @throws RangeError on an empty array
 */
export function choice<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('cannot choose from an empty array');
  return items[randInt(rng, 0, items.length - 1)] as T;
}

/** A shuffled copy (Fisher–Yates); the input is left untouched. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randInt(rng, 0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * An index drawn with probability proportional to `weights` (non-negative; all zero → uniform).
 * @throws RangeError on an empty array
 */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  if (weights.length === 0) throw new RangeError('cannot choose from an empty array');
  const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (total <= 0) return randInt(rng, 0, weights.length - 1);
  let r = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= Math.max(0, weights[i] ?? 0);
    if (r < 0) return i;
  }
  return weights.length - 1;
}
