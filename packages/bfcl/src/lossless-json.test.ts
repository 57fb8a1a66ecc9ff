import { describe, expect, it } from 'vitest';
import {
  LosslessJsonError,
  fromPlain,
  parseLosslessJson,
  parseLosslessJsonMembers,
  stringifyLossless,
  toPlain,
} from './lossless-json.js';
import { pyFloatRepr, pyRepr } from './py-repr.js';
import { type PyFloat, PyInt, orderedKeys, pyEquals, pyFloat, pyInt, pyTypeOf } from './py-value.js';

describe(parseLosslessJson.name, () => {
  it.each([
    ['5', pyInt(5)],
    ['-0', pyInt(0)],
    ['5.0', pyFloat(5)],
    ['5e0', pyFloat(5)],
    ['5E+2', pyFloat(500)],
    ['-2.5e-3', pyFloat(-0.0025)],
    ['123456789012345678901234567890', new PyInt(123456789012345678901234567890n)],
    ['"a\\u00e9\\n\\"\\/"', 'aé\n"/'],
    ['true', true],
    ['null', null],
    ['[]', []],
    [' [1, 2.0] ', [pyInt(1), pyFloat(2)]],
  ])('parses %s like Python json', (text, expected) => {
    expect(parseLosslessJson(text)).toEqual(expected);
  });

  it('accepts NaN and Infinity as Python json.loads does', () => {
    const v = parseLosslessJson('[NaN, Infinity, -Infinity]') as PyFloat[];
    expect(v.map((x) => x.value)).toEqual([NaN, Infinity, -Infinity]);
  });

  it('keeps int and float apart inside structures', () => {
    const v = parseLosslessJson('{"base": 10, "height": 5.0, "xs": [1, 2.5]}');
    expect(v).toEqual({ base: pyInt(10), height: pyFloat(5), xs: [pyInt(1), pyFloat(2.5)] });
  });

  it('keeps key order as written (Python dict order), also for integer-like keys', () => {
    const v = parseLosslessJson('{"b": 1, "2": 2, "a": 3, "1": 4}');
    expect(orderedKeys(v as Record<string, never>)).toEqual(['b', '2', 'a', '1']);
  });

  it('lets a repeated key keep its first place and last value', () => {
    const v = parseLosslessJson('{"x": 1, "y": 2, "x": 3}') as Record<string, never>;
    expect(orderedKeys(v)).toEqual(['x', 'y']);
    expect(v['x']).toEqual(pyInt(3));
  });

  it('stores a "__proto__" key as data', () => {
    const v = parseLosslessJson('{"__proto__": 1}') as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });

  it.each([
    ['', 'Unexpected end of input'],
    ['{"a": 1,}', 'Expecting property name'],
    ['[1 2]', "Expecting ',' delimiter"],
    ['01', 'Extra data'],
    ['"abc', 'Unterminated string'],
    ['"a\tb"', 'Invalid control character'],
    ["{'a': 1}", 'Expecting property name'],
    ['{"a" 1}', "Expecting ':' delimiter"],
    ['"\\x"', 'Invalid \\escape'],
    ['tru', 'Expecting value'],
  ])('rejects %j with a clear error', (text, message) => {
    expect(() => parseLosslessJson(text)).toThrow(LosslessJsonError);
    expect(() => parseLosslessJson(text)).toThrow(message);
  });

  it('reports the line and column of a syntax error', () => {
    try {
      parseLosslessJson('{\n  "a": [1,\n  ]\n}');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(LosslessJsonError);
      expect(err).toMatchObject({ line: 3, column: 3 });
    }
  });
});

describe(parseLosslessJsonMembers.name, () => {
  it('returns each member value exactly as written', () => {
    const text = '{"id": "x_0", "ground_truth": [{"f.g": {"a": [1.0, ""], "b": [ 2 ]}}]}';
    const { value, raw } = parseLosslessJsonMembers(text);
    expect(raw['ground_truth']).toBe('[{"f.g": {"a": [1.0, ""], "b": [ 2 ]}}]');
    expect(raw['id']).toBe('"x_0"');
    expect(value['id']).toBe('x_0');
  });

  it('requires an object at the top level', () => {
    expect(() => parseLosslessJsonMembers('[1]')).toThrow('Expecting a JSON object');
  });
});

describe(stringifyLossless.name, () => {
  it.each([
    [pyFloat(5), '5.0'],
    [pyFloat(-0), '-0.0'],
    [pyFloat(0.1), '0.1'],
    [pyFloat(1e16), '1e+16'],
    [pyFloat(1e-5), '1e-05'],
    [pyFloat(NaN), 'NaN'],
    [pyFloat(-Infinity), '-Infinity'],
    [pyInt(5), '5'],
    [new PyInt(2n ** 70n), '1180591620717411303424'],
  ])('writes %o as %s', (value, text) => {
    expect(stringifyLossless(value)).toBe(text);
  });

  it('round-trips through the parser, keeping 5.0 a float', () => {
    const text = '{"b":2,"1":[1,5.0,"x\\"y",null,true],"a":{"c":1e-07}}';
    const value = parseLosslessJson(text);
    expect(stringifyLossless(value)).toBe(text);
    expect(parseLosslessJson(stringifyLossless(value))).toEqual(value);
  });
});

describe(toPlain.name, () => {
  it('turns ints and floats into numbers', () => {
    expect(toPlain(parseLosslessJson('{"a": [1, 2.5, 5.0], "b": null}'))).toEqual({
      a: [1, 2.5, 5],
      b: null,
    });
  });

  it('is inverted by fromPlain up to the int/float distinction', () => {
    expect(fromPlain({ a: [1, 2.5], b: 'x' })).toEqual({ a: [pyInt(1), pyFloat(2.5)], b: 'x' });
    expect(fromPlain([pyFloat(5)])).toEqual([pyFloat(5)]);
    expect(() => fromPlain(undefined)).toThrow(TypeError);
  });
});

describe(pyEquals.name, () => {
  it.each([
    [pyInt(1), pyFloat(1), true],
    [true, pyInt(1), true],
    [true, pyFloat(1), true],
    [false, pyInt(0), true],
    [pyFloat(-0), pyInt(0), true],
    [pyFloat(3.14), pyFloat(3.1400001), false],
    [pyFloat(NaN), pyFloat(NaN), false],
    [new PyInt(2n ** 53n + 1n), pyFloat(2 ** 53), false],
    [pyInt(1), '1', false],
    [null, null, true],
    [[pyInt(1), 'a'], [pyFloat(1), 'a'], true],
    [[pyInt(1)], [pyInt(1), pyInt(2)], false],
    [{ a: pyInt(1), b: 'x' }, { b: 'x', a: true }, true],
    [{ a: pyInt(1) }, { a: pyInt(1), b: null }, false],
    [[], {}, false],
  ])('%o == %o is %s in Python', (a, b, expected) => {
    expect(pyEquals(a, b)).toBe(expected);
  });
});

describe(pyRepr.name, () => {
  it('prints values the way Python repr does', () => {
    expect(pyRepr(parseLosslessJson('{"a": [1, 5.0, true, null, "it\'s"], "b": "x"}'))).toBe(
      `{'a': [1, 5.0, True, None, "it's"], 'b': 'x'}`,
    );
    expect(pyTypeOf(pyFloat(1))).toBe('float');
  });

  it.each([
    [123.456, '123.456'],
    [1e15, '1000000000000000.0'],
    [0.0001, '0.0001'],
    [1.5e-7, '1.5e-07'],
    [-2.5e20, '-2.5e+20'],
  ])('writes the float %d as %s', (x, text) => {
    expect(pyFloatRepr(x)).toBe(text);
  });
});
