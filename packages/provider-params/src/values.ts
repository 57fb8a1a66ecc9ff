/**
 * The ordered reasoning-effort scale. A value on the scale that a model does not accept moves to the nearest
 * accepted one (ties go up: asking for some reasoning should not turn it off).
 */
export const REASONING_EFFORT_SCALE = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
/** A value of {@link REASONING_EFFORT_SCALE}. */
export type ReasoningEffort = (typeof REASONING_EFFORT_SCALE)[number];

/** A plain JSON object (not null, not an array, not a class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Structural equality of JSON-like values (key order does not matter). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Reads a dotted path (`thinking.type`) from an object; `undefined` when any step is missing. */
export function getPath(source: Record<string, unknown>, path: string): unknown {
  let current: unknown = source;
  for (const part of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/**
 * The allowed value nearest to `value` on `scale`, or `undefined` when `value` is not on the scale or no
 * allowed value is. Ties resolve towards the higher end of the scale.
 */
export function nearestOnScale(
  value: string,
  allowed: readonly string[],
  scale: readonly string[],
): string | undefined {
  const at = scale.indexOf(value);
  if (at < 0) return undefined;
  let best: { value: string; distance: number; index: number } | undefined;
  for (const candidate of allowed) {
    const index = scale.indexOf(candidate);
    if (index < 0) continue;
    const distance = Math.abs(index - at);
    if (!best || distance < best.distance || (distance === best.distance && index > best.index)) {
      best = { value: candidate, distance, index };
    }
  }
  return best?.value;
}

/** Short JSON rendering of a value for reasons and warnings. */
export function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
