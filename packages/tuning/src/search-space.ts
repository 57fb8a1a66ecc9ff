import { MAX_RANGE_VALUES, expandRange } from '@llmbench/provider-params';
import { z } from 'zod';

/** A value a search dimension may take: a JSON scalar (objects and arrays are not searchable). */
export const JsonScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type JsonScalar = z.infer<typeof JsonScalar>;

/** A numeric range dimension, expanded with `expandRange` (min, min+step, … ≤ max). */
export const RangeDimension = z.strictObject({
  min: z.number(),
  max: z.number(),
  step: z.number(),
});
export type RangeDimension = z.infer<typeof RangeDimension>;

/** A dimension: an explicit non-empty list of values, or a numeric range. */
export const Dimension = z.union([z.array(JsonScalar).min(1), RangeDimension]);
export type Dimension = z.infer<typeof Dimension>;

/**
 * The `search_space` of a tune request: parameter name (any tier-1/2/3 parameter or `tool_choice`) →
 * dimension. This is the shape check only; {@link parseSearchSpace} also checks ranges and the combination
 * count and reports errors per dimension.
 */
export const SearchSpace = z.record(z.string().min(1), Dimension);
export type SearchSpace = z.infer<typeof SearchSpace>;

/** One combination: parameter name → value. */
export type Config = Record<string, JsonScalar>;

/** A dimension after expansion. */
export interface ExpandedDimension {
  name: string;
  /** Distinct values in input order (ranges ascending). */
  values: JsonScalar[];
}

/** A validation error; `path` is like `search_space.temperature.step`. */
export interface SearchSpaceIssue {
  path: string;
  message: string;
}

/** Output of {@link parseSearchSpace}. */
export interface ParsedSearchSpace {
  dimensions: ExpandedDimension[];
  errors: SearchSpaceIssue[];
}

/** Options of {@link parseSearchSpace}. */
export interface ParseSearchSpaceOptions {
  /** Maximum grid size (default {@link MAX_COMBINATIONS}). */
  maxCombinations?: number;
  /** When given, dimensions for which it returns false are rejected as unknown parameters. */
  isKnownDimension?: (name: string) => boolean;
}

/** Default cap on the cartesian product of a search space. */
export const MAX_COMBINATIONS = 10_000;

const ROOT = 'search_space';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function expandOne(name: string, raw: unknown, errors: SearchSpaceIssue[]): JsonScalar[] | null {
  const path = `${ROOT}.${name}`;
  const fail = (suffix: string, message: string): null => {
    errors.push({ path: suffix ? `${path}.${suffix}` : path, message });
    return null;
  };
  if (Array.isArray(raw)) {
    if (raw.length === 0) return fail('', `${name}: the list of values is empty`);
    const bad = raw.findIndex((v) => !JsonScalar.safeParse(v).success);
    if (bad >= 0)
      return fail(String(bad), `${name}: values must be strings, finite numbers, booleans or null`);
    return dedupe(raw as JsonScalar[]);
  }
  if (!isPlainObject(raw)) {
    return fail('', `${name}: expected a list of values or {min, max, step}, got ${typeName(raw)}`);
  }
  const parsed = RangeDimension.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path[0] === undefined ? '' : String(issue.path[0]);
    const detail = issue?.code === 'unrecognized_keys' ? issue.message : 'must be a finite number';
    return fail(key, `${name}${key ? `.${key}` : ''}: ${detail}`);
  }
  const { min, max, step } = parsed.data;
  // Checked here (before expandRange) so each error names the offending field.
  if (step <= 0) return fail('step', `${name}.step: must be greater than 0 (got ${step})`);
  if (min > max) return fail('min', `${name}.min: must not be greater than max (${min} > ${max})`);
  try {
    return expandRange({ min, max, step, max_count: MAX_RANGE_VALUES });
  } catch (e) {
    return fail('', `${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  return typeof v;
}

function dedupe(values: readonly JsonScalar[]): JsonScalar[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = JSON.stringify(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Validates and expands a `search_space`. Unlike the legacy product (which silently skipped bad
 * dimensions and ran defaults), every problem is an error naming its dimension.
 *
 * @example
 * parseSearchSpace({ temperature: { min: 0, max: 1, step: 0.5 }, tool_choice: ['auto', 'required'] })
 * // { dimensions: [{ name: 'temperature', values: [0, 0.5, 1] }, { name: 'tool_choice', values: ['auto', 'required'] }], errors: [] }
 * @param input - the raw `search_space` value from a request
 * @param options - combination cap and an optional known-parameter predicate
 * @returns expanded dimensions in input order (empty when there are errors) and the errors
 */
export function parseSearchSpace(input: unknown, options: ParseSearchSpaceOptions = {}): ParsedSearchSpace {
  const cap = options.maxCombinations ?? MAX_COMBINATIONS;
  const errors: SearchSpaceIssue[] = [];
  if (!isPlainObject(input)) {
    return { dimensions: [], errors: [{ path: ROOT, message: 'search_space must be an object' }] };
  }
  const names = Object.keys(input);
  if (names.length === 0) {
    return { dimensions: [], errors: [{ path: ROOT, message: 'search_space has no dimensions' }] };
  }
  const dimensions: ExpandedDimension[] = [];
  for (const name of names) {
    if (options.isKnownDimension && !options.isKnownDimension(name)) {
      errors.push({ path: `${ROOT}.${name}`, message: `${name}: unknown parameter` });
      continue;
    }
    const values = expandOne(name, input[name], errors);
    if (values) dimensions.push({ name, values });
  }
  if (errors.length > 0) return { dimensions: [], errors };
  const count = countCombinations(dimensions);
  if (count > cap) {
    const sizes = dimensions.map((d) => `${d.name} (${d.values.length})`).join(' × ');
    errors.push({ path: ROOT, message: `${count} combinations exceed the limit of ${cap}: ${sizes}` });
    return { dimensions: [], errors };
  }
  return { dimensions, errors };
}

/** The size of the cartesian product of `dims` (1 for no dimensions). */
export function countCombinations(dims: readonly ExpandedDimension[]): number {
  return dims.reduce((n, d) => n * d.values.length, 1);
}

/**
 * The cartesian product of `dims` in a deterministic order: the first dimension varies slowest and the
 * last fastest (like an odometer), values in dimension order.
 *
 * @example
 * gridCombinations([{ name: 'a', values: [1, 2] }, { name: 'b', values: ['x', 'y'] }])
 * // [{a:1,b:'x'}, {a:1,b:'y'}, {a:2,b:'x'}, {a:2,b:'y'}]
 * @throws RangeError when the product exceeds `maxCombos` (default 10 000), naming each dimension's size
 */
export function gridCombinations(dims: readonly ExpandedDimension[], maxCombos = MAX_COMBINATIONS): Config[] {
  const count = countCombinations(dims);
  if (count > maxCombos) {
    const sizes = dims.map((d) => `${d.name} (${d.values.length})`).join(' × ');
    throw new RangeError(`${count} combinations exceed the limit of ${maxCombos}: ${sizes}`);
  }
  let combos: Config[] = [{}];
  for (const dim of dims) {
    const next: Config[] = [];
    for (const base of combos) for (const v of dim.values) next.push({ ...base, [dim.name]: v });
    combos = next;
  }
  return combos;
}

/**
 * A stable key for a combination: JSON with keys sorted, so `{a:1,b:2}` and `{b:2,a:1}` collide. Used
 * to de-duplicate combinations (for instance after provider clamping).
 */
export function comboKey(config: Readonly<Record<string, unknown>>): string {
  const sorted = Object.keys(config)
    .sort()
    .map((k) => [k, config[k]]);
  return JSON.stringify(sorted);
}
