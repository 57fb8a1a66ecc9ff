import type { LosslessValue } from '../py-value.js';

const STRIPPED = /[ ,./\-_*^]/g;

/**
 * BFCL's string standardisation: drop spaces and `, . / - _ * ^`, lower-case, and turn `'` into
 * `"`. `"New_York/NY."` and `"new york, ny"` both become `newyorkny`.
 * @param s any string
 * @returns the standardised string
 */
export function standardizeString(s: string): string {
  return s.replace(STRIPPED, '').toLowerCase().replaceAll("'", '"');
}

/** @returns `v` standardised when it is a string, otherwise `v` unchanged. */
export function standardizeIfString(v: LosslessValue): LosslessValue {
  return typeof v === 'string' ? standardizeString(v) : v;
}

/**
 * Python iterates a str by code point and a list by element; BFCL sometimes iterates an
 * accepted value without checking which it is (that is how `""` accepts `[]`).
 * @returns the elements, or null for values Python could not iterate that way
 */
export function pyIterable(v: LosslessValue): readonly LosslessValue[] | null {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return Array.from(v);
  return null;
}

/** Python `"" in v` for a list (element test) or a str (always true: substring test). */
export function allowsOmission(v: LosslessValue): boolean {
  if (typeof v === 'string') return true;
  return Array.isArray(v) && v.includes('');
}
