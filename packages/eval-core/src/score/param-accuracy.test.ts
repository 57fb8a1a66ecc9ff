import { describe, expect, it } from 'vitest';
import { resolveKeyMode, scoreParams } from './param-accuracy.js';
import { valuesMatch } from './value-match.js';

describe(valuesMatch.name, () => {
  it.each([
    // exact
    ['exact', 'Paris', 'paris', true],
    ['exact', 'Paris', 'Paris ', false],
    ['exact', 5, 5.0, true],
    ['exact', 5, '5', false],
    ['exact', true, true, true],
    ['exact', true, 'true', false],
    ['exact', null, null, true],
    ['exact', { a: 'X', b: [1, 'Y'] }, { b: [1, 'y'], a: 'x' }, true],
    ['exact', { a: 1 }, { a: 1, extra: 2 }, false],
    ['exact', [1, 2], [2, 1], false],
    ['exact', [1, 2], [1, 2, 3], false],
    ['exact', { a: 1 }, [1], false],
    ['exact', 'x', { x: 1 }, false],
    // case_insensitive
    ['case_insensitive', 'NEW YORK', 'new york', true],
    ['case_insensitive', ['A'], ['a'], true],
    ['case_insensitive', 3, 4, false],
    // contains
    ['contains', 'Paris', 'Paris, France', true],
    ['contains', 'Paris, France', 'paris', true],
    ['contains', 'Paris', 'London', false],
    ['contains', 42, 'answer 42', true],
    ['contains', 'Paris', '', false],
    ['contains', '', '', true],
    ['contains', ['a', 'b'], '["a","b","c"]', false],
    // numeric_tolerance (default epsilon 0.01)
    ['numeric_tolerance', 1.0, 1.01, true],
    ['numeric_tolerance', 1.0, 1.02, false],
    ['numeric_tolerance', 20, '20.005', true],
    ['numeric_tolerance', [1, 2], [1.001, 2.009], true],
    ['numeric_tolerance', { lat: 48.85 }, { lat: 48.859 }, true],
    ['numeric_tolerance', 'abc', 'ABC', true],
    ['numeric_tolerance', 'abc', 'abd', false],
    // regex
    ['regex', '^\\d{4}-\\d{2}-\\d{2}$', '2025-06-01', true],
    ['regex', '^\\d{4}$', '20250', false],
    ['regex', '\\d+', 42, true],
    ['regex', '(unclosed', '(unclosed', true],
    ['regex', { a: 1 }, { a: 1 }, true],
    // bfcl-style standardisation (no BFCL data)
    ['bfcl', 'New York, NY', 'new_york ny', true],
    ['bfcl', 'Paris', 'Rome', false],
  ] as const)('%s: %j vs %j → %s', (mode, expected, actual, result) => {
    expect(valuesMatch(expected, actual, mode)).toBe(result);
  });

  it('uses the given epsilon', () => {
    expect(valuesMatch(10, 10.4, 'numeric_tolerance', 0.5)).toBe(true);
    expect(valuesMatch(10, 10.6, 'numeric_tolerance', 0.5)).toBe(false);
    expect(valuesMatch(10, 10, 'numeric_tolerance', 0)).toBe(true);
  });

  it('never matches a missing value', () => {
    expect(valuesMatch(undefined, undefined, 'exact')).toBe(false);
  });
});

describe(scoreParams.name, () => {
  it.each([
    ['expected null → not scored', null, { city: 'Paris' }, null],
    ['expected {} → 1', {}, { city: 'Paris' }, 1],
    ['expected {} with no call → 1', {}, null, 1],
    ['actual null → 0', { city: 'Paris' }, null, 0],
    ['all keys right', { city: 'Paris', days: 3 }, { city: 'paris', days: 3.0 }, 1],
    ['partial → 0.5', { city: 'Paris', days: 3 }, { city: 'Paris', days: 4 }, 0.5],
    ['missing key counts as wrong', { city: 'Paris', days: 3 }, { city: 'Paris' }, 0.5],
    ['extra keys are ignored', { city: 'Paris' }, { city: 'Paris', units: 'celsius' }, 1],
    ['a key sent as null is wrong', { city: 'Paris' }, { city: null }, 0],
    ['int 5 == float 5.0', { n: 5 }, { n: 5.0 }, 1],
  ] as const)('%s', (_label, expected, actual, score) => {
    expect(scoreParams({ expected, actual }).score).toBe(score);
  });

  it('reports one detail per expected key', () => {
    const { details } = scoreParams({ expected: { city: 'Paris', days: 3 }, actual: { city: 'paris' } });
    expect(details).toEqual([
      {
        key: 'city',
        expected: 'Paris',
        actual: 'paris',
        present: true,
        mode: 'exact',
        epsilon: null,
        match: true,
      },
      { key: 'days', expected: 3, actual: null, present: false, mode: 'exact', epsilon: null, match: false },
    ]);
  });

  it('uses param_scoring as the default mode (the old product ignored it)', () => {
    const r = scoreParams({
      expected: { city: 'Paris' },
      actual: { city: 'Paris, France' },
      paramScoring: 'contains',
    });
    expect(r.score).toBe(1);
    expect(r.details[0]?.mode).toBe('contains');
  });

  it('lets scoring_config.mode override param_scoring and per_key override both', () => {
    const r = scoreParams({
      expected: { city: 'Paris', temp: 20, date: '^2025-' },
      actual: { city: 'Paris, France', temp: 20.4, date: '2025-06-01' },
      paramScoring: 'exact',
      scoringConfig: {
        mode: 'contains',
        epsilon: 0.5,
        per_key: { temp: { mode: 'numeric_tolerance' }, date: { mode: 'regex' } },
      },
    });
    expect(r.details.map((d) => [d.key, d.mode, d.epsilon, d.match])).toEqual([
      ['city', 'contains', null, true],
      ['temp', 'numeric_tolerance', 0.5, true],
      ['date', 'regex', null, true],
    ]);
    expect(r.score).toBe(1);
  });

  it('per-key epsilon wins over the config epsilon, which wins over 0.01', () => {
    expect(resolveKeyMode('a', 'numeric_tolerance', null)).toEqual({
      mode: 'numeric_tolerance',
      epsilon: 0.01,
    });
    expect(resolveKeyMode('a', 'numeric_tolerance', { epsilon: 1 })).toEqual({
      mode: 'numeric_tolerance',
      epsilon: 1,
    });
    expect(
      resolveKeyMode('a', 'exact', { epsilon: 1, per_key: { a: { mode: 'numeric_tolerance', epsilon: 2 } } }),
    ).toEqual({ mode: 'numeric_tolerance', epsilon: 2 });
  });

  it('does not read per_key entries inherited from the prototype', () => {
    expect(resolveKeyMode('toString', 'exact', { per_key: {} }).mode).toBe('exact');
  });
});
