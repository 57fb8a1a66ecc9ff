import { describe, expect, it } from 'vitest';
import {
  SearchSpace,
  comboKey,
  countCombinations,
  gridCombinations,
  parseSearchSpace,
} from './search-space.js';

describe('parseSearchSpace', () => {
  it('expands ranges exactly and keeps lists in order without duplicates', () => {
    const out = parseSearchSpace({
      temperature: { min: 0, max: 0.3, step: 0.1 },
      tool_choice: ['auto', 'required', 'auto'],
      top_k: { min: 5, max: 5, step: 1 },
      seed: [1, null, true],
    });
    expect(out.errors).toEqual([]);
    expect(out.dimensions).toEqual([
      { name: 'temperature', values: [0, 0.1, 0.2, 0.3] },
      { name: 'tool_choice', values: ['auto', 'required'] },
      { name: 'top_k', values: [5] },
      { name: 'seed', values: [1, null, true] },
    ]);
  });

  it('includes only values a step lands on (step larger than the range gives min)', () => {
    expect(parseSearchSpace({ top_p: { min: 0.5, max: 0.6, step: 0.25 } }).dimensions).toEqual([
      { name: 'top_p', values: [0.5] },
    ]);
  });

  it.each([
    ['not an object', [1, 2], 'search_space', /must be an object/],
    ['null', null, 'search_space', /must be an object/],
    ['no dimensions', {}, 'search_space', /no dimensions/],
    [
      'an empty list',
      { temperature: [] },
      'search_space.temperature',
      /temperature: the list of values is empty/,
    ],
    [
      'step 0',
      { temperature: { min: 0, max: 1, step: 0 } },
      'search_space.temperature.step',
      /greater than 0/,
    ],
    ['negative step', { top_p: { min: 0, max: 1, step: -0.1 } }, 'search_space.top_p.step', /top_p\.step/],
    ['min > max', { temperature: { min: 1, max: 0, step: 0.1 } }, 'search_space.temperature.min', /1 > 0/],
    ['a missing step', { temperature: { min: 0, max: 1 } }, 'search_space.temperature.step', /finite number/],
    [
      'a string bound',
      { temperature: { min: '0', max: 1, step: 0.1 } },
      'search_space.temperature.min',
      /number/,
    ],
    [
      'an infinite bound',
      { temperature: { min: 0, max: Infinity, step: 1 } },
      'search_space.temperature.max',
      /number/,
    ],
    [
      'an unknown key',
      { temperature: { min: 0, max: 1, step: 0.1, to: 2 } },
      'search_space.temperature',
      /"to"/,
    ],
    ['a string', { temperature: '0.5' }, 'search_space.temperature', /got string/],
    ['a number', { temperature: 0.5 }, 'search_space.temperature', /got number/],
    ['null', { temperature: null }, 'search_space.temperature', /got null/],
    ['an object value in a list', { stop: ['a', { x: 1 }] }, 'search_space.stop.1', /stop: values must be/],
    ['a NaN in a list', { temperature: [0, NaN] }, 'search_space.temperature.1', /finite numbers/],
    [
      'too many range values',
      { seed: { min: 0, max: 5000, step: 1 } },
      'search_space.seed',
      /seed: range has 5001/,
    ],
  ])('rejects %s with a path naming the dimension', (_name, input, path, message) => {
    const out = parseSearchSpace(input);
    expect(out.dimensions).toEqual([]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.path).toBe(path);
    expect(out.errors[0]!.message).toMatch(message);
  });

  it('reports every bad dimension at once', () => {
    const out = parseSearchSpace({ a: [], b: { min: 0, max: 1, step: 0 }, c: [1] });
    expect(out.errors.map((e) => e.path)).toEqual(['search_space.a', 'search_space.b.step']);
  });

  it('rejects more than 10 000 combinations, naming each dimension size', () => {
    const big = { min: 0, max: 100, step: 1 }; // 101 values
    const out = parseSearchSpace({ a: big, b: big });
    expect(out.errors).toEqual([
      { path: 'search_space', message: '10201 combinations exceed the limit of 10000: a (101) × b (101)' },
    ]);
    expect(parseSearchSpace({ a: big, b: [1, 2] }).errors).toEqual([]);
    expect(parseSearchSpace({ a: [1, 2, 3] }, { maxCombinations: 2 }).errors[0]!.message).toMatch(
      /3 combinations/,
    );
  });

  it('rejects unknown parameters when given a predicate', () => {
    const out = parseSearchSpace(
      { temperature: [0], tempreature: [1] },
      { isKnownDimension: (n) => n === 'temperature' },
    );
    expect(out.errors).toEqual([
      { path: 'search_space.tempreature', message: 'tempreature: unknown parameter' },
    ]);
  });

  it('agrees with the zod SearchSpace shape on valid input', () => {
    const input = { temperature: { min: 0, max: 1, step: 0.5 }, tool_choice: ['auto'] };
    expect(SearchSpace.safeParse(input).success).toBe(true);
    expect(SearchSpace.safeParse({ temperature: [] }).success).toBe(false);
    expect(SearchSpace.safeParse({ temperature: [{}] }).success).toBe(false);
  });
});

describe('gridCombinations', () => {
  const dims = [
    { name: 'a', values: [1, 2] },
    { name: 'b', values: ['x', 'y', 'z'] },
  ];

  it('is the cartesian product with the last dimension varying fastest', () => {
    expect(gridCombinations(dims)).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
    expect(countCombinations(dims)).toBe(6);
  });

  it.each([
    [[], 1],
    [[{ name: 'a', values: [1] }], 1],
    [
      [
        { name: 'a', values: [1, 2, 3] },
        { name: 'b', values: [1, 2, 3, 4] },
        { name: 'c', values: [0, 1] },
      ],
      24,
    ],
  ])('produces the product of the sizes (%#)', (d, n) => {
    expect(gridCombinations(d)).toHaveLength(n);
  });

  it('throws over the cap', () => {
    expect(() => gridCombinations(dims, 5)).toThrow(
      /6 combinations exceed the limit of 5: a \(2\) × b \(3\)/,
    );
  });
});

describe('comboKey', () => {
  it.each([
    [{ a: 1, b: 'x' }, { b: 'x', a: 1 }, true],
    [{ a: 1 }, { a: '1' }, false],
    [{ a: null }, {}, false],
    [{ a: 0.1 }, { a: 0.1 }, true],
    [{ a: true }, { a: 1 }, false],
  ])('%j vs %j → same key: %s', (x, y, same) => {
    expect(comboKey(x) === comboKey(y)).toBe(same);
  });
});
