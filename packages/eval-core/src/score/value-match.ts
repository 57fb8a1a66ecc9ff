import { standardizeString } from '@llmbench/bfcl';
import type { ParamScoringMode } from '@llmbench/contracts';
import { isPlainObject } from './json-text.js';
import { safeRegexMatch } from './safe-regex.js';

/** Default epsilon of `numeric_tolerance`. */
export const DEFAULT_EPSILON = 0.01;

// Deeper than any sane argument; keeps a hostile payload from exhausting the stack.
const MAX_DEPTH = 64;

type Leaf = (expected: unknown, actual: unknown) => boolean;

/** `exact` on scalars: strings case-insensitively, numbers numerically (5 == 5.0), others strictly. */
const exactLeaf: Leaf = (e, a) => {
  if (typeof e === 'string' && typeof a === 'string') return e.toLowerCase() === a.toLowerCase();
  return e === a;
};

/** Numbers and numeric strings ("5", " 2.5 "); null for anything else. */
function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : null;
}

function numericLeaf(epsilon: number): Leaf {
  return (e, a) => {
    const en = asNumber(e);
    const an = asNumber(a);
    if (en === null || an === null) return exactLeaf(e, a);
    // Relative slack so that |1.0 − 1.01| ≤ 0.01 holds despite binary floating point.
    const slack = 1e-9 * Math.max(1, Math.abs(en), Math.abs(an));
    return Math.abs(en - an) <= epsilon + slack;
  };
}

/** BFCL's string standardisation (spaces and `,./-_*^` dropped, lower case) for loose text. */
const bfclLeaf: Leaf = (e, a) => {
  if (typeof e === 'string' && typeof a === 'string') return standardizeString(e) === standardizeString(a);
  return exactLeaf(e, a);
};

/** Structural equality: same array lengths and order, same object key sets, leaves by `leaf`. */
function deepMatch(e: unknown, a: unknown, leaf: Leaf, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(e) || Array.isArray(a)) {
    if (!Array.isArray(e) || !Array.isArray(a) || e.length !== a.length) return false;
    return e.every((item, i) => deepMatch(item, a[i], leaf, depth + 1));
  }
  if (isPlainObject(e) || isPlainObject(a)) {
    if (!isPlainObject(e) || !isPlainObject(a)) return false;
    const keys = Object.keys(e);
    if (keys.length !== Object.keys(a).length) return false;
    return keys.every((k) => Object.hasOwn(a, k) && deepMatch(e[k], a[k], leaf, depth + 1));
  }
  return leaf(e, a);
}

/** A value as text: strings as they are, everything else as JSON. */
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  return JSON.stringify(v) ?? String(v);
}

function containsMatch(e: unknown, a: unknown): boolean {
  const et = asText(e).toLowerCase();
  const at = asText(a).toLowerCase();
  // "" is a substring of everything: an empty value would otherwise match any expectation.
  if (et === '' || at === '') return et === at;
  return at.includes(et) || et.includes(at);
}

function assertNever(value: never): never {
  throw new Error(`unhandled scoring mode ${String(value)}`);
}

/**
 * Compares one expected parameter value with the model's.
 *
 * | mode | rule |
 * |---|---|
 * | exact | strings case-insensitive, numbers numeric, objects/arrays deep (same keys, same order of items, nested strings case-insensitive) |
 * | case_insensitive | the same as exact (kept as a name users know) |
 * | contains | both as lower-case text; either contains the other (empty only matches empty) |
 * | numeric_tolerance | numbers or numeric strings within epsilon, deep through objects/arrays; else exact |
 * | regex | the expected string (`pat` or `/pat/flags`) searched in the actual text; invalid or unsafe → string equality |
 * | bfcl | strings standardised as BFCL does, else exact (for cases without BFCL data) |
 *
 * @param expected the expected value
 * @param actual the model's value (undefined when the key is missing: never a match)
 * @param mode the comparison mode
 * @param epsilon tolerance of `numeric_tolerance` (default 0.01)
 * @returns whether they match; never throws
 */
export function valuesMatch(
  expected: unknown,
  actual: unknown,
  mode: ParamScoringMode,
  epsilon = DEFAULT_EPSILON,
): boolean {
  if (actual === undefined) return false;
  switch (mode) {
    case 'exact':
    case 'case_insensitive':
      return deepMatch(expected, actual, exactLeaf);
    case 'numeric_tolerance':
      return deepMatch(expected, actual, numericLeaf(epsilon));
    case 'bfcl':
      return deepMatch(expected, actual, bfclLeaf);
    case 'contains':
      return containsMatch(expected, actual);
    case 'regex':
      return typeof expected === 'string'
        ? safeRegexMatch(expected, asText(actual))
        : deepMatch(expected, actual, exactLeaf);
    default:
      return assertNever(mode);
  }
}
