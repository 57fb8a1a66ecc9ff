/**
 * JSON values typed the way Python's `json` module types them. BFCL's checker runs on Python
 * values, and a JavaScript `number` cannot tell `5` (int) from `5.0` (float), so numbers are
 * wrapped; strings, booleans, null, arrays and objects stay plain JavaScript.
 */

/** A JSON number written without `.` or exponent: a Python `int`. Exact at any size (bigint). */
export class PyInt {
  readonly value: bigint;
  /** @param value an integer; a `number` must satisfy `Number.isInteger`. */
  constructor(value: bigint | number) {
    if (typeof value === 'number' && !Number.isInteger(value)) {
      throw new RangeError(`PyInt needs an integer, got ${value}`);
    }
    this.value = BigInt(value);
  }
  toJSON(): number {
    return Number(this.value);
  }
}

/** A JSON number written with `.` or an exponent (or NaN/Infinity): a Python `float`. */
export class PyFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/** A JSON value with Python's int/float distinction kept. */
export type LosslessValue = null | boolean | string | PyInt | PyFloat | LosslessValue[] | LosslessObject;
/** A JSON object (Python `dict`) of lossless values. */
export interface LosslessObject {
  [key: string]: LosslessValue;
}

/** The Python type name of a decoded JSON value, as `type(v).__name__` prints it. */
export type PyTypeName = 'str' | 'int' | 'float' | 'bool' | 'NoneType' | 'list' | 'dict';

/** Shorthand for `new PyInt(n)`. */
export const pyInt = (n: bigint | number): PyInt => new PyInt(n);
/** Shorthand for `new PyFloat(n)`. */
export const pyFloat = (n: number): PyFloat => new PyFloat(n);

/** @returns true for a JSON object (not an array, null or a number wrapper). */
export function isLosslessObject(v: unknown): v is LosslessObject {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyInt || v instanceof PyFloat)
  );
}

/** @returns Python's `type(v).__name__` for a lossless JSON value. */
export function pyTypeOf(v: LosslessValue): PyTypeName {
  if (v === null) return 'NoneType';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof PyInt) return 'int';
  if (v instanceof PyFloat) return 'float';
  return Array.isArray(v) ? 'list' : 'dict';
}

// JavaScript lists integer-like keys ("1", "2") first; Python keeps insertion order. The parser
// records the order it read, so checks that walk a dict visit keys in the same order as BFCL.
const keyOrder = new WeakMap<object, string[]>();

/** Records the key order of an object built by the parser. */
export function rememberKeyOrder(obj: LosslessObject, keys: string[]): void {
  keyOrder.set(obj, keys);
}

/** @returns the keys of `obj` in insertion (Python) order. */
export function orderedKeys(obj: LosslessObject): string[] {
  const recorded = keyOrder.get(obj);
  const own = Object.keys(obj);
  if (!recorded) return own;
  const kept = recorded.filter((k) => Object.hasOwn(obj, k));
  return kept.length === own.length ? kept : [...kept, ...own.filter((k) => !kept.includes(k))];
}

/** @returns whether `obj` has its own key `key` (Python `key in dict`). */
export function hasKey(obj: LosslessObject, key: string): boolean {
  return Object.hasOwn(obj, key);
}

/** Sets `obj[key]` as an own property, also for the key `__proto__`. */
export function setKey(obj: LosslessObject, key: string, value: LosslessValue): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/** @returns an object with the given entries, in order. */
export function makeObject(entries: Iterable<readonly [string, LosslessValue]>): LosslessObject {
  const obj: LosslessObject = {};
  const keys: string[] = [];
  for (const [k, v] of entries) {
    if (!hasKey(obj, k)) keys.push(k);
    setKey(obj, k, v);
  }
  rememberKeyOrder(obj, keys);
  return obj;
}

type PyNumeric = { exact: bigint } | { float: number };

function numericOf(v: LosslessValue): PyNumeric | null {
  if (typeof v === 'boolean') return { exact: v ? 1n : 0n }; // Python: bool is an int subclass
  if (v instanceof PyInt) return { exact: v.value };
  if (v instanceof PyFloat) return { float: v.value };
  return null;
}

function numericEquals(a: PyNumeric, b: PyNumeric): boolean {
  if ('exact' in a && 'exact' in b) return a.exact === b.exact;
  // `==` between a bigint and a number compares the mathematical values exactly, like Python.
  const x = 'exact' in a ? a.exact : a.float;
  const y = 'exact' in b ? b.exact : b.float;
  return x == y;
}

/**
 * Python `a == b` for decoded JSON values: `1 == 1.0 == True`, lists element-wise, dicts by key
 * set and values, NaN unequal to itself, and no equality across other types.
 */
export function pyEquals(a: LosslessValue, b: LosslessValue): boolean {
  const na = numericOf(a);
  const nb = numericOf(b);
  if (na || nb) return na !== null && nb !== null && numericEquals(na, nb);
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => pyEquals(item, b[i] as LosslessValue));
  }
  if (!isLosslessObject(a) || !isLosslessObject(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => hasKey(b, k) && pyEquals(a[k] as LosslessValue, b[k] as LosslessValue));
}

/** Python `item in list`: true when any element equals `item`. */
export function pyIn(item: LosslessValue, list: readonly LosslessValue[]): boolean {
  return list.some((e) => pyEquals(item, e));
}
