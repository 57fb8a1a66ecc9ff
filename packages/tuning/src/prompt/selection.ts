import { mulberry32, shuffle } from '../rng.js';

/** A scored candidate of a generation. */
export interface Scored {
  id: string;
  score: number;
}

/**
 * Survivors of a generation: the best `ratio` share (at least one), best first; ties keep the
 * given order (earlier candidates first), so selection is deterministic.
 */
export function selectSurvivors<T extends Scored>(candidates: readonly T[], ratio: number): T[] {
  if (!(ratio > 0 && ratio <= 1)) throw new RangeError(`ratio must be in (0, 1] (got ${ratio})`);
  const ranked = candidates.map((c, i) => ({ c, i })).sort((a, b) => b.c.score - a.c.score || a.i - b.i);
  return ranked.slice(0, Math.max(1, Math.floor(candidates.length * ratio))).map((r) => r.c);
}

/** Suites with at least this many cases get a default validation split. */
export const VALIDATION_MIN_CASES = 10;
export const DEFAULT_VALIDATION_SPLIT = 0.3;

/**
 * Splits case ids into training (selection happens here) and held-out validation cases (the best
 * prompt is re-scored on them, to show overfitting). Seeded, so a resumed run splits the same way.
 * @param split - held-out share; undefined = 0.3 from 10 cases on, else none
 */
export function splitCases(
  ids: readonly string[],
  split: number | undefined,
  seed: number,
): { train: string[]; validation: string[] } {
  const share = split ?? (ids.length >= VALIDATION_MIN_CASES ? DEFAULT_VALIDATION_SPLIT : 0);
  const held = Math.min(ids.length - 1, Math.round(ids.length * share));
  if (held <= 0) return { train: [...ids], validation: [] };
  const order = shuffle(mulberry32(seed), ids);
  const validation = new Set(order.slice(0, held));
  return {
    train: ids.filter((id) => !validation.has(id)),
    validation: ids.filter((id) => validation.has(id)),
  };
}
