import { describe, expect, it } from 'vitest';
import { stringifyLossless } from './lossless-json.js';
import { referenceCalls } from './reference-answer.js';

const functions = JSON.stringify([
  {
    name: 'f.g',
    parameters: {
      type: 'dict',
      properties: {
        a: { type: 'float' },
        b: { type: 'string' },
        c: { type: 'dict' },
        d: { type: 'array', items: { type: 'dict' } },
        e: { type: 'string' },
      },
      required: ['a'],
    },
  },
]);

describe(referenceCalls.name, () => {
  it('takes the first non-"" accepted value, keeps int/float as written and resolves dicts', () => {
    const groundTruth =
      '[{"f.g": {"a": ["", 25.0], "b": ["x", ""], "c": [{"k": ["", "v"], "o": [""]}], "d": [[{"k": [1]}, {"k": [2.0]}]], "e": [""]}}]';
    const [call] = referenceCalls(groundTruth, functions);
    expect(call?.name).toBe('f.g');
    expect(stringifyLossless(call?.arguments ?? null)).toBe(
      '{"a":25.0,"b":"x","c":{"k":"v"},"d":[{"k":1},{"k":2.0}]}',
    );
  });

  it('returns one call per ground-truth entry', () => {
    const calls = referenceCalls('[{"f.g": {"a": [1]}}, {"f.g": {"a": [2.5]}}]', functions);
    expect(calls.map((c) => stringifyLossless(c.arguments))).toEqual(['{"a":1}', '{"a":2.5}']);
  });
});
