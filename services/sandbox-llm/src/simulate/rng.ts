import { randomInt } from 'node:crypto';

/** A seeded source of randomness; every simulated decision draws from one of these. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A key of `weights`, drawn proportionally to its (non-negative) weight. */
  weighted<K extends string>(weights: Partial<Record<K, number>>): K;
  /** A shuffled copy of `items` (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * cyrb53-style 32-bit string hash. Chosen over FNV because it mixes well on the long, similar
 * JSON strings we hash (two requests differing in one digit must give unrelated seeds).
 * @param text - any string
 * @returns an unsigned 32-bit integer
 */
export function hashString(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/**
 * mulberry32: tiny, fast and good enough for simulation (not for cryptography).
 * @param seed - 32-bit seed
 * @returns a function producing floats in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh, unpredictable 32-bit seed for requests that ask for no determinism. */
export function freshSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}

/**
 * Creates an {@link Rng}.
 * @param seed - a number (used as is) or a string (hashed with {@link hashString})
 * @returns a deterministic generator: the same seed always yields the same sequence
 * @example
 * const rng = createRng('sandbox-precise|[...messages]');
 * if (rng.chance(0.1)) mangle(args);
 */
export function createRng(seed: number | string): Rng {
  const next = mulberry32(typeof seed === 'number' ? seed : hashString(seed));
  const rng: Rng = {
    next,
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty array');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted: <K extends string>(weights: Partial<Record<K, number>>): K => {
      const entries = Object.entries(weights).filter((e): e is [K, number] => (e[1] as number) > 0);
      if (entries.length === 0) throw new Error('weighted pick needs a positive weight');
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let u = next() * total;
      for (const [key, w] of entries) {
        u -= w;
        if (u < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
  return rng;
}
