import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../rng.js';
import { comboKey, gridCombinations } from '../search-space.js';
import { sampleRandom } from './random.js';

const GRID = gridCombinations([
  { name: 'temperature', values: [0, 0.5, 1] },
  { name: 'tool_choice', values: ['auto', 'required'] },
]);

describe('sampleRandom', () => {
  it.each([0, 1, 4, 6])('returns %i distinct grid members', (n) => {
    const out = sampleRandom(GRID, n, mulberry32(42));
    expect(out).toHaveLength(n);
    expect(new Set(out.map(comboKey)).size).toBe(n);
    for (const c of out) expect(GRID).toContainEqual(c);
  });

  it('is deterministic per seed and varies with it', () => {
    expect(sampleRandom(GRID, 4, mulberry32(1))).toEqual(sampleRandom(GRID, 4, mulberry32(1)));
    const orders = new Set([1, 2, 3, 4, 5].map((s) => JSON.stringify(sampleRandom(GRID, 6, mulberry32(s)))));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('caps at the number of distinct combinations and skips duplicates and excluded keys', () => {
    const withDupes = [...GRID, { tool_choice: 'auto', temperature: 0 }];
    expect(sampleRandom(withDupes, 50, mulberry32(3))).toHaveLength(6);
    const exclude = new Set(GRID.slice(0, 2).map(comboKey));
    const out = sampleRandom(GRID, 50, mulberry32(3), exclude);
    expect(out.map(comboKey).sort()).toEqual(GRID.slice(2).map(comboKey).sort());
  });

  it.each([-1, 1.5])('rejects n = %s', (n) => {
    expect(() => sampleRandom(GRID, n, mulberry32(1))).toThrow(RangeError);
  });
});
