import { describe, expect, it } from 'vitest';
import { findJsonSpans, outerBraceSpan, tryParseJson } from './json-text.js';
import { decodeNestedJsonStrings } from './nested-json.js';

const schema = {
  type: 'object',
  properties: {
    o: { type: 'object', properties: { inner: { type: 'array', items: { type: 'object' } } } },
    a: { type: 'array', items: { type: 'object', properties: { x: { type: 'object' } } } },
    s: { type: 'string' },
    either: { type: ['object', 'string'] },
    multi: { type: ['object', 'null'] },
  },
};

describe(decodeNestedJsonStrings.name, () => {
  it.each([
    ['object string', { o: '{"k": 1}' }, { o: { k: 1 } }, true],
    ['array string', { a: '[{"x": {}}]' }, { a: [{ x: {} }] }, true],
    ['deeper strings', { o: { inner: '[{"z": 1}]' } }, { o: { inner: [{ z: 1 }] } }, true],
    ['strings inside arrays', { a: [{ x: '{"q": 2}' }] }, { a: [{ x: { q: 2 } }] }, true],
    ['union including object', { multi: '{"m": 1}' }, { multi: { m: 1 } }, true],
    ['string-typed property', { s: '{"k": 1}' }, { s: '{"k": 1}' }, false],
    ['union including string', { either: '{"k": 1}' }, { either: '{"k": 1}' }, false],
    ['wrong container kind', { o: '[1]' }, { o: '[1]' }, false],
    ['invalid JSON', { o: '{oops' }, { o: '{oops' }, false],
    ['not JSON-looking', { o: 'hello' }, { o: 'hello' }, false],
    ['undeclared key', { z: '{"k": 1}' }, { z: '{"k": 1}' }, false],
  ])('%s', (_label, value, expected, changed) => {
    expect(decodeNestedJsonStrings(value, schema)).toEqual({ value: expected, changed });
  });

  it('does nothing without a schema', () => {
    expect(decodeNestedJsonStrings({ o: '{}' }, undefined)).toEqual({ value: { o: '{}' }, changed: false });
  });
});

describe('json-text', () => {
  it('parses without throwing', () => {
    expect(tryParseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(tryParseJson('{')).toEqual({ ok: false });
  });

  it('finds balanced spans, skipping brackets in strings', () => {
    expect(findJsonSpans('a {"x": "}"} b [1, [2]] c {')).toEqual(['{"x": "}"}', '[1, [2]]']);
    expect(findJsonSpans('{"s": "\\"}"}')).toEqual(['{"s": "\\"}"}']);
  });

  it('takes the first-{ to last-} span', () => {
    expect(outerBraceSpan('x {a} y {b} z')).toBe('{a} y {b}');
    expect(outerBraceSpan('} no {')).toBeNull();
  });
});
