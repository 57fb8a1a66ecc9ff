import { describe, expect, it } from 'vitest';
import { createRng, hashString, mulberry32 } from './rng.js';

describe('createRng', () => {
  it('replays the same sequence for the same seed', () => {
    const a = createRng('sandbox-precise|seed=7');
    const b = createRng('sandbox-precise|seed=7');
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });

  it('gives unrelated sequences for seeds differing in one character', () => {
    expect(createRng('seed=7').next()).not.toBe(createRng('seed=8').next());
    expect(hashString('{"seed":1}')).not.toBe(hashString('{"seed":2}'));
  });

  it('draws uniformly enough for error rates to be meaningful', () => {
    const rng = createRng(42);
    const n = 20_000;
    let below = 0;
    for (let i = 0; i < n; i++) if (rng.next() < 0.3) below++;
    expect(below / n).toBeGreaterThan(0.28);
    expect(below / n).toBeLessThan(0.32);
  });

  it('picks weighted keys proportionally and never a zero weight', () => {
    const rng = createRng(1);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted({ a: 3, b: 1, c: 0 })]++;
    expect(counts.c).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });

  it('shuffles without losing elements and keeps values in range', () => {
    const rng = createRng(3);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    for (let i = 0; i < 100; i++) expect(rng.int(4)).toBeLessThan(4);
    expect(() => rng.pick([])).toThrow();
  });

  it('mulberry32 stays in [0, 1)', () => {
    const next = mulberry32(0);
    for (let i = 0; i < 1000; i++) {
      const v = next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });
});
