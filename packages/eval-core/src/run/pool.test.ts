import { describe, expect, it } from 'vitest';
import { runPool } from './pool.js';

describe(runPool.name, () => {
  it('processes every item in order with one lane', async () => {
    const seen: number[] = [];
    await runPool({
      items: [1, 2, 3],
      concurrency: 1,
      worker: async (i) => void seen.push(i),
      shouldStop: () => false,
      onFatal: () => {},
    });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('starts no item once shouldStop is true', async () => {
    const seen: number[] = [];
    await runPool({
      items: [1, 2, 3],
      concurrency: 2,
      worker: async (i) => void seen.push(i),
      shouldStop: () => seen.length >= 2,
      onFatal: () => {},
    });
    expect(seen).toEqual([1, 2]);
  });

  it('rethrows the first failure after every lane stopped, calling onFatal once', async () => {
    const fatal: unknown[] = [];
    let finished = 0;
    const worker = async (i: number) => {
      await new Promise((r) => setTimeout(r, i));
      if (i >= 2) throw new Error(`boom ${i}`);
      finished += 1;
    };
    await expect(
      runPool({
        items: [1, 2, 3, 4, 5],
        concurrency: 3,
        worker,
        shouldStop: () => false,
        onFatal: (e) => fatal.push(e),
      }),
    ).rejects.toThrow('boom 2');
    expect(fatal).toHaveLength(1);
    expect(finished).toBe(1);
  });

  it('handles no items', async () => {
    await expect(
      runPool({
        items: [],
        concurrency: 4,
        worker: async () => {},
        shouldStop: () => false,
        onFatal: () => {},
      }),
    ).resolves.toBeUndefined();
  });
});
