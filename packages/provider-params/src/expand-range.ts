/** Options of {@link expandRange}. */
export interface RangeSpec {
  min: number;
  max: number;
  step: number;
  /** Refuse ranges with more values than this (default 1000). */
  max_count?: number;
}

/** The default cap on the number of values {@link expandRange} produces. */
export const MAX_RANGE_VALUES = 1000;
const MAX_DECIMALS = 12;

function decimals(x: number): number {
  const [mantissa = '', exponent] = String(x).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/**
 * Expands `{min, max, step}` into the values `min, min+step, …` up to `max` inclusive, exactly: the
 * arithmetic runs on integers scaled by the decimals of the inputs, so `0.1` steps give `0.1, 0.2, 0.3`
 * (not `0.30000000000000004`). `max` is included only when a step lands on it.
 *
 * @example
 * expandRange({ min: 0, max: 0.3, step: 0.1 }) // [0, 0.1, 0.2, 0.3]
 * @param range - `min`, `max`, `step` (> 0) and an optional `max_count`
 * @returns the values in ascending order
 * @throws RangeError on a non-finite bound, `step <= 0`, `min > max`, more than 12 decimals, or too many values
 */
export function expandRange(range: RangeSpec): number[] {
  const { min, max, step } = range;
  const cap = range.max_count ?? MAX_RANGE_VALUES;
  if (![min, max, step].every(Number.isFinite))
    throw new RangeError('min, max and step must be finite numbers');
  if (step <= 0) throw new RangeError('step must be greater than 0');
  if (min > max) throw new RangeError('min must not be greater than max');
  const places = Math.max(decimals(min), decimals(max), decimals(step));
  if (places > MAX_DECIMALS) throw new RangeError(`at most ${MAX_DECIMALS} decimal places are supported`);
  const scale = 10 ** places;
  const [lo, hi, inc] = [min, max, step].map((v) => Math.round(v * scale)) as [number, number, number];
  if (![lo, hi, inc].every(Number.isSafeInteger))
    throw new RangeError('range is too large to expand exactly');
  const count = Math.floor((hi - lo) / inc) + 1;
  if (count > cap) throw new RangeError(`range has ${count} values; the limit is ${cap}`);
  return Array.from({ length: count }, (_, i) => (lo + i * inc) / scale);
}
