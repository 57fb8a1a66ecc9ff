import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Target } from '@llmbench/contracts';
import { usageError } from './errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** `provider::model` → a target; the model id may itself contain `::` (split on the first). */
export function parseTarget(text: string, option = '--target'): Target {
  const at = text.indexOf('::');
  const target = { provider_key: text.slice(0, at), model_id: text.slice(at + 2) };
  if (at <= 0 || !target.model_id) throw usageError(`${option}: expected provider::model, got "${text}"`);
  return target;
}

/** A JSON object given inline, or `@path` read with `readFile`. */
export function parseJsonObject(
  text: string,
  option: string,
  readFile: (path: string) => string,
): Record<string, unknown> {
  let source = text;
  if (text.startsWith('@')) {
    try {
      source = readFile(text.slice(1));
    } catch (err) {
      throw usageError(`${option}: cannot read ${text.slice(1)}: ${(err as Error).message}`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    throw usageError(`${option}: not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw usageError(`${option}: expected a JSON object`);
  return value as Record<string, unknown>;
}

/** Parsed options and positionals of one command, with typed, validating accessors. */
export class Args {
  constructor(
    private readonly values: Values,
    readonly positionals: readonly string[],
  ) {}

  string(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === 'string' ? v : undefined;
  }

  required(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw usageError(`--${name} is required`);
    return v;
  }

  list(name: string): string[] {
    const v = this.values[name];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  number(name: string, range: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const n = Number(text);
    const { min = -Infinity, max = Infinity, integer = false } = range;
    const kind = integer ? 'an integer' : 'a number';
    if (text.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)))
      throw usageError(`--${name}: expected ${kind}, got "${text}"`);
    if (n < min || n > max) throw usageError(`--${name}: expected ${kind} from ${min} to ${max}, got ${n}`);
    return n;
  }

  /** One or more `--name provider::model`. */
  targets(name = 'target'): Target[] {
    const list = this.list(name);
    if (list.length === 0) throw usageError(`--${name} provider::model is required (repeat it for more)`);
    return list.map((t) => parseTarget(t, `--${name}`));
  }

  target(name: string): Target {
    return parseTarget(this.required(name), `--${name}`);
  }
}

/**
 * Parses a command's arguments strictly: unknown options, missing values and a wrong number of
 * positionals are usage errors (exit 2), never silently ignored.
 */
export function parseCommandArgs(
  argv: readonly string[],
  options: OptionSpec,
  positionals: readonly string[],
): Args {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    // Node's message goes on to explain `--` escaping; the first sentence is the useful part.
    throw usageError((err as Error).message.split('. ')[0] ?? 'bad arguments');
  }
  if (parsed.positionals.length !== positionals.length) {
    const expected = positionals.length === 0 ? 'no arguments' : positionals.join(' ');
    throw usageError(
      `expected ${expected}, got ${parsed.positionals.length === 0 ? 'none' : parsed.positionals.join(' ')}`,
    );
  }
  return new Args(parsed.values, parsed.positionals);
}
