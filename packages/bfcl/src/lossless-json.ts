import { pyFloatRepr } from './py-repr.js';
import {
  type LosslessObject,
  type LosslessValue,
  PyFloat,
  PyInt,
  hasKey,
  isLosslessObject,
  orderedKeys,
  rememberKeyOrder,
  setKey,
} from './py-value.js';

/** A JSON syntax error, with the 1-based line and column where parsing stopped. */
export class LosslessJsonError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} at line ${line} column ${column} (char ${position})`);
    this.name = 'LosslessJsonError';
  }
}

/** The top-level object of a JSON text, with the exact source text of each member's value. */
export interface LosslessMembers {
  value: LosslessObject;
  /** Member name → its value's text exactly as written, e.g. `[{"f": {"a": [1.0]}}]`. */
  raw: Record<string, string>;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const CONSTANTS: ReadonlyArray<readonly [string, LosslessValue]> = [
  ['true', true],
  ['false', false],
  ['null', null],
  // Python's json.loads accepts these by default, so a model's arguments may contain them.
  ['NaN', new PyFloat(NaN)],
  ['Infinity', new PyFloat(Infinity)],
  ['-Infinity', new PyFloat(-Infinity)],
];

class Parser {
  pos = 0;
  readonly spans = new Map<string, readonly [number, number]>();
  constructor(readonly text: string) {}

  fail(message: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new LosslessJsonError(message, at, line, column);
  }

  skipWs(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos] as string)) this.pos++;
  }

  document(recordSpans: boolean): LosslessValue {
    this.skipWs();
    const value = this.value(recordSpans);
    this.skipWs();
    if (this.pos < this.text.length) this.fail('Extra data after the JSON value');
    return value;
  }

  value(recordSpans = false): LosslessValue {
    const ch = this.text[this.pos];
    if (ch === '{') return this.object(recordSpans);
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    for (const [word, v] of CONSTANTS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    return this.number();
  }

  number(): LosslessValue {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail(this.pos >= this.text.length ? 'Unexpected end of input' : 'Expecting value');
    this.pos += m[0].length;
    return m[1] !== undefined || m[2] !== undefined ? new PyFloat(Number(m[0])) : new PyInt(BigInt(m[0]));
  }

  string(): string {
    const start = this.pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('Unterminated string', start);
      if (ch === '"') break;
      if (ch < ' ') this.fail('Invalid control character in string');
      if (ch === '\\') out += this.escape();
      else {
        out += ch;
        this.pos++;
      }
    }
    this.pos++;
    return out;
  }

  escape(): string {
    const code = this.text[this.pos + 1] ?? '';
    if (code === 'u') {
      const hex = this.text.slice(this.pos + 2, this.pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape');
      this.pos += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const decoded = ESCAPES[code];
    if (decoded === undefined) this.fail('Invalid \\escape');
    this.pos += 2;
    return decoded;
  }

  array(): LosslessValue[] {
    this.pos++;
    const items: LosslessValue[] = [];
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      this.skipWs();
      items.push(this.value());
      this.skipWs();
      const ch = this.text[this.pos++];
      if (ch === ']') return items;
      if (ch !== ',') this.fail("Expecting ',' delimiter", this.pos - 1);
    }
  }

  object(recordSpans: boolean): LosslessObject {
    this.pos++;
    const obj: LosslessObject = {};
    const keys: string[] = [];
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos++;
      rememberKeyOrder(obj, keys);
      return obj;
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const key = this.string();
      this.skipWs();
      if (this.text[this.pos++] !== ':') this.fail("Expecting ':' delimiter", this.pos - 1);
      this.skipWs();
      const start = this.pos;
      const v = this.value();
      if (recordSpans) this.spans.set(key, [start, this.pos]);
      if (!hasKey(obj, key)) keys.push(key); // a repeated key keeps its first place, last value
      setKey(obj, key, v);
      this.skipWs();
      const ch = this.text[this.pos++];
      if (ch === '}') break;
      if (ch !== ',') this.fail("Expecting ',' delimiter", this.pos - 1);
    }
    rememberKeyOrder(obj, keys);
    return obj;
  }
}

/**
 * Parses JSON like Python's `json.loads`: `5` becomes a {@link PyInt}, `5.0`/`5e0` a
 * {@link PyFloat}; NaN/Infinity are accepted; a repeated key keeps its last value.
 * @param text JSON text
 * @returns the lossless value
 * @throws LosslessJsonError on invalid JSON, with line and column
 * @example parseLosslessJson('{"a": 5.0}') // { a: PyFloat(5) }
 */
export function parseLosslessJson(text: string): LosslessValue {
  return new Parser(text).document(false);
}

/**
 * Parses a JSON object and also returns the source text of each top-level member's value,
 * so a field can be passed on exactly as written.
 * @param text JSON text whose top level is an object
 * @returns the object and the raw member texts
 * @throws LosslessJsonError on invalid JSON or when the top level is not an object
 */
export function parseLosslessJsonMembers(text: string): LosslessMembers {
  const parser: Parser = new Parser(text); // annotated so `fail(): never` narrows
  const value = parser.document(true);
  if (!isLosslessObject(value)) parser.fail('Expecting a JSON object', 0);
  const raw: Record<string, string> = {};
  for (const [key, [start, end]] of parser.spans) raw[key] = text.slice(start, end);
  return { value, raw };
}

/** A value as `JSON.parse` would give it. */
export type PlainJson = null | boolean | number | string | PlainJson[] | { [key: string]: PlainJson };

/**
 * Converts a lossless value to ordinary JavaScript (ints and floats both become `number`).
 * @param v lossless value
 * @returns the plain value
 */
export function toPlain(v: LosslessValue): PlainJson {
  if (v instanceof PyInt) return Number(v.value);
  if (v instanceof PyFloat) return v.value;
  if (Array.isArray(v)) return v.map(toPlain);
  if (isLosslessObject(v)) {
    const out: { [key: string]: PlainJson } = {};
    for (const k of orderedKeys(v)) out[k] = toPlain(v[k] as LosslessValue);
    return out;
  }
  return v;
}

/**
 * Converts ordinary JavaScript to a lossless value: integral numbers and bigints become ints,
 * other numbers floats. Use {@link PyFloat} directly for an integral float.
 * @param v a JSON-like value (PyInt/PyFloat inside are kept)
 * @returns the lossless value
 * @throws TypeError for values JSON cannot hold (undefined, functions, symbols)
 */
export function fromPlain(v: unknown): LosslessValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof PyInt || v instanceof PyFloat) return v;
  if (typeof v === 'bigint') return new PyInt(v);
  if (typeof v === 'number') return Number.isInteger(v) ? new PyInt(v) : new PyFloat(v);
  if (Array.isArray(v)) return v.map(fromPlain);
  if (typeof v === 'object') {
    const out: LosslessObject = {};
    for (const [k, item] of Object.entries(v)) setKey(out, k, fromPlain(item));
    return out;
  }
  throw new TypeError(`not a JSON value: ${typeof v}`);
}

function floatJson(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return pyFloatRepr(x);
}

/**
 * Writes compact JSON that keeps the int/float distinction: floats always carry a `.` or an
 * exponent (`5.0`, `1e+16`), so the text parses back to the same lossless value. Non-finite
 * floats are written as `NaN`/`Infinity`, as Python's `json.dumps` does.
 * @param v lossless value
 * @returns JSON text
 */
export function stringifyLossless(v: LosslessValue): string {
  if (v instanceof PyInt) return v.value.toString();
  if (v instanceof PyFloat) return floatJson(v.value);
  if (Array.isArray(v)) return `[${v.map(stringifyLossless).join(',')}]`;
  if (isLosslessObject(v)) {
    const parts = orderedKeys(v).map(
      (k) => `${JSON.stringify(k)}:${stringifyLossless(v[k] as LosslessValue)}`,
    );
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(v);
}
