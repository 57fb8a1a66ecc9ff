import { describe, expect, it } from 'vitest';
import { choice, mulberry32, randInt, shuffle, uniform, weightedIndex } from './rng.js';

describe('mulberry32', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = Array.from({ length: 5 }, mulberry32(42).next);
    const r = mulberry32(42);
    expect(Array.from({ length: 5 }, () => r.next())).toEqual(a);
    const s = mulberry32(43);
    expect(Array.from({ length: 5 }, () => s.next())).not.toEqual(a);
  });

  it('stays in [0, 1) with a roughly uniform mean', () => {
    const r = mulberry32(7);
    const xs = Array.from({ length: 10_000 }, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('helpers', () => {
  it('uniform and randInt respect their bounds', () => {
    const r = mulberry32(1);
    for (let i = 0; i < 1000; i++) {
      const u = uniform(r, 2, 3);
      expect(u >= 2 && u < 3).toBe(true);
      const n = randInt(r, -2, 2);
      expect(Number.isInteger(n) && n >= -2 && n <= 2).toBe(true);
    }
  });

  it.each([
    [1, 0],
    [0.5, 1],
  ])('randInt rejects [%s, %s]', (min, max) => {
    expect(() => randInt(mulberry32(1), min, max)).toThrow(RangeError);
  });

  it('choice picks members and rejects empty arrays', () => {
    const r = mulberry32(2);
    expect(['a', 'b']).toContain(choice(r, ['a', 'b']));
    expect(() => choice(r, [])).toThrow(RangeError);
  });

  it('shuffle is a seeded permutation that leaves its input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle(mulberry32(5), input);
    expect([...out].sort()).toEqual(input);
    expect(out).toEqual(shuffle(mulberry32(5), input));
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('weightedIndex follows the weights and treats all-zero as uniform', () => {
    const r = mulberry32(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[weightedIndex(r, [0, 1, 3])]! += 1;
    expect(counts[0]).toBe(0);
    expect(counts[2]! / counts[1]!).toBeGreaterThan(2.4);
    expect([0, 1]).toContain(weightedIndex(r, [0, 0]));
    expect(() => weightedIndex(r, [])).toThrow(RangeError);
  });
});
